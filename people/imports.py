"""HR's staff-list import: read a CSV or XLSX file, check every row (a dry run in a transaction
that is rolled back), and import it all or nothing.

``read_staff_file`` turns the upload into plain rows (text cells, their row numbers in the
file); ``check_staff_rows`` and ``import_staff_rows`` run ``StaffResource`` over them. The
admin views keep the rows of a checked file in the session between the preview and the
confirmation, so the import runs again, validated again, from exactly what HR saw.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

import tablib
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from .import_resources import (
    COLUMN_LABELS,
    FIELD_COLUMNS,
    REQUIRED_COLUMNS,
    StaffResource,
    normalise_header,
)
from .models import AuditEntry, Function, Organisation
from .names import split_infix

FORMATS = ("csv", "xlsx")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 50  # a staff list has a handful; more are not read (nor held in memory)


class StaffFileError(Exception):
    """The file cannot be read as a staff list at all (not a row-level problem)."""


@dataclass
class StaffRows:
    """A staff list as read from the file: canonical headers, and each non-empty row with its
    row number in the file (the header is row 1). Small and JSON-friendly for the session."""

    file_name: str
    file_format: str
    headers: list  # canonical column names (None for ignored columns)
    original_headers: list
    rows: list  # [row number, cell, cell, …]

    def as_dict(self):
        return {
            "file_name": self.file_name,
            "file_format": self.file_format,
            "headers": self.headers,
            "original_headers": self.original_headers,
            "rows": self.rows,
        }

    @classmethod
    def from_dict(cls, data):
        return cls(**data)

    @property
    def ignored_columns(self):
        return [
            original
            for original, header in zip(self.original_headers, self.headers, strict=True)
            if header is None and original
        ]

    def column_label(self, column):
        """The column as HR wrote it in the file."""
        for original, header in zip(self.original_headers, self.headers, strict=True):
            if header == column:
                return original
        return column


@dataclass
class RowError:
    row: int | None  # row number in the file; None for the file as a whole
    column: str  # as written in the file; empty when the error is about the whole row
    message: str


@dataclass
class ImportReport:
    file_name: str
    file_format: str
    total: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list = field(default_factory=list)  # preview rows (see StaffResource.preview)
    errors: list = field(default_factory=list)  # RowError
    ignored_columns: list = field(default_factory=list)
    imported: bool = False

    @property
    def ok(self):
        return not self.errors

    @property
    def changes(self):
        """The rows that add or change someone (unchanged rows are only counted)."""
        return [row for row in self.rows if row["import_type"] != "skip"]


# -- reading the file --------------------------------------------------------------------------


def file_format_for(file_name):
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return extension if extension in FORMATS else None


def _cell_text(value):
    """Every cell as text, the way HR sees it: 1234.0 from a spreadsheet is 1234."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal | float | int):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def _decode(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StaffFileError(_("The file is not readable text; save it as CSV (UTF-8)."))


def _csv_records(content):
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    # Dutch Excel saves CSV with semicolons; take whichever separator the header uses most.
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        message = _("The CSV file cannot be read: %(error)s") % {"error": error}
        raise StaffFileError(message) from None


def _xlsx_records(content):
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise StaffFileError(_("The file cannot be opened as an Excel workbook (.xlsx).")) from None
    try:
        records = []
        for row in book.active.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            records.append(list(row))
            if len(records) > MAX_ROWS + 1:
                break
        return records
    finally:
        book.close()


