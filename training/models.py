"""People in training: who they are (profile), what they did (attempts and responses) and where
they stand (completion). State changes go through ``training.services``."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from scenarios.models import Audience
from scenarios.scoring import Verdict


class Function(models.TextChoices):
    BOA = "boa", _("BOA (special investigating officer)")
    INSPECTOR = "inspector", _("Inspector (toezichthouder)")
    POLICY_OFFICER = "policy_officer", _("Policy officer")
    FRONT_OFFICE = "front_office", _("Front-office official")
    MT_MEMBER = "mt_member", _("Management team member")
    OTHER = "other", _("Other")


class OrganisationKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    REGION = "region", _("Region or cluster")
    MUNICIPALITY = "municipality", _("Municipality")
    PARTNER = "partner", _("Partner organisation")
    DEPARTMENT = "department", _("Department")
    TEAM = "team", _("Team")


# Kinds that count as "the organisation" of a person in exports; the node itself is the team.
EMPLOYER_KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.PARTNER)


class Organisation(MP_Node):
    """A node of the organisation tree: province → region or cluster → municipality or partner
    organisation → department or team. Access is always scoped to "this node and below", which
    the materialised path makes one indexed prefix match."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="managed_organisations",
        verbose_name=_("managers"),
        help_text=_("They see the training status of everyone in this node and below."),
    )

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def subtree(self):
        """This node and every node below it."""
        return Organisation.objects.filter(path__startswith=self.path)


def ancestor_paths(path):
    """The materialised paths of a node and every node above it, the root first."""
    step = Organisation.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def assignment_applies(assignment_path, assignment_function, person_path, person_function):
    """The one rule of who an assignment is for: everyone in its node and below, of its
    function or of any function when it names none. ``AssignmentQuerySet.for_profile`` is the
    same rule as a query."""
    return person_path.startswith(assignment_path) and assignment_function in ("", person_function)


class ProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .scope import people_scope

        return self.filter(people_scope(user, "organisation__path", own_user_field="user"))


class Profile(models.Model):
    """What the platform needs to know about a person beyond the login: where they work (which
    decides who may see their records), their function (which decides the modules meant for
    them and the assignments that apply), their employee number (the key HR imports and exports
    by) and whether they still work here."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organisation or team"),
    )
    function = models.CharField(
        _("function"), max_length=30, choices=Function.choices, default=Function.OTHER
    )
    employee_number = models.CharField(
        _("employee number"), max_length=40, unique=True, null=True, blank=True
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Unticked when the person has left.")
    )
    # Set (to the day) whenever the profile becomes inactive, by an import or in the admin;
    # cleared when it becomes active again. The leavers' retention period counts from here.
    left_on = models.DateField(_("left on"), null=True, blank=True, editable=False)
    # When the person's personal data was removed (``training.retention``); never again after.
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True, editable=False)

    objects = ProfileQuerySet.as_manager()

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


class AssignmentQuerySet(models.QuerySet):
    def for_profile(self, profile):
        """Assignments that apply to this person: their node or a node above it, and their
        function or any function."""
        if profile is None or profile.organisation_id is None or not profile.active:
            return self.none()
        return self.filter(
            organisation__path__in=ancestor_paths(profile.organisation.path),
        ).filter(Q(function="") | Q(function=profile.function))


class Assignment(models.Model):
    """A duty to complete a module: for everyone in an organisation node and below, optionally
    only one function, by a due date; with a validity period after which the training must be
    redone (recertification)."""

    module = models.ForeignKey(
        "scenarios.ModulePage",
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("module"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("organisation"),
        help_text=_("Everyone in this organisation node and below."),
    )
    function = models.CharField(
        _("function"),
        max_length=30,
        choices=Function.choices,
        blank=True,
        help_text=_("Leave empty for every function."),
    )
    due_date = models.DateField(_("due date"))
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("After this many months a completion expires; empty: it never expires."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return f"{self.module} → {self.organisation} ({self.due_date:%Y-%m-%d})"


class AssignmentIndex:
    """Which assignment applies to a person, for every module at once: the one rule, used by
    the player, the dashboards, the exports, the reminders and the certificates.

    An assignment applies to everyone in its organisation node and below, of its function or of
    any function when it names none (``assignment_applies``); of several on one module the one
    with the earliest due date wins, then the oldest. Built from assignments already loaded,
    model instances or ``.values()`` rows (``fields`` names how to read them); answers without
    queries, worked out once per (node, function), so a list of thousands of people costs as
    much as the number of places they work in."""

    MODEL_FIELDS = {
        "path": lambda a: a.organisation.path,
        "function": lambda a: a.function,
        "module": lambda a: a.module_id,
        "rank": lambda a: (a.due_date, a.pk),
    }
    VALUES_FIELDS = {
        "path": lambda a: a["organisation__path"],
        "function": lambda a: a["function"],
        "module": lambda a: a["module_id"],
        "rank": lambda a: (a["due_date"], a["pk"]),
    }

    def __init__(self, assignments, fields=None):
        self.fields = fields or self.MODEL_FIELDS
        self.by_node = {}
        for assignment in assignments:
            self.by_node.setdefault(self.fields["path"](assignment), []).append(assignment)
        self._places = {}

    @classmethod
    def from_values(cls, rows):
        """An index over ``Assignment.objects.values("pk", "module_id", "organisation__path",
        "function", "due_date", …)`` rows."""
        return cls(rows, cls.VALUES_FIELDS)

    def for_place(self, path, function):
        """{module id: the assignment that applies} to someone at node ``path`` with
        ``function``; empty for someone without a node."""
        if not path:
            return {}
        key = (path, function)
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = {}
            path_of, function_of = self.fields["path"], self.fields["function"]
            module_of, rank_of = self.fields["module"], self.fields["rank"]
            for node in ancestor_paths(path):
                for assignment in self.by_node.get(node, ()):
                    if not assignment_applies(
                        path_of(assignment), function_of(assignment), path, function
                    ):
                        continue
                    best = found.get(module_of(assignment))
                    if best is None or rank_of(assignment) < rank_of(best):
                        found[module_of(assignment)] = assignment
        return found

    def for_profile(self, profile):
        """``for_place`` of a profile; nothing applies to someone who has left."""
        if profile is None or profile.organisation_id is None or not profile.active:
            return {}
        return self.for_place(profile.organisation.path, profile.function)


def new_shuffle_seed():
    return secrets.token_hex(16)


class AttemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .scope import people_scope

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
        seed = self.shuffle_seed or salted_hmac(
            "training.Attempt.shuffle", str(self.pk), algorithm="sha256"
        ).hexdigest()
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
        from .scope import people_scope

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


class AuditEntry(models.Model):
    """A record of an action on personal data (an export, an import, a role change), so that
    admins can show who did what with whose records, and when."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        IMPORT = "import", _("Import")
        ROLE_CHANGE = "role_change", _("Role change")
        ANONYMISE = "anonymise", _("Anonymisation")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    details = models.JSONField(_("details"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    file_format = models.CharField(_("format"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name}: {self.action}"


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
