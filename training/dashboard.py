"""The manager dashboard: the people a manager (or HR, or a platform admin) may see, by the modules
assigned to them, each cell the person's status from ``training.status``.

Built with a fixed number of queries whatever the number of people or modules: the user's roles
and scope, the organisation nodes in scope, the assignments that can apply to anyone in scope,
the people (with user and organisation), and their completions of the assigned modules. Which
assignment applies to whom is worked out in Python from the materialised paths, with the same
rules as ``AssignmentQuerySet.for_profile``: the person's node or a node above it, and their
function or any function; per module the earliest due date wins, as in
``services.assignments_for``.

Filters (team, module, status) come from the query string and are checked against what the user
may see; a value outside that (a tampered id, an unknown status) is refused with a message and
shows nobody.
"""

from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import roles

from .models import (
    Assignment,
    Completion,
    Profile,
    ancestor_paths,
    assignment_applies,
)
from .scope import organisations_visible_to, scope_paths, sees_everyone
from .status import TrainingStatus, status_for_assignment

# The order in which statuses are counted and offered in the filter: what needs action first.
STATUS_ORDER = (
    TrainingStatus.OVERDUE,
    TrainingStatus.EXPIRED,
    TrainingStatus.NOT_STARTED,
    TrainingStatus.IN_PROGRESS,
    TrainingStatus.COMPLETED,
)


def may_use_dashboard(user):
    """Managers, HR and platform admins see the dashboard; everyone else is refused."""
    return roles.has_role(user, roles.MANAGERS) or roles.has_role(user, roles.HR)


