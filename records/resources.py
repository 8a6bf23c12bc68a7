"""Import-export Resources of the records app.

``CompletionResource`` is the one definition of the columns HR exports: a whitelist, in order,
with translatable headers. Every export path (the admin's CSV and XLSX downloads, the
``export_completions`` command and django-import-export's own ``export()``) reads its headers
and cell values from here; ``records.exports`` streams them.

The export is of *assigned training*: one row per person and module assigned to them
(``people.models.AssignmentIndex``), whether or not they started it, with its status (not
started, in progress, completed, overdue, expired); and one row per module someone took
without it being assigned to them (a completion record without an assignment). The rows come
from one query of the people (``ExportRows``: users with their profile, left-joined to their
completion records), read in chunks ordered by person; each person's rows are made from their
completions and the assignments that apply to them, so the memory holds one person at a time.

The resource reads plain rows, never model instances, so that no other field of a person
(password hash, answers) is even loaded, and so that the query count of an export does not
grow with its rows. Statuses, module titles and the employer organisation are looked up in
data loaded once per export (``ExportContext``).

Each column declares the row fields it reads (``READS``, names of ``ROW_FIELDS``) and converts
them in one method, ``convert_<column>`` (none: the value as it is). django-import-export's
``export()`` reaches the converters through ``dehydrate_<column>`` on rows as dicts and stays
the reference; the streamed path (``iter_rows``, used by ``records.exports``) derives a plan
from the same export fields once per export, works out a person's cells once per person and
neutralises repeated texts once (tests compare the two row by row).

(The staff import's resource lives in ``people.import_resources``.)
"""

import datetime
from dataclasses import dataclass
from operator import itemgetter

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import FilteredRelation, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.fields import Field

from people.models import (
    EMPLOYER_KINDS,
    Assignment,
    AssignmentIndex,
    Function,
    Organisation,
    ancestor_paths,
)
from people.names import surname_order
from people.scope import people_scope, sees_everyone
from people.status import TrainingStatus, assignment_due_date, local_date, status_of
from scenarios.models import ModulePage
from training.models import Completion

from .spreadsheet import neutralise

# The columns of an HR export, in order. Nothing else ever leaves the platform.
COLUMNS = (
    "employee_number",
    "name",
    "email",
    "organisation",
    "team",
    "function",
    "active",
    "module",
    "status",
    "due_date",
    "score",
    "first_completed",
    "valid_until",
    "attempts",
)

# What one person's part of a row holds, read from the users table and their profile
# (``ExportRows``); the first is the person's key.
PERSON_FIELDS = (
    "pk",
    "first_name",
    "last_name",
    "email",
    "profile__employee_number",
    "profile__function",
    "profile__active",
    "profile__organisation__path",
    "profile__started_on",
)
# What one completion record adds (the ``done`` relation of ``ExportRows``); all None for a
# person without one.
COMPLETION_VALUES = (
    "done__id",
    "done__module_id",
    "done__best_score",
    "done__first_completed_at",
    "done__last_completed_at",
    "done__attempt_count",
)
# One row of the export as the converters read it: the person, then the module (from the
# completion or the assignment) and the completion's values (None where there is none).
ROW_FIELDS = (
    *PERSON_FIELDS,
    "module_id",
    "module_title",
    "completion_id",
    "best_score",
    "first_completed_at",
    "last_completed_at",
    "attempt_count",
)
_PERSON_WIDTH = len(PERSON_FIELDS)
# ``values_list`` positions of a person's node, function and active flag, for the assignments.
_PATH, _FUNCTION, _ACTIVE = (
    PERSON_FIELDS.index("profile__organisation__path"),
    PERSON_FIELDS.index("profile__function"),
    PERSON_FIELDS.index("profile__active"),
)
# People in the order of the export: by surname without its tussenvoegsel, then first name.
PERSON_ORDER = (surname_order("last_name", "profile__infix"), "first_name", "pk")

