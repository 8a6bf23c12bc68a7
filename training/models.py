"""People in training: who they are (profile), what they did (attempts and responses) and where
they stand (completion). State changes go through ``training.services``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from scenarios.blocks import Verdict
from scenarios.models import Audience


class Function(models.TextChoices):
    BOA = "boa", _("BOA (special investigating officer)")
    INSPECTOR = "inspector", _("Inspector (toezichthouder)")
    POLICY_OFFICER = "policy_officer", _("Policy officer")
    FRONT_OFFICE = "front_office", _("Front-office official")
    MT_MEMBER = "mt_member", _("Management team member")
    OTHER = "other", _("Other")


class Profile(models.Model):
    """What the platform needs to know about a learner beyond the login: their function decides
    which modules are meant for them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    function = models.CharField(
        _("function"), max_length=30, choices=Function.choices, default=Function.OTHER
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)

    @property
    def audience(self):
        if self.function == Function.MT_MEMBER:
            return Audience.MANAGEMENT
        return Audience.PROFESSIONALS


class AttemptQuerySet(models.QuerySet):
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
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(
        _("maximum points"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

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


class Response(models.Model):
    """The learner's answer to one scored step of an attempt, judged when it was given. The step
    is identified by its StreamField block id, never by its position."""

    VERDICT_CHOICES = [(key, label) for key, label in Verdict.LABELS.items()]

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
