"""Formula injection, path × payload: a table of payloads put in every text column that comes
from people's data (name, e-mail, organisation and team, employee number, module title) goes
through every export path (the admin's CSV and XLSX, the manager dashboard's CSV, the command's
CSV and XLSX); every cell read back is inert: never an XLSX formula, and never text that a
spreadsheet program would start evaluating."""

import csv
import datetime
import io
import unicodedata

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from people.models import Assignment, Organisation
from records.spreadsheet import FORMULA_PREFIXES
from tests.factories import login_with_mfa, make_module
from tests.records.export_factories import build_tree, completed, hr_of, person

PAYLOADS = [
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("http://x","y")',
    "＝1+1",  # full-width equals sign
    "＋1",
    "   =1+1",  # leading spaces, then a formula
    "\n=1+1",
    "\u00a0=1+1",  # a no-break space first
    "=cmd|'/C powershell'!A0",
    "-@SUM(1)",
]
PATHS = ("admin-csv", "admin-xlsx", "dashboard-csv", "command-csv", "command-xlsx")


def inert(value):
    """A cell value no spreadsheet program would evaluate: not starting like a formula, also
    after trimming and folding full-width characters, unless the apostrophe marks it text."""
    if not isinstance(value, str) or value.startswith("'"):
        return True
    folded = unicodedata.normalize("NFKC", value).lstrip()
    return not value.startswith(FORMULA_PREFIXES) and not folded.startswith(FORMULA_PREFIXES)


def csv_cells(content):
    text = content.decode("utf-8").removeprefix("\ufeff")
    # The admin's and the dashboard's downloads are for Excel (NL), with semicolons; the
    # command's feed has commas.
    separator = ";" if ";" in text.split("\n", 1)[0] else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    return [cell for row in rows for cell in row]


def xlsx_cells(content):
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a cell is a formula"
    return [cell.value for cell in cells]


def export(path, client, hr, tmp_path):
    kind, file_format = path.split("-")
    if kind == "admin":
        login_with_mfa(client, hr)
        response = client.post("/admin/hr/export/", {"action": file_format})
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
    elif kind == "dashboard":
        login_with_mfa(client, hr)
        response = client.post("/leren/teams/overzicht.csv")
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
    else:
        output = tmp_path / f"export.{file_format}"
        call_command(
            "export_completions",
            "--format",
            file_format,
            "--organisation",
            "x-gemeente-a",
            "--output",
            str(output),
            stdout=io.StringIO(),
        )
        content = output.read_bytes()
    return csv_cells(content) if file_format == "csv" else xlsx_cells(content)


@pytest.mark.parametrize("payload", PAYLOADS, ids=[repr(p) for p in PAYLOADS])
@pytest.mark.parametrize("path", PATHS)
def test_every_cell_of_every_export_path_is_inert(
    client, catalogue, tmp_path, settings, path, payload
):
    settings.RATELIMIT_EXPORT = "1000/m"
    tree = build_tree()
    Organisation.objects.filter(pk=tree["a1"].pk).update(name=payload + " team")
    Organisation.objects.filter(pk=tree["a"].pk).update(name=payload + " gemeente")
    learner = person(
        tree["a1"],
        first_name=payload,
        last_name=payload,
        employee_number=f"E{len(payload)}",
    )
    type(learner).objects.filter(pk=learner.pk).update(email=payload + "@example.nl")
    module = make_module(catalogue=catalogue, title=payload + " module")
    Assignment.objects.create(module=module, organisation=tree["a"], due_date="2030-01-01")
    completed(learner, module, on=datetime.date(2026, 5, 1), score=75, attempts=4)
    hr = hr_of(tree["a"])

    cells = export(path, client, hr, tmp_path)

    payload_cells = [c for c in cells if isinstance(c, str) and payload.strip()[:3] in c]
    assert payload_cells, "the payload did not reach the export: the test would prove nothing"
    assert [c for c in cells if not inert(c)] == []
