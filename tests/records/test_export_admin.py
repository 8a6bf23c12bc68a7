"""HR's export page in the Wagtail admin: who may use it, whose records a file holds (HR's own
organisation and below, whatever the request says), that the CSV is streamed in a fixed number
of queries, and that every export leaves an audit entry."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from people import roles
from people.models import AuditEntry, Function
from records import exports
from records.resources import COLUMNS
from tests.factories import login_with_mfa, make_module
from tests.records.export_factories import build_tree, completed, hr_of, person

URL = "/admin/hr/export/"
AUDIT_URL = "/admin/hr/audit-log/"


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def records(tree, catalogue):
    """Two people in Gemeente A and one in Gemeente B, each with a completion."""
    module = make_module(catalogue=catalogue, title="Drugslabs herkennen")
    in_a = [person(tree["a1"], last_name="Aaltje"), person(tree["a"], last_name="Abel")]
    in_b = person(tree["b1"], last_name="Bakker")
    for learner in [*in_a, in_b]:
        completed(learner, module, on=datetime.date(2026, 2, 3), score=88, attempts=2)
    return {"module": module, "a": in_a, "b": in_b}


@pytest.fixture
def hr_a(tree):
    return hr_of(tree["a"])


def download(client, action="csv", **filters):
    data = {"action": action, **filters}
    return client.post(URL, data)


def read_csv(response):
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    # Excel (NL)'s separator by default (issue 13): a semicolon.
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def read_xlsx(response):
    assert isinstance(response, FileResponse)
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content)).active


def last_names(rows):
    return sorted(row[1].split()[-1] for row in rows[1:])


# -- who may export --------------------------------------------------------------------------


def test_hr_sees_the_form_with_the_number_of_rows_it_may_export(client, hr_a, records):
    login_with_mfa(client, hr_a)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["row_count"] == 2
    html = response.content.decode()
    assert 'value="csv"' in html and 'value="xlsx"' in html
    # The picker offers HR's own node and below, nothing else.
    offered = {node.name for node in response.context["form"].fields["organisation"].queryset}
    assert "Gemeente B" not in offered and "Team Toezicht B1" not in offered
    assert "Team Handhaving A1" in offered


@pytest.mark.parametrize("role", ["learner", "trainer", "manager"])
def test_people_without_the_hr_role_get_no_export(client, tree, records, trainer, role):
    user = {
        "learner": lambda: person(tree["a1"]),
        "trainer": lambda: trainer,
        "manager": lambda: person(tree["a"], groups=[roles.MANAGERS], function=Function.OTHER),
    }[role]()
    if role == "manager":
        tree["a"].managers.add(user)
    login_with_mfa(client, user)
    for response in (client.get(URL), download(client, "csv"), download(client, "xlsx")):
        assert response.status_code in (302, 403)
        assert "Content-Disposition" not in response
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, records):
    response = download(client, "csv")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_the_menu_item_shows_for_hr_and_admins_only(client, hr_a, trainer, superuser):
    login_with_mfa(client, hr_a)
    assert URL in client.get("/admin/").content.decode()
    assert AUDIT_URL not in client.get("/admin/").content.decode()
    login_with_mfa(client, trainer)
    assert URL not in client.get("/admin/").content.decode()
    login_with_mfa(client, superuser)
    html = client.get("/admin/").content.decode()
    assert URL in html and AUDIT_URL in html


# -- whose records ---------------------------------------------------------------------------


def test_hr_exports_its_own_organisation_only(client, hr_a, records):
    login_with_mfa(client, hr_a)
    rows = read_csv(download(client, "csv"))
    assert last_names(rows) == ["Aaltje", "Abel"]
    sheet = read_xlsx(download(client, "xlsx"))
    names = sorted(row[1].split()[-1] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["Aaltje", "Abel"]


@pytest.mark.parametrize("node", ["b", "b1", "region", "province"])
def test_a_tampered_organisation_outside_the_scope_is_refused(client, tree, hr_a, records, node):
    login_with_mfa(client, hr_a)
    for action in ("csv", "xlsx", "count"):
        response = download(client, action, organisation=tree[node].pk)
        assert response.status_code == 400
        assert "Content-Disposition" not in response
        assert "Bakker" not in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


@pytest.mark.parametrize(
    "filters",
    [
        {"organisation": "999999"},
        {"organisation": "'; drop table"},
        {"module": "999999"},
        {"date_from": "2026-13-45"},
        {"date_to": "gisteren"},
        {"date_from": "2026-05-01", "date_to": "2026-04-01"},
        {"status": "everything"},
    ],
)
def test_garbage_filters_get_a_400_with_a_message_never_a_file(client, hr_a, records, filters):
    login_with_mfa(client, hr_a)
    response = download(client, "csv", **filters)
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert response.context["form"].errors
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_an_unknown_action_gets_a_400(client, hr_a, records):
    login_with_mfa(client, hr_a)
    response = download(client, "pdf")
    assert response.status_code == 400
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_filters_narrow_the_export(client, tree, hr_a, records, catalogue):
    other = make_module(catalogue=catalogue, title="Andere module")
    completed(records["a"][0], other, on=None)
    login_with_mfa(client, hr_a)
    assert len(read_csv(download(client, "csv", organisation=tree["a1"].pk))) == 3  # two rows
    assert last_names(read_csv(download(client, "csv", module=other.pk))) == ["Aaltje"]
    assert len(read_csv(download(client, "csv", date_from="2026-02-04"))) == 1  # headers only
    assert len(read_csv(download(client, "csv", date_to="2026-02-03"))) == 3
    assert last_names(read_csv(download(client, "csv", status="in_progress"))) == ["Aaltje"]
    response = download(client, "count", status="completed")
    assert response.status_code == 200
    assert response.context["row_count"] == 2


def test_a_superuser_exports_everyone(client, superuser, records):
    login_with_mfa(client, superuser)
    assert last_names(read_csv(download(client, "csv"))) == ["Aaltje", "Abel", "Bakker"]


# -- files -----------------------------------------------------------------------------------


def test_csv_and_xlsx_have_the_whitelisted_columns_and_typed_cells(client, hr_a, records):
    login_with_mfa(client, hr_a)
    rows = read_csv(download(client, "csv"))
    assert len(rows[0]) == len(COLUMNS)
    sheet = read_xlsx(download(client, "xlsx"))
    header = [cell.value for cell in sheet[1]]
    assert header == rows[0]
    assert len(header) == len(COLUMNS)
    first = sheet[2]
    score = first[COLUMNS.index("score")]
    attempts = first[COLUMNS.index("attempts")]
    completed_on = first[COLUMNS.index("first_completed")]
    assert (score.data_type, score.value) == ("n", 88)
    assert (attempts.data_type, attempts.value) == ("n", 2)
    assert completed_on.is_date and completed_on.value.date() == datetime.date(2026, 2, 3)
    assert rows[1][COLUMNS.index("score")] == "88"
    assert rows[1][COLUMNS.index("first_completed")] == "2026-02-03"


def test_downloads_are_attachments_that_no_cache_keeps(client, hr_a, records):
    login_with_mfa(client, hr_a)
    for action, content_type in (
        ("csv", "text/csv"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        response = download(client, action)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
        assert response["Content-Disposition"].startswith("attachment;")
        assert f".{action}" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
        b"".join(response.streaming_content)


# -- audit -----------------------------------------------------------------------------------


def test_every_export_leaves_an_audit_entry_with_rows_format_and_filters(
    client, tree, hr_a, records
):
    login_with_mfa(client, hr_a)
    response = download(client, "csv", organisation=tree["a1"].pk, date_from="2026-01-01")
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).get()
    # Written before the first row leaves; the row count follows when the stream ends.
    assert entry.row_count is None and entry.details["finished"] is False
    rows = read_csv(response)
    entry.refresh_from_db()
    assert entry.actor == hr_a and entry.actor_name == hr_a.username
    assert entry.action == AuditEntry.Action.EXPORT
    assert entry.file_format == "csv"
    assert entry.row_count == len(rows) - 1 == 1
    assert entry.details == {
        "filters": {
            "organisation": {
                "id": tree["a1"].pk,
                "slug": "x-team-a1",
                "name": "Team Handhaving A1",
            },
            "from": "2026-01-01",
        },
        "finished": True,
    }
    read_xlsx(download(client, "xlsx", status="completed"))
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).order_by("-pk").first()
    assert (entry.file_format, entry.row_count) == ("xlsx", 2)
    assert entry.details == {"filters": {"status": "completed"}, "finished": True}


def test_a_stream_broken_off_is_recorded_as_unfinished(hr_a, records):
    export = exports.CompletionExport(hr_a)
    entry = export.start_audit("csv")
    chunks = export.iter_csv(entry)
    next(chunks)  # the header row, then the browser goes away
    chunks.close()
    entry.refresh_from_db()
    assert entry.details["finished"] is False
    assert entry.row_count == 0


def test_counting_rows_leaves_no_audit_entry(client, hr_a, records):
    login_with_mfa(client, hr_a)
    client.get(URL)
    download(client, "count")
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_the_audit_log_is_for_platform_admins_only(client, hr_a, superuser, records):
    login_with_mfa(client, hr_a)
    read_csv(download(client, "csv"))
    assert client.get(AUDIT_URL).status_code in (302, 403)
    login_with_mfa(client, superuser)
    response = client.get(AUDIT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert hr_a.username in html and "CSV" in html


# -- streaming -------------------------------------------------------------------------------


def test_the_csv_export_costs_the_same_queries_for_10_and_200_rows(client, tree, hr_a, catalogue):
    module = make_module(catalogue=catalogue)
    login_with_mfa(client, hr_a)
    counts = {}
    made = 0
    for size in (10, 200):
        for _index in range(size - made):
            completed(person(tree["a1"]), module, on=datetime.date(2026, 1, 5))
        made = size
        download(client, "count")  # warm the session
        with CaptureQueriesContext(connection) as queries:
            rows = read_csv(download(client, "csv"))
        assert len(rows) == size + 1
        counts[size] = len(queries)
    print(f"queries per CSV export by rows: {counts}")
    assert counts[10] == counts[200], counts
    assert counts[200] <= 20, counts


# -- files that open well in Excel (issue 13) ------------------------------------------------


def test_the_csv_is_for_excel_in_dutch_by_default_and_commas_on_request(client, hr_a, records):
    login_with_mfa(client, hr_a)
    page = client.get(URL).content.decode()
    assert "Puntkomma (;): Excel (NL)" in page

    default = b"".join(download(client, "csv").streaming_content).decode("utf-8")
    header = default.removeprefix("\ufeff").split("\r\n", 1)[0]
    assert header.startswith("Personeelsnummer;Naam;E-mail;")
    commas = b"".join(download(client, "csv", separator=",").streaming_content).decode("utf-8")
    assert commas.removeprefix("\ufeff").startswith("Personeelsnummer,Naam,E-mail,")
    assert download(client, "csv", separator="|").status_code == 400


def test_downloads_have_dutch_names_with_the_day(client, hr_a, records):
    login_with_mfa(client, hr_a)
    today = timezone.localdate().isoformat()
    for action in ("csv", "xlsx"):
        response = download(client, action)
        assert f'filename="voortgang-{today}.{action}"' in response["Content-Disposition"]
        b"".join(response.streaming_content)


def test_the_xlsx_fits_its_columns_freezes_and_filters_its_header(client, hr_a, records, catalogue):
    long_title = "Signalen van ondermijning herkennen in het buitengebied"
    make_module(catalogue=catalogue, title=long_title)
    login_with_mfa(client, hr_a)
    sheet = read_xlsx(download(client, "xlsx"))
    header = [cell.value for cell in sheet[1]]
    assert "Actief" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(COLUMNS))}{sheet.max_row}"

    def width(column):
        return sheet.column_dimensions[get_column_letter(COLUMNS.index(column) + 1)].width

    assert width("module") >= len(long_title)
    assert width("email") >= 30 and width("name") >= 25
    for index, title in enumerate(header, 1):
        assert sheet.column_dimensions[get_column_letter(index)].width >= len(title)
    assert width("first_completed") < width("module")