# What the status (and due date and validity) of a row is worked out from.
STATUS_READS = (
    "profile__organisation__path",
    "profile__function",
    "profile__active",
    "profile__started_on",
    "module_id",
    "completion_id",
    "last_completed_at",
)
# What each column reads (names of ``ROW_FIELDS``), in the order its converter
# ``convert_<column>`` takes them; a column without a converter is the value itself. The
# stock export's ``dehydrate_<column>`` and the streamed path (``iter_rows``) both go through
# these, so a cell is worked out in one place.
READS = {
    "employee_number": ("profile__employee_number",),
    "name": ("first_name", "last_name"),
    "email": ("email",),
    "organisation": ("profile__organisation__path",),
    "team": ("profile__organisation__path",),
    "function": ("profile__function",),
    "active": ("profile__active",),
    "module": ("module_title",),
    "status": STATUS_READS,
    "due_date": STATUS_READS,
    "score": ("best_score",),
    "first_completed": ("first_completed_at",),
    "valid_until": STATUS_READS,
    "attempts": ("attempt_count",),
}
# Kept for the benchmark's floor: the database columns one row reads.
ROW_VALUES = (*PERSON_FIELDS, *COMPLETION_VALUES)
FUNCTION_VALUES = frozenset(Function.values)
# Texts that repeat over the rows (module titles, statuses) are neutralised once.
_MEMO_SIZE = 4096
_NO_COMPLETION = (None,) * (len(ROW_FIELDS) - _PERSON_WIDTH - 2)


class YesNo(models.TextChoices):
    """The "Active" column's values, as words a spreadsheet filter shows."""

    YES = "yes", _("yes")
    NO = "no", _("no")


@dataclass
class _CompletionDates:
    """The part of a completion that ``people.status`` reads."""

    last_completed_at: datetime.datetime | None


@dataclass
class ExportRows:
    """Which rows an export holds: the ``people`` (a queryset of users, annotated with their
    completion records as ``done``, see ``export_rows``), and whether the modules assigned to
    them that they have no completion record of are rows too (not when the filters ask for
    completions only: a period of first completion, a status that needs a pass)."""

    people: object
    unstarted: bool = True

    def values(self, chunk_size):
        """The people's rows as ``values_list`` tuples (``ROW_VALUES``), ordered by person, in
        chunks."""
        return (
            self.people.order_by(*PERSON_ORDER)
            .values_list(*ROW_VALUES)
            .iterator(chunk_size=chunk_size)
        )


def export_rows(
    user=None,
    *,
    organisation=None,
    module=None,
    first_completed_from=None,
    first_completed_before=None,
    passed_only=False,
):
    """The ``ExportRows`` of the people ``user`` may see (None: everyone), in ``organisation``
    and below, with their completion records (of ``module`` alone when given; with a first
    completion in the period when one is given; passed only when asked)."""
    User = get_user_model()
    condition = Q()
    if module is not None:
        condition &= Q(completions__module=module)
    people = User.objects.annotate(done=FilteredRelation("completions", condition=condition))
    if user is not None and not sees_everyone(user):
        # As ``Completion.objects.visible_to``: the people in scope, and oneself.
        people = people.filter(people_scope(user, "profile__organisation__path") | Q(pk=user.pk))
    if organisation is not None:
        people = people.filter(profile__organisation__path__startswith=organisation.path)
    completions_only = False
    if first_completed_from is not None:
        people = people.filter(done__first_completed_at__gte=first_completed_from)
        completions_only = True
    if first_completed_before is not None:
        people = people.filter(done__first_completed_at__lt=first_completed_before)
        completions_only = True
    if passed_only:
        people = people.filter(done__last_completed_at__isnull=False)
        completions_only = True
    return ExportRows(people, unstarted=not completions_only)


