"""Reminder e-mails: who gets which one, and sending each at most once.

Learners get one e-mail per assignment and stage:

- ``due_soon``: not completed, due within ``LEAD_DAYS`` days;
- ``overdue``: not completed, the due date has passed;
- ``expiring``: completed, but the pass stops counting within ``LEAD_DAYS`` days;
- ``expired``: the pass no longer counts (recertification).

Managers (users in ``Organisation.managers`` who have the manager role, the same rule as
``people.scope``) get a weekly digest of the people in their nodes and below whose training is
overdue or expired.

Statuses come from ``people.status`` and nowhere else. "At most once" is kept by a
``ReminderLog`` row that is inserted (claimed) in its own transaction *before* the mail is sent;
its unique constraints make a second cron run or a second worker lose the race. If sending fails
the claim is deleted again, so the next run retries; a worker killed between claim and send
loses that one reminder rather than ever sending it twice (``sent_at`` stays empty on its row).

The cycle of a reminder is the date it is about (the due date, or the valid-until date), so a
moved due date or a new recertification cycle reminds again; a digest's cycle is its ISO week.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from people import roles
from people.models import Profile
from people.names import surname_key
from people.scope import _collapse
from people.status import NEEDS_ACTION, TrainingStatus

from .assignments import assigned_trainings
from .models import ReminderLog, ReminderStage

# How many days ahead of a due date or the end of a pass's validity the learner is reminded.
LEAD_DAYS = 14

SENT = "sent"
ALREADY_SENT = "already sent"
NOT_APPLICABLE = "no longer applies"


@dataclass(frozen=True)
class Reminder:
    """One e-mail to send: to whom, about which assignment (none for a digest), at which stage,
    for which cycle. Its fields are the key of its ``ReminderLog`` row."""

    recipient_id: int
    assignment_id: int | None
    stage: str
    cycle: str

    @property
    def key(self):
        return (self.recipient_id, self.assignment_id, self.stage, self.cycle)


# -- who is assigned what: records.assignments ---------------------------------------------


def people():
    """Profiles of people who still work here, with their user and organisation node."""
    return Profile.objects.filter(
        active=True, user__is_active=True, organisation__isnull=False
    ).select_related("user", "organisation")


# -- learners --------------------------------------------------------------------------------


def stage_of(status, today):
    """The reminder stage a status calls for and the date it is about, or None."""
    horizon = today + datetime.timedelta(days=LEAD_DAYS)
    if status.status == TrainingStatus.OVERDUE:
        return ReminderStage.OVERDUE, status.due_date
    if status.status == TrainingStatus.EXPIRED:
        return ReminderStage.EXPIRED, status.valid_until
    if status.status == TrainingStatus.COMPLETED:
        if status.valid_until is not None and status.valid_until <= horizon:
            return ReminderStage.EXPIRING, status.valid_until
        return None
    if status.due_date is not None and status.due_date <= horizon:
        return ReminderStage.DUE_SOON, status.due_date
    return None


def learner_reminder(training, today):
    stage = stage_of(training.status, today)
    if stage is None or not training.profile.user.email:
        return None
    stage, date = stage
    return Reminder(training.profile.user_id, training.assignment.pk, stage, date.isoformat())


def learner_reminders(today=None, trainings=None):
    """Every learner reminder that is due today and has not been sent (or claimed) yet."""
    today = today or timezone.localdate()
    if trainings is None:
        trainings = assigned_trainings(people(), today)
    reminders = {
        reminder.key: reminder
        for reminder in (learner_reminder(training, today) for training in trainings)
        if reminder is not None
    }
    sent = set(
        ReminderLog.objects.filter(assignment_id__in={key[1] for key in reminders}).values_list(
            "recipient_id", "assignment_id", "stage", "cycle"
        )
    )
    return [reminder for key, reminder in reminders.items() if key not in sent]


# -- managers --------------------------------------------------------------------------------


def iso_week(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def managers():
    """Users who manage at least one node, have the manager role and an e-mail address."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, managed_organisations__isnull=False)
        .exclude(email="")
        .filter(Q(is_superuser=True) | Q(groups__name=roles.MANAGERS))
        .distinct()
        .prefetch_related("managed_organisations")
    )
    return list(users)


def managed_paths(manager):
    if not roles.has_role(manager, roles.MANAGERS):
        return []
    return _collapse(organisation.path for organisation in manager.managed_organisations.all())


def digest_entries(manager, today=None, trainings=None):
    """The overdue and expired trainings of the people in the manager's nodes and below, sorted
    by node and name. ``trainings`` (everyone's) saves the queries when digesting many
    managers."""
    today = today or timezone.localdate()
    paths = managed_paths(manager)
    if not paths:
        return []
    if trainings is None:
        in_scope = Q()
        for path in paths:
            in_scope |= Q(organisation__path__startswith=path)
        trainings = assigned_trainings(people().filter(in_scope), today)
    entries = [
        training
        for training in trainings
        if training.status.status in NEEDS_ACTION
        and any(training.profile.organisation.path.startswith(path) for path in paths)
    ]
    entries.sort(
        key=lambda t: (
            t.profile.organisation.path,
            surname_key(t.profile.user.last_name, t.profile.infix),
            t.profile.user.first_name.lower(),
            t.profile.user.username,
            t.assignment.module.title,
        )
    )
    return entries


