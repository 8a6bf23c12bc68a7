"""Test data for the manager dashboard: an organisation tree, people placed in it with a role,
assignments and completion records. Kept apart from tests/factories.py, which other areas share."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from people import roles
from people.models import Assignment, Function, Organisation
from tests.factories import UserFactory, make_organisation
from training.models import Completion, CompletionStatus


def build_tree():
    """provincie → regio → gemeente-a (team-a1, team-a2 → team-a2-noord), gemeente-b (team-b1)."""

    province = make_organisation("Provincie", "province", None, "provincie")
    region = make_organisation("Regio Hart van Brabant", "region", province, "regio")
    a = make_organisation("Gemeente A", "municipality", region, "gemeente-a")
    b = make_organisation("Gemeente B", "municipality", region, "gemeente-b")
    a1 = make_organisation("Team Handhaving A1", "team", a, "team-a1")
    a2 = make_organisation("Team Vergunningen A2", "team", a, "team-a2")
    a2n = make_organisation("Team A2 Noord", "team", a2, "team-a2-noord")
    b1 = make_organisation("Team Toezicht B1", "team", b, "team-b1")
    return {
        node.slug: Organisation.objects.get(pk=node.pk)
        for node in (province, region, a, b, a1, a2, a2n, b1)
    }


def person(
    username,
    node,
    *,
    groups=(),
    function=Function.BOA,
    employee_number=None,
    active=True,
    first_name="Test",
    last_name=None,
):
    """A user with a profile in ``node``, in the given role groups, as a request loads them."""
    user = UserFactory(
        username=username,
        function=function,
        first_name=first_name,
        last_name=last_name or username.title(),
    )
    profile = user.profile
    profile.organisation = node
    profile.employee_number = employee_number
    profile.active = active
    profile.save()
    if groups:
        roles.ensure_groups()
        user.groups.add(*Group.objects.filter(name__in=groups))
    return type(user).objects.get(pk=user.pk)


def manager_of(username, *nodes, home=None):
    user = person(username, home, groups=[roles.MANAGERS], function=Function.MT_MEMBER)
    for node in nodes:
        node.managers.add(user)
    return type(user).objects.get(pk=user.pk)


def assign(module, node, *, due, function="", validity_months=None):
    return Assignment.objects.create(
        module=module,
        organisation=node,
        function=function,
        due_date=due,
        validity_months=validity_months,
    )


def completed(user, module, on):
    """A completion record as update_completion leaves it after a pass on day ``on``."""
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    return Completion.objects.create(
        learner=user,
        module=module,
        status=CompletionStatus.COMPLETED,
        best_score=90,
        first_completed_at=moment,
        last_completed_at=moment,
        attempt_count=1,
    )


def started(user, module):
    """A completion record as update_completion leaves it for an attempt still open."""
    return Completion.objects.create(
        learner=user,
        module=module,
        status=CompletionStatus.IN_PROGRESS,
        attempt_count=1,
    )
