"""The training viewsets in the Wagtail admin: organisations (a tree), profiles and
assignments. Platform admins reach all; HR reaches only the profiles in its scope; trainers and
learners reach none."""

import datetime
import re

import pytest

from people.models import Assignment, Function, Organisation, Profile
from tests.factories import UserFactory, login_with_mfa, make_hr, make_organisation

ORGANISATIONS = "/admin/organisations/"
PROFILES = "/admin/profiles/"
ASSIGNMENTS = "/admin/assignments/"


@pytest.fixture
def tree(db):
    brabant = make_organisation("Noord-Brabant", kind="province")
    altena = make_organisation("Altena", parent=brabant)
    team = make_organisation("Altena Handhaving", kind="team", parent=altena)
    tilburg = make_organisation("Tilburg", parent=brabant)
    return {"brabant": brabant, "altena": altena, "team": team, "tilburg": tilburg}


def person(username, organisation, number, **profile):
    user = UserFactory(username=username, first_name=username.title(), last_name="Lid")
    Profile.objects.filter(user=user).update(
        organisation=organisation, employee_number=number, **profile
    )
    return Profile.objects.get(user=user)


@pytest.fixture
def people(tree):
    return {
        "anna": person("anna", tree["team"], "1001"),
        "bram": person("bram", tree["altena"], "1002", function=Function.INSPECTOR),
        "tim": person("tim", tree["tilburg"], "2001"),
    }


@pytest.fixture
def hr_client(client, tree):
    login_with_mfa(client, make_hr(tree["altena"]))
    return client


# -- organisations -----------------------------------------------------------------------------


def test_a_superuser_lists_the_tree_in_order_with_indentation(superuser_client, tree):
    response = superuser_client.get(ORGANISATIONS)
    html = response.content.decode()
    assert response.status_code == 200
    positions = [
        html.index(name)
        for name in (
            "Noord-Brabant",
            "\u2003Altena",
            "\u2003\u2003Altena Handhaving",
            "\u2003Tilburg",
        )
    ]
    assert positions == sorted(positions)


def test_organisations_filter_by_kind(superuser_client, tree):
    html = superuser_client.get(ORGANISATIONS, {"kind": "team"}).content.decode()
    assert "Altena Handhaving" in html and "Tilburg" not in html


