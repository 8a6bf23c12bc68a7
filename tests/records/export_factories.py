"""Test data for the HR export: a small organisation tree, people placed in it, HR users and
completion records. Kept apart from tests/factories.py, which other areas share."""

import datetime
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone

from people import roles
from people.models import Function, Organisation
from tests.factories import UserFactory, make_organisation
from training.models import Completion, CompletionStatus

_numbers = itertools.count(1000)


def build_tree():
    """provincie → regio → gemeente-a (team-a1), gemeente-b (team-b1)."""

    province = make_organisation("Provincie", "province", None, "x-provincie")
    region = make_organisation("Regio", "region", province, "x-regio")
    a = make_organisation("Gemeente A", "municipality", region, "x-gemeente-a")
    b = make_organisation("Gemeente B", "municipality", region, "x-gemeente-b")
    a1 = make_organisation("Team Handhaving A1", "team", a, "x-team-a1")
    b1 = make_organisation("Team Toezicht B1", "team", b, "x-team-b1")
    return {
        key: Organisation.objects.get(pk=node.pk)
        for key, node in {
            "province": province,
            "region": region,
            "a": a,
            "b": b,
            "a1": a1,
            "b1": b1,
        }.items()
    }


def person(
    node,
    *,
    username=None,
    first_name="Test",
    last_name=None,
    function=Function.BOA,
    employee_number=None,
    groups=(),
    active=True,
):
    """A user with a profile in ``node``, in the given role groups, as a request loads them."""
    number = next(_numbers)
    user = UserFactory(
        username=username or f"person{number}",
        first_name=first_name,
        last_name=last_name if last_name is not None else f"Persoon {number}",
        function=function,
    )
    profile = user.profile
    profile.organisation = node
    profile.employee_number = employee_number or f"E{number}"
    profile.active = active
    profile.save()
    if groups:
        roles.ensure_groups()
        user.groups.add(*Group.objects.filter(name__in=groups))
    return type(user).objects.get(pk=user.pk)


def hr_of(node, username=None):
    return person(node, username=username, function=Function.OTHER, groups=[roles.HR])


def completed(learner, module, *, on=None, score=85, attempts=2, last=None):
    """A completion record: passed ``on`` (a date; None: started, not passed yet)."""

    def moment(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))

    return Completion.objects.create(
        learner=learner,
        module=module,
        status=CompletionStatus.COMPLETED if on else CompletionStatus.IN_PROGRESS,
        best_score=score,
        first_completed_at=moment(on) if on else None,
        last_completed_at=moment(last or on) if on else None,
        attempt_count=attempts,
    )