@dataclass
class ExportContext:
    """What the rows of one export share, loaded once: the organisation nodes (for the employer
    and team columns), the assignments (for the rows of assigned modules, their status and
    validity), the module titles and today's date, so that every row of one file is judged on
    the same day."""

    organisations: dict
    assignments: AssignmentIndex
    today: datetime.date
    titles: dict

    @classmethod
    def load(cls, organisation=None, module=None, today=None):
        """Preload the nodes and assignments an export can need: with an ``organisation``
        filter its subtree and the nodes above it, otherwise the whole tree; the assignments
        of those nodes (of one ``module`` when filtered); the titles of the modules."""
        nodes = Organisation.objects.all()
        if organisation is not None:
            nodes = nodes.filter(path__startswith=organisation.path) | nodes.filter(
                path__in=ancestor_paths(organisation.path)
            )
        organisations = {
            path: (name, kind) for path, name, kind in nodes.values_list("path", "name", "kind")
        }
        assignments = Assignment.objects.all()
        if organisation is not None:
            assignments = assignments.filter(organisation__path__in=organisations.keys())
        if module is not None:
            assignments = assignments.filter(module=module)
        rows = list(
            assignments.values(
                "pk",
                "module_id",
                "organisation__path",
                "function",
                "due_date",
                "validity_months",
                "created_at",
                "newcomer_days",
            )
        )
        for row in rows:  # the day each was made, once: newcomers' due dates count from it
            row["assigned_on"] = local_date(row["created_at"])
        index = AssignmentIndex.from_values(rows)
        titles = dict(ModulePage.objects.values_list("pk", "title"))
        return cls(organisations, index, today or timezone.localdate(), titles)

    def assigned(self, path, function, active):
        """{module id: the assignment that applies} to a person (``AssignmentIndex``); none
        for someone without a node or who has left. Worked out once per (node, function) for
        every module at once: the memory stays small whatever the rows."""
        if not path or not active:
            return {}
        return self.assignments.for_place(path, function)

    def assignment_for(self, path, function, active, module_id):
        return self.assigned(path, function, active).get(module_id)

    def employer(self, path):
        """The nearest node at or above ``path`` that is a municipality or partner
        organisation; the node itself when there is none."""
        if not path:
            return ""
        for node in reversed(ancestor_paths(path)):
            name, kind = self.organisations.get(node, ("", None))
            if kind in EMPLOYER_KINDS:
                return name
        return self.organisations.get(path, ("", None))[0]

    def team(self, path):
        return self.organisations.get(path, ("", None))[0] if path else ""

    def person_rows(self, person, completions, unstarted=True):
        """One person's rows (``ROW_FIELDS`` tuples), by module title: one per completion
        record (``COMPLETION_VALUES`` tuples) and, with ``unstarted``, one per module assigned
        to them that they have no record of."""
        titles = self.titles
        rows = [
            (*person, done[1], titles.get(done[1], ""), done[0], *done[2:]) for done in completions
        ]
        if unstarted:
            assigned = self.assigned(person[_PATH], person[_FUNCTION], person[_ACTIVE])
            if assigned:
                started = {done[1] for done in completions}
                rows.extend(
                    (*person, module_id, titles.get(module_id, ""), *_NO_COMPLETION)
                    for module_id in assigned
                    if module_id not in started
                )
        if len(rows) > 1:
            rows.sort(key=_by_module)
        return rows

    def rows(self, selection, chunk_size):
        """Every row of ``selection`` (an ``ExportRows``), person by person: one query, read
        in chunks; one person's rows in memory at a time."""
        unstarted = selection.unstarted
        person_key = person = None
        completions = []
        for values in selection.values(chunk_size):
            key = values[0]
            if key != person_key:
                if person is not None:
                    yield from self.person_rows(person, completions, unstarted)
                person_key, person, completions = key, values[:_PERSON_WIDTH], []
            if values[_PERSON_WIDTH] is not None:
                completions.append(values[_PERSON_WIDTH:])
        if person is not None:
            yield from self.person_rows(person, completions, unstarted)


_MODULE_ID, _MODULE_TITLE = ROW_FIELDS.index("module_id"), ROW_FIELDS.index("module_title")


def _by_module(row):
    return (row[_MODULE_TITLE], row[_MODULE_ID])


def _column(name, header):
    return Field(column_name=header, dehydrate_method=f"dehydrate_{name}", readonly=True)


def _dehydrate(name):
    """``dehydrate_<name>`` for django-import-export's own export: the column's converter on
    the values it reads from a ``values()`` row."""
    reads = READS[name]

    def dehydrate(self, row):
        convert = getattr(self, f"convert_{name}", None)
        if convert is None:
            return row[reads[0]]
        return convert(*[row[path] for path in reads])

    dehydrate.__name__ = f"dehydrate_{name}"
    return dehydrate