def manager_digests(today=None, trainings=None):
    """Every manager digest that is due this ISO week (someone in scope needs action) and has
    not been sent (or claimed) yet."""
    today = today or timezone.localdate()
    week = iso_week(today)
    sent = set(
        ReminderLog.objects.filter(
            assignment__isnull=True, stage=ReminderStage.MANAGER_DIGEST, cycle=week
        ).values_list("recipient_id", flat=True)
    )
    candidates = [manager for manager in managers() if manager.pk not in sent]
    if not candidates:
        return []
    if trainings is None:
        trainings = assigned_trainings(people(), today)
    return [
        Reminder(manager.pk, None, ReminderStage.MANAGER_DIGEST, week)
        for manager in candidates
        if digest_entries(manager, today, trainings)
    ]


def due_reminders(today=None):
    """Everything that should go out now: learner reminders, then manager digests."""
    today = today or timezone.localdate()
    trainings = assigned_trainings(people(), today)
    return learner_reminders(today, trainings) + manager_digests(today, trainings)


# -- sending ---------------------------------------------------------------------------------


def claim(reminder):
    """Insert the reminder's log row in its own transaction; None when it was claimed before."""
    try:
        with transaction.atomic():
            return ReminderLog.objects.create(
                recipient_id=reminder.recipient_id,
                assignment_id=reminder.assignment_id,
                stage=reminder.stage,
                cycle=reminder.cycle,
            )
    except IntegrityError:
        return None


def send_once(reminder, build_message):
    """Claim the reminder, then send the message ``build_message()`` makes. A failed send gives
    the claim back (and raises), so that the next run tries again."""
    log = claim(reminder)
    if log is None:
        return ALREADY_SENT
    try:
        build_message().send()
    except BaseException:
        log.delete()
        raise
    ReminderLog.objects.filter(pk=log.pk).update(sent_at=timezone.now())
    return SENT


def absolute_url(url):
    """A link in an e-mail: on the site's public address (``SITE_URL``); without one
    (development) on the default Wagtail site's address, as there is no request to follow."""
    base = settings.SITE_URL
    if not base:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        base = site.root_url if site else "http://localhost"
    return urljoin(base.rstrip("/") + "/", url)


def module_url(module):
    url = module.get_url()
    return absolute_url(url) if url else absolute_url(reverse("training:home"))


def dashboard_url():
    try:
        return absolute_url(reverse("records:dashboard"))
    except NoReverseMatch:
        return absolute_url(reverse("training:home"))


def display_name(user):
    return user.get_full_name() or user.username


def render_message(template, context, to):
    """The e-mail from ``training/email/<template>.<language>.txt`` (its ``subject`` partial and
    the rest as the body), in the site's language: the platform does not store a language per
    person, and Dutch is the default."""
    with translation.override(settings.LANGUAGE_CODE):
        language = translation.get_language()
        name = f"records/email/{template}.{language}.txt"
        subject = " ".join(render_to_string(f"{name}#subject", context).split())
        body = render_to_string(name, context).strip() + "\n"
    return EmailMessage(subject, body, to=[to], headers={"Auto-Submitted": "auto-generated"})


def send_learner_reminder(recipient_id, assignment_id, stage, cycle, today=None):
    """Send one learner reminder, if it still applies (the learner may have finished the module
    since it was queued) and was not sent before."""
    today = today or timezone.localdate()
    trainings = [
        training
        for training in assigned_trainings(people().filter(user_id=recipient_id), today)
        if training.assignment.pk == assignment_id
    ]
    reminder = Reminder(recipient_id, assignment_id, stage, cycle)
    if not trainings or learner_reminder(trainings[0], today) != reminder:
        return NOT_APPLICABLE
    training = trainings[0]
    user = training.profile.user
    module = training.assignment.module
    context = {
        "name": display_name(user),
        "stage": stage,
        "module_title": module.title,
        "due_date": training.status.due_date,
        "valid_until": training.status.valid_until,
        "days_left": (training.status.due_date - today).days,
        "days_valid": (
            (training.status.valid_until - today).days if training.status.valid_until else None
        ),
        "url": module_url(module),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return send_once(reminder, lambda: render_message("learner_reminder", context, user.email))


def send_manager_digest(manager_id, week, today=None):
    """Send one manager's weekly digest, if it is still this week, someone in scope still needs
    action and the digest was not sent this week."""
    today = today or timezone.localdate()
    manager = get_user_model().objects.filter(pk=manager_id, is_active=True).first()
    if manager is None or not manager.email or week != iso_week(today):
        return NOT_APPLICABLE
    entries = digest_entries(manager, today)
    if not entries:
        return NOT_APPLICABLE
    groups = defaultdict(list)
    for entry in entries:
        groups[entry.profile.organisation].append(entry)
    context = {
        "name": display_name(manager),
        "week": week,
        "today": today,
        "count": len({entry.profile.pk for entry in entries}),
        "groups": [{"organisation": node, "entries": rows} for node, rows in groups.items()],
        "url": dashboard_url(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    reminder = Reminder(manager.pk, None, ReminderStage.MANAGER_DIGEST, week)
    return send_once(reminder, lambda: render_message("manager_digest", context, manager.email))
