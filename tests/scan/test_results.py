"""Results per organisation and round: shown once closed with enough respondents, compared with
the region and the province only when enough organisations and respondents took part, the
change since the previous round, handreikingen for the weakest themes and the agreed actions."""

import uuid

import pytest
from django.test import Client

from scan import services
from scan.models import AgreedAction, ScanResponse
from tests.factories import login_with_mfa

from .factories import answers_for, closed_round, make_coordinator, make_scan, respond, tree

pytestmark = pytest.mark.django_db

# Three themes; each respondent gives one level per theme.
STRONG = [(4, 3, 3), (3, 3, 4), (4, 4, 3)]


@pytest.fixture
def nodes():
    return tree()


@pytest.fixture
def scan():
    return make_scan()


@pytest.fixture
def coordinator(nodes):
    return make_coordinator(nodes["province"])


def test_results_show_per_theme_once_closed_with_enough_respondents(scan, nodes, coordinator):
    scan_round = services.open_round(coordinator, scan, nodes["oisterwijk"], "MT")
    respond(scan_round, (1, 3, 4), (2, 3, 4), (4, 3, 4))
    assert not services.results(scan_round).shown  # open: nothing yet
    services.close_round(scan_round)
    result = services.results(scan_round)
    assert result.shown and result.respondents == 3
    first, second, third = result.themes
    assert first.theme.title == "Bestuurlijke weerbaarheid"
    assert (first.score.score, first.score.minimum, first.score.maximum) == (2.3, 1.0, 4.0)
    assert first.score.disagree
    assert first.distribution == [(1, 2), (2, 2), (3, 0), (4, 2)]
    assert (second.score.score, second.score.disagree) == (3.0, False)
    assert third.score.score == 4.0


def test_below_the_threshold_nothing_shows(client, scan, nodes, coordinator, settings):
    settings.SCAN_PRIVACY_THRESHOLD = 3
    scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, [(1, 1, 1), (4, 4, 4)])
    result = services.results(scan_round)
    assert not result.shown and result.themes == []
    login_with_mfa(client, coordinator)
    page = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    assert "minder dan 3 mensen" in page
    assert "Scores per thema" not in page and "<svg" not in page
    assert client.get(f"/scan/rondes/{scan_round.pk}/gespreksdocument.pdf").status_code == 409
    response = client.post(f"/scan/rondes/{scan_round.pk}/acties/", {})
    assert response.status_code == 409


def test_the_threshold_is_a_setting(scan, nodes, coordinator, settings):
    settings.SCAN_PRIVACY_THRESHOLD = 5
    scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, STRONG + [(1, 1, 1)])
    assert not services.results(scan_round).shown


def test_the_page_shows_chart_and_table_with_the_same_figures(client, scan, nodes, coordinator):
    scan_round = closed_round(
        scan, nodes["oisterwijk"], coordinator, [(1, 3, 4), (2, 3, 4), (4, 3, 4)]
    )
    login_with_mfa(client, coordinator)
    page = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    assert page.count('<svg class="scan-bar"') == 3
    assert 'width="230.0"' in page  # 2.3 of 4 on a bar of 400
    assert "Scores per thema: MT" not in page  # the round is called "Ronde 1"
    assert "Scores per thema: Ronde 1" in page
    assert '<td class="scan-scores__score">2,3</td>' in page
    assert "1,0 – 4,0" in page
    assert "2 / 2 / 0 / 2" in page
    assert "Het team verschilt van mening" in page


def comparison_rounds(scan, nodes, coordinator, hilvarenbeek=STRONG, tilburg=STRONG):
    own = closed_round(scan, nodes["oisterwijk"], coordinator, [(1, 1, 1)] * 4)
    closed_round(scan, nodes["hilvarenbeek"], coordinator, hilvarenbeek)
    closed_round(scan, nodes["tilburg"], coordinator, tilburg)
    return own


def test_the_region_average_shows_with_enough_organisations_and_respondents(
    scan, nodes, coordinator, settings
):
    settings.SCAN_COMPARISON_MIN_ORGANISATIONS = 3
    settings.SCAN_COMPARISON_MIN_RESPONDENTS = 10
    own = comparison_rounds(scan, nodes, coordinator)
    result = services.results(own)
    assert result.region.shown and result.region.node == nodes["hart"]
    # Organisations count once each: (1 + 3.7 + 3.7) / 3 for the first theme.
    hilvarenbeek = services.results(
        services.ScanRound.objects.get(organisation=nodes["hilvarenbeek"])
    ).themes[0]
    assert hilvarenbeek.score.score == 3.7
    assert result.themes[0].region == round((1 + 11 / 3 + 11 / 3) / 3, 1)
    # The province has only these three organisations as well.
    assert result.province.shown and result.themes[0].province == result.themes[0].region


def test_no_region_average_with_too_few_organisations(scan, nodes, coordinator, settings):
    settings.SCAN_COMPARISON_MIN_ORGANISATIONS = 3
    settings.SCAN_COMPARISON_MIN_RESPONDENTS = 1
    own = closed_round(scan, nodes["oisterwijk"], coordinator, [(1, 1, 1)] * 4)
    closed_round(scan, nodes["hilvarenbeek"], coordinator, STRONG * 3)
    result = services.results(own)
    assert not result.region.shown and result.themes[0].region is None


def test_no_region_average_with_too_few_respondents(scan, nodes, coordinator, settings):
    settings.SCAN_COMPARISON_MIN_ORGANISATIONS = 3
    settings.SCAN_COMPARISON_MIN_RESPONDENTS = 11  # 4 + 3 + 3 = 10
    own = comparison_rounds(scan, nodes, coordinator)
    result = services.results(own)
    assert not result.region.shown and result.themes[0].region is None


