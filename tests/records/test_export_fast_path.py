"""The streamed export (``CompletionResource.iter_rows``: ``values_list`` rows through the
columns' converters, person cells once per person, repeated texts neutralised once) gives
exactly the rows of django-import-export's stock ``CompletionResource().export()`` for the
same queryset, which stays the reference; and the streamed CSV holds exactly those rows."""

import csv
import datetime
import io

import pytest
from django.utils import translation

from people.models import Assignment, Function
from records import exports
from records.resources import COLUMNS, READS, ROW_FIELDS, CompletionResource, ExportContext
from tests.factories import make_module
from tests.records.export_factories import build_tree, completed, person

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def sample(db, catalogue):
    """People in every part of the tree, with formula-like texts in every text column, in
    several functions, active and not; modules with assignments that expire, that do not, for
    one function or all, due in the past and ahead; passes long ago, recent and none."""
    tree = build_tree()
    first = make_module(catalogue=catalogue, title="=1+1 Eerste")
    second = make_module(catalogue=catalogue, title="Tweede")
    third = make_module(catalogue=catalogue, title="@Derde")
    Assignment.objects.create(
        module=first,
        organisation=tree["region"],
        due_date=datetime.date(2026, 1, 1),
        validity_months=6,
    )
    Assignment.objects.create(
        module=second,
        organisation=tree["a"],
        function=Function.INSPECTOR,
        due_date=datetime.date(2026, 9, 1),
        validity_months=12,
    )
    Assignment.objects.create(
        module=third, organisation=tree["b"], due_date=datetime.date(2026, 3, 1)
    )
    people = [
        person(tree["a1"], first_name="@Piet", last_name="Jansen", employee_number="=A1"),
        person(tree["a1"], first_name="Kees", last_name="-Jansen", function=Function.INSPECTOR),
        person(tree["b1"], first_name="+Jan", last_name="Bakker", function=Function.INSPECTOR),
        person(tree["a"], first_name="Els", last_name="\tTab", active=False),
        person(tree["province"], first_name="Çelik", last_name="Müller"),
        person(tree["b"], first_name="", last_name="Zonder"),
        # Same name as the first: the person's cells must not leak from one to the other.
        person(tree["b1"], first_name="@Piet", last_name="Jansen", employee_number="B2"),
    ]
    days = [
        datetime.date(2025, 1, 10),
        datetime.date(2025, 11, 30),
        None,
        datetime.date(2026, 6, 14),
        datetime.date(2024, 2, 29),
        None,
        datetime.date(2026, 1, 31),
    ]
    for index, (learner, day) in enumerate(zip(people, days, strict=True)):
        completed(learner, first, on=day, score=50 + index, attempts=index)
        completed(learner, second, on=days[-1 - index], score=None if index % 2 else 99)
        if index % 3 == 0:
            completed(learner, third, on=day, attempts=index + 1)
    return tree


def streamed(**filters):
    export = exports.CompletionExport(None, exports.ExportFilters(**filters), today=TODAY)
    return export, [export.headers(), *export.cell_rows()]


def stock(queryset):
    dataset = CompletionResource(context=ExportContext.load(today=TODAY)).export(queryset)
    return [dataset.headers, *[list(row) for row in dataset]]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_streamed_rows_are_the_stock_exports_rows(sample, language):
    with translation.override(language):
        export, rows = streamed()
        assert rows == stock(export.queryset())
    # The header, three modules' completion records (7, 7, 3) and the third module not started
    # by the two in Gemeente B to whom it is assigned.
    assert len(rows) == 1 + 7 + 7 + 3 + 2
    assert all(len(row) == len(COLUMNS) for row in rows)


@pytest.mark.parametrize("status", ["completed", "expired", "overdue", "in_progress"])
def test_the_status_filter_keeps_the_stock_rows_of_that_status(sample, status):
    with translation.override("en"):
        _export, rows = streamed(status=status)
        everything = stock(streamed()[0].queryset())
        label = {"completed": "Completed", "expired": "Expired", "overdue": "Overdue"}.get(
            status, "In progress"
        )
    position = COLUMNS.index("status")
    expected = [everything[0], *[row for row in everything[1:] if row[position] == label]]
    assert rows == expected
    assert len(rows) > 1


def test_the_streamed_csv_is_the_stock_rows_written_by_csv_writer(sample):
    with translation.override("en"):
        export, _rows = streamed()
        content = b"".join(export.iter_csv())
        expected = io.StringIO()
        expected.write(exports.CSV_BOM)
        csv.writer(expected, delimiter=";").writerows(stock(export.queryset()))
    assert content == expected.getvalue().encode("utf-8")


def test_every_column_reads_only_row_values():
    assert set(READS) == set(COLUMNS)
    for paths in READS.values():
        assert set(paths) <= set(ROW_FIELDS)
