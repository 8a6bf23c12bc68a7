"""Import-export Resources of the training app.

``CompletionResource`` is the one definition of the columns HR exports: a whitelist, in order,
with translatable headers. Every export path (the admin's CSV and XLSX downloads, the
``export_completions`` command and django-import-export's own ``export()``) reads its headers
and cell values from here; ``records.exports`` streams them.

The resource reads plain rows, never model instances, so that no other field of a person
(password hash, user id, answers) is even loaded, and so that the query count of an export
does not grow with its rows. Statuses and the employer organisation are looked up in data
loaded once per export (``ExportContext``).

Each column declares the ``values()`` paths it reads (``READS``) and converts them in one
method, ``convert_<column>`` (none: the value as it is). django-import-export's ``export()``
reaches the converters through ``dehydrate_<column>`` on ``values()`` dicts and stays the
reference; the streamed path (``iter_rows``, used by ``records.exports``) derives a plan from
the same export fields once per export and reads ``values_list`` tuples, works out a person's
cells once per person and neutralises repeated texts once (tests compare the two row by row).

(The staff import's resource lives in ``people.import_resources``.)
"""

import datetime
from dataclasses import dataclass
from operator import itemgetter

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
from people.status import TrainingStatus, status_of
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
    "module",
    "status",
    "score",
    "first_completed",
    "valid_until",
    "attempts",
)

# What the status (and validity) of a row is worked out from.
STATUS_READS = (
    "learner__profile__organisation__path",
    "learner__profile__function",
    "learner__profile__active",
    "module_id",
    "last_completed_at",
)
# What each column reads from the database (``values()`` paths), in the order its converter
# ``convert_<column>`` takes them; a column without a converter is the value itself. The
# stock export's ``dehydrate_<column>`` and the streamed path (``iter_rows``) both go through
# these, so a cell is worked out in one place.
READS = {
    "employee_number": ("learner__profile__employee_number",),
    "name": ("learner__first_name", "learner__last_name"),
    "email": ("learner__email",),
    "organisation": ("learner__profile__organisation__path",),
    "team": ("learner__profile__organisation__path",),
    "function": ("learner__profile__function",),
    "module": ("module__title",),
    "status": STATUS_READS,
    "score": ("best_score",),
    "first_completed": ("first_completed_at",),
    "valid_until": STATUS_READS,
    "attempts": ("attempt_count",),
}

# What one row reads from the database (``Completion.objects.values(*ROW_VALUES)``).
ROW_VALUES = (
    "pk",
    "module_id",
    "module__title",
    "best_score",
    "first_completed_at",
    "last_completed_at",
    "attempt_count",
    "learner__first_name",
    "learner__last_name",
    "learner__email",
    "learner__profile__employee_number",
    "learner__profile__function",
    "learner__profile__active",
    "learner__profile__organisation__path",
)
ROW_ORDER = ("learner__last_name", "learner__first_name", "learner_id", "module__title", "pk")
# Rows come ordered by person: a column that reads only the person's values is worked out once
# per person (``iter_rows``).
PERSON_PREFIX = "learner__"
FUNCTION_VALUES = frozenset(Function.values)
# Texts that repeat over the rows (module titles, statuses) are neutralised once.
_MEMO_SIZE = 4096


@dataclass
class _CompletionDates:
    """The part of a completion that ``people.status`` reads."""

    last_completed_at: datetime.datetime | None


