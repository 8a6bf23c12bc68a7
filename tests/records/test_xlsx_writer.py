"""The XLSX writer every export shares (``records.spreadsheet.write_xlsx``): the cells a reader
gets back are the cells that went in, with their types; the sheet has what HR expects of a
spreadsheet (a bold header that stays in view, filter buttons, widths); nothing can turn a cell
into a formula; a generator of rows is enough. That memory stays flat is measured by
``make bench`` (1,000,000 vs 100,000 rows), not here."""

import datetime
import tempfile

import pytest
from openpyxl import load_workbook

from records.spreadsheet import write_xlsx, xlsx_spool

HEADERS = ["Personeelsnummer", "Naam", "Score", "Afgerond op", "Pogingen"]
ROWS = [
    ["0042", "Ruud van den Heuvel", 88, datetime.date(2026, 2, 3), 2],
    ["E-7", "Aylin Çelik", None, None, 0],
    ["=1+1", "@SUM(A1)", 0, datetime.date(2025, 12, 31), 1],
]


def read(path):
    return load_workbook(path).active


def test_cells_come_back_with_their_values_and_types(tmp_path):
    path = tmp_path / "export.xlsx"
    assert write_xlsx(path, "Voortgang", HEADERS, iter(ROWS)) == len(ROWS)
    sheet = read(path)
    assert sheet.title == "Voortgang"
    assert [cell.value for cell in sheet[1]] == HEADERS
    first = sheet[2]
    assert [first[0].value, first[1].value] == ["0042", "Ruud van den Heuvel"]
    assert first[0].data_type == "s"  # an employee number keeps its leading zeros
    assert (first[2].data_type, first[2].value) == ("n", 88)
    assert first[3].is_date and first[3].value.date() == datetime.date(2026, 2, 3)
    assert first[3].number_format == "yyyy-mm-dd"
    assert (first[4].data_type, first[4].value) == ("n", 2)
    second = sheet[3]
    assert second[2].value is None and second[3].value is None  # empty stays empty
    assert second[4].value == 0


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    path = tmp_path / "export.xlsx"
    write_xlsx(path, "Voortgang", HEADERS, ROWS)
    row = read(path)[4]
    assert [row[0].value, row[1].value] == ["'=1+1", "'@SUM(A1)"]
    assert all(cell.data_type == "s" for cell in row[:2])
    # Stripping a control character first cannot uncover a formula.
    write_xlsx(path, "Voortgang", HEADERS, [["\x0b=1+1", "x", 1, None, 1]])
    assert read(path)["A2"].value == "'=1+1"


def test_the_header_is_bold_frozen_filtered_and_the_columns_as_wide_as_asked(tmp_path):
    path = tmp_path / "export.xlsx"
    write_xlsx(path, "Voortgang", HEADERS, ROWS, widths=[18, 30, 8, 12, 10])
    sheet = read(path)
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:E{len(ROWS) + 1}"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDE"]
    assert [round(width) for width in widths] == [19, 31, 9, 13, 11]  # + Excel's padding


def test_an_export_without_rows_has_its_header_and_counts_none(tmp_path):
    path = tmp_path / "empty.xlsx"
    assert write_xlsx(path, "Voortgang", HEADERS, iter([])) == 0
    sheet = read(path)
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.max_row == 1


def test_repeated_headers_are_refused_rather_than_merged(tmp_path):
    with pytest.raises(ValueError, match="headers must differ"):
        write_xlsx(tmp_path / "x.xlsx", "Voortgang", ["Naam", "Naam"], [["a", "b"]])


def test_a_generator_of_rows_is_written_whole_and_in_order(tmp_path):
    """The exports hand the writer a generator (rows are read from the database as they are
    written); every row arrives, in order, and is counted. That memory stays flat while it does
    is measured by ``make bench`` (1,000,000 vs 100,000 rows)."""

    def rows():
        for number in range(5000):
            yield [f"E{number}", "Naam", number, None, 1]

    assert write_xlsx(tmp_path / "big.xlsx", "Voortgang", HEADERS, rows()) == 5000
    sheet = read(tmp_path / "big.xlsx")
    assert sheet.max_row == 5001
    assert [cell.value for cell in sheet["C"][1:]] == list(range(5000))


def test_the_spool_is_a_rewound_file_that_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spool, count = xlsx_spool("Voortgang", HEADERS, ROWS)
    with spool:
        assert count == len(ROWS)
        assert spool.read(2) == b"PK"  # a zip file, read from the start
        assert list(tmp_path.iterdir()) == []  # the name is gone while the file is open