def applies_to(assignment, profile):
    """Whether an assignment applies to a person, without a query."""
    return assignment_applies(
        assignment.organisation.path,
        assignment.function,
        profile.organisation.path,
        profile.function,
    )


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, offered from what the user may see and checked against it: an
    id outside the user's scope is not a valid choice."""

    team = forms.TypedChoiceField(label=_("Team"), required=False, coerce=int, empty_value=None)
    module = forms.TypedChoiceField(label=_("Module"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data, *, teams, modules):
        super().__init__(data)
        self.fields["team"].choices = [("", _("All my teams"))] + [
            (team.pk, team_label(team, teams)) for team in teams
        ]
        self.fields["module"].choices = [("", _("All modules"))] + [
            (module.pk, module.title) for module in modules
        ]
        self.fields["status"].choices = [("", _("Every status"))] + [
            (status.value, status.label) for status in STATUS_ORDER
        ]


def team_label(team, teams):
    """A node's name indented by its depth below the shallowest node offered, so that the tree
    shows in a plain select."""
    top = min(node.depth for node in teams)
    return "\u00a0\u00a0" * (team.depth - top) + team.name


@dataclass
class Row:
    profile: object
    cells: list  # one AssignedStatus or None (not assigned) per module column

    @property
    def user(self):
        return self.profile.user

    @property
    def name(self):
        return self.profile.user.get_full_name() or self.profile.user.get_username()


@dataclass
class ModuleFigures:
    module: object
    assigned: int = 0
    completed: int = 0

    @property
    def rate(self):
        """Completion rate as a whole percentage (rounded down, so 100 means everyone)."""
        return self.completed * 100 // self.assigned if self.assigned else 0


@dataclass
class Dashboard:
    form: DashboardFilterForm
    teams: list
    modules: list = field(default_factory=list)  # the module columns
    rows: list = field(default_factory=list)  # the people shown
    counts: list = field(default_factory=list)  # (status, label, count) in STATUS_ORDER
    figures: list = field(default_factory=list)  # ModuleFigures per module column
    people_count: int = 0  # people in the selected team (before the status filter)
    error: str = ""

    @property
    def is_valid(self):
        return not self.error

    @property
    def filters(self):
        return self.form.cleaned_data if self.is_valid else {}

    @property
    def query(self):
        """The filters that are set, for links to the same view (the CSV download)."""
        return {name: value for name, value in self.filters.items() if value}

    def cells(self):
        """(row, module, status) for every assigned cell shown, in table order; with a status
        filter, only the cells that have that status (the CSV's rows)."""
        wanted = self.filters.get("status")
        for row in self.rows:
            for module, status in zip(self.modules, row.cells, strict=True):
                if status is not None and (not wanted or status.status == wanted):
                    yield row, module, status


def build_dashboard(user, params, today=None):
    """The dashboard for ``user`` with the filters in ``params`` (a QueryDict or dict)."""
    today = today or timezone.localdate()
    teams = sorted(organisations_visible_to(user), key=lambda node: node.path)
    assignments = list(_assignments_in_scope(user))
    modules = _unique_modules(assignments)
    form = DashboardFilterForm(params, teams=teams, modules=modules)
    if not form.is_valid():
        return Dashboard(form=form, teams=teams, error=_refusal(form))
    team_id = form.cleaned_data["team"]
    module_id = form.cleaned_data["module"]
    wanted_status = form.cleaned_data["status"]
    team = next((node for node in teams if node.pk == team_id), None)

    profiles = _people(user, team)
    if module_id:
        assignments = [a for a in assignments if a.module_id == module_id]

    # Per person: module id -> the assignment that applies (earliest due date wins).
    applying = {}
    for profile in profiles:
        chosen = {}
        for assignment in assignments:  # ordered by due date, then pk
            if assignment.module_id not in chosen and applies_to(assignment, profile):
                chosen[assignment.module_id] = assignment
        applying[profile.pk] = chosen
    if module_id:
        profiles = [p for p in profiles if applying[p.pk]]

    module_ids = {mid for chosen in applying.values() for mid in chosen}
    columns = [module for module in modules if module.pk in module_ids]
    completions = {}
    if profiles and columns:
        completions = {
            (c.learner_id, c.module_id): c
            for c in Completion.objects.filter(
                learner_id__in=[p.user_id for p in profiles],
                module_id__in=[m.pk for m in columns],
            )
        }

    rows = []
    tally = Counter()
    figures = {module.pk: ModuleFigures(module) for module in columns}
    for profile in profiles:
        cells = []
        for module in columns:
            assignment = applying[profile.pk].get(module.pk)
            if assignment is None:
                cells.append(None)
                continue
            status = status_for_assignment(
                assignment, completions.get((profile.user_id, module.pk)), today=today
            )
            cells.append(status)
            tally[status.status] += 1
            figures[module.pk].assigned += 1
            if status.status == TrainingStatus.COMPLETED:
                figures[module.pk].completed += 1
        rows.append(Row(profile, cells))
    people_count = len(rows)
    if wanted_status:
        rows = [row for row in rows if any(c and c.status == wanted_status for c in row.cells)]
    return Dashboard(
        form=form,
        teams=teams,
        modules=columns,
        rows=rows,
        counts=[(status, status.label, tally[status]) for status in STATUS_ORDER],
        figures=[figures[module.pk] for module in columns],
        people_count=people_count,
    )


def _refusal(form):
    fields = [str(form.fields[name].label).lower() for name in form.errors]
    return _("This filter cannot be used: %(fields)s. Choose from the options given.") % {
        "fields": ", ".join(fields)
    }


def _assignments_in_scope(user):
    """Every assignment that can apply to someone the user may see: on a node in scope or on a
    node above one. One query."""
    assignments = Assignment.objects.select_related("module", "organisation").order_by(
        "due_date", "pk"
    )
    if sees_everyone(user):
        return assignments
    roots = scope_paths(user)
    if not roots:
        return assignments.none()
    above = {path for root in roots for path in ancestor_paths(root)}
    condition = Q(organisation__path__in=sorted(above))
    for root in roots:
        condition |= Q(organisation__path__startswith=root)
    return assignments.filter(condition)


def _unique_modules(assignments):
    seen = {}
    for assignment in assignments:
        seen.setdefault(assignment.module_id, assignment.module)
    return sorted(seen.values(), key=lambda module: (module.title.lower(), module.pk))


def _people(user, team):
    """The active people in scope (in ``team`` when one is chosen), with user and organisation.
    The user is left out unless their own node is in their scope. One query."""
    people = (
        Profile.objects.visible_to(user)
        .filter(active=True, organisation__isnull=False)
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name", "user__username", "pk")
    )
    if team is not None:
        people = people.filter(organisation__path__startswith=team.path)
    if sees_everyone(user):
        return list(people)
    roots = tuple(scope_paths(user))
    return [
        profile
        for profile in people
        if profile.user_id != user.pk or profile.organisation.path.startswith(roots)
    ]
