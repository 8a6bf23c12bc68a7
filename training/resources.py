"""Import-export Resources of the training app.

``CompletionResource`` is the one definition of the columns HR exports: a whitelist, in order,
with translatable headers. Every export path (the admin's CSV and XLSX downloads, the
``export_completions`` command and django-import-export's own ``export()``) reads its headers
and cell values from here; ``training.exports`` streams them.

The resource reads plain rows (``queryset.values(*ROW_VALUES)``), never model instances, so
that no other field of a person (password hash, user id, answers) is even loaded, and so that
the query count of an export does not grow with its rows. Statuses and the employer
organisation are looked up in data loaded once per export (``ExportContext``).

(The staff import's resource lives in ``training.import_resources``.)
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.fields import Field

from .models import (
    EMPLOYER_KINDS,
    Assignment,
    Completion,
    Function,
    Organisation,
    ancestor_paths,
    assignment_applies,
)
from .spreadsheet import neutralise
from .status import TrainingStatus, local_date, status_of

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


@dataclass
class _CompletionDates:
    """The part of a completion that ``training.status`` reads."""

    last_completed_at: datetime.datetime | None


@dataclass
class ExportContext:
    """What the rows of one export share, loaded once: the organisation nodes (for the employer
    and team columns), the assignments (for status and validity) and today's date, so that
    every row of one file is judged on the same day."""

    organisations: dict
    assignments: dict
    today: datetime.date
    _applicable: dict = field(default_factory=dict)

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
        by_node = {}
        for row in assignments.values(
            "pk", "module_id", "organisation__path", "function", "due_date", "validity_months"
        ).order_by("due_date", "pk"):
            key = (row["organisation__path"], row["module_id"])
            by_node.setdefault(key, []).append(row)
        return cls(organisations, by_node, today or timezone.localdate())

    def assignment_for(self, path, function, active, module_id):
        """The assignment that applies to a person on a module, as
        ``Assignment.objects.for_profile`` and ``services.assignments_for`` decide it: one for
        their node or a node above, for their function or every function, the earliest due
        date; none for someone without a node or who has left. Remembered per (node,
        function, module)."""
        if not path or not active:
            return None
        key = (path, function, module_id)
        if key not in self._applicable:
            candidates = [
                assignment
                for node in ancestor_paths(path)
                for assignment in self.assignments.get((node, module_id), ())
                if assignment_applies(node, assignment["function"], path, function)
            ]
            self._applicable[key] = min(
                candidates, key=lambda a: (a["due_date"], a["pk"]), default=None
            )
        return self._applicable[key]

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
        self._cell_methods = None
        self._status_for = self._status = None

    # -- reading ---------------------------------------------------------------------------

    @staticmethod
    def rows(queryset):
        """The plain rows an export reads: a fixed number of queries, fetched in chunks."""
        return (
            queryset.order_by(*ROW_ORDER)
            .values(*ROW_VALUES)
            .iterator(chunk_size=CompletionResource._meta.chunk_size)
        )

    def iter_queryset(self, queryset):
        # django-import-export's export() reads the same plain rows as the streamed path.
        if self.context is None:
            self.context = ExportContext.load()
        return self.rows(queryset)

    # -- one row ---------------------------------------------------------------------------

    def headers(self):
        return [neutralise(header) for header in self.get_export_headers()]

    def export_field(self, field, instance, **kwargs):
        """Every text cell is neutralised against formula injection; numbers and dates stay
        numbers and dates."""
        return neutralise(super().export_field(field, instance, **kwargs))

    def row(self, values):
        """The cells of one export row, from one of ``rows()``: the same dehydrate methods
        and neutralisation as ``export_resource``, with the column lookup done once."""
        cells = self._cell_methods
        if cells is None:
            cells = self._cell_methods = [
                getattr(self, field.dehydrate_method) for field in self.get_export_fields()
            ]
        return [neutralise(cell(values)) for cell in cells]

    def assigned_status(self, row):
        """The row's status and validity, worked out once per row (two columns read it)."""
        if self._status_for is not row:
            path = row["learner__profile__organisation__path"]
            assignment = self.context.assignment_for(
                path,
                row["learner__profile__function"],
                row["learner__profile__active"],
                row["module_id"],
            )
            self._status = status_of(
                _CompletionDates(row["last_completed_at"]),
                due_date=assignment["due_date"] if assignment else None,
                validity_months=assignment["validity_months"] if assignment else None,
                today=self.context.today,
            )
            self._status_for = row
        return self._status

    def status_code(self, row):
        return self.assigned_status(row).status

    def dehydrate_employee_number(self, row):
        return row["learner__profile__employee_number"] or ""

    def dehydrate_name(self, row):
        return f"{row['learner__first_name']} {row['learner__last_name']}".strip()

    def dehydrate_email(self, row):
        return row["learner__email"] or ""

    def dehydrate_organisation(self, row):
        return self.context.employer(row["learner__profile__organisation__path"])

    def dehydrate_team(self, row):
        return self.context.team(row["learner__profile__organisation__path"])

    def dehydrate_function(self, row):
        value = row["learner__profile__function"]
        if value in Function.values:
            return str(Function(value).label)
        return value or ""

    def dehydrate_module(self, row):
        return row["module__title"] or ""

    def dehydrate_status(self, row):
        return str(TrainingStatus(self.assigned_status(row).status).label)

    def dehydrate_score(self, row):
        return row["best_score"]

    def dehydrate_first_completed(self, row):
        return local_date(row["first_completed_at"])

    def dehydrate_valid_until(self, row):
        return self.assigned_status(row).valid_until

    def dehydrate_attempts(self, row):
        return row["attempt_count"]
