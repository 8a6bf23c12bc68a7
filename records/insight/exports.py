"""Every signal insight view as CSV or XLSX, for the regional picture of undermining crime
(ondermijningsbeeld): the same rows and figures as the page, hidden figures empty. Written the
way the HR export writes (``records.exports``): a whitelist of columns, every text cell
neutralised against formula injection (``records.spreadsheet``), CSV streamed, XLSX through the
same constant-memory writer into a temporary file, and an audit entry for every download."""

import csv
import io

from django.utils.translation import gettext as _

from ..exports import CSV, CSV_BOM, XLSX
from ..spreadsheet import neutralise, xlsx_spool
from .reports import COLUMNS


def headers(report):
    first = [_("Row"), _("Level"), _("Theme"), _("Too few people to show")]
    return first + [str(label) for _key, label, _kind in COLUMNS] + [_("Status as of")]


def _number(value):
    return "" if value is None else value  # a hidden figure is an empty cell, never a count


def rows(report):
    stand = report.refreshed_at.isoformat() if report.refreshed_at else ""
    for row in report.rows:
        yield [
            neutralise(row.label),
            row.level,
            neutralise(row.theme),
            _("yes") if row.too_few else _("no"),
            *(
                row.values.get(key) if row.values.get(key) is not None else ""
                for key, _l, _k in COLUMNS
            ),
            stand,
        ]


def iter_csv(report):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(CSV_BOM)
    writer.writerow(headers(report))
    for line in rows(report):
        writer.writerow(line)
        if buffer.tell() > 16 * 1024:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate(0)
    yield buffer.getvalue().encode("utf-8")


def xlsx_file(report):
    """The XLSX file in a rewound anonymous temporary file."""
    heading = headers(report)
    widths = [max(len(header) + 2, 12) for header in heading]
    widths[0] = max([widths[0], *(len(row.label) + 2 for row in report.rows)])
    spool, _count = xlsx_spool(str(report.title), heading, rows(report), widths)
    return spool


FORMATS = (CSV, XLSX)
