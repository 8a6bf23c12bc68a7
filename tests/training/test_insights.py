"""Programme coordinators see aggregated figures only: per organisation and module, never a
person, and never a group small enough to single someone out."""

import datetime

import pytest
from django.contrib.auth.models import Group

from cms import roles
from tests.factories import UserFactory, login_with_mfa, make_module, make_organisation
from training.models import Assignment, Completion, Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(catalogue, settings):
    settings.INSIGHTS_PRIVACY_THRESHOLD = 3
    root = make_organisation("Provincie", "province", None, "provincie")
    big = make_organisation("Gemeente Groot", "municipality", root, "groot")
    small = make_organisation("Gemeente Klein", "municipality", root, "klein")
    team = make_organisation("Team Handhaving", "team", big, "groot-team")
    module = make_module(catalogue=catalogue, title="Drugsafval herkennen")
    Assignment.objects.create(
        module=module, organisation=root, due_date=datetime.date(2000, 1, 1), validity_months=24
    )
    people = []
    for index, node in enumerate([team, team, team, team, small, small]):
        user = UserFactory(username=f"person{index}", first_name=f"Uniekenaam{index}")
        Profile.objects.filter(user=user).update(organisation=node)
        people.append(user)
    now = datetime.datetime.now(datetime.UTC)
    for user in people[:3]:  # three of the four in the big municipality passed
        Completion.objects.create(
            learner=user,
            module=module,
            status="completed",
            best_score=90,
            first_completed_at=now,
            last_completed_at=now,
            attempt_count=1,
        )
    roles.ensure_groups(catalogue)
    coordinator = UserFactory(username="coordinator")
    coordinator.groups.add(Group.objects.get(name=roles.COORDINATORS))
    return {"coordinator": coordinator, "people": people}


def test_coordinator_sees_rates_per_organisation_and_no_names(client, province):
    login_with_mfa(client, province["coordinator"])

    html = client.get("/leren/inzicht/").content.decode()

    assert "Gemeente Groot" in html and "Drugsafval herkennen" in html
    assert "<td>4</td>" in html and "<td>75%</td>" in html and "<td>1</td>" in html
    assert "Uniekenaam" not in html


def test_a_group_below_the_privacy_threshold_is_not_shown(client, province):
    login_with_mfa(client, province["coordinator"])

    html = client.get("/leren/inzicht/").content.decode()

    small_row = html[html.index("Gemeente Klein") :]
    small_row = small_row[: small_row.index("</tr>")]
    assert "Minder dan 3 mensen" in small_row
    assert "%" not in small_row


@pytest.mark.parametrize("group", [None, roles.MANAGERS, roles.HR, roles.TRAINERS])
def test_only_coordinators_and_admins_see_the_figures(client, province, group):
    user = UserFactory(username="someone-else")
    if group:
        user.groups.add(Group.objects.get(name=group))
    login_with_mfa(client, user)
    assert client.get("/leren/inzicht/").status_code == 403
