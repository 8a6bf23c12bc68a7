"""Who sees whose records: the scope rules of training.scope, applied by every visible_to()."""

import pytest
from django.contrib.auth.models import Group

from people import roles
from people.models import Organisation, Profile
from tests.factories import UserFactory, make_module, make_organisation
from training import services
from training.models import Attempt, Completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    province = make_organisation("Provincie", "province", None, "provincie")
    region = make_organisation("Regio", "region", province, "regio")
    a = make_organisation("Gemeente A", "municipality", region, "gemeente-a")
    b = make_organisation("Gemeente B", "municipality", region, "gemeente-b")
    team_a1 = make_organisation("Team A1", "team", a, "team-a1")
    team_a2 = make_organisation("Team A2", "team", a, "team-a2")
    team_b1 = make_organisation("Team B1", "team", b, "team-b1")
    return {
        node.slug: Organisation.objects.get(pk=node.pk)
        for node in (province, region, a, b, team_a1, team_a2, team_b1)
    }


def person(username, node, groups=()):
    user = UserFactory(username=username)
    Profile.objects.filter(user=user).update(organisation=node)
    roles.ensure_groups()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return type(user).objects.get(pk=user.pk)  # as a request would load it


@pytest.fixture
def people(tree, catalogue):
    module = make_module(catalogue=catalogue)
    learners = {
        "a1": person("in-a1", tree["team-a1"]),
        "a2": person("in-a2", tree["team-a2"]),
        "b1": person("in-b1", tree["team-b1"]),
    }
    for learner in learners.values():
        services.start_attempt(learner, module)
    return learners


def visible_usernames(user):
    completions = Completion.objects.visible_to(user).values_list("learner__username", flat=True)
    attempts = Attempt.objects.visible_to(user).values_list("learner__username", flat=True)
    profiles = Profile.objects.visible_to(user).values_list("user__username", flat=True)
    assert set(completions) == set(attempts)
    return set(completions), set(profiles)


def test_hr_sees_its_own_municipality_and_below_and_nobody_else(tree, people):
    hr = person("hr-a", tree["gemeente-a"], groups=[roles.HR])
    records, profiles = visible_usernames(hr)
    assert records == {"in-a1", "in-a2"}
    assert profiles == {"in-a1", "in-a2", "hr-a"}


def test_manager_sees_the_teams_they_manage_and_nothing_else(tree, people):
    manager = person("manager", tree["gemeente-b"], groups=[roles.MANAGERS])
    tree["team-a1"].managers.add(manager)
    assert visible_usernames(manager)[0] == {"in-a1"}

    tree["team-b1"].managers.add(manager)
    manager = type(manager).objects.get(pk=manager.pk)  # a new request: no cached scope
    assert visible_usernames(manager)[0] == {"in-a1", "in-b1"}


def test_managing_a_node_without_the_manager_role_shows_nothing(tree, people):
    someone = person("not-a-manager", tree["gemeente-a"])
    tree["gemeente-a"].managers.add(someone)
    assert visible_usernames(someone)[0] == set()


def test_coordinator_and_learner_see_only_their_own_records(tree, people):
    coordinator = person("coordinator", tree["provincie"], groups=[roles.COORDINATORS])
    assert visible_usernames(coordinator)[0] == set()
    assert visible_usernames(people["a1"])[0] == {"in-a1"}


def test_platform_admin_sees_everyone(tree, people):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert visible_usernames(admin)[0] == {"in-a1", "in-a2", "in-b1"}


def test_hr_without_an_organisation_sees_nobody_else(tree, people):
    hr = person("hr-nowhere", None, groups=[roles.HR])
    assert visible_usernames(hr)[0] == set()
