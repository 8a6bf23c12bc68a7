import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verb(models.TextChoices):
    LAUNCHED = "launched", _("launched")
    ANSWERED = "answered", _("answered")
    COMPLETED = "completed", _("completed")
    PASSED = "passed", _("passed")
    FAILED = "failed", _("failed")


class StatementStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENT = "sent", _("sent")
    REJECTED = "rejected", _("refused by the LRS")


class OutboxQuerySet(models.QuerySet):
    def due(self, now=None):
        """Pending statements whose next try has come."""
        return self.filter(status=StatementStatus.PENDING, next_try_at__lte=now or timezone.now())


class OutboxStatement(models.Model):
    """One xAPI statement on its way to the Learning Record Store. Written in the learner's own
    transaction (so a recorded answer always has its statement, and a rolled-back one has none),
    sent by the task worker, retried with backoff while the LRS is down or refuses to answer.
    The id is the statement's id: a statement sent twice (a worker that died after sending) is
    one statement in the LRS. The statement is built when first sent and kept, so every retry
    sends the same."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    verb = models.CharField(_("verb"), max_length=20, choices=Verb.choices)
    attempt = models.ForeignKey(
        "training.Attempt",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("attempt"),
    )
    response = models.ForeignKey(
        "training.Response",
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("response"),
    )
    created_at = models.DateTimeField(_("happened"), default=timezone.now)
    statement = models.JSONField(_("statement"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.PENDING,
    )
    tries = models.PositiveIntegerField(_("tries"), default=0)
    next_try_at = models.DateTimeField(_("next try"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [
            # The worker's question: pending, due, oldest first.
            models.Index(
                fields=["next_try_at", "created_at"],
                condition=models.Q(status="pending"),
                name="xapi_outbox_due_idx",
            )
        ]

    def __str__(self):
        return f"{self.verb} {self.attempt_id} ({self.status})"
