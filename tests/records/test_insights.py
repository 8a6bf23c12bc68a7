"""Programme coordinators see aggregated figures only: per assigned module and organisation the
number of people, how many completed, are on their way, or are overdue or expired, and the
completion rate, with totals; never a person, never a count of fewer people than the privacy
threshold, and nothing from which such a count could be worked out."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people import roles
from people.models import Assignment, Profile
from tests.factories import UserFactory, login_with_mfa, make_module, make_organisation
from tests.insights_tables import disclosures, tables
from training.models import Completion

pytestmark = pytest.mark.django_db

FUTURE, PAST = datetime.date(2999, 1, 1), datetime.date(2000, 1, 1)
NOW = datetime.datetime(2026, 11, 1, 10, 0, tzinfo=datetime.UTC)


def people(node, count, *, completed=0, module=None, prefix):
    """``count`` people in ``node``, the first ``completed`` of them with a pass on ``module``."""
    made = []
    for index in range(count):
        user = UserFactory(username=f"{prefix}{index}", first_name=f"Uniekenaam{prefix}{index}")
        Profile.objects.filter(user=user).update(organisation=node)
        if index < completed:
            Completion.objects.create(
                learner=user,
                module=module,
                status="completed",
                best_score=90,
                first_completed_at=NOW,
                last_completed_at=NOW,
                attempt_count=1,
            )
        made.append(user)
    return made


def coordinator(catalogue):
    roles.ensure_groups(catalogue)
    user = UserFactory(username="coordinator")
    user.groups.add(Group.objects.get(name=roles.COORDINATORS))
    return user


@pytest.fixture
def province(catalogue, settings):
    """Four municipalities big enough to show (Zuid's own deadline has passed, so its people
    who did not pass are overdue), Klein with three people and Leeg with nobody, all reached by
    one assignment of the province."""
    settings.INSIGHTS_PRIVACY_THRESHOLD = 5
    root = make_organisation("Provincie", "province", None, "provincie")
    region = make_organisation("Regio", "region", root, "regio")
    nodes = {
        name: make_organisation(f"Gemeente {name}", "municipality", region, name.lower())
        for name in ("Noord", "Oost", "West", "Zuid", "Klein", "Leeg")
    }
    team = make_organisation("Team Handhaving Noord", "team", nodes["Noord"], "noord-team")
    module = make_module(catalogue=catalogue, title="Drugsafval herkennen")
    Assignment.objects.create(module=module, organisation=root, due_date=FUTURE)
    Assignment.objects.create(module=module, organisation=nodes["Zuid"], due_date=PAST)
    people(team, 10, completed=5, module=module, prefix="noord")
    people(nodes["Oost"], 20, completed=10, module=module, prefix="oost")
    people(nodes["West"], 30, completed=15, module=module, prefix="west")
    people(nodes["Zuid"], 12, completed=6, module=module, prefix="zuid")
    people(nodes["Klein"], 3, completed=1, module=module, prefix="klein")
    return {"coordinator": coordinator(catalogue), "module": module, "nodes": nodes}


def page(client, user, query=""):
    login_with_mfa(client, user)
    response = client.get("/leren/inzicht/" + query)
    assert response.status_code == 200
    return response.content.decode()


def rows_by_label(html):
    (table,) = tables(html)
    return {row[0]: row[1:] for row in table["rows"]}


def test_coordinator_reads_each_organisations_figures_with_totals_and_no_names(client, province):
    html = page(client, province["coordinator"])

    (table,) = tables(html)
    # The caption names the table and, on a phone, says that it scrolls sideways.
    assert table["caption"] == (
        "Trainingsstatus per organisatie: Drugsafval herkennen (scroll opzij voor meer kolommen)"
    )
    assert table["head"] == [
        "Organisatie",
        "Mensen",
        "Afgerond",
        "Bezig of nog niet begonnen",
        "Te laat of verlopen",
        "Percentage afgerond",
    ]
    rows = rows_by_label(html)
    assert rows["Gemeente Oost"] == ["20", "10", "10", "0", "50%"]
    assert rows["Gemeente West"] == ["30", "15", "15", "0", "50%"]
    assert list(rows)[-1] == "Alle organisaties"
    assert rows["Alle organisaties"] == ["75", "37", "32", "6", "49%"]
    assert "Uniekenaam" not in html
    assert disclosures(html, 5) == []


def test_an_empty_organisation_and_one_with_three_people_read_the_same(client, province):
    html = page(client, province["coordinator"])

    rows = rows_by_label(html)

    assert rows["Gemeente Klein"] == rows["Gemeente Leeg"] == ["Te weinig mensen om te tonen"]


def test_the_smallest_shown_organisation_is_hidden_too_so_the_total_gives_nothing_away(
    client, province
):
    # Without that, 75 − 10 − 20 − 30 − 12 would be Klein's three people.
    html = page(client, province["coordinator"])

    noord = rows_by_label(html)["Gemeente Noord"]

    assert noord[0].startswith("–")
    assert disclosures(html, 5) == []


def test_five_people_at_20_percent_show_neither_the_one_nor_the_rate(client, catalogue, settings):
    settings.INSIGHTS_PRIVACY_THRESHOLD = 5
    root = make_organisation("Provincie", "province", None, "provincie")
    module = make_module(catalogue=catalogue, title="Vakantieparken")
    for name, count, passed in (("Vijf", 5, 1), ("Twintig", 20, 10), ("Tien", 10, 6)):
        node = make_organisation(f"Gemeente {name}", "municipality", root, name.lower())
        Assignment.objects.create(module=module, organisation=node, due_date=FUTURE)
        people(node, count, completed=passed, module=module, prefix=name.lower())

    html = page(client, coordinator(catalogue))

    five = rows_by_label(html)["Gemeente Vijf"]
    assert five[0] == "5"
    assert "20%" not in html and "80%" not in html
    # completed (1) and not started (4) are hidden, and so is the rate; 0 overdue may show
    assert [text[:1] for text in five[1:]] == ["–", "–", "0", "–"]
    assert disclosures(html, 5) == []


def test_hidden_figures_read_as_a_dash_with_an_explanation_for_screen_readers(client, province):
    html = page(client, province["coordinator"])

    assert '<span aria-hidden="true">–</span><span class="visually-hidden">' in html
    assert "niet getoond, ter bescherming van de privacy" in html
    assert "Zodat niemand herkenbaar is" in html


def test_the_page_costs_the_same_queries_for_a_small_and_a_larger_province(
    client, province, catalogue
):
    login_with_mfa(client, province["coordinator"])
    client.get("/leren/inzicht/")  # warm the session
    with CaptureQueriesContext(connection) as small:
        client.get("/leren/inzicht/")

    region = make_organisation("Regio Ver", "region", None, "ver")
    for index in range(4):
        node = make_organisation(f"Gemeente Ver {index}", "municipality", region, f"ver-{index}")
        other = make_module(catalogue=catalogue, title=f"Module {index}")
        Assignment.objects.create(module=other, organisation=region, due_date=FUTURE)
        people(node, 7, completed=index, module=other, prefix=f"ver{index}-")
    with CaptureQueriesContext(connection) as larger:
        html = client.get("/leren/inzicht/").content.decode()

    assert len(tables(html)) == 5
    assert len(larger) == len(small), [q["sql"] for q in larger.captured_queries]


def test_without_assignments_the_page_says_so(client, catalogue, settings):
    html = page(client, coordinator(catalogue))

    assert "Er zijn nog geen modules toegewezen." in html
    assert tables(html) == []


def test_every_organisation_an_assignment_reaches_is_listed_whoever_is_in_it(province):
    from records.insights import insight_tables

    (table,) = insight_tables(threshold=5)

    labels = [row.label for row in table.rows]

    # In the order of the tree; the province and the region hold nobody here, but the
    # assignment reaches them, so their row is there (and too small to show) all the same.
    assert labels == [
        "Gemeente Klein",
        "Gemeente Leeg",
        "Gemeente Noord",
        "Gemeente Oost",
        "Gemeente West",
        "Gemeente Zuid",
        "Niet bij een gemeente of partnerorganisatie",
    ]
    assert table.rows[-1].too_few


@pytest.mark.parametrize("group", [None, roles.MANAGERS, roles.HR, roles.TRAINERS])
def test_only_coordinators_and_admins_see_the_figures(client, province, group):
    user = UserFactory(username="someone-else")
    if group:
        user.groups.add(Group.objects.get(name=group))
    login_with_mfa(client, user)
    assert client.get("/leren/inzicht/").status_code == 403


def test_filters_show_the_province_figures_of_the_chosen_organisation_only(client, province):
    whole = rows_by_label(page(client, province["coordinator"]))
    oost = province["nodes"]["Oost"]
    html = page(client, province["coordinator"], f"?organisation={oost.pk}")
    (table,) = tables(html)
    assert [row[0] for row in table["rows"]] == ["Gemeente Oost"]
    assert table["rows"][0][1:] == whole["Gemeente Oost"]  # the same figures, no new totals
    assert "Stand per" in html


def test_a_coordinator_placed_in_a_municipality_sees_only_its_rows(client, province):
    someone = UserFactory(username="coordinator-west")
    someone.groups.add(Group.objects.get(name=roles.COORDINATORS))
    Profile.objects.filter(user=someone).update(organisation=province["nodes"]["West"])
    (table,) = tables(page(client, someone))
    assert [row[0] for row in table["rows"]] == ["Gemeente West"]
    oost = province["nodes"]["Oost"]
    response = client.get(f"/leren/inzicht/?organisation={oost.pk}")
    assert response.status_code == 400  # outside the coordinator's node: not a choice


def test_a_filter_that_is_not_a_choice_is_refused_with_a_message(client, province):
    login_with_mfa(client, province["coordinator"])
    response = client.get("/leren/inzicht/?region=abc")
    assert response.status_code == 400
    assert "Gebied" in response.content.decode()


def test_coverage_is_worked_out_once_for_a_while_and_says_when(client, province, settings):
    settings.INSIGHTS_COVERAGE_CACHE_SECONDS = 300
    login_with_mfa(client, province["coordinator"])
    client.get("/leren/inzicht/")
    with CaptureQueriesContext(connection) as cached:
        html = client.get("/leren/inzicht/").content.decode()
    assert "Stand per" in html
    assert not any("training_completion" in query["sql"] for query in cached.captured_queries)
