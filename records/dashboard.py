"""The manager dashboard: the people a manager (or HR, or a platform admin) may see, by the modules
assigned to them, each cell the person's status from ``people.status``.

Built with a fixed number of queries whatever the number of people or modules: the user's roles
and scope, the organisation nodes in scope, the assignments that can apply to anyone in scope,
the people (as plain values, with user and organisation), and their completions of the assigned
modules. Which assignment applies to whom is worked out in Python from the materialised paths,
with the same rules as ``AssignmentQuerySet.for_profile``: the person's node or a node above it,
and their function or any function; per module the earliest due date wins, as in
``services.assignments_for``.

Filters (team, module, status) come from the query string and are checked against what the user
may see; a value outside that (a tampered id, an unknown status) is refused with a message and
shows nobody.

The page shows the people ``PAGE_SIZE`` at a time (``page_of``, ``page_links``); the counts, the
completion figures and the CSV download are over every person the filters select. The cells of
a page are made by ``StatusCells``, which works out each status's label and icon once.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from people import roles
from people.models import Assignment, AssignmentIndex, Profile, ancestor_paths
from people.names import surname_order
from people.scope import organisations_visible_to, scope_paths, sees_everyone
from people.status import TrainingStatus, status_for_assignment
from scenarios import numbers
from training.models import Completion

# The order in which statuses are counted and offered in the filter: what needs action first.
STATUS_ORDER = (
    TrainingStatus.OVERDUE,
    TrainingStatus.EXPIRED,
    TrainingStatus.NOT_STARTED,
    TrainingStatus.IN_PROGRESS,
    TrainingStatus.COMPLETED,
)

# People per page of the matrix: a 500-person organisation gets 10 pages, each quick to render
# and to read.
PAGE_SIZE = 50


def may_use_dashboard(user):
    """Managers, HR and platform admins see the dashboard; everyone else is refused."""
    return roles.has_role(user, roles.MANAGERS) or roles.has_role(user, roles.HR)


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


class Person(NamedTuple):
    """What the dashboard needs of one person, read as plain values (one query for everyone in
    scope; model instances for 500 people and their users would cost more than the page)."""

    pk: int
    user_id: int
    username: str
    first_name: str
    last_name: str
    employee_number: str | None
    function: str
    path: str  # of their organisation node
    team: str  # their organisation node's name
    started_on: object  # the day they joined (None: there from the start)


@dataclass
class Row:
    person: Person
    cells: list  # one AssignedStatus or None (not assigned) per module column

    @property
    def username(self):
        return self.person.username

    @property
    def name(self):
        """As ``User.get_full_name()``, or the username when there is no name."""
        full = f"{self.person.first_name} {self.person.last_name}".strip()
        return full or self.person.username

    @property
    def employee_number(self):
        return self.person.employee_number or ""

    @property
    def team(self):
        return self.person.team


@dataclass
class ModuleFigures:
    module: object
    assigned: int = 0
    completed: int = 0

    @property
    def rate(self):
        """Completion rate as a whole percentage (``numbers.percent``: rounded half up, 100
        only when everyone completed)."""
        return numbers.percent(self.completed, self.assigned)


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

    people = _people(user, team, teams)
    if module_id:
        assignments = [a for a in assignments if a.module_id == module_id]

    # Per person: module id -> the assignment that applies (worked out once per place).
    index = AssignmentIndex(assignments)
    applying = {person.pk: index.for_place(person.path, person.function) for person in people}
    if module_id:
        people = [p for p in people if applying[p.pk]]

    module_ids = {mid for chosen in applying.values() for mid in chosen}
    columns = [module for module in modules if module.pk in module_ids]
    column_ids = [module.pk for module in columns]
    completions = {}
    if people and columns:
        completions = {
            (learner_id, module_id): CompletionDates(last_completed_at)
            for learner_id, module_id, last_completed_at in Completion.objects.filter(
                learner_id__in=[p.user_id for p in people], module_id__in=column_ids
            ).values_list("learner_id", "module_id", "last_completed_at")
        }

    rows = []
    tally = Counter()
    figures = {module.pk: ModuleFigures(module) for module in columns}
    # Without a completion record the status depends on the assignment and the day the person
    # started alone: worked out once per pair and shared (AssignedStatus is immutable).
    without_record = {}
    for person in people:
        cells = []
        chosen = applying[person.pk]
        for column_id in column_ids:
            assignment = chosen.get(column_id)
            if assignment is None:
                cells.append(None)
                continue
            completion = completions.get((person.user_id, column_id))
            if completion is None:
                key = (assignment.id, person.started_on)
                status = without_record.get(key)
                if status is None:
                    status = without_record[key] = status_for_assignment(
                        assignment, None, today=today, started_on=person.started_on
                    )
            else:
                status = status_for_assignment(
                    assignment, completion, today=today, started_on=person.started_on
                )
            cells.append(status)
            tally[status.status] += 1
            figures[column_id].assigned += 1
            if status.status == TrainingStatus.COMPLETED:
                figures[column_id].completed += 1
        rows.append(Row(person, cells))
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


STATUS_ICONS = {
    TrainingStatus.COMPLETED: "✔",
    TrainingStatus.OVERDUE: "⚠",
    TrainingStatus.EXPIRED: "⟳",
    TrainingStatus.IN_PROGRESS: "▶",
    TrainingStatus.NOT_STARTED: "○",
}


class StatusCells:
    """The HTML of the matrix's cells: the status as text with an icon (never colour alone) and
    the date that goes with it. A page has hundreds of cells but few distinct ones: the icon and
    label of each status are made once, and each distinct (status, date) once, instead of a
    template include per cell. The strings are the template's (same msgids)."""

    def __init__(self):
        self._done = {}
        self._statuses = {}
        self._dates = {}
        self._not_assigned = format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            _("not assigned"),
        )

    def __call__(self, status):
        if status is None:
            return self._not_assigned
        key = (status.status, status.due_date, status.valid_until)
        html = self._done.get(key)
        if html is None:
            html = self._done[key] = self._make(status)
        return html

    def rows(self, rows):
        """(row, [cell HTML, …]) for the rows of a page."""
        return [(row, [self(status) for status in row.cells]) for row in rows]

    def _make(self, status):
        label = self._statuses.get(status.status)
        if label is None:
            label = self._statuses[status.status] = format_html(
                '<span class="status status--{}"><span aria-hidden="true">{}</span> {}</span>',
                status.status,
                STATUS_ICONS.get(status.status, "○"),
                TrainingStatus(status.status).label,
            )
        if status.status == TrainingStatus.COMPLETED:
            text, day = _("valid until %(date)s"), status.valid_until
        elif status.status == TrainingStatus.EXPIRED:
            text, day = _("expired on %(date)s"), status.valid_until
        else:
            text, day = _("due %(date)s"), status.due_date
        if day is None:
            return label
        return format_html(
            '{}\n<span class="matrix__date">{}</span>', label, text % {"date": self._date(day)}
        )

    def _date(self, day):
        if day not in self._dates:
            self._dates[day] = formats.date_format(day, "j F Y")
        return self._dates[day]


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the gap between page numbers ("…")
    href: str = ""
    current: bool = False