class CompletionResource(resources.ModelResource):
    """One row per person and module assigned to them, and per module they took unassigned:
    who (employee number, name, email, organisation, team, function, still working here),
    what (module) and where they stand (status, due date, best score, first completion, valid
    until, number of attempts)."""

    employee_number = _column("employee_number", _("Employee number"))
    name = _column("name", _("Name"))
    email = _column("email", _("Email"))
    organisation = _column("organisation", _("Organisation"))
    team = _column("team", _("Team"))
    function = _column("function", _("Function"))
    active = _column("active", _("Active"))
    module = _column("module", _("Module"))
    status = _column("status", _("Status"))
    due_date = _column("due_date", _("Due date"))
    score = _column("score", _("Score (%)"))
    first_completed = _column("first_completed", _("First completed"))
    valid_until = _column("valid_until", _("Valid until"))
    attempts = _column("attempts", _("Attempts"))

    class Meta:
        model = Completion
        fields = COLUMNS
        export_order = COLUMNS
        chunk_size = 2000

    def __init__(self, context=None, **kwargs):
        super().__init__(**kwargs)
        self.context = context
        self._status_key = self._status = None
        self._labels = {}
        self._statuses = {}
        self._language = self._zone = None

    # -- reading ---------------------------------------------------------------------------

    def rows(self, selection):
        """The rows (``ROW_FIELDS`` tuples) of ``selection`` (``ExportRows``): a fixed number
        of queries, read in chunks, one person at a time."""
        if self.context is None:
            self.context = ExportContext.load()
        return self.context.rows(selection, self._meta.chunk_size)

    def iter_queryset(self, queryset):
        # django-import-export's export() reads the same rows, as dicts, through dehydrate_*.
        return (dict(zip(ROW_FIELDS, row, strict=True)) for row in self.rows(queryset))

    # -- the streamed path -----------------------------------------------------------------

    def headers(self):
        return [neutralise(header) for header in self.get_export_headers()]

    def export_field(self, field, instance, **kwargs):
        """Every text cell is neutralised against formula injection; numbers and dates stay
        numbers and dates."""
        return neutralise(super().export_field(field, instance, **kwargs))

    def plan(self):
        """How the streamed path turns a row into cells, derived from the export fields once
        per export: per column its name, the positions of the fields it reads, its converter
        (None: the value itself) and whether it depends on the person alone."""
        names = {id(field): name for name, field in self.fields.items()}
        columns = [names[id(field)] for field in self.get_export_fields()]
        person = set(PERSON_FIELDS)
        return [
            (
                name,
                [ROW_FIELDS.index(path) for path in READS[name]],
                getattr(self, f"convert_{name}", None),
                set(READS[name]) <= person,
            )
            for name in columns
        ]

    def iter_rows(self, selection, status=""):
        """The cells of every row of ``selection`` (of one ``status`` when given), in the
        export's order, as lists: each column through its converter; the person's cells once
        per person; text cells neutralised, repeated texts once; numbers and dates left as they
        are."""
        plan = self.plan()
        width = len(plan)
        person, plain, single, spread = [], [], [], []
        for i, (_name, indexes, convert, is_person) in enumerate(plan):
            if is_person:
                person.append((i, indexes, convert))
            elif convert is None:
                plain.append((i, indexes[0]))
            elif len(indexes) == 1:
                single.append((i, indexes[0], convert))
            else:
                spread.append((i, itemgetter(*indexes), convert))
        status_getter = itemgetter(*[ROW_FIELDS.index(path) for path in STATUS_READS])
        rows = self.rows(selection)
        memo = {}

        def text(value):
            safe = memo.get(value)
            if safe is None:
                safe = neutralise(value)
                if len(memo) < _MEMO_SIZE:
                    memo[value] = safe
            return safe

        # Labels in the language the export started in (``_label``).
        self._language = translation.get_language()
        person_key = None
        template = None  # the row's cells as far as the person goes
        try:
            for row in rows:
                if status and self.status_code(*status_getter(row)) != status:
                    continue
                key = row[0]
                if key != person_key:
                    person_key = key
                    template = [None] * width
                    for i, indexes, convert in person:
                        template[i] = neutralise(convert(*[row[j] for j in indexes]))
                cells = template.copy()
                for i, index in plain:
                    value = row[index]
                    cells[i] = text(value) if value.__class__ is str else value
                for i, index, convert in single:
                    value = convert(row[index])
                    cells[i] = text(value) if value.__class__ is str else value
                for i, getter, convert in spread:
                    value = convert(*getter(row))
                    cells[i] = text(value) if value.__class__ is str else value
                yield cells
        finally:
            self._language = None

    def count(self, selection, status=""):
        """How many rows ``iter_rows`` would give, without making their cells."""
        if not status:
            return sum(1 for _row in self.rows(selection))
        status_getter = itemgetter(*[ROW_FIELDS.index(path) for path in STATUS_READS])
        return sum(
            1 for row in self.rows(selection) if self.status_code(*status_getter(row)) == status
        )

    # -- converters: one per column, from the values it reads (``READS``) ------------------

    def _label(self, choices, value):
        """``str(choices(value).label)`` in the active language (the export's, while
        ``iter_rows`` runs), worked out once per export."""
        key = (choices, value, self._language or translation.get_language())
        label = self._labels.get(key)
        if label is None:
            label = self._labels[key] = str(choices(value).label)
        return label

    def local_date(self, moment):
        """``people.status.local_date`` in the time zone the export started in."""
        if not moment:
            return None
        if self._zone is None:
            self._zone = timezone.get_current_timezone()
        return moment.astimezone(self._zone).date()

    def assigned_status(
        self, path, function, active, started_on, module_id, completion_id, last_completed
    ):
        """The row's status code, due date and valid-until date (``status_of`` for the
        assignment that applies), worked out once per row (three columns read them).
        Remembered by what they depend on: with a pass, the assignment's validity and the day
        of the pass; without one, the due date and whether there is a record. A few thousand
        combinations at most, whatever the number of rows."""
        key = (path, function, active, started_on, module_id, completion_id is None, last_completed)
        if key != self._status_key:
            assignment = self.context.assignment_for(path, function, active, module_id)
            due_date = assignment_due_date(assignment, started_on)
            months = assignment["validity_months"] if assignment else None
            if completion_id is None:
                known = ("none", due_date)
            elif last_completed is None:
                known = ("open", due_date)
            elif months is None:
                known = ("passed", due_date)
            else:
                known = (months, due_date, self.local_date(last_completed))
            status = self._statuses.get(known)
            if status is None:
                found = status_of(
                    None if completion_id is None else _CompletionDates(last_completed),
                    due_date=due_date,
                    validity_months=months,
                    today=self.context.today,
                )
                status = self._statuses[known] = (found.status, found.due_date, found.valid_until)
            self._status = status
            self._status_key = key
        return self._status

    def status_code(self, *status_reads):
        return self.assigned_status(*status_reads)[0]

    def convert_employee_number(self, number):
        return number or ""

    def convert_name(self, first_name, last_name):
        return f"{first_name} {last_name}".strip()

    def convert_email(self, email):
        return email or ""

    def convert_organisation(self, path):
        return self.context.employer(path)

    def convert_team(self, path):
        return self.context.team(path)

    def convert_function(self, value):
        if value in FUNCTION_VALUES:
            return self._label(Function, value)
        return value or ""

    def convert_active(self, active):
        # A person without a profile has no "left on" either: they count as active.
        return self._label(YesNo, "no" if active is False else "yes")

    def convert_module(self, title):
        return title or ""

    def convert_status(self, *status_reads):
        return self._label(TrainingStatus, self.assigned_status(*status_reads)[0])

    def convert_first_completed(self, moment):
        return self.local_date(moment)

    def convert_due_date(self, *status_reads):
        return self.assigned_status(*status_reads)[1]

    def convert_valid_until(self, *status_reads):
        return self.assigned_status(*status_reads)[2]

    dehydrate_employee_number = _dehydrate("employee_number")
    dehydrate_name = _dehydrate("name")
    dehydrate_email = _dehydrate("email")
    dehydrate_organisation = _dehydrate("organisation")
    dehydrate_team = _dehydrate("team")
    dehydrate_function = _dehydrate("function")
    dehydrate_active = _dehydrate("active")
    dehydrate_module = _dehydrate("module")
    dehydrate_status = _dehydrate("status")
    dehydrate_score = _dehydrate("score")
    dehydrate_first_completed = _dehydrate("first_completed")
    dehydrate_due_date = _dehydrate("due_date")
    dehydrate_valid_until = _dehydrate("valid_until")
    dehydrate_attempts = _dehydrate("attempts")