@dataclass
class ExportContext:
    """What the rows of one export share, loaded once: the organisation nodes (for the employer
    and team columns), the assignments (for status and validity) and today's date, so that
    every row of one file is judged on the same day."""

    organisations: dict
    assignments: AssignmentIndex
    today: datetime.date

    @classmethod
    def load(cls, organisation=None, module=None, today=None):
        """Preload the nodes and assignments an export can need: with an ``organisation``
        filter its subtree and the nodes above it, otherwise the whole tree; the assignments
        of those nodes (of one ``module`` when filtered)."""
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
        index = AssignmentIndex.from_values(
            assignments.values(
                "pk", "module_id", "organisation__path", "function", "due_date", "validity_months"
            )
        )
        return cls(organisations, index, today or timezone.localdate())

    def assignment_for(self, path, function, active, module_id):
        """The assignment that applies to a person on a module (``AssignmentIndex``); none for
        someone without a node or who has left. Worked out once per (node, function) for every
        module at once: the memory stays small whatever the rows."""
        if not path or not active:
            return None
        return self.assignments.for_place(path, function).get(module_id)

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
    """One row per person and module they started: who (employee number, name, email,
    organisation, team, function), what (module) and where they stand (status, best score,
    first completion, valid until, number of attempts)."""

    employee_number = _column("employee_number", _("Employee number"))
    name = _column("name", _("Name"))
    email = _column("email", _("Email"))
    organisation = _column("organisation", _("Organisation"))
    team = _column("team", _("Team"))
    function = _column("function", _("Function"))
    module = _column("module", _("Module"))
    status = _column("status", _("Status"))
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

    @staticmethod
    def rows(queryset):
        """The plain rows django-import-export's ``export()`` reads: a fixed number of queries,
        fetched in chunks."""
        return (
            queryset.order_by(*ROW_ORDER)
            .values(*ROW_VALUES)
            .iterator(chunk_size=CompletionResource._meta.chunk_size)
        )

    def iter_queryset(self, queryset):
        # django-import-export's export() reads the same rows, as dicts, through dehydrate_*.
        if self.context is None:
            self.context = ExportContext.load()
        return self.rows(queryset)

    # -- the streamed path -----------------------------------------------------------------

    def headers(self):
        return [neutralise(header) for header in self.get_export_headers()]

    def export_field(self, field, instance, **kwargs):
        """Every text cell is neutralised against formula injection; numbers and dates stay
        numbers and dates."""
        return neutralise(super().export_field(field, instance, **kwargs))

    def plan(self):
        """What the streamed path reads and how it turns it into cells, derived from the
        export fields once per export: the ``values_list`` paths (the person's first) and per
        column its name, the positions of the values it reads, its converter (None: the
        value itself) and whether it depends on the person alone."""
        names = {id(field): name for name, field in self.fields.items()}
        columns = [names[id(field)] for field in self.get_export_fields()]
        paths = []
        for name in columns:
            for path in READS[name]:
                if path not in paths:
                    paths.append(path)
        paths.sort(key=lambda path: not path.startswith(PERSON_PREFIX))
        person_count = sum(path.startswith(PERSON_PREFIX) for path in paths)
        plan = []
        for name in columns:
            reads = READS[name]
            plan.append(
                (
                    name,
                    [paths.index(path) for path in reads],
                    getattr(self, f"convert_{name}", None),
                    all(path.startswith(PERSON_PREFIX) for path in reads),
                )
            )
        return paths, person_count, plan

    def iter_rows(self, queryset, status=""):
        """The cells of every row of ``queryset`` (of one ``status`` when given), in the
        export's order, as lists: read with ``values_list`` in chunks, each column through its
        converter; the person's cells once per person; text cells neutralised, repeated texts
        once; numbers and dates left as they are."""
        if self.context is None:
            self.context = ExportContext.load()
        paths, person_count, plan = self.plan()
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
        status_getter = itemgetter(*[paths.index(path) for path in STATUS_READS])
        values = (
            queryset.order_by(*ROW_ORDER)
            .values_list(*paths)
            .iterator(chunk_size=self._meta.chunk_size)
        )
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
            for row in values:
                key = row[:person_count]
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
                if status and self.status_code(*status_getter(row)) != status:
                    continue
                yield cells
        finally:
            self._language = None

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

    def assigned_status(self, path, function, active, module_id, last_completed_at):
        """The row's status code and valid-until date (``status_of`` for the assignment that
        applies), worked out once per row (two columns read them). Remembered by what they
        depend on: with a pass, the assignment's validity and the day of the pass; without
        one, the due date. A few thousand combinations at most, whatever the number of rows."""
        key = (path, function, active, module_id, last_completed_at)
        if key != self._status_key:
            assignment = self.context.assignment_for(path, function, active, module_id)
            due_date = assignment["due_date"] if assignment else None
            months = assignment["validity_months"] if assignment else None
            if last_completed_at is None:
                known = ("open", due_date)
            elif months is None:
                known = ("passed", None)
            else:
                known = (months, self.local_date(last_completed_at))
            status = self._statuses.get(known)
            if status is None:
                found = status_of(
                    _CompletionDates(last_completed_at),
                    due_date=due_date,
                    validity_months=months,
                    today=self.context.today,
                )
                status = self._statuses[known] = (found.status, found.valid_until)
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

    def convert_module(self, title):
        return title or ""

    def convert_status(self, *status_reads):
        return self._label(TrainingStatus, self.assigned_status(*status_reads)[0])

    def convert_first_completed(self, moment):
        return self.local_date(moment)

    def convert_valid_until(self, *status_reads):
        return self.assigned_status(*status_reads)[1]

    dehydrate_employee_number = _dehydrate("employee_number")
    dehydrate_name = _dehydrate("name")
    dehydrate_email = _dehydrate("email")
    dehydrate_organisation = _dehydrate("organisation")
    dehydrate_team = _dehydrate("team")
    dehydrate_function = _dehydrate("function")
    dehydrate_module = _dehydrate("module")
    dehydrate_status = _dehydrate("status")
    dehydrate_score = _dehydrate("score")
    dehydrate_first_completed = _dehydrate("first_completed")
    dehydrate_valid_until = _dehydrate("valid_until")
    dehydrate_attempts = _dehydrate("attempts")