def page_of(rows, number, per_page=None):
    """The page of ``rows`` numbered ``number`` (as given in the query string). No number gives
    the first page; a number past the last page the last one (a link kept from when the team was
    bigger), below 1 the first. Raises ``ValueError`` when ``number`` is not a whole number."""
    paginator = Paginator(rows, per_page or PAGE_SIZE)
    if number is None or not str(number).strip():
        return paginator.page(1)
    return paginator.page(min(max(int(number), 1), paginator.num_pages))


def page_href(query, number):
    """The query string of page ``number`` with the filters in ``query`` kept."""
    params = dict(query)
    if number > 1:
        params["page"] = number
    return "?" + urlencode(params) if params else "?"


def page_links(page, query):
    """Links to the first and last pages and those around the current one, the rest elided."""
    return [
        PageLink(number, page_href(query, number), number == page.number)
        if isinstance(number, int)
        else PageLink(None)
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]


def _refusal(form):
    fields = [str(form.fields[name].label).lower() for name in form.errors]
    return _("This filter cannot be used: %(fields)s. Choose from the options given.") % {
        "fields": ", ".join(fields)
    }


ASSIGNMENT_FIELDS = (
    "module",
    "organisation",
    "function",
    "due_date",
    "validity_months",
    "created_at",
    "newcomer_days",
    "module__title",
    "organisation__path",
)


def _assignments_in_scope(user):
    """Every assignment that can apply to someone the user may see: on a node in scope or on a
    node above one. One query. Of the module only its title: its steps (a StreamField) would be
    loaded and parsed for nothing."""
    assignments = (
        Assignment.objects.select_related("module", "organisation")
        .only(*ASSIGNMENT_FIELDS)
        .order_by("due_date", "pk")
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


class CompletionDates(NamedTuple):
    """What ``people.status`` reads of a completion record, read as a plain value: the
    dashboard's statuses carry this, not the Completion itself."""

    last_completed_at: object


def _people(user, team, teams):
    """The active people in scope (in ``team`` when one is chosen), as ``Person`` values, by
    name. The user is left out unless their own node is in their scope. One query.

    ``teams`` are the nodes in scope: asking for their ids as well (the same people as the
    scope's path prefixes) lets the database use the index on the organisation instead of
    reading every profile."""
    people = (
        Profile.objects.visible_to(user)
        .filter(active=True, organisation__isnull=False)
        .order_by(surname_order(), "user__first_name", "user__username", "pk")
    )
    if team is not None:
        people = people.filter(organisation__path__startswith=team.path)
        teams = [node for node in teams if node.path.startswith(team.path)]
    if not sees_everyone(user):
        people = people.filter(organisation_id__in=[node.pk for node in teams])
    people = [
        Person(*values)
        for values in people.values_list(
            "pk",
            "user_id",
            "user__username",
            "user__first_name",
            "user__last_name",
            "employee_number",
            "function",
            "organisation__path",
            "organisation__name",
            "started_on",
        )
    ]
    if sees_everyone(user):
        return people
    roots = tuple(scope_paths(user))
    return [
        person for person in people if person.user_id != user.pk or person.path.startswith(roots)
    ]
