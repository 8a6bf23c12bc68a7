"""The status of a learner on an assigned module is computed in one place (training.status)."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from people.status import (
    TrainingStatus,
    add_months,
    personal_due_date,
    status_for_assignment,
    status_of,
)

TODAY = datetime.date(2026, 6, 15)


def completion(passed_on=None):
    moment = None
    if passed_on:
        moment = timezone.make_aware(datetime.datetime.combine(passed_on, datetime.time(12)))
    return SimpleNamespace(last_completed_at=moment)


@pytest.mark.parametrize(
    ("record", "due", "months", "expected", "until"),
    [
        (None, TODAY + datetime.timedelta(days=10), 24, TrainingStatus.NOT_STARTED, None),
        (None, TODAY - datetime.timedelta(days=1), 24, TrainingStatus.OVERDUE, None),
        (completion(), TODAY + datetime.timedelta(days=3), 24, TrainingStatus.IN_PROGRESS, None),
        (completion(), TODAY - datetime.timedelta(days=3), 24, TrainingStatus.OVERDUE, None),
        (
            completion(datetime.date(2025, 1, 31)),
            TODAY - datetime.timedelta(days=30),
            24,
            TrainingStatus.COMPLETED,
            datetime.date(2027, 1, 31),
        ),
        (
            completion(datetime.date(2024, 6, 14)),
            TODAY + datetime.timedelta(days=30),
            24,
            TrainingStatus.EXPIRED,
            datetime.date(2026, 6, 14),
        ),
        (completion(datetime.date(2020, 1, 1)), TODAY, None, TrainingStatus.COMPLETED, None),
    ],
    ids=[
        "not-started",
        "overdue",
        "in-progress",
        "started-but-overdue",
        "completed",
        "expired-even-before-due-date",
        "never-expires",
    ],
)
def test_status_of_a_learner_on_an_assigned_module(record, due, months, expected, until):
    status = status_of(record, due_date=due, validity_months=months, today=TODAY)
    assert status.status == expected
    assert status.valid_until == until


def test_a_pass_counts_up_to_and_including_its_last_valid_day():
    record = completion(datetime.date(2024, 6, 15))
    on_last_day = status_of(record, validity_months=24, today=datetime.date(2026, 6, 15))
    day_after = status_of(record, validity_months=24, today=datetime.date(2026, 6, 16))
    assert on_last_day.status == TrainingStatus.COMPLETED
    assert day_after.status == TrainingStatus.EXPIRED


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 11, 30), 3, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 5, 10), 24, datetime.date(2026, 5, 10)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_day_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


# -- newcomers: the due date runs from when the assignment reached them ------------------------

DUE = datetime.date(2026, 5, 1)
ASSIGNED = datetime.date(2026, 1, 15)


@pytest.mark.parametrize(
    ("started_on", "expected"),
    [
        (None, DUE),  # there from the start (a profile from before hire dates)
        (datetime.date(2020, 5, 1), DUE),  # hired long before the assignment
        (ASSIGNED, DUE),  # joined the day it was made
        (datetime.date(2026, 1, 20), DUE),  # joined later, but 60 days end before the due date
        (TODAY, TODAY + datetime.timedelta(days=60)),  # joined today: 60 days from today
    ],
)
def test_a_newcomers_due_date_counts_from_their_start(started_on, expected):
    assert personal_due_date(DUE, ASSIGNED, 60, started_on) == expected


def test_new_staff_are_not_overdue_on_their_first_day():
    assignment = SimpleNamespace(
        due_date=DUE,
        created_at=timezone.make_aware(datetime.datetime.combine(ASSIGNED, datetime.time(9))),
        newcomer_days=30,
        validity_months=None,
    )
    old_hand = status_for_assignment(assignment, None, today=TODAY, started_on=None)
    newcomer = status_for_assignment(assignment, None, today=TODAY, started_on=TODAY)
    assert old_hand.status == TrainingStatus.OVERDUE
    assert (newcomer.status, newcomer.due_date) == (
        TrainingStatus.NOT_STARTED,
        TODAY + datetime.timedelta(days=30),
    )
