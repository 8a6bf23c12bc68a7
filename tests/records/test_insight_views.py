"""The signal insight pages, downloads and JSON endpoint: who reaches them (role × endpoint),
what a coordinator placed in a node sees, what the figures read, and that bad filters get a
message (400) instead of an error."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from people import roles
from people.models import AuditEntry, Profile
from records.insight import refresh
from tests.factories import SuperuserFactory, UserFactory, login_with_mfa

from .insight_fixture import build

pytestmark = pytest.mark.django_db

SLUGS = ("signalen", "organisaties", "functies", "kwartalen")


@pytest.fixture
def history(catalogue, settings):
    settings.INSIGHTS_PRIVACY_THRESHOLD = 1  # the small fixture: every figure shows
    roles.ensure_groups(catalogue)
    made = build(catalogue)
    refresh.refresh()
    return made


def user_with(group=None, organisation=None, username="someone"):
    user = UserFactory(username=username)
    if group:
        user.groups.add(Group.objects.get(name=group))
    Profile.objects.filter(user=user).update(organisation=organisation)
    user.refresh_from_db()
    return user


def endpoints(slug):
    base = f"/leren/inzicht/signalen/{slug}"
    return [
        ("get", f"{base}/"),
        ("get", f"{base}.json"),
        ("post", f"{base}.csv"),
        ("post", f"{base}.xlsx"),
    ]


@pytest.mark.parametrize("group", [None, roles.LEARNERS, roles.MANAGERS, roles.HR, roles.TRAINERS])
def test_no_one_but_coordinators_and_admins_reaches_any_endpoint(client, history, group):
    login_with_mfa(client, user_with(group))
    for slug in SLUGS:
        for method, url in endpoints(slug):
            assert getattr(client, method)(url).status_code == 403, url
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, history):
    for slug in SLUGS:
        for method, url in endpoints(slug):
            response = getattr(client, method)(url)
            assert response.status_code == 302 and "/inloggen/" in response["Location"], url


@pytest.mark.parametrize("who", ["coordinator", "admin"])
def test_programme_coordinators_and_admins_reach_every_endpoint(client, history, who):
    user = (
        SuperuserFactory(username="admin")
        if who == "admin"
        else user_with(roles.COORDINATORS, username="coordinator")
    )
    login_with_mfa(client, user)
    for slug in SLUGS:
        page = client.get(f"/leren/inzicht/signalen/{slug}/")
        assert page.status_code == 200
        assert "Stand per" in page.content.decode()
        data = client.get(f"/leren/inzicht/signalen/{slug}.json").json()
        assert data["stand_per"] and data["rows"]
        assert client.post(f"/leren/inzicht/signalen/{slug}.csv").status_code == 200
        assert client.post(f"/leren/inzicht/signalen/{slug}.xlsx").status_code == 200
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count() == 12


def test_a_coordinator_placed_in_a_municipality_sees_only_it(client, history):
    login_with_mfa(client, user_with(roles.COORDINATORS, history.m1, "coordinator-een"))
    data = client.get("/leren/inzicht/signalen/organisaties.json").json()
    labels = [row["label"] for row in data["rows"]]
    assert labels and all("Twee" not in label for label in labels)
    assert "Gemeente Een" in labels
    signals = client.get("/leren/inzicht/signalen/signalen.json").json()
    people = {row["label"]: row["values"]["people"] for row in signals["rows"]}
    assert people == {"Anijsgeur": 3, "Busje tegen de deur": 3}  # anna, bram, cor
    # Filtering on another municipality is refused: it is not one of the choices.
    response = client.get(f"/leren/inzicht/signalen/signalen/?organisation={history.m2.pk}")
    assert response.status_code == 400


def test_the_signal_view_lists_the_weakest_signal_first_with_its_shares(client, history):
    login_with_mfa(client, user_with(roles.COORDINATORS))
    data = client.get("/leren/inzicht/signalen/signalen.json").json()
    first, second = data["rows"]
    assert first["label"] == "Anijsgeur"  # 3 of 8 the first time; Busje: 4 of 9
    assert first["values"] == {
        "people": 8,
        "first": 3,
        "first_rate": 38,
        "best": 6,
        "best_rate": 75,
        "again": 5,
        "before_rate": 20,
        "after_rate": 40,
    }
    assert second["label"] == "Busje tegen de deur"


def test_the_organisation_view_has_units_region_and_province_totals(client, history):
    login_with_mfa(client, user_with(roles.COORDINATORS))
    data = client.get(f"/leren/inzicht/signalen/organisaties.json?signal={history.s1.pk}").json()
    people = {row["label"]: (row["level"], row["values"]["people"]) for row in data["rows"]}
    assert people == {
        "Totaal Provincie": ("province", 8),
        "Totaal Regio Noord": ("region", 8),
        "Gemeente Een": ("unit", 3),
        "Gemeente Twee": ("unit", 4),
        "Regio Noord (eigen medewerkers)": ("unit", 1),
    }


def test_hidden_groups_show_no_count_on_the_page_or_in_the_downloads(client, history, settings):
    settings.INSIGHTS_PRIVACY_THRESHOLD = 5
    login_with_mfa(client, user_with(roles.COORDINATORS))
    page = client.get(f"/leren/inzicht/signalen/organisaties/?signal={history.s1.pk}")
    html = page.content.decode()
    assert "Te weinig mensen om te tonen" in html
    data = client.get(f"/leren/inzicht/signalen/organisaties.json?signal={history.s1.pk}").json()
    for row in data["rows"]:
        for value in row["values"].values():
            assert value is None or value == 0 or value >= 5, row
    content = b"".join(
        client.post("/leren/inzicht/signalen/organisaties.csv", {"signal": history.s1.pk})
    ).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(content)))
    for line in lines[1:]:
        for cell in line[4:-1]:
            assert cell == "" or int(cell) == 0 or int(cell) >= 5, line


def test_downloads_neutralise_formulas_and_are_audited(client, history):
    history.s1.name = '=HYPERLINK("http://evil")'
    history.s1.save()
    refresh.refresh()
    login_with_mfa(client, user_with(roles.COORDINATORS))
    response = client.post("/leren/inzicht/signalen/signalen.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    response = client.post("/leren/inzicht/signalen/signalen.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    labels = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://evil")' in labels
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).first()
    assert entry.details["what"] == "signal insight: signals" and entry.file_format == "xlsx"


def test_a_download_needs_the_button_not_a_link(client, history):
    login_with_mfa(client, user_with(roles.COORDINATORS))
    response = client.get("/leren/inzicht/signalen/signalen.csv")
    assert response.status_code == 405
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


@pytest.mark.parametrize(
    "query",
    ["?function=chef", "?period=2026-13-01", "?signal=abc", "?theme=999999", "?region=x"],
)
def test_bad_filters_get_a_message_not_an_error(client, history, query):
    login_with_mfa(client, user_with(roles.COORDINATORS))
    assert client.get(f"/leren/inzicht/signalen/signalen/{query}").status_code == 400
    assert client.get(f"/leren/inzicht/signalen/signalen.json{query}").status_code == 400


def test_an_unknown_view_is_not_found(client, history):
    login_with_mfa(client, user_with(roles.COORDINATORS))
    assert client.get("/leren/inzicht/signalen/iets/").status_code == 404


def test_the_page_costs_a_fixed_number_of_queries(client, history):
    login_with_mfa(client, user_with(roles.COORDINATORS))
    client.get("/leren/inzicht/signalen/organisaties/")
    with CaptureQueriesContext(connection) as cold:
        client.get(f"/leren/inzicht/signalen/organisaties/?function=boa&signal={history.s2.pk}")
    assert len(cold) <= 15, "\n".join(q["sql"][:150] for q in cold.captured_queries)


def test_the_refresh_task_works_out_the_province_wide_views_ahead(client, history):
    from records.tasks import refresh_signal_insight

    refresh_signal_insight.enqueue()  # inline in the tests
    login_with_mfa(client, user_with(roles.COORDINATORS))
    client.get("/leren/inzicht/signalen/")  # warm the session
    with CaptureQueriesContext(connection) as queries_run:
        client.get("/leren/inzicht/signalen/organisaties/")
    assert not any("records_signalsummary" in q["sql"] and "SUM" in q["sql"] for q in queries_run)
