"""Retention of personal data (AVG): who is anonymised, and how.

A person is anonymised when

* they left (profile inactive) more than ``LEAVERS_RETENTION_DAYS`` ago (``Profile.left_on``,
  set whenever a profile becomes inactive), or
* all their training records are older than ``TRAINING_RECORDS_RETENTION_DAYS`` (no attempt
  started or finished since) and they have not logged in since then either.

Staff and superusers are never anonymised automatically (an admin account is removed by
hand), and nobody is anonymised twice (``Profile.anonymised_on``).

Anonymising replaces the login's personal data (user name ``geanonimiseerd-<random>``, no name,
no e-mail, no usable password, inactive, no groups, managing nothing), clears the employee
number and the function, deletes the reminder log and whatever else of the person is kept
elsewhere (e-mail addresses and two-factor devices of the login app, when installed), and
replaces the name frozen on certificates. Attempts, responses and completions stay, linked to
the now anonymous user and still in their organisation node, so that every aggregate
(dashboard counts, coordinator insights, item statistics) stays what it was.

Each run that anonymises someone writes one audit entry with the counts and no names.
"""

import datetime
import secrets
from dataclasses import asdict, dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import pre_save
from django.utils import timezone

from people import audit
from people.models import AuditEntry, Function, Profile
from training.models import Attempt, Completion, Response

from .models import ReminderLog

ANONYMOUS_PREFIX = "geanonimiseerd-"
ANONYMOUS_NAME = "geanonimiseerd"
ACTOR_NAME = "retention"


@dataclass
class Counts:
    leavers: int = 0
    inactive_records: int = 0
    people: int = 0
    attempts: int = 0
    responses: int = 0
    completions: int = 0
    reminders_deleted: int = 0
    certificates: int = 0


# -- when someone leaves ------------------------------------------------------------------------


def profile_left(sender, instance, **kwargs):
    """The leavers' clock: set the day a profile becomes inactive, clear it when it is active
    again. Runs on every save, whoever saves (an import, the admin, a shell)."""
    if instance.active:
        instance.left_on = None
    elif instance.left_on is None:
        instance.left_on = timezone.localdate()


def connect():
    pre_save.connect(profile_left, sender=Profile, dispatch_uid="retention_profile_left")


# -- who --------------------------------------------------------------------------------------


def leavers_cutoff(today):
    return today - datetime.timedelta(days=settings.LEAVERS_RETENTION_DAYS)


def records_cutoff(now):
    return now - datetime.timedelta(days=settings.TRAINING_RECORDS_RETENTION_DAYS)


def due(today=None, now=None):
    """The users due for anonymisation, as two querysets: (leavers, people whose records are
    all older than the retention period), without overlap."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    User = get_user_model()
    candidates = User.objects.filter(is_staff=False, is_superuser=False).exclude(
        profile__anonymised_on__isnull=False
    )
    leavers = candidates.filter(profile__active=False, profile__left_on__lt=leavers_cutoff(today))
    cutoff = records_cutoff(now)
    # The newest moment of each person's training: an attempt finishes after it starts.
    latest = (
        Attempt.objects.filter(learner=OuterRef("pk"))
        .annotate(moment=Coalesce("finished_at", "started_at"))
        .order_by("-moment")
        .values("moment")[:1]
    )
    dormant = (
        candidates.exclude(pk__in=leavers.values("pk"))
        .annotate(latest=Subquery(latest))
        .filter(latest__lt=cutoff)
        .filter(Q(last_login__isnull=True) | Q(last_login__lt=cutoff))
    )
    return leavers, dormant


# -- how ----------------------------------------------------------------------------------------


def _optional_model(label):
    """A model of an app that may not be installed (certificates, the login app)."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def anonymise_user(user, today):
    """Remove the personal data of one user; their training records stay, now anonymous.
    Returns what was changed, as counts."""
    counts = Counts(people=1)
    anonymous = f"{ANONYMOUS_PREFIX}{secrets.token_hex(6)}"
    old_username = user.get_username()
    user.username = anonymous
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    user.managed_organisations.clear()
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.employee_number = None
    profile.function = Function.OTHER
    profile.active = False
    profile.anonymised_on = today
    # The organisation node stays: anonymous figures per organisation stay right.
    profile.save()
    counts.reminders_deleted = ReminderLog.objects.filter(recipient=user).delete()[0]
    counts.attempts = Attempt.objects.filter(learner=user).count()
    counts.responses = Response.objects.filter(attempt__learner=user).count()
    counts.completions = Completion.objects.filter(learner=user).count()
    # Names in the audit log are personal data as well; the entries themselves stay.
    AuditEntry.objects.filter(actor=user).update(actor_name=anonymous)
    for entry in AuditEntry.objects.filter(
        action=AuditEntry.Action.ROLE_CHANGE, details__user_id=user.pk
    ):
        entry.details = {**entry.details, "user": anonymous}
        entry.save(update_fields=["details"])
    certificate = _optional_model("certificates.Certificate")
    if certificate is not None:
        counts.certificates = certificate.objects.filter(learner=user).update(
            learner_name=ANONYMOUS_NAME
        )
    for label in (
        "account.EmailAddress",
        "mfa.Authenticator",
        "socialaccount.SocialAccount",
        "wagtailusers.UserProfile",  # avatar and admin preferences
    ):
        model = _optional_model(label)
        if model is not None:
            model.objects.filter(user=user).delete()
    for label in ("axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"):
        model = _optional_model(label)  # login attempts, by user name and address
        if model is not None:
            model.objects.filter(username=old_username).delete()
    return counts


def anonymise(dry_run=False, today=None, now=None):
    """Anonymise everyone due (see the module docstring). Returns the counts; with
    ``dry_run`` nothing changes and the counts say what would. Safe to run again: whoever was
    anonymised is not due any more, and a run with nobody due writes nothing."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    leavers, dormant = due(today, now)
    total = Counts()
    with transaction.atomic(), audit.not_audited():
        people = [(user, "leavers") for user in leavers.select_for_update(of=("self",))]
        people += [(user, "inactive_records") for user in dormant.select_for_update(of=("self",))]
        for user, reason in people:
            setattr(total, reason, getattr(total, reason) + 1)
            if dry_run:
                total.people += 1
                total.attempts += Attempt.objects.filter(learner=user).count()
                total.responses += Response.objects.filter(attempt__learner=user).count()
                total.completions += Completion.objects.filter(learner=user).count()
                total.reminders_deleted += ReminderLog.objects.filter(recipient=user).count()
                continue
            done = anonymise_user(user, today)
            for name, value in asdict(done).items():
                setattr(total, name, getattr(total, name) + value)
        if total.people and not dry_run:
            AuditEntry.objects.create(
                actor=None,
                actor_name=ACTOR_NAME,
                action=AuditEntry.Action.ANONYMISE,
                row_count=total.people,
                details={
                    **asdict(total),
                    "leavers_retention_days": settings.LEAVERS_RETENTION_DAYS,
                    "records_retention_days": settings.TRAINING_RECORDS_RETENTION_DAYS,
                },
            )
    return total
