"""Spreadsheet safety for every export path: a text cell that a spreadsheet program would read
as a formula (CSV/formula injection) is neutralised; numbers and dates stay what they are. And
the one XLSX writer of the exports (``write_xlsx``), streaming rows in constant memory."""

import os
import tempfile
import unicodedata

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from rustpy_xlsxwriter import FastExcel

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    """Whether a spreadsheet program might read the text as a formula: it starts with a formula
    character, also after leading spaces or line breaks (some programs trim them on import) or
    written in full width (＝, ＋, －, ＠, which some programs fold to the ASCII ones)."""
    if value.startswith(FORMULA_PREFIXES):
        return True
    folded = unicodedata.normalize("NFKC", value).lstrip()
    return folded.startswith(FORMULA_PREFIXES)


def neutralise(value):
    """Prefix a text value that starts like a formula with an apostrophe, which spreadsheet
    programs show as text and do not evaluate. Non-text values are returned unchanged."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def neutralise_row(row):
    return [neutralise(value) for value in row]


# -- XLSX ----------------------------------------------------------------------------------------

XLSX_DATE_FORMAT = "yyyy-mm-dd"  # the same day as in the CSV file


def xlsx_cell(value):
    """A cell value as the XLSX file holds it: text without the control characters XLSX cannot
    hold, neutralised after stripping ("\\x0b=1+1" would otherwise become "=1+1"); numbers and
    dates unchanged, so that they stay numbers and dates in the spreadsheet."""
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def write_xlsx(target, title, headers, rows, widths=None):
    """Write one sheet to ``target`` (a path) and return the number of rows written.

    The rows are streamed: rust_xlsxwriter's constant-memory mode writes each row to the file
    as it arrives, so memory stays flat at a million rows and the time is a fraction of
    openpyxl's write-only workbook (docs/performance.md). Text cells are written as text, never
    as formulas; every cell still goes through ``xlsx_cell``, as in the CSV file. The header
    row is bold, stays in view while scrolling and carries filter buttons; ``widths`` gives a
    width per column in characters."""
    headers = [str(header) for header in headers]
    # The writer takes the columns from the first row's keys: a repeated header would merge two
    # columns, so it is refused here rather than written wrong.
    if len(set(headers)) != len(headers):
        raise ValueError(f"XLSX headers must differ: {headers}")
    count = 0

    def records():
        nonlocal count
        for row in rows:
            count += 1
            yield dict(zip(headers, map(xlsx_cell, row), strict=True))
        if not count:
            # Without a row the writer has no columns: an empty row writes the header alone.
            yield dict.fromkeys(headers)

    (
        FastExcel(os.fspath(target), output_format="xlsx")
        .format(datetime_format=XLSX_DATE_FORMAT, bold_headers=True)
        .freeze(row=1, col=0)
        .sheet(
            title[:31] or "Sheet1",
            records(),
            column_widths=list(widths) if widths else None,
            autofilter=True,
        )
        .save()
    )
    return count


def xlsx_spool(title, headers, rows, widths=None):
    """The XLSX file in an anonymous temporary file, rewound for a ``FileResponse``, and its
    number of rows. The writer writes to a path; the name is removed once the file is open, so
    nothing is left behind when the response closes the file."""
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        count = write_xlsx(path, title, headers, rows, widths)
        spool = open(path, "rb")  # noqa: SIM115 - FileResponse closes it
    finally:
        os.remove(path)
    return spool, count
