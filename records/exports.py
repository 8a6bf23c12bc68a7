"""HR's export of assigned training and completion records: which rows (scope and filters),
how they are written (CSV and XLSX, streamed, never built in memory) and the audit-log entry
every export leaves.

The columns and cell values come from ``records.resources.CompletionResource``; this module
only decides which rows go in and moves them to a file.

Streaming:

* rows are read as plain values, a person at a time (``CompletionResource.iter_rows``:
  ``values_list``, ``iterator(chunk_size=2000)``) after everything they share (organisation nodes,
  assignments) has been loaded once, so an export costs the same few queries for ten rows as
  for a hundred thousand;
* CSV is written in batches of rows with ``csv.writer.writerows`` into a small buffer that is
  handed out every few kilobytes (``iter_csv``), for a ``StreamingHttpResponse`` or a file;
* XLSX goes through rust_xlsxwriter's constant-memory writer (``records.spreadsheet``), which
  keeps no rows in memory, into a temporary file that is then streamed with ``FileResponse``.

Audit: the entry is written *before* the first row leaves (who, when, which filters and
format), and completed with the number of rows written when the stream ends; a stream that
was broken off (the browser went away) says so with ``"finished": false`` and the rows
written until then.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from people.models import AuditEntry, Function
from people.status import TrainingStatus

from .resources import COLUMNS, CompletionResource, ExportContext, YesNo, export_rows
from .spreadsheet import write_xlsx, xlsx_spool

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Excel only reads a CSV file as UTF-8 (names like Çelik or Müller) when it starts with a BOM.
CSV_BOM = "\ufeff"
# The separator of a CSV file. Excel set to Dutch (and most Dutch HR systems) reads fields
# separated by semicolons, because the comma is the decimal sign; a comma is for the rest.
SEMICOLON = ";"
COMMA = ","
CSV_SEPARATORS = (
    (SEMICOLON, _("Semicolon (;), for Excel in Dutch")),
    (COMMA, _("Comma (,), for Excel in English and other programs")),
)
CSV_FLUSH_BYTES = 16 * 1024
# Column widths of the XLSX file, in characters.
DATE_WIDTH = 10
MAX_COLUMN_WIDTH = 60
# Rows handed to ``csv.writer.writerows`` at a time (about 20 kB of CSV).
CSV_BATCH_ROWS = 200

# Statuses only a pass can have: the rows without one need not be read.
_PASSED_STATUSES = {TrainingStatus.COMPLETED, TrainingStatus.EXPIRED}


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class ExportFilters:
    """What HR chose: an organisation node (and below), a module, a period in which the first
    completion falls (both ends included; ``date_from`` alone means "since"), a status."""

    organisation: object = None
    module: object = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    status: str = ""

    def describe(self):
        """The filters as the audit log keeps them (plain JSON)."""
        details = {}
        if self.organisation is not None:
            details["organisation"] = {
                "id": self.organisation.pk,
                "slug": self.organisation.slug,
                "name": self.organisation.name,
            }
        if self.module is not None:
            details["module"] = {"id": self.module.pk, "title": self.module.title}
        if self.date_from:
            details["from"] = self.date_from.isoformat()
        if self.date_to:
            details["to"] = self.date_to.isoformat()
        if self.status:
            details["status"] = str(self.status)
        return details


class CompletionExport:
    """One export of completion records for ``user`` (None: the scheduled command, which sees
    everything it is pointed at) with the given filters."""

    def __init__(self, user=None, filters=None, actor_name=None, today=None):
        self.user = user
        self.filters = filters or ExportFilters()
        self.actor_name = actor_name
        self.today = today or timezone.localdate()
        self._resource = None

    # -- which rows ------------------------------------------------------------------------

    def queryset(self):
        """The rows in the user's scope that match the filters (``resources.ExportRows``),
        before the status (which is computed per row) is applied. A period of first
        completion or a status that needs a pass leaves only completion records; otherwise the
        modules assigned to someone that they have not started are rows too."""
        filters = self.filters
        return export_rows(
            self.user,
            organisation=filters.organisation,
            module=filters.module,
            first_completed_from=_day_start(filters.date_from) if filters.date_from else None,
            first_completed_before=(
                _day_start(filters.date_to + datetime.timedelta(days=1))
                if filters.date_to
                else None
            ),
            passed_only=filters.status in _PASSED_STATUSES,
        )

    @property
    def resource(self):
        if self._resource is None:
            context = ExportContext.load(
                organisation=self.filters.organisation,
                module=self.filters.module,
                today=self.today,
            )
            self._resource = CompletionResource(context=context)
        return self._resource

    def cell_rows(self):
        """The cells of every row of the export, with the status filter applied."""
        return self.resource.iter_rows(self.queryset(), status=self.filters.status)

    def count(self):
        """How many rows the export has (for the preview)."""
        return self.resource.count(self.queryset(), status=self.filters.status)

    def headers(self):
        return self.resource.headers()

    # -- audit -----------------------------------------------------------------------------

    def start_audit(self, file_format):
        """Record who exports what before any row leaves; ``finish_audit`` adds the count."""
        user = self.user
        name = self.actor_name or (user.get_username() if user is not None else "")
        return AuditEntry.objects.create(
            actor=user,
            actor_name=name,
            action=AuditEntry.Action.EXPORT,
            details={"filters": self.filters.describe(), "finished": False},
            file_format=file_format,
        )

    @staticmethod
    def finish_audit(entry, row_count, finished=True):
        entry.row_count = row_count
        entry.details = {**entry.details, "finished": finished}
        entry.save(update_fields=["row_count", "details"])

    # -- writing ---------------------------------------------------------------------------

    def iter_csv(self, audit_entry=None, separator=SEMICOLON):
        """The CSV file as a stream of byte chunks of a few kilobytes, counting the rows and
        completing the audit entry when the stream ends (or is broken off).

        The stream is read after the view has returned, so it keeps the language and time
        zone that were active when it was made (the admin user's preferences)."""
        language = translation.get_language()
        zone = timezone.get_current_timezone()

        def stream():
            with translation.override(language), timezone.override(zone):
                yield from self._csv_chunks(audit_entry, separator)

        return stream()

    def _csv_chunks(self, audit_entry, separator):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=separator)

        def drain():
            data = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate(0)
            return data.encode("utf-8")

        count = 0
        finished = False
        try:
            buffer.write(CSV_BOM)
            writer.writerow(self.headers())
            yield drain()
            for batch in _batches(self.cell_rows(), CSV_BATCH_ROWS):
                writer.writerows(batch)
                count += len(batch)
                if buffer.tell() >= CSV_FLUSH_BYTES:
                    yield drain()
            yield drain()
            finished = True
        finally:
            if audit_entry is not None:
                self.finish_audit(audit_entry, count, finished)

    def write_xlsx(self, target):
        """Write the XLSX file to the path ``target``; return the number of rows written.
        Text stays text (neutralised, without the control characters XLSX cannot hold);
        numbers and dates stay numeric. The columns are as wide as what they hold, the header
        row stays in view while scrolling and carries filter buttons."""
        headers = self.headers()
        return write_xlsx(
            target, str(_("Progress")), headers, self.cell_rows(), self.column_widths(headers)
        )

    def column_widths(self, headers):
        """A width per column (in characters) that fits its header and what it can hold,
        known before the first row is written (the rows are streamed, never held): the longest
        module title, organisation name and label; dates and numbers their own width; names
        and e-mail addresses a width that fits nearly all."""
        context = self.resource.context
        organisations = [name for name, _kind in context.organisations.values()]
        longest = {
            "employee_number": 14,
            "name": 28,
            "email": 34,
            "organisation": _longest(organisations),
            "team": _longest(organisations),
            "function": _longest(str(label) for label in Function.labels),
            "active": _longest(str(label) for label in YesNo.labels),
            "module": _longest(context.titles.values()),
            "status": _longest(str(label) for label in TrainingStatus.labels),
            "due_date": DATE_WIDTH,
            "score": 6,
            "first_completed": DATE_WIDTH,
            "valid_until": DATE_WIDTH,
            "attempts": 6,
        }
        return [
            min(max(len(str(header)), longest.get(name, 12)) + 2, MAX_COLUMN_WIDTH)
            for name, header in zip(COLUMNS, headers, strict=True)
        ]

    def xlsx_file(self):
        """The XLSX file in an anonymous temporary file, rewound, and its number of rows."""
        headers = self.headers()
        return xlsx_spool(
            str(_("Progress")), headers, self.cell_rows(), self.column_widths(headers)
        )

    def filename(self, file_format):
        """``voortgang-2026-12-05.csv``: the file's name in the user's language (Dutch by
        default), with the day of the export."""
        return dated_filename(_("progress"), self.today, file_format)


def dated_filename(name, day, file_format):
    """A download's name: ``name`` (translated, made safe for a file name), the day, the
    extension."""
    return f"{slugify(str(name)) or 'export'}-{day.isoformat()}.{file_format}"


def _longest(texts):
    return max((len(text) for text in texts), default=0)


def _batches(rows, size):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
