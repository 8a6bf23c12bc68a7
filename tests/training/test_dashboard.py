"""The manager dashboard: who appears (exactly the people in the user's teams), what each cell
says (status as text and icon, with its date), the filters and what a tampered filter gets, the
completion chart and its table, the CSV download, and the number of queries."""

import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms import roles
from tests.factories import SuperuserFactory, login_with_mfa, make_module
from training.dashboard import build_dashboard
from training.models import AuditEntry
from training.spreadsheet import FORMULA_PREFIXES
from training.status import TrainingStatus

from .dashboard_factories import assign, build_tree, completed, manager_of, person, started

pytestmark = pytest.mark.django_db

URL = reverse("training:dashboard")
CSV_URL = reverse("training:dashboard_csv")


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
    assign(drugslabs, tree["gemeente-a"], due=today - datetime.timedelta(days=30),
           validity_months=12)
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
        "dina": person("dina", tree["team-a2-noord"], function="policy_officer",
                       last_name="Dekkers"),
        # team B1: only the BOA module
        "eva": person("eva", tree["team-b1"], employee_number="B-001", last_name="Evers"),
    }
    completed(people["anna"], drugslabs, today - datetime.timedelta(days=10))
    completed(people["cor"], drugslabs, today - datetime.timedelta(days=400))
    started(people["dina"], signalen)
    return {"tree": tree, "people": people, "drugslabs": drugslabs, "melden": melden,
            "signalen": signalen, "today": today}


def names(board):
    return {row.user.username for row in board.rows}


def cell(board, username, module):
    row = next(row for row in board.rows if row.user.username == username)
    return row.cells[board.modules.index(module)]


def get(client, user, url=URL, *, follow=False, **params):
    login_with_mfa(client, user)
    return client.get(url, params, follow=follow)


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    body = body.removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(body)))


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
        "overdue": 2, "expired": 1, "not_started": 5, "in_progress": 1, "completed": 1,
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
    overdue = re.search(r'<span class="status status--overdue"><span aria-hidden="true">⚠</span>'
                        r"\s*Te laat</span>", page)
    expired = re.search(r'<span class="status status--expired"><span aria-hidden="true">⟳</span>'
                        r"\s*Verlopen</span>", page)
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
    assert f'href="{CSV_URL}?status=overdue"' in response.content.decode()  # same filters
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
    assert rows[0] == ["Naam", "Personeelsnummer", "Team", "Module", "Status", "Uiterste datum",
                       "Geldig tot"]
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
        response = client.get(url, params)
        if url == CSV_URL:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["manager", "hr"])
def test_queries_are_the_same_for_5_and_50_people(catalogue, client, role):
    today = timezone.localdate()
    tree = build_tree()
    modules = [make_module(title=f"Module {n}", catalogue=catalogue) for n in range(3)]
    for module in modules:
        assign(module, tree["gemeente-a"], due=today - datetime.timedelta(days=5),
               validity_months=6)
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
