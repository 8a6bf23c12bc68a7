"""The manager dashboard: who appears (exactly the people in the user's teams), what each cell
says (status as text and icon, with its date), the filters and what a tampered filter gets, the
completion chart and its table, the CSV download, the pages of people, and the number of
queries."""

import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from people import roles
from people.models import AuditEntry, Profile
from people.status import TrainingStatus
from records import dashboard
from records.dashboard import PAGE_SIZE, build_dashboard
from records.spreadsheet import FORMULA_PREFIXES
from tests.factories import SuperuserFactory, login_with_mfa, make_module
from tests.records.dashboard_factories import (
    assign,
    build_tree,
    completed,
    manager_of,
    person,
    started,
)

pytestmark = pytest.mark.django_db

URL = reverse("records:dashboard")
CSV_URL = reverse("records:dashboard_csv")


@pytest.fixture
def world(catalogue):
    """Three modules assigned in the tree and people with every status:

    - "Drugslabs herkennen" for everyone in Gemeente A, due last month, valid for 12 months;
    - "Ondermijning melden" for the BOAs of the region, due next month;
    - "Signalen op het erf" for Team A2 and below, due next month.
    """
    today = timezone.localdate()
    tree = build_tree()
    drugslabs = make_module(title="Drugslabs herkennen", catalogue=catalogue)
    melden = make_module(title="Ondermijning melden", catalogue=catalogue)
    assign(
        drugslabs, tree["gemeente-a"], due=today - datetime.timedelta(days=30), validity_months=12
    )
    assign(melden, tree["regio"], function="boa", due=today + datetime.timedelta(days=30))
    signalen = make_module(title="Signalen op het erf", catalogue=catalogue)
    assign(signalen, tree["team-a2"], due=today + datetime.timedelta(days=30))
    people = {
        # team A1: one valid pass, one overdue, one who left
        "anna": person("anna", tree["team-a1"], employee_number="A-001", last_name="Aalders"),
        "bram": person("bram", tree["team-a1"], employee_number="A-002", last_name="Bakker"),
        "gone": person("gone", tree["team-a1"], active=False, last_name="Vertrokken"),
        # team A2 and its sub-team: an expired pass; an overdue policy officer (no BOA module)
        # who started the team's own module
        "cor": person("cor", tree["team-a2"], employee_number="A-003", last_name="Claassen"),
        "dina": person(
            "dina", tree["team-a2-noord"], function="policy_officer", last_name="Dekkers"
        ),
        # team B1: only the BOA module
        "eva": person("eva", tree["team-b1"], employee_number="B-001", last_name="Evers"),
    }
    completed(people["anna"], drugslabs, today - datetime.timedelta(days=10))
    completed(people["cor"], drugslabs, today - datetime.timedelta(days=400))
    started(people["dina"], signalen)
    return {
        "tree": tree,
        "people": people,
        "drugslabs": drugslabs,
        "melden": melden,
        "signalen": signalen,
        "today": today,
    }


def names(board):
    return {row.username for row in board.rows}


def cell(board, username, module):
    row = next(row for row in board.rows if row.username == username)
    return row.cells[board.modules.index(module)]


def get(client, user, url=URL, *, follow=False, **params):
    login_with_mfa(client, user)
    if url == CSV_URL:  # the download is a POST of the filters (the dashboard's button)
        return client.post(url, params, follow=follow)
    return client.get(url, params, follow=follow)


def download_form(page):
    """The dashboard's CSV download form: where it posts, and the fields it sends."""
    form = re.search(
        r'<form method="post" action="([^"]+)" class="download-form">(.*?)</form>', page, re.S
    )
    assert form, "the dashboard offers the CSV download as a form"
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form[2]))
    return form[1], fields


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    body = body.removeprefix("\ufeff")
    # Excel (NL)'s separator by default (issue 13): a semicolon.
    return list(csv.reader(io.StringIO(body), delimiter=";"))


# -- who appears -------------------------------------------------------------------------------


def test_manager_of_a_team_sees_exactly_that_team_and_nobody_else(world):
    manager = manager_of("mgr-a1", world["tree"]["team-a1"], home=world["tree"]["gemeente-a"])
    board = build_dashboard(manager, {})
    assert names(board) == {"anna", "bram"}  # not the one who left, not the manager above
    assert board.modules == [world["drugslabs"], world["melden"]]  # not Team A2's module


