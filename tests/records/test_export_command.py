"""``manage.py export_completions``: the scheduled HR feed writes the subtree of one
organisation to a file, leaves an audit entry by "command", and refuses a bad slug, date or
directory with a clear message instead of a traceback."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from people.models import AuditEntry
from records.resources import COLUMNS
from tests.factories import make_module
from tests.records.export_factories import build_tree, completed, person


@pytest.fixture
def records(db, catalogue):
    tree = build_tree()
    module = make_module(catalogue=catalogue, title="Drugslabs herkennen")
    completed(person(tree["a1"], last_name="Aaltje"), module, on=datetime.date(2026, 1, 5))
    completed(person(tree["a"], last_name="Abel"), module, on=datetime.date(2026, 3, 5))
    completed(person(tree["b1"], last_name="Bakker"), module, on=datetime.date(2026, 3, 5))
    return {"tree": tree, "module": module}


def run(*args):
    out = io.StringIO()
    call_command("export_completions", *args, stdout=out)
    return out.getvalue()


def read_csv(path):
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_the_command_writes_the_organisation_subtree_to_a_csv_file(records, tmp_path):
    output = tmp_path / "feed.csv"
    message = run("--format", "csv", "--organisation", "x-gemeente-a", "--output", str(output))
    rows = read_csv(output)
    assert len(rows[0]) == len(COLUMNS)
    assert sorted(row[1].split()[-1] for row in rows[1:]) == ["Aaltje", "Abel"]
    assert "2 rows" in message
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.actor_name, entry.file_format, entry.row_count) == (
        None,
        "command",
        "csv",
        2,
    )
    assert entry.details["filters"]["organisation"]["slug"] == "x-gemeente-a"
    assert entry.details["finished"] is True
    assert not list(tmp_path.glob("*.partial"))


def test_the_command_writes_xlsx_with_module_and_since_filters(records, tmp_path):
    output = tmp_path / "feed.xlsx"
    run(
        "--format",
        "xlsx",
        "--module",
        records["module"].slug,
        "--since",
        "2026-03-01",
        "--output",
        str(output),
    )
    sheet = load_workbook(output).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(row[1].split()[-1] for row in rows) == ["Abel", "Bakker"]
    entry = AuditEntry.objects.get()
    assert (entry.file_format, entry.row_count) == ("xlsx", 2)
    assert entry.details["filters"]["from"] == "2026-03-01"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisation", "nergens"], "No organisation with the slug 'nergens'"),
        (["--module", "geen-module"], "No module with the slug 'geen-module'"),
        (["--since", "2026-13-45"], "is not a date in the form YYYY-MM-DD"),
        (["--since", "gisteren"], "is not a date in the form YYYY-MM-DD"),
    ],
)
def test_bad_arguments_fail_cleanly_and_write_nothing(records, tmp_path, args, message):
    output = tmp_path / "feed.csv"
    with pytest.raises(CommandError, match=message):
        run(*args, "--output", str(output))
    assert not output.exists()
    assert not AuditEntry.objects.exists()


def test_a_missing_directory_fails_cleanly(records, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run("--output", str(tmp_path / "missing" / "feed.csv"))
    assert not AuditEntry.objects.exists()


def test_an_unknown_format_is_refused(records, tmp_path):
    with pytest.raises(CommandError):
        run("--format", "pdf", "--output", str(tmp_path / "feed.pdf"))
