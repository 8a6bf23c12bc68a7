"""Rounds and anonymous answering: a coordinator opens a round for an organisation in their
scope and shares its link; members answer on their own, without logging in, once per browser;
nothing that is stored says who answered."""

import uuid

import pytest
from django.contrib.auth import get_user_model

from scan import services
from scan.models import ScanAnswer, ScanResponse, ScanRound
from tests.factories import UserFactory, login_with_mfa, make_organisation

from .factories import answers_for, make_coordinator, make_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    province = make_organisation("Provincie", "province", None, "prov")
    region = make_organisation("Regio Hart van Brabant", "region", province, "hart")
    oisterwijk = make_organisation("Gemeente Oisterwijk", "municipality", region, "oisterwijk")
    bernheze = make_organisation("Gemeente Bernheze", "municipality", province, "bernheze")
    scan = make_scan()
    coordinator = make_coordinator(region)
    return {
        "scan": scan,
        "region": region,
        "oisterwijk": oisterwijk,
        "bernheze": bernheze,
        "coordinator": coordinator,
    }


def open_through_the_page(client, setting, organisation, title="College, voorjaar 2026"):
    return client.post(
        "/scan/rondes/nieuw/",
        {"scan": setting["scan"].pk, "organisation": organisation.pk, "title": title},
    )


def test_coordinator_opens_a_round_and_gets_a_link_to_share(client, setting):
    login_with_mfa(client, setting["coordinator"])
    response = open_through_the_page(client, setting, setting["oisterwijk"])
    scan_round = ScanRound.objects.get()
    assert response.status_code == 302 and response.url == f"/scan/rondes/{scan_round.pk}/"
    assert scan_round.organisation == setting["oisterwijk"]
    assert scan_round.revision == setting["scan"].live_revision
    page = client.get(response.url).content.decode()
    assert f"/scan/invullen/{scan_round.token}/" in page
    assert len(scan_round.token) >= 32


def test_every_round_gets_its_own_unguessable_token(setting):
    coordinator, scan, organisation = (setting[k] for k in ("coordinator", "scan", "oisterwijk"))
    tokens = {services.open_round(coordinator, scan, organisation, "r").token for _ in range(20)}
    assert len(tokens) == 20


def test_a_coordinator_cannot_open_a_round_outside_their_node(client, setting):
    login_with_mfa(client, setting["coordinator"])
    response = open_through_the_page(client, setting, setting["bernheze"])
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not ScanRound.objects.exists()
    with pytest.raises(services.NotAllowed):
        services.open_round(setting["coordinator"], setting["scan"], setting["bernheze"], "x")


def test_a_round_without_a_name_is_refused_with_a_message(client, setting):
    login_with_mfa(client, setting["coordinator"])
    response = open_through_the_page(client, setting, setting["oisterwijk"], title="")
    assert response.status_code == 400
    assert "Dit is een verplicht veld" in response.content.decode()
    assert not ScanRound.objects.exists()


@pytest.mark.parametrize("role", ["learner", "manager", "hr", "trainer"])
def test_other_roles_cannot_open_or_read_rounds(client, setting, role):
    from people import roles

    group = {
        "learner": roles.LEARNERS,
        "manager": roles.MANAGERS,
        "hr": roles.HR,
        "trainer": roles.TRAINERS,
    }[role]
    someone = make_coordinator(setting["oisterwijk"], group=group)
    scan_round = services.open_round(
        setting["coordinator"], setting["scan"], setting["oisterwijk"], "r"
    )
    login_with_mfa(client, someone)
    assert client.get("/scan/").status_code == 403
    assert open_through_the_page(client, setting, setting["oisterwijk"]).status_code == 403
    assert client.get(f"/scan/rondes/{scan_round.pk}/").status_code == 403
    assert ScanRound.objects.count() == 1


def test_a_visitor_is_sent_to_the_login(client, setting):
    response = client.get("/scan/")
    assert response.status_code == 302 and response.url.startswith("/inloggen/")


@pytest.fixture
def scan_round(setting):
    return services.open_round(setting["coordinator"], setting["scan"], setting["oisterwijk"], "MT")


def post_answers(client, scan_round, levels=(3, 2, 4), response_id=None, **overrides):
    data = answers_for(scan_round, levels)
    data["response"] = str(response_id or uuid.uuid4())
    data.update(overrides)
    return client.post(f"/scan/invullen/{scan_round.token}/", data)