def test_manager_of_a_team_sees_its_sub_teams(world):
    manager = manager_of("mgr-a2", world["tree"]["team-a2"])
    assert names(build_dashboard(manager, {})) == {"cor", "dina"}


def test_manager_of_two_teams_sees_both(world):
    manager = manager_of("mgr-two", world["tree"]["team-a1"], world["tree"]["team-b1"])
    assert names(build_dashboard(manager, {})) == {"anna", "bram", "eva"}


def test_manager_in_their_own_team_sees_themself_too(world):
    manager = manager_of("mgr-in", world["tree"]["team-b1"], home=world["tree"]["team-b1"])
    assert names(build_dashboard(manager, {})) == {"eva", "mgr-in"}


def test_hr_sees_its_own_node_and_below(world):
    hr = person("hr-a", world["tree"]["gemeente-a"], groups=[roles.HR])
    assert names(build_dashboard(hr, {})) == {"anna", "bram", "cor", "dina", "hr-a"}


def test_platform_admin_sees_everyone_active(world):
    admin = SuperuserFactory()
    assert names(build_dashboard(admin, {})) == {"anna", "bram", "cor", "dina", "eva"}


def test_manager_without_teams_sees_nobody(world, client):
    manager = manager_of("mgr-none")
    response = get(client, manager)
    assert response.status_code == 200
    assert response.context["board"].rows == []
    assert "beheert nog geen team" in response.content.decode()


@pytest.mark.parametrize(
    "groups", [(), (roles.LEARNERS,), (roles.TRAINERS,), (roles.COORDINATORS,)]
)
@pytest.mark.parametrize("url", [URL, CSV_URL])
def test_users_without_the_manager_or_hr_role_are_refused(world, client, groups, url):
    someone = person("someone", world["tree"]["team-a1"], groups=groups)
    world["tree"]["team-a1"].managers.add(someone)  # appointed, but without the role
    response = get(client, someone, url)
    assert response.status_code == 403
    assert "Aalders" not in response.content.decode()


