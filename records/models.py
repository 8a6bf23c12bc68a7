"""What the records app keeps of its own: the reminders it sent (the rest of what managers, HR
and coordinators see is derived from ``people`` and ``training``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.models import Assignment


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