def test_rounds_that_are_open_or_too_small_do_not_count_in_a_comparison(
    scan, nodes, coordinator, settings
):
    settings.SCAN_COMPARISON_MIN_ORGANISATIONS = 3
    settings.SCAN_COMPARISON_MIN_RESPONDENTS = 1
    own = closed_round(scan, nodes["oisterwijk"], coordinator, [(1, 1, 1)] * 4)
    closed_round(scan, nodes["hilvarenbeek"], coordinator, STRONG)
    small = closed_round(scan, nodes["tilburg"], coordinator, STRONG[:2])
    open_round = services.open_round(coordinator, scan, nodes["tilburg"], "open")
    respond(open_round, *STRONG)
    assert not services.results(own).region.shown
    assert small.pk and open_round.pk


def test_the_page_says_why_there_is_no_comparison(client, scan, nodes, coordinator):
    own = closed_round(scan, nodes["oisterwijk"], coordinator, STRONG)
    login_with_mfa(client, coordinator)
    page = client.get(f"/scan/rondes/{own.pk}/").content.decode()
    assert "Geen vergelijking met Regio Hart van Brabant" in page
    assert "Geen vergelijking met Provincie Noord-Brabant" in page


def test_a_second_round_shows_the_change_since_the_first(client, scan, nodes, coordinator):
    first = closed_round(scan, nodes["oisterwijk"], coordinator, [(1, 2, 3)] * 3, "Voorjaar")
    second = closed_round(scan, nodes["oisterwijk"], coordinator, [(2, 2, 4)] * 3, "Najaar")
    result = services.results(second)
    assert result.previous_round == first
    assert [t.change for t in result.themes] == [1.0, 0.0, 1.0]
    assert [t.previous for t in result.themes] == [1.0, 2.0, 3.0]
    login_with_mfa(client, coordinator)
    page = client.get(f"/scan/rondes/{second.pk}/").content.decode()
    assert "<td>+1,0</td>" in page and "Vorige ronde" in page
    assert services.results(first).previous_round is None


def test_handreikingen_show_for_the_themes_below_the_level_weakest_first(
    client, scan, nodes, coordinator
):
    scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, [(2, 1, 4)] * 3)
    result = services.results(scan_round)
    assert [t.theme.title for t in result.weakest] == ["Eén overheid", "Bestuurlijke weerbaarheid"]
    login_with_mfa(client, coordinator)
    page = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    advice = page[page.index('id="advice"') : page.index('id="actions"')]
    assert advice.index("Handreiking Eén overheid") < advice.index(
        "Handreiking Bestuurlijke weerbaarheid"
    )
    assert "Handreiking Informatiepositie" not in advice
    assert "Bron bij Eén overheid (2020)" in advice


def test_the_coordinator_writes_agreed_actions_per_theme(client, scan, nodes, coordinator):
    scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, STRONG)
    themes = services.round_themes(scan_round)
    login_with_mfa(client, coordinator)
    response = client.post(
        f"/scan/rondes/{scan_round.pk}/acties/",
        {f"action-{themes[1].id}": "Convenant RIEC tekenen; burgemeester, voor 1 maart."},
    )
    assert response.status_code == 302
    assert AgreedAction.objects.get(round=scan_round, theme_id=themes[1].id).text.startswith(
        "Convenant RIEC"
    )
    page = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    assert "Convenant RIEC tekenen" in page and "zijn opgeslagen" in page


def test_too_long_an_action_is_refused_and_nothing_is_lost(client, scan, nodes, coordinator):
    scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, STRONG)
    themes = services.round_themes(scan_round)
    login_with_mfa(client, coordinator)
    response = client.post(
        f"/scan/rondes/{scan_round.pk}/acties/",
        {f"action-{themes[0].id}": "Kort.", f"action-{themes[1].id}": "x" * 2001},
    )
    assert response.status_code == 400
    assert "Hoogstens 2000 tekens" in response.content.decode()
    assert "Kort." in response.content.decode()
    assert not AgreedAction.objects.exists()


def test_saving_actions_needs_the_csrf_token(scan, nodes, coordinator):
    scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, STRONG)
    client = Client(enforce_csrf_checks=True)
    login_with_mfa(client, coordinator)
    response = client.post(f"/scan/rondes/{scan_round.pk}/acties/", {})
    assert response.status_code == 403
    assert not AgreedAction.objects.exists()


def test_nothing_on_the_result_page_leads_to_a_person(client, scan, nodes, coordinator):
    scan_round = services.open_round(coordinator, scan, nodes["oisterwijk"], "MT")
    for levels in STRONG:
        services.submit(scan_round, uuid.uuid4(), answers_for(scan_round, levels))
    services.close_round(scan_round)
    login_with_mfa(client, coordinator)
    page = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    for response_id in ScanResponse.objects.values_list("id", flat=True):
        assert str(response_id) not in page
        assert response_id.hex not in page


def test_handreikingen_for_at_most_three_themes_the_weakest(nodes, coordinator):
    scan = make_scan(titles=["Basis", "Eén overheid", "Informatie", "Instrumenten"])
    scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, [(2, 1, 3, 1)] * 3)
    weakest = services.results(scan_round).weakest
    assert len(weakest) == 3
    assert [t.theme.title for t in weakest][:2] == ["Eén overheid", "Instrumenten"]
