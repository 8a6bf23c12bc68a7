"""The people the platform trains: the organisation tree (which decides who sees whose
records), each person's profile (where they work, their function, whether they still do) and
the assignments of modules to parts of the tree; and the audit log of what was done with their
records. Learners' training records are in ``training``, what managers and HR see in
``records``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from scenarios.models import Audience


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
    # Shown to HR as the organisation's "code": the value a staff list's "organisatie" column
    # holds (``people.import_resources``).
    slug = models.SlugField(
        _("code"),
        max_length=150,
        unique=True,
        help_text=_("The code a staff list uses for this organisation (column “organisatie”)."),
    )
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
        db_table = "training_organisation"  # the table from before this app had its own room
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
    # The tussenvoegsel of the last name ("van den" of "van den Heuvel"): the user's last name
    # holds it as it is written, lists sort without it (``people.names``).
    infix = models.CharField(_("infix (tussenvoegsel)"), max_length=30, blank=True, default="")
    employee_number = models.CharField(
        _("employee number"), max_length=40, unique=True, null=True, blank=True
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Unticked when the person has left.")
    )
    # When the person joined: the hire date from a staff list, or else the day the profile was
    # made. Someone who joins after a module was assigned gets the assignment's period from
    # this day (``people.status.personal_due_date``). Empty (profiles from before this field):
    # there from the start.
    started_on = models.DateField(
        _("in service since"),
        null=True,
        blank=True,
        help_text=_(
            "The hire date. Someone who joins after a module was assigned gets the "
            "assignment's period for newcomers from this day."
        ),
    )
    # Set (to the day) whenever the profile becomes inactive, by an import or in the admin;
    # cleared when it becomes active again. The leavers' retention period counts from here.
    left_on = models.DateField(_("left on"), null=True, blank=True, editable=False)
    # When the person's personal data was removed (``records.retention``); never again after.
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True, editable=False)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        db_table = "training_profile"
        # One name for the same thing: the menu says "People", so do the page titles.
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return str(self.user)

    def save(self, *args, **kwargs):
        if self._state.adding and self.started_on is None:
            self.started_on = timezone.localdate()
        super().save(*args, **kwargs)

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
    due_date = models.DateField(
        _("due date"),
        help_text=_("For everyone there when the module is assigned."),
    )
    newcomer_days = models.PositiveSmallIntegerField(
        _("days for newcomers"),
        default=60,
        help_text=_(
            "Someone who joins later (whose start date lies after the day this assignment was "
            "made) has this many days from their start, and at least until the due date."
        ),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("After this many months a completion expires; empty: it never expires."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        db_table = "training_assignment"
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
        db_table = "training_auditentry"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name}: {self.action}"