def test_a_respondent_answers_without_logging_in(client, scan_round):
    page = client.get(f"/scan/invullen/{scan_round.token}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "anoniem" in text.lower()
    assert "Bestuurlijke weerbaarheid stelling 1" in text
    assert "no-store" in page["Cache-Control"]
    response = post_answers(client, scan_round)
    assert response.status_code == 302
    assert response.url == f"/scan/invullen/{scan_round.token}/bedankt/"
    assert ScanResponse.objects.filter(round=scan_round).count() == 1
    assert ScanAnswer.objects.filter(response__round=scan_round).count() == 6
    assert "bedankt" in client.get(response.url).content.decode().lower()


def test_nothing_stored_with_an_answer_says_who_gave_it(client, scan_round):
    someone = UserFactory(username="mtlid")
    client.force_login(someone)
    post_answers(client, scan_round)
    # The tables hold random ids, the round, statements and levels: no user, time or address.
    assert {f.name for f in ScanResponse._meta.concrete_fields} == {"id", "round"}
    assert {f.name for f in ScanAnswer._meta.concrete_fields} == {
        "id",
        "response",
        "theme_id",
        "statement_id",
        "level",
    }
    user_model = get_user_model()
    for model in (ScanResponse, ScanAnswer):
        assert not any(
            getattr(f, "related_model", None) is user_model for f in model._meta.get_fields()
        )
    response = ScanResponse.objects.get()
    assert response.id.version == 4  # random, carries no order or moment


def test_the_same_browser_cannot_answer_twice(client, scan_round):
    assert post_answers(client, scan_round).status_code == 302
    again = post_answers(client, scan_round, levels=(1, 1, 1))
    assert again.status_code == 409
    assert "al antwoorden" in again.content.decode()
    assert ScanResponse.objects.count() == 1
    assert "al antwoorden" in client.get(f"/scan/invullen/{scan_round.token}/").content.decode()


def test_a_forged_cookie_is_not_believed_and_a_signed_one_is_per_round(client, scan_round, setting):
    client.cookies[f"scan-answered-{scan_round.pk}"] = "1"
    assert "Verstuur mijn antwoorden" in (
        client.get(f"/scan/invullen/{scan_round.token}/").content.decode()
    )
    post_answers(client, scan_round)
    other = services.open_round(setting["coordinator"], setting["scan"], setting["oisterwijk"], "2")
    assert post_answers(client, other).status_code == 302


def test_a_double_click_counts_once(client, scan_round):
    response_id = uuid.uuid4()
    assert services.submit(scan_round, response_id, answers_for(scan_round, (2, 2, 2)))
    assert not services.submit(scan_round, response_id, answers_for(scan_round, (2, 2, 2)))
    assert ScanResponse.objects.count() == 1 and ScanAnswer.objects.count() == 6


def test_a_missing_answer_is_refused_and_the_rest_stays_chosen(client, scan_round):
    data = answers_for(scan_round, (3, 2, 4))
    missing = next(key for key in data)
    del data[missing]
    data["response"] = str(uuid.uuid4())
    response = client.post(f"/scan/invullen/{scan_round.token}/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Kies voor elke stelling een niveau" in text
    assert f'href="#{missing}-1"' in text
    chosen = next(key for key in data if key.startswith("s-"))
    assert f'id="{chosen}-{data[chosen]}" value="{data[chosen]}" checked' in text
    assert not ScanResponse.objects.exists()


@pytest.mark.parametrize("bad", ["0", "5", "abc", "", "2.5"])
def test_a_level_off_the_scale_is_refused(client, scan_round, bad):
    data = answers_for(scan_round, (3, 2, 4))
    data[next(iter(data))] = bad
    data["response"] = str(uuid.uuid4())
    assert client.post(f"/scan/invullen/{scan_round.token}/", data).status_code == 400
    assert not ScanResponse.objects.exists()


@pytest.mark.parametrize("bad", ["", "niet-een-id", "1"])
def test_a_form_without_a_valid_submission_id_is_refused(client, scan_round, bad):
    data = answers_for(scan_round, (3, 2, 4))
    data["response"] = bad
    assert client.post(f"/scan/invullen/{scan_round.token}/", data).status_code == 400
    assert not ScanResponse.objects.exists()


def test_a_closed_round_takes_no_answers(client, scan_round):
    services.close_round(scan_round)
    assert client.get(f"/scan/invullen/{scan_round.token}/").status_code == 410
    assert post_answers(client, scan_round).status_code == 410
    assert not ScanResponse.objects.exists()


def test_an_unknown_link_is_not_found(client, scan_round):
    assert client.get("/scan/invullen/geen-echte-code/").status_code == 404
    assert client.get(f"/scan/invullen/{scan_round.token[:-1]}/").status_code == 404


def test_the_coordinator_sees_how_many_answered_but_no_results_while_open(client, setting):
    scan_round = services.open_round(
        setting["coordinator"], setting["scan"], setting["oisterwijk"], "MT"
    )
    for levels in ((1, 1, 1), (4, 4, 4), (2, 3, 4), (3, 3, 3)):
        services.submit(scan_round, uuid.uuid4(), answers_for(scan_round, levels))
    login_with_mfa(client, setting["coordinator"])
    page = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    assert "<dd>4</dd>" in page
    assert "Scores per thema" not in page
    assert client.get(f"/scan/rondes/{scan_round.pk}/gespreksdocument.pdf").status_code == 409


def test_the_answer_page_and_the_round_page_come_in_english(client, setting, scan_round):
    client.cookies["django_language"] = "en"
    page = client.get(f"/scan/invullen/{scan_round.token}/").content.decode()
    assert "Anonymous and on your own" in page and "Send my answers" in page
    assert "Level 4" in page
    login_with_mfa(client, setting["coordinator"])
    client.cookies["django_language"] = "en"
    page = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    assert "Share the link" in page and "Close the round and show the results" in page
