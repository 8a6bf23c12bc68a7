"""What the records app keeps of its own: the reminders it sent (the rest of what managers, HR
and coordinators see is derived from ``people`` and ``training``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.models import Assignment, Organisation


class ReminderStage(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    MANAGER_DIGEST = "manager_digest", _("Weekly manager digest")


class ReminderLog(models.Model):
    """A reminder e-mail that was claimed (and, once ``sent_at`` is set, sent), so that each
    reminder goes out at most once: per learner, assignment, stage and cycle, or per manager and
    ISO week for the digest. The row is inserted before the mail is sent; the unique constraints
    make a second cron run or a second worker lose the race instead of sending it again."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("recipient"),
    )
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("assignment"),
        help_text=_("Empty for a manager's weekly digest."),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=ReminderStage.choices)
    # The date the reminder is about (due date or valid-until date, ISO format), or the ISO week
    # of a digest ("2026-W48"): a new due date or a recertification cycle reminds again.
    cycle = models.CharField(_("cycle"), max_length=20)
    claimed_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        db_table = "training_reminderlog"  # the table from before this app had its own room
        ordering = ["-claimed_at", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "assignment", "stage", "cycle"],
                condition=Q(assignment__isnull=False),
                name="one_reminder_per_assignment_stage_cycle",
            ),
            # NULLs never collide in a unique index: digests (no assignment) get their own.
            models.UniqueConstraint(
                fields=["recipient", "stage", "cycle"],
                condition=Q(assignment__isnull=True),
                name="one_digest_per_recipient_stage_cycle",
            ),
        ]

    def __str__(self):
        return f"{self.recipient} – {self.stage} {self.cycle}"


class SignalOutcome(models.Model):
    """Per learner and signal of the taxonomy: whether the learner recognised it the first time
    they met it, ever (the best attempt), and at the last later meeting (a later attempt, of the
    same module or of another module that tests the signal). Derived from the responses by
    ``records.insight.refresh``; never shown as such: the insight reports only read
    ``SignalSummary``, which counts people."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("learner"),
    )
    signal = models.ForeignKey(
        "scenarios.Signal", on_delete=models.CASCADE, related_name="+", verbose_name=_("signal")
    )
    first_answered_at = models.DateTimeField(_("first met"))
    first_recognised = models.BooleanField(_("recognised the first time"))
    best_recognised = models.BooleanField(_("recognised at least once"))
    # None: the learner has met the signal in one attempt only.
    later_recognised = models.BooleanField(_("recognised at the last later attempt"), null=True)

    class Meta:
        verbose_name = _("signal outcome")
        verbose_name_plural = _("signal outcomes")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "signal"], name="one_signal_outcome_per_learner"
            )
        ]

    def __str__(self):
        return f"{self.learner_id} – {self.signal_id}"


class SignalSummary(models.Model):
    """The people of one organisation node, function and quarter (the quarter in which they
    first met the signal) who met a signal, split into disjoint groups by how they did: the
    table every insight figure is summed from in SQL. Every person counts in exactly one row per
    signal, so any sum over nodes, functions and quarters counts people, never twice.

    The groups (``ATOMS``): people who met the signal in one attempt only and recognised it
    (``once_yes``) or not (``once_no``); people who met it again later, by the first and the
    last later outcome (``again_yes_yes``, ``again_yes_no``, ``again_no_yes``), and those who
    missed it both times, split by whether they recognised it in between (``again_no_no_between``)
    or never (``again_no_no``)."""

    ATOMS = (
        "once_yes",
        "once_no",
        "again_yes_yes",
        "again_yes_no",
        "again_no_yes",
        "again_no_no_between",
        "again_no_no",
    )

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    path = models.CharField(_("organisation path"), max_length=255, db_index=True)
    function = models.CharField(_("function"), max_length=30)
    quarter = models.DateField(_("quarter"))
    signal = models.ForeignKey(
        "scenarios.Signal", on_delete=models.CASCADE, related_name="+", verbose_name=_("signal")
    )
    theme = models.ForeignKey(
        "scenarios.Theme", on_delete=models.CASCADE, related_name="+", verbose_name=_("theme")
    )
    once_yes = models.PositiveIntegerField(default=0)
    once_no = models.PositiveIntegerField(default=0)
    again_yes_yes = models.PositiveIntegerField(default=0)
    again_yes_no = models.PositiveIntegerField(default=0)
    again_no_yes = models.PositiveIntegerField(default=0)
    again_no_no_between = models.PositiveIntegerField(default=0)
    again_no_no = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("signal summary")
        verbose_name_plural = _("signal summaries")
        indexes = [models.Index(fields=["signal", "path"]), models.Index(fields=["quarter"])]

    def __str__(self):
        return f"{self.path} {self.function} {self.quarter} {self.signal_id}"


class InsightRefresh(models.Model):
    """When the signal summary was last rebuilt, and from how much: the freshness every insight
    view shows ("stand per …")."""

    finished_at = models.DateTimeField(_("finished"), db_index=True)
    responses = models.PositiveIntegerField(_("responses read"), default=0)
    outcomes = models.PositiveIntegerField(_("learner × signal outcomes"), default=0)
    rows = models.PositiveIntegerField(_("summary rows"), default=0)
    seconds = models.FloatField(_("duration (s)"), default=0)

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"
        verbose_name = _("insight refresh")
        verbose_name_plural = _("insight refreshes")

    def __str__(self):
        return f"{self.finished_at:%Y-%m-%d %H:%M}"
