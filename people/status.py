"""A learner's status on an assigned module, computed here and nowhere else: not started,
in progress, completed (valid until …), overdue, expired."""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrainingStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    OVERDUE = "overdue", _("Overdue")
    EXPIRED = "expired", _("Expired")


# Statuses that need someone's action, for dashboards and reminders.
NEEDS_ACTION = frozenset({TrainingStatus.OVERDUE, TrainingStatus.EXPIRED})


def add_months(day, months):
    """The same day ``months`` later, or the month's last day where it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def local_date(moment):
    return timezone.localtime(moment).date() if moment else None


@dataclass(frozen=True)
class AssignedStatus:
    status: str
    due_date: datetime.date | None
    valid_until: datetime.date | None
    completion: object = None

    @property
    def label(self):
        return TrainingStatus(self.status).label

    @property
    def needs_action(self):
        return self.status in NEEDS_ACTION


def valid_until(completion, validity_months):
    """The last day the learner's most recent pass counts, or None when it never expires."""
    if completion is None or completion.last_completed_at is None or validity_months is None:
        return None
    return add_months(local_date(completion.last_completed_at), validity_months)


def status_of(completion, *, due_date=None, validity_months=None, today=None):
    """The status of one learner on one module, given their completion record (or None), the
    assignment's due date and validity period. A pass counts until it expires; a pass that
    expired is "expired" even if the due date lies ahead, because the organisation has to
    renew it."""
    today = today or timezone.localdate()
    until = valid_until(completion, validity_months)
    if completion is not None and completion.last_completed_at is not None:
        if until is not None and until < today:
            return AssignedStatus(TrainingStatus.EXPIRED, due_date, until, completion)
        return AssignedStatus(TrainingStatus.COMPLETED, due_date, until, completion)
    if due_date is not None and due_date < today:
        return AssignedStatus(TrainingStatus.OVERDUE, due_date, None, completion)
    if completion is not None:
        return AssignedStatus(TrainingStatus.IN_PROGRESS, due_date, None, completion)
    return AssignedStatus(TrainingStatus.NOT_STARTED, due_date, None, completion)


def personal_due_date(due_date, assigned_on, newcomer_days, started_on):
    """A person's due date on an assignment: its due date for everyone who was there when it
    was made (``assigned_on``); for someone who started later, ``newcomer_days`` from their
    start, and never before the due date. New staff are not overdue on their first day."""
    if due_date is None or started_on is None or assigned_on is None:
        return due_date
    if started_on <= assigned_on:
        return due_date
    return max(due_date, started_on + datetime.timedelta(days=newcomer_days or 0))


def assignment_due_date(assignment, started_on):
    """``personal_due_date`` for an ``Assignment`` (or a ``.values()`` row of one)."""
    if assignment is None:
        return None
    row = assignment if isinstance(assignment, dict) else None
    due_date = row["due_date"] if row else assignment.due_date
    if started_on is None:  # there from the start: no date conversion (thousands per page)
        return due_date
    if row:
        assigned_on = row.get("assigned_on") or local_date(row["created_at"])
        return personal_due_date(due_date, assigned_on, row["newcomer_days"], started_on)
    return personal_due_date(
        due_date, local_date(assignment.created_at), assignment.newcomer_days, started_on
    )


def status_for_assignment(assignment, completion, today=None, started_on=None):
    """The status on ``assignment`` of someone who started on ``started_on`` (None: there from
    the start)."""
    return status_of(
        completion,
        due_date=assignment_due_date(assignment, started_on),
        validity_months=assignment.validity_months if assignment else None,
        today=today,
    )