def read_staff_file(content, file_name):
    """The staff list in ``content`` (the bytes of a .csv or .xlsx file), or StaffFileError
    with a message for HR when it is not one."""
    file_format = file_format_for(file_name)
    if file_format is None:
        raise StaffFileError(_("Upload a .csv or .xlsx file."))
    if len(content) > MAX_UPLOAD_BYTES:
        raise StaffFileError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // 2**20}
        )
    records = _csv_records(content) if file_format == "csv" else _xlsx_records(content)
    records = [[_cell_text(value) for value in record] for record in records]
    if not records or not any(records[0]):
        raise StaffFileError(_("The file is empty: the first row must name the columns."))
    original_headers = records[0]
    headers = [normalise_header(header) for header in original_headers]
    missing = [column for column in REQUIRED_COLUMNS if column not in headers]
    if missing:
        raise StaffFileError(
            _("Columns missing in the first row: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    doubled = sorted({h for h in headers if h is not None and headers.count(h) > 1})
    if doubled:
        raise StaffFileError(
            _("These columns appear more than once: %(columns)s.") % {"columns": ", ".join(doubled)}
        )
    rows = []
    width = len(headers)
    for number, record in enumerate(records[1:], 2):
        if not any(record):
            continue  # blank lines are skipped, but rows keep their number in the file
        rows.append([number, *(record + [""] * width)[:width]])
    if len(rows) > MAX_ROWS:
        raise StaffFileError(
            _("The file has more than %(max)d rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    if not rows:
        raise StaffFileError(_("The file has column names but no rows."))
    return StaffRows(file_name, file_format, headers, original_headers, rows)


# -- checking and importing ----------------------------------------------------------------


def _dataset(staff):
    """A tablib Dataset with the canonical columns: the last name as it is written, with its
    tussenvoegsel ("van den Heuvel"), and the tussenvoegsel apart ("van den"), which lists sort
    without (``people.names``). Without a tussenvoegsel column, it is read off the last name."""
    kept = [i for i, header in enumerate(staff.headers) if header is not None]
    columns = [staff.headers[i] for i in kept]
    given = "tussenvoegsel" in columns
    headers = columns if given else [*columns, "tussenvoegsel"]
    infix, surname = headers.index("tussenvoegsel"), headers.index("achternaam")
    dataset = tablib.Dataset(headers=headers)
    for row in staff.rows:
        cells = [row[1:][i] for i in kept]
        if given:
            prefix = " ".join(cells[infix].split())
            cells[infix] = prefix
            if prefix:
                cells[surname] = f"{prefix} {cells[surname]}".strip()
        else:
            cells.append(split_infix(cells[surname])[0])
        dataset.append(cells)
    return dataset


def _run(user, staff, *, dry_run):
    resource = StaffResource(user)
    numbers = {index: row[0] for index, row in enumerate(staff.rows, 1)}
    result = resource.import_data(
        _dataset(staff),
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        row_numbers=numbers,
    )
    report = ImportReport(
        staff.file_name,
        staff.file_format,
        total=len(staff.rows),
        ignored_columns=staff.ignored_columns,
    )
    report.new = result.totals.get("new", 0)
    report.updated = result.totals.get("update", 0)
    report.unchanged = result.totals.get("skip", 0)
    for row in resource.preview:
        row["number"] = numbers.get(row["number"], row["number"])
    report.rows = _displayed(resource.preview)
    report.errors = _errors(result, staff, numbers)
    return report


FIELD_LABELS = {
    "employee_number": "personeelsnummer",
    "first_name": "voornaam",
    "last_name": "achternaam",
    "email": "e-mail",
    "organisation": "organisatie",
    "function": "functie",
    "active": "actief",
    "started_on": "in dienst",
    "infix": "tussenvoegsel",
}


def _displayed(preview):
    """The preview rows with readable values: organisation names, function labels, yes/no."""
    organisation_ids = {
        value
        for row in preview
        for name, old, new in row["changes"]
        if name == "organisation"
        for value in (old, new)
        if value
    }
    names = dict(Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "name"))
    functions = dict(Function.choices)

    def show(name, value):
        if value is None or value == "":
            return ""
        if name == "organisation":
            return names.get(value, "")
        if name == "function":
            return str(functions.get(value, value))
        if name == "active":
            return _("yes") if value else _("no")
        if name == "started_on":
            return formats.date_format(value, "j F Y")
        return value

    for row in preview:
        row["changes"] = [
            {
                "field": name,
                "label": str(COLUMN_LABELS[FIELD_LABELS[name]]),
                "old": show(name, old),
                "new": show(name, new),
            }
            for name, old, new in row["changes"]
        ]
    return preview


def _label(staff, field_name):
    column = FIELD_COLUMNS.get(field_name)
    if column is None:
        return ""
    if column == "achternaam" and "tussenvoegsel" in staff.headers:
        return f"{staff.column_label('tussenvoegsel')} + {staff.column_label('achternaam')}"
    return staff.column_label(column)


def _errors(result, staff, numbers):
    errors = []
    for error in result.base_errors:
        errors.append(RowError(None, "", str(error.error)))
    for invalid in result.invalid_rows:
        number = numbers.get(invalid.number, invalid.number)
        for field_name, messages in invalid.field_specific_errors.items():
            for message in messages:
                errors.append(RowError(number, _label(staff, field_name), str(message)))
        for message in invalid.non_field_specific_errors:
            errors.append(RowError(number, "", str(message)))
    for index, row_errors in result.row_errors():
        for error in row_errors:
            errors.append(
                RowError(
                    numbers.get(index, index),
                    "",
                    _("This row could not be saved: %(error)s") % {"error": error.error},
                )
            )
    errors.sort(key=lambda e: (e.row or 0, e.column))
    return errors


def check_staff_rows(user, staff):
    """A dry run: what importing ``staff`` as ``user`` would do, or every error. Writes
    nothing (the resource's transaction is rolled back)."""
    return _run(user, staff, dry_run=True)


def import_staff_rows(user, staff):
    """Import ``staff`` as ``user``, all or nothing: the rows are validated again, and if any
    row is refused nothing is written. A successful import leaves an audit entry."""
    with transaction.atomic():
        report = _run(user, staff, dry_run=False)
        if not report.ok:
            transaction.set_rollback(True)
            return report
        report.imported = True
        AuditEntry.objects.create(
            actor=user,
            actor_name=user.get_full_name() or user.get_username(),
            action=AuditEntry.Action.IMPORT,
            file_format=staff.file_format,
            row_count=report.total,
            details={
                "file_name": staff.file_name,
                "rows": report.total,
                "new": report.new,
                "updated": report.updated,
                "unchanged": report.unchanged,
            },
        )
    return report


def column_help():
    """The accepted columns with their labels, for the upload page."""
    return [(column, COLUMN_LABELS[column], column in REQUIRED_COLUMNS) for column in COLUMN_LABELS]