def test_visitors_are_sent_to_the_login(world, client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


# -- what a cell says --------------------------------------------------------------------------


def test_cells_carry_the_status_from_training_status(world):
    admin = SuperuserFactory()
    board = build_dashboard(admin, {})
    drugslabs, melden, today = world["drugslabs"], world["melden"], world["today"]
    assert cell(board, "anna", drugslabs).status == TrainingStatus.COMPLETED
    assert cell(board, "anna", drugslabs).valid_until.year == today.year + 1 or (
        cell(board, "anna", drugslabs).valid_until > today
    )
    assert cell(board, "bram", drugslabs).status == TrainingStatus.OVERDUE
    assert cell(board, "cor", drugslabs).status == TrainingStatus.EXPIRED
    assert cell(board, "dina", drugslabs).status == TrainingStatus.OVERDUE
    assert cell(board, "dina", world["signalen"]).status == TrainingStatus.IN_PROGRESS
    assert cell(board, "anna", world["signalen"]) is None  # Team A1: not assigned
    assert cell(board, "dina", melden) is None  # policy officer: the BOA module does not apply
    assert cell(board, "eva", melden).status == TrainingStatus.NOT_STARTED
    assert cell(board, "eva", drugslabs) is None  # Gemeente B: not assigned
    assert {status: count for status, _label, count in board.counts} == {
        "overdue": 2,
        "expired": 1,
        "not_started": 5,
        "in_progress": 1,
        "completed": 1,
    }


def test_the_earliest_due_date_applies_when_two_assignments_cover_a_person(world):
    earlier = world["today"] - datetime.timedelta(days=90)
    assign(world["melden"], world["tree"]["team-b1"], due=earlier)
    board = build_dashboard(SuperuserFactory(), {})
    assert cell(board, "eva", world["melden"]).due_date == earlier
    assert cell(board, "eva", world["melden"]).status == TrainingStatus.OVERDUE


def test_overdue_and_expired_are_shown_as_text_with_an_icon(world, client):
    manager = manager_of("mgr-a", world["tree"]["gemeente-a"])
    page = get(client, manager).content.decode()
    overdue = re.search(
        r'<span class="status status--overdue"><span aria-hidden="true">⚠</span>'
        r"\s*Te laat</span>",
        page,
    )
    expired = re.search(
        r'<span class="status status--expired"><span aria-hidden="true">⟳</span>'
        r"\s*Verlopen</span>",
        page,
    )
    assert overdue and expired, "overdue and expired need text and an icon"
    assert "geldig tot" in page and "verlopen op" in page
    assert '<th scope="col">Drugslabs herkennen</th>' in page
    assert '<th scope="row">' in page and "<caption" in page


# -- filters -----------------------------------------------------------------------------------


def test_status_filter_shows_only_people_with_that_status(world, client):
    manager = manager_of("mgr-a", world["tree"]["gemeente-a"])
    response = get(client, manager, status="overdue")
    assert response.status_code == 200
    assert names(response.context["board"]) == {"bram", "dina"}
    action, fields = download_form(response.content.decode())  # the download: same filters
    assert action == CSV_URL
    assert fields.pop("csrfmiddlewaretoken")
    assert fields == {"status": "overdue"}
    expired = build_dashboard(manager, {"status": "expired"})
    assert names(expired) == {"cor"}


def test_team_filter_narrows_to_that_team_and_below(world):
    manager = manager_of("mgr-a", world["tree"]["gemeente-a"])
    board = build_dashboard(manager, {"team": str(world["tree"]["team-a2"].pk)})
    assert names(board) == {"cor", "dina"}


def test_module_filter_shows_the_people_it_is_assigned_to(world):
    admin = SuperuserFactory()
    board = build_dashboard(admin, {"module": str(world["melden"].pk)})
    assert board.modules == [world["melden"]]
    assert names(board) == {"anna", "bram", "cor", "eva"}


@pytest.mark.parametrize(
    "params",
    [
        {"team": "outside"},  # replaced by the id of Team B1 below
        {"team": "abc"},
        {"team": "999999"},
        {"module": "999999"},
        {"status": "deleted"},
        {"status": "<script>"},
    ],
)
def test_a_tampered_filter_gets_400_with_a_message_and_nobody(world, client, params):
    manager = manager_of("mgr-a1", world["tree"]["team-a1"])
    if params.get("team") == "outside":
        params = {"team": str(world["tree"]["team-b1"].pk)}
    for url in (URL, CSV_URL):
        response = get(client, manager, url, **params)
        page = response.content.decode()
        assert response.status_code == 400
        assert "Dit filter kan niet worden gebruikt" in page
        assert "Aalders" not in page and "Evers" not in page
        assert "<script>" not in page


def test_a_module_assigned_outside_the_scope_is_not_offered(world, client):
    elsewhere = make_module(title="Alleen voor B")
    assign(elsewhere, world["tree"]["gemeente-b"], due=world["today"])
    manager = manager_of("mgr-a1", world["tree"]["team-a1"])
    assert "Alleen voor B" not in get(client, manager).content.decode()
    assert get(client, manager, module=str(elsewhere.pk)).status_code == 400


# -- chart and table ---------------------------------------------------------------------------


def test_completion_chart_shows_the_same_figures_as_its_table(world, client):
    manager = manager_of("mgr-a", world["tree"]["gemeente-a"])
    page = get(client, manager).content.decode()
    chart = dict(re.findall(r'class="bar-chart__row" data-module="(\d+)" data-rate="(\d+)"', page))
    table = dict(re.findall(r'<tr data-module="(\d+)" data-rate="(\d+)"', page))
    assert chart == table
    assert chart == {  # Drugslabs: 1 of 4 completed
        str(world["drugslabs"].pk): "25",
        str(world["melden"].pk): "0",
        str(world["signalen"].pk): "0",
    }
    assert re.search(r'<div class="bar-chart" aria-hidden="true">', page)
    assert 'width="25"' in page
    shown = re.findall(r'<span class="bar-chart__value">(\d+)%</span>', page)
    in_table = re.findall(r"<td>(\d+)%</td>", page)
    assert shown == in_table == ["25", "0", "0"]


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_has_the_columns_and_respects_scope_and_filters(world, client):
    manager = manager_of("mgr-a1", world["tree"]["team-a1"], world["tree"]["team-a2"])
    rows = csv_rows(get(client, manager, CSV_URL))
    assert rows[0] == [
        "Naam",
        "Personeelsnummer",
        "Team",
        "Module",
        "Status",
        "Uiterste datum",
        "Geldig tot",
    ]
    people = {row[0] for row in rows[1:]}
    assert people == {"Test Aalders", "Test Bakker", "Test Claassen", "Test Dekkers"}

    overdue = csv_rows(get(client, manager, CSV_URL, status="overdue"))[1:]
    assert [(row[0], row[1], row[2], row[3], row[4]) for row in overdue] == [
        ("Test Bakker", "A-002", "Team Handhaving A1", "Drugslabs herkennen", "Te laat"),
        ("Test Dekkers", "", "Team A2 Noord", "Drugslabs herkennen", "Te laat"),
    ]
    assert overdue[0][5] == (world["today"] - datetime.timedelta(days=30)).isoformat()

    team = csv_rows(get(client, manager, CSV_URL, team=str(world["tree"]["team-a2"].pk)))[1:]
    assert {row[0] for row in team} == {"Test Claassen", "Test Dekkers"}
    assert AuditEntry.objects.filter(actor=manager, action="export", file_format="csv").count() == 3


@pytest.mark.parametrize("payload", ["=1+1", "+x", "-x", "@x", "\tx", "\rx"])
def test_csv_neutralises_every_text_cell(world, client, payload):
    anna = world["people"]["anna"]
    anna.first_name = payload
    anna.save()
    profile = anna.profile
    profile.employee_number = payload
    profile.save()
    team = world["tree"]["team-a1"]
    team.name = payload
    team.save()
    world["drugslabs"].title = payload
    world["drugslabs"].save()
    manager = manager_of("mgr-a1", team)
    rows = csv_rows(get(client, manager, CSV_URL, module=str(world["drugslabs"].pk)))
    annas = [row for row in rows[1:] if row[1] == "'" + payload]
    assert annas, rows
    name, number, team_name, module = annas[0][:4]
    assert number == team_name == module == "'" + payload
    # Django's get_full_name() strips leading whitespace; a formula prefix is neutralised.
    assert name in ("'" + payload + " Aalders", payload.strip() + " Aalders")
    for row in rows:
        for text in row:
            assert not text.startswith(FORMULA_PREFIXES), row


# -- queries -----------------------------------------------------------------------------------


def grow_team(node, module, size, start):
    today = timezone.localdate()
    for number in range(start, start + size):
        learner = person(f"member{number}", node, employee_number=f"N-{number}")
        if number % 3 == 0:
            completed(learner, module, today - datetime.timedelta(days=number))
        elif number % 3 == 1:
            started(learner, module)


def count_queries(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        if url == CSV_URL:
            response = client.post(url, params)
            b"".join(response.streaming_content)
        else:
            response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["manager", "hr"])
def test_queries_are_the_same_for_5_and_50_people(catalogue, client, role):
    today = timezone.localdate()
    tree = build_tree()
    modules = [make_module(title=f"Module {n}", catalogue=catalogue) for n in range(3)]
    for module in modules:
        assign(
            module, tree["gemeente-a"], due=today - datetime.timedelta(days=5), validity_months=6
        )
    assign(modules[0], tree["team-a1"], due=today, function="boa")
    if role == "manager":
        user = manager_of("counter", tree["team-a1"], tree["team-a2"])
    else:
        user = person("counter", tree["gemeente-a"], groups=[roles.HR])
    login_with_mfa(client, user)
    client.get(URL)  # warm the session and Wagtail's site cache (HR gets the user bar)
    measured = {}
    grow_team(tree["team-a1"], modules[0], 3, 0)
    grow_team(tree["team-a2-noord"], modules[1], 2, 3)
    measured[5] = {
        "page": count_queries(client, URL, {}),
        "filtered": count_queries(client, URL, {"team": tree["team-a1"].pk, "status": "overdue"}),
        "csv": count_queries(client, CSV_URL, {}),
    }
    grow_team(tree["team-a1"], modules[2], 30, 5)
    grow_team(tree["team-a2-noord"], modules[1], 15, 35)
    measured[50] = {
        "page": count_queries(client, URL, {}),
        "filtered": count_queries(client, URL, {"team": tree["team-a1"].pk, "status": "overdue"}),
        "csv": count_queries(client, CSV_URL, {}),
    }
    print(f"\ndashboard query counts ({role}) for 5 and 50 people: {measured}")
    # HR works in Gemeente A and appears too; the manager manages from outside the teams
    assert len(build_dashboard(user, {}).rows) == (50 if role == "manager" else 51)
    assert measured[5] == measured[50]
    assert measured[50]["page"] <= 14


@pytest.mark.parametrize("role", ["manager", "hr"])
def test_queries_are_the_same_on_every_page_of_people(catalogue, client, role):
    today = timezone.localdate()
    tree = build_tree()
    module = make_module(title="Module", catalogue=catalogue)
    assign(module, tree["gemeente-a"], due=today + datetime.timedelta(days=5))
    if role == "manager":
        user = manager_of("counter", tree["team-a1"])
    else:
        user = person("counter", tree["team-a1"], groups=[roles.HR])
    grow_team(tree["team-a1"], module, PAGE_SIZE + 5 - (role == "hr"), 0)
    login_with_mfa(client, user)
    client.get(URL)  # warm the session and Wagtail's site cache
    measured = {page: count_queries(client, URL, {"page": page}) for page in ("", "1", "2", "99")}
    print(f"\ndashboard query counts ({role}) per page of {PAGE_SIZE}: {measured}")
    assert len(set(measured.values())) == 1, measured
    assert measured["1"] <= 14
    first, second = (client.get(URL, {"page": page}).context["page"] for page in (1, 2))
    assert len(first.object_list) == PAGE_SIZE and len(second.object_list) == 5


# -- pages of people ---------------------------------------------------------------------------


@pytest.fixture
def big_team(catalogue):
    """Team A1 with 12 people (member00 … member11, in that order) and an overdue module; every
    third person has completed it. Pages of 5 people: 5, 5 and 2."""
    today = timezone.localdate()
    tree = build_tree()
    module = make_module(title="Drugslabs herkennen", catalogue=catalogue)
    assign(module, tree["gemeente-a"], due=today - datetime.timedelta(days=3))
    for number in range(12):
        learner = person(f"member{number:02}", tree["team-a1"], last_name=f"Lid{number:02}")
        if number % 3 == 0:
            completed(learner, module, today - datetime.timedelta(days=1))
    manager = manager_of("mgr-a1", tree["team-a1"], tree["team-b1"])
    person("zoe", tree["team-b1"], last_name="Zeeman")  # last in the order by name
    return {"tree": tree, "manager": manager, "module": module}


@pytest.fixture
def pages_of_5(monkeypatch):
    monkeypatch.setattr(dashboard, "PAGE_SIZE", 5)


def listed(response):
    return [row.username for row in response.context["page"].object_list]


def test_the_first_page_shows_the_first_people_and_the_figures_count_everyone(
    big_team, client, pages_of_5
):
    response = get(client, big_team["manager"])
    page = response.content.decode()
    assert listed(response) == [f"member{n:02}" for n in range(5)]
    assert "Lid05" not in page and "Zeeman" not in page
    assert response.context["board"].people_count == 13  # the summary: everyone selected
    counts = {status: count for status, _label, count in response.context["board"].counts}
    assert counts["completed"] == 4 and counts["overdue"] == 8
    assert 'data-rate="33"' in page  # the chart too: 4 of the 12 it is assigned to
    assert page.count('<th scope="row">') == 5 + 1  # 5 people, 1 row in the completion table


def test_page_2_shows_the_next_people(big_team, client, pages_of_5):
    assert listed(get(client, big_team["manager"], page="2")) == [
        f"member{n:02}" for n in range(5, 10)
    ]
    # Team B1's Zoë Zeeman comes after the members; the last page holds what is left.
    assert listed(get(client, big_team["manager"], page="3")) == ["member10", "member11", "zoe"]


def test_page_links_say_which_page_they_open_and_keep_the_filters(big_team, client, pages_of_5):
    manager = big_team["manager"]
    login_with_mfa(client, manager)
    client.post("/i18n/setlang/", {"language": "en", "next": URL})
    team = big_team["tree"]["team-a1"].pk
    response = client.get(URL, {"team": team, "status": "overdue", "page": "2"})
    page = response.content.decode()
    assert response.status_code == 200
    # 8 overdue people in Team A1: pages of 5 and 3; page 2 holds the last three.
    assert listed(response) == ["member08", "member10", "member11"]
    assert '<nav class="pagination" aria-label="Pages of people">' in page
    assert f'href="?team={team}&amp;status=overdue" aria-label="Page 1 of 2"' in page
    assert (
        f'href="?team={team}&amp;status=overdue&amp;page=2" aria-current="page" '
        'aria-label="Page 2 of 2"'
    ) in page
    assert f'href="?team={team}&amp;status=overdue" rel="prev"' in page
    assert 'rel="next"' not in page
    assert "Page 2 of 2: people 6 to 8" in page
    # Following the link keeps the filters: the first page has the first five overdue people.
    first = client.get(URL + f"?team={team}&status=overdue")
    assert listed(first) == ["member01", "member02", "member04", "member05", "member07"]
    # The CSV download still has everyone the filters select, not only the page.
    action, fields = download_form(page)
    fields.pop("csrfmiddlewaretoken")
    assert (action, fields) == (CSV_URL, {"team": str(team), "status": "overdue"})
    rows = csv_rows(client.post(CSV_URL, {"team": team, "status": "overdue", "page": "2"}))[1:]
    assert len(rows) == 8


def test_one_page_of_people_has_no_page_links(world, client):
    page = get(client, manager_of("mgr-a", world["tree"]["gemeente-a"])).content.decode()
    assert 'class="pagination"' not in page and "Aalders" in page


@pytest.mark.parametrize(
    ("number", "shown"),
    [("3", 3), ("4", 3), ("99999999999999999999", 3), ("0", 1), ("-2", 1), ("", 1)],
)
def test_a_page_number_out_of_range_shows_the_nearest_page(
    big_team, client, pages_of_5, number, shown
):
    response = get(client, big_team["manager"], page=number)
    assert response.status_code == 200
    assert response.context["page"].number == shown


@pytest.mark.parametrize("number", ["abc", "2.5", "<script>", "1e3"])
def test_a_page_number_that_is_not_a_number_gets_400_with_a_message(
    big_team, client, pages_of_5, number
):
    team = big_team["tree"]["team-a1"].pk
    response = get(client, big_team["manager"], page=number, team=str(team))
    page = response.content.decode()
    assert response.status_code == 400
    assert "This page number cannot be used" in page or "paginanummer" in page
    assert f'href="?team={team}"' in page  # back to the first page, filters kept
    assert "Lid00" not in page and "<script>" not in page


# -- navigation and language -------------------------------------------------------------------


def test_my_teams_link_is_shown_to_managers_and_hr_only(world, client):
    link = f'href="{URL}"'
    manager = manager_of("mgr-a1", world["tree"]["team-a1"])
    hr = person("hr-a", world["tree"]["gemeente-a"], groups=[roles.HR])
    assert link in get(client, manager, "/leren/", follow=True).content.decode()
    assert "Mijn teams" in get(client, hr, URL).content.decode()
    learner_page = get(client, world["people"]["anna"], "/leren/", follow=True).content.decode()
    assert link not in learner_page and "Mijn teams" not in learner_page


def test_dashboard_is_dutch_by_default_and_english_on_request(world, client):
    manager = manager_of("mgr-a", world["tree"]["gemeente-a"])
    dutch = get(client, manager).content.decode()
    assert "Trainingsstatus van mijn teams" in dutch and "Te laat" in dutch
    client.post("/i18n/setlang/", {"language": "en", "next": URL})
    english = client.get(URL).content.decode()
    assert "Training status of my teams" in english
    assert "Overdue" in english and "valid until" in english and "Completion rate" in english


def test_the_csv_download_has_a_dutch_name_and_a_separator_choice(world, client):
    manager = manager_of("mgr-a1", world["tree"]["team-a1"], world["tree"]["team-a2"])
    page = get(client, manager).content.decode()
    action, _fields = download_form(page)
    assert 'name="separator"' in page and "Puntkomma (;): Excel (NL)" in page

    response = client.post(action)
    today = timezone.localdate().isoformat()
    assert f'filename="teamvoortgang-{today}.csv"' in response["Content-Disposition"]
    assert csv_rows(response)[0][:2] == ["Naam", "Personeelsnummer"]

    commas = client.post(action, {"separator": ","})
    body = b"".join(commas.streaming_content).decode("utf-8").removeprefix("\ufeff")
    assert body.startswith("Naam,Personeelsnummer,Team,")


def test_people_sort_by_surname_without_tussenvoegsel(world):
    team = world["tree"]["team-a1"]
    for username, first, last, infix in [
        ("ruud", "Ruud", "van den Heuvel", "van den"),
        ("jan", "Jan", "Jansen", ""),
        ("sanne", "Sanne", "de Vries", "de"),
    ]:
        user = person(username, team, first_name=first, last_name=last)
        Profile.objects.filter(user=user).update(infix=infix)
    board = build_dashboard(SuperuserFactory(), {})
    # Aalders … Evers, then van den Heuvel under H, Jansen, de Vries under V.
    assert [row.username for row in board.rows] == [
        "anna",
        "bram",
        "cor",
        "dina",
        "eva",
        "ruud",
        "jan",
        "sanne",
    ]