def test_a_superuser_adds_an_organisation_under_a_parent_and_as_a_root(superuser_client, tree):
    response = superuser_client.post(
        ORGANISATIONS + "new/",
        {
            "parent": tree["altena"].pk,
            "name": "Altena Vergunningen",
            "slug": "altena-vergunningen",
            "kind": "department",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    added = Organisation.objects.get(slug="altena-vergunningen")
    assert added.get_parent() == tree["altena"] and added.depth == 3

    response = superuser_client.post(
        ORGANISATIONS + "new/",
        {
            "parent": "",
            "name": "Zeeland",
            "slug": "zeeland",
            "kind": "province",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(slug="zeeland").is_root()


def test_a_superuser_moves_an_organisation_to_another_parent(superuser_client, tree):
    team = tree["team"]
    response = superuser_client.post(
        f"{ORGANISATIONS}edit/{team.pk}/",
        {
            "parent": tree["tilburg"].pk,
            "name": "Handhaving",
            "slug": team.slug,
            "kind": "team",
        },
    )
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.get_parent() == tree["tilburg"] and team.name == "Handhaving"


def test_an_organisation_cannot_move_below_itself(superuser_client, tree):
    altena = tree["altena"]
    response = superuser_client.post(
        f"{ORGANISATIONS}edit/{altena.pk}/",
        {
            "parent": tree["team"].pk,
            "name": "Altena",
            "slug": altena.slug,
            "kind": "municipality",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    altena.refresh_from_db()
    assert altena.get_parent() == tree["brabant"]


# -- profiles ---------------------------------------------------------------------------------


def test_hr_lists_only_the_people_in_its_scope(hr_client, people):
    response = hr_client.get(PROFILES)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anna" in html and "Bram" in html
    assert "Tim" not in html and "2001" not in html


def test_hr_filters_by_organisation_subtree_function_and_active(hr_client, people, tree):
    html = hr_client.get(PROFILES, {"organisation": tree["team"].pk}).content.decode()
    assert "Anna" in html and "Bram" not in html
    html = hr_client.get(PROFILES, {"function": Function.INSPECTOR}).content.decode()
    assert "Bram" in html and "Anna" not in html
    Profile.objects.filter(pk=people["anna"].pk).update(active=False)
    html = hr_client.get(PROFILES, {"active": "false"}).content.decode()
    assert "Anna" in html and "Bram" not in html


def test_hr_cannot_filter_on_an_organisation_outside_its_scope(hr_client, people, tree):
    html = hr_client.get(PROFILES, {"organisation": tree["tilburg"].pk}).content.decode()
    assert "Tim" not in html


def test_hr_searches_by_name_and_employee_number(hr_client, people):
    html = hr_client.get(PROFILES, {"q": "1002"}).content.decode()
    assert "Bram" in html and "Anna" not in html
    html = hr_client.get(PROFILES, {"q": "anna"}).content.decode()
    assert "Anna" in html and "Bram" not in html


def test_hr_edits_a_profile_in_scope(hr_client, people, tree):
    anna = people["anna"]
    response = hr_client.post(
        f"{PROFILES}edit/{anna.pk}/",
        {
            "organisation": tree["altena"].pk,
            "function": Function.BOA,
            "employee_number": "1001",
        },
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.organisation == tree["altena"] and anna.active is False


def test_hr_cannot_move_someone_outside_its_scope(hr_client, people, tree):
    anna = people["anna"]
    response = hr_client.post(
        f"{PROFILES}edit/{anna.pk}/",
        {
            "organisation": tree["tilburg"].pk,
            "function": Function.BOA,
            "employee_number": "1001",
            "active": "on",
        },
    )
    assert response.status_code == 200
    anna.refresh_from_db()
    assert anna.organisation == tree["team"]


@pytest.mark.parametrize("view", ["edit/{pk}/", "history/{pk}/", "usage/{pk}/", "delete/{pk}/"])
def test_a_tampered_profile_id_outside_the_scope_is_not_found(hr_client, people, view):
    tim = people["tim"]
    url = PROFILES + view.format(pk=tim.pk)
    assert hr_client.get(url).status_code in (403, 404)
    response = hr_client.post(url, {"organisation": "", "function": "boa", "employee_number": "x"})
    assert response.status_code in (403, 404)
    tim.refresh_from_db()
    assert tim.employee_number == "2001"


def test_hr_reaches_neither_organisations_nor_assignments(hr_client, tree):
    for url in (ORGANISATIONS, ORGANISATIONS + "new/", ASSIGNMENTS, PROFILES + "new/"):
        response = hr_client.get(url)
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert response["Location"] == "/admin/"


@pytest.mark.parametrize("url", [ORGANISATIONS, PROFILES, ASSIGNMENTS])
def test_a_trainer_reaches_none_of_them(client, trainer, people, url):
    login_with_mfa(client, trainer)
    response = client.get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    response = client.get(f"{PROFILES}edit/{people['anna'].pk}/")
    assert response.status_code in (302, 403)
    assert "Anna" not in response.content.decode()


def test_a_trainer_sees_no_organisation_menu(client, trainer):
    login_with_mfa(client, trainer)
    html = client.get("/admin/").content.decode()
    assert PROFILES not in html and ORGANISATIONS not in html


def test_a_learner_gets_the_no_access_page(client, learner, people):
    client.force_login(learner)
    response = client.get(PROFILES)
    assert response.status_code == 403
    assert "Anna" not in response.content.decode()


def test_a_superuser_sees_everyone(superuser_client, people):
    html = superuser_client.get(PROFILES).content.decode()
    assert "Anna" in html and "Tim" in html


# -- assignments ------------------------------------------------------------------------------


def test_a_superuser_creates_and_filters_assignments(superuser_client, module, tree):
    response = superuser_client.post(
        ASSIGNMENTS + "new/",
        {
            "module": module.pk,
            "organisation": tree["altena"].pk,
            "function": "boa",
            "due_date": "2027-03-01",
            "validity_months": "24",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assignment = Assignment.objects.get()
    assert assignment.due_date == datetime.date(2027, 3, 1) and assignment.validity_months == 24
    edit_url = f"{ASSIGNMENTS}edit/{assignment.pk}/"
    html = superuser_client.get(ASSIGNMENTS, {"organisation": tree["altena"].pk}).content.decode()
    assert edit_url in html
    html = superuser_client.get(ASSIGNMENTS, {"organisation": tree["tilburg"].pk}).content.decode()
    assert edit_url not in html
    html = superuser_client.get(
        ASSIGNMENTS, {"due_date_from": "2027-01-01", "due_date_to": "2027-12-31"}
    ).content.decode()
    assert edit_url in html
    html = superuser_client.get(ASSIGNMENTS, {"due_date_from": "2028-01-01"}).content.decode()
    assert edit_url not in html


def test_an_organisation_with_people_cannot_be_deleted(superuser_client, people, tree):
    response = superuser_client.post(f"{ORGANISATIONS}delete/{tree['team'].pk}/")
    assert response.status_code < 500
    assert Organisation.objects.filter(pk=tree["team"].pk).exists()
    assert Profile.objects.get(pk=people["anna"].pk).organisation == tree["team"]


def test_the_people_menu_opens_a_page_of_the_same_name(hr_client, people):
    # The menu said "Mensen" and the page it opened "Profielen": one name for one thing.
    html = hr_client.get(PROFILES).content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    heading = html[html.index("<h1") : html.index("</h1>")]
    assert "Mensen" in title
    assert "Mensen" in heading
    assert "Profielen" not in html
    assert "profielen" not in html


def test_the_organisation_list_shows_each_nodes_code(superuser_client, tree):
    html = superuser_client.get(ORGANISATIONS).content.decode()
    assert re.search(r"<th[^>]*>\s*Code\s*</th>", html)
    assert re.search(rf"<td[^>]*>\s*{tree['team'].slug}\s*</td>", html)


def test_the_people_list_sorts_by_surname_without_tussenvoegsel(hr_client, tree):
    for number, (first, last, infix) in enumerate(
        [("Ruud", "van den Heuvel", "van den"), ("Jan", "Jansen", ""), ("Els", "Hendriks", "")]
    ):
        user = UserFactory(username=f"sort{number}", first_name=first, last_name=last)
        Profile.objects.filter(user=user).update(
            organisation=tree["team"], employee_number=f"S{number}", infix=infix
        )
    html = hr_client.get(PROFILES).content.decode()
    positions = [html.index(name) for name in ("Els Hendriks", "Ruud van den Heuvel", "Jan Jansen")]
    assert positions == sorted(positions)
