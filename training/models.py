"""What learners did: attempts (one run through a module, pinned to the revision taken) with
their responses, and the completion derived from them. State changes go through
``training.services``."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from scenarios.scoring import Verdict


def new_shuffle_seed():
    return secrets.token_hex(16)


class AttemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        from people.scope import people_scope

        return self.filter(
            people_scope(user, "learner__profile__organisation__path", own_user_field="learner")
        )

    def open(self):
        return self.filter(finished_at__isnull=True)

    def finished(self):
        return self.filter(finished_at__isnull=False)


class Attempt(models.Model):
    """One run through a module. Attempts are history: a retake adds one, none is overwritten.
    The attempt pins the page revision it was taken on, and is scored against that revision."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attempts",
        verbose_name=_("learner"),
    )
    module = models.ForeignKey(
        "scenarios.ModulePage",
        on_delete=models.PROTECT,
        related_name="attempts",
        verbose_name=_("module"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("module revision"),
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Index of the furthest step the learner may open: where a returning learner resumes.
    reached_step = models.PositiveSmallIntegerField(_("furthest step reached"), default=0)
    # The learner's path: block ids of the steps reached, in the order they were shown. Steps are
    # addressed by their position on this path (a branch makes it differ from the module's order);
    # ``reached_step`` is a position on it. See ``scenarios.branching``.
    path = models.JSONField(_("path"), default=list, blank=True)
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(
        _("maximum points"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    # The secret from which the order of every step's options is made (``presentation_key``).
    # Random per attempt and never shown to the learner, so the order they see cannot be worked
    # out from what they can see. Attempts from before it existed have none ("").
    shuffle_seed = models.CharField(
        max_length=32, blank=True, default=new_shuffle_seed, db_default="", editable=False
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            # Two tabs or a double click must not open two attempts at once.
            models.UniqueConstraint(
                fields=["learner", "module"],
                condition=Q(finished_at__isnull=True),
                name="one_open_attempt_per_learner_module",
            ),
        ]
        indexes = [models.Index(fields=["learner", "module"])]

    def __str__(self):
        return f"{self.learner} – {self.module_id} ({self.started_at:%Y-%m-%d})"

    @property
    def is_finished(self):
        return self.finished_at is not None

    def presentation_key(self, step_id):
        """The key of the order in which this attempt shows the step's options (see
        ``scenarios.shuffle``): the attempt's secret seed, or for an attempt without one a keyed
        hash of its id under the site's secret key; either way nothing the learner sees."""
        seed = (
            self.shuffle_seed
            or salted_hmac("training.Attempt.shuffle", str(self.pk), algorithm="sha256").hexdigest()
        )
        return f"{seed}:{step_id}"


class Response(models.Model):
    """The learner's answer to one scored step of an attempt, judged when it was given. The step
    is identified by its StreamField block id, never by its position."""

    VERDICT_CHOICES = Verdict.choices

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="responses", verbose_name=_("attempt")
    )
    block_id = models.CharField(_("step block id"), max_length=64)
    block_type = models.CharField(_("step type"), max_length=40)
    chosen_options = models.JSONField(_("chosen options"), default=list)
    verdict = models.CharField(_("verdict"), max_length=20, choices=VERDICT_CHOICES)
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2)
    max_points = models.DecimalField(_("maximum points"), max_digits=7, decimal_places=2)
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["answered_at", "pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            # A double submit, a resubmit or a second tab never records an answer twice.
            models.UniqueConstraint(fields=["attempt", "block_id"], name="one_response_per_step"),
        ]

    def __str__(self):
        return f"{self.attempt_id}/{self.block_id}: {self.verdict}"


class CompletionQuerySet(models.QuerySet):
    def visible_to(self, user):
        from people.scope import people_scope

        return self.filter(
            people_scope(user, "learner__profile__organisation__path", own_user_field="learner")
        )


class CompletionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    FAILED = "failed", _("Not passed")
    COMPLETED = "completed", _("Completed")


class Completion(models.Model):
    """Where one learner stands on one module, derived from their attempts by
    ``training.services.update_completion`` and nothing else. Kept as a row so that dashboards
    and exports read one record per person and module instead of all attempts."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("learner"),
    )
    module = models.ForeignKey(
        "scenarios.ModulePage",
        on_delete=models.PROTECT,
        related_name="completions",
        verbose_name=_("module"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CompletionStatus.choices,
        default=CompletionStatus.IN_PROGRESS,
    )
    best_score = models.PositiveSmallIntegerField(_("best score (%)"), null=True, blank=True)
    first_completed_at = models.DateTimeField(_("first completed"), null=True, blank=True)
    last_completed_at = models.DateTimeField(_("last completed"), null=True, blank=True)
    attempt_count = models.PositiveIntegerField(_("number of attempts"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CompletionQuerySet.as_manager()

    class Meta:
        ordering = ["learner", "module"]
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "module"], name="one_completion_per_learner_module"
            ),
        ]

    def __str__(self):
        return f"{self.learner} – {self.module_id}: {self.status}"
