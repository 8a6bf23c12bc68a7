"""The resilience scan in a real browser. A member of a management team opens the shared link
on a 375 px phone and answers every statement with the keyboard alone, anonymously; a second
try from the same phone is told it has answered. The coordinator logs in with the
authenticator code, opens a round from the navigation, closes it and reads the results: chart
and table with the same figures, handreikingen, and writes down an agreed action. Every page
passes axe (WCAG 2.1 AA) at 1280 px and 375 px and never scrolls sideways."""

import os
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    BROWSER_TEST,
    axe,
    focus_is_visible,
    has_no_horizontal_scroll,
    login,
    tab_to,
)

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password
PHONE = {"width": 375, "height": 740}
SCREENSHOTS = os.environ.get("SCAN_SCREENSHOTS")  # a folder: keep screenshots to look at


def shoot(page, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def scan_world(live_server):
    from scan import services
    from tests.factories import activate_totp
    from tests.scan.factories import make_coordinator, make_scan, tree

    nodes = tree()
    scan = make_scan()
    coordinator = make_coordinator(nodes["hart"], "e2e-scan-coordinator")
    activate_totp(coordinator)
    scan_round = services.open_round(coordinator, scan, nodes["oisterwijk"], "College, najaar")
    return {"scan": scan, "round": scan_round, "coordinator": coordinator, "nodes": nodes}


def test_a_member_answers_on_a_phone_with_the_keyboard_alone(new_page, scan_world):
    from scan import services
    from scan.models import ScanAnswer, ScanResponse

    scan_round = scan_world["round"]
    page = new_page(viewport=PHONE)
    page.goto(f"/scan/invullen/{scan_round.token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Weerbaarheidsscan")
    expect(page.get_by_text("Anoniem en zelfstandig")).to_be_visible()
    assert has_no_horizontal_scroll(page, PHONE["width"])
    axe(page)
    shoot(page, "respondent-375-form")

    # Sending with nothing chosen: told what is missing, focus-able links to each statement.
    tab_to(page, "return el.type === 'submit' && el.textContent.includes('Verstuur')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Kies voor elke stelling een niveau")
    axe(page)
    assert not ScanResponse.objects.exists()

    # Every statement: Tab into its group, then the arrow keys choose a level (down = higher).
    statements = [s for t in services.round_themes(scan_round) for s in t.statements]
    page.locator("#main").focus()
    for number, item in enumerate(statements):
        tab_to(page, f"return el.name === 's-{item.id}'")
        assert focus_is_visible(page)
        page.keyboard.press("Space")  # the first level
        for _press in range(number % 4):
            page.keyboard.press("ArrowDown")
        level = number % 4 + 1
        expect(page.locator(f"#s-{item.id}-{level}")).to_be_checked()
    tab_to(page, "return el.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je antwoorden")
    axe(page)
    shoot(page, "respondent-375-thanks")
    assert ScanResponse.objects.filter(round=scan_round).count() == 1
    levels = sorted(ScanAnswer.objects.values_list("level", flat=True))
    assert levels == sorted(number % 4 + 1 for number in range(len(statements)))

    # The same phone again: it has answered.
    page.goto(f"/scan/invullen/{scan_round.token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Je antwoorden zijn binnen")
    assert ScanResponse.objects.count() == 1


def fill_round(scan_round):
    from scan import services
    from tests.scan.factories import answers_for

    for levels in ((1, 3, 4), (2, 3, 4), (4, 3, 4)):
        services.submit(scan_round, uuid.uuid4(), answers_for(scan_round, levels))


def test_the_coordinator_opens_a_round_closes_it_and_reads_the_results(new_page, scan_world):
    from scan.models import AgreedAction, ScanRound

    page = new_page()
    login(page, "e2e-scan-coordinator", PASSWORD)
    page.get_by_role("link", name="Weerbaarheidsscan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Weerbaarheidsscan: rondes")
    axe(page)
    shoot(page, "coordinator-1280-overview")
    page.get_by_label("Organisatie", exact=True).select_option(
        label="– – Gemeente Hilvarenbeek (Gemeente)"
    )
    page.get_by_label("Naam van de ronde").fill("MT, voorjaar 2027")
    page.get_by_role("button", name="Ronde openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("MT, voorjaar 2027")
    created = ScanRound.objects.get(title="MT, voorjaar 2027")
    expect(page.get_by_label("Link naar de scan")).to_have_value(
        f"{page.url.split('/scan/')[0]}/scan/invullen/{created.token}/"
    )
    axe(page)
    shoot(page, "coordinator-1280-open-round")

    scan_round = scan_world["round"]
    fill_round(scan_round)
    page.goto(f"/scan/rondes/{scan_round.pk}/")
    expect(page.locator(".facts")).to_contain_text("3")
    page.get_by_role("button", name="Ronde sluiten en resultaten tonen").click()
    table = page.get_by_role("table", name="Scores per thema: College, najaar")
    expect(table).to_be_visible()
    row = table.locator("tr", has=page.locator("th", has_text="Bestuurlijke weerbaarheid"))
    expect(row.locator("td")).to_have_text(["2,3", "1,0 – 4,0", "2 / 2 / 0 / 2"])
    expect(row).to_contain_text("Het team verschilt van mening")
    chart = page.locator("figure.scan-chart")
    expect(chart).to_contain_text("Bestuurlijke weerbaarheid")
    expect(chart.locator(".scan-chart__value").first).to_have_text("2,3")
    expect(
        page.get_by_role("heading", name="Handreiking Bestuurlijke weerbaarheid")
    ).to_be_visible()
    axe(page)
    shoot(page, "coordinator-1280-results")

    page.get_by_label("Bestuurlijke weerbaarheid", exact=True).fill(
        "Ondermijning elk kwartaal op de collegeagenda; burgemeester en wethouder RO."
    )
    page.get_by_role("button", name="Afspraken opslaan").click()
    expect(page.get_by_text("De afgesproken acties zijn opgeslagen.")).to_be_visible()
    assert AgreedAction.objects.get(round=scan_round, text__startswith="Ondermijning elk")

    with page.expect_download() as download:
        page.get_by_role("link", name="Gespreksdocument downloaden (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_the_results_work_on_a_375_px_phone(new_page, scan_world):
    from scan import services

    scan_round = scan_world["round"]
    fill_round(scan_round)
    services.close_round(scan_round)
    page = new_page(viewport=PHONE)
    login(page, "e2e-scan-coordinator", PASSWORD)
    page.goto(f"/scan/rondes/{scan_round.pk}/")
    expect(page.get_by_role("table", name="Scores per thema: College, najaar")).to_be_attached()
    assert has_no_horizontal_scroll(page, PHONE["width"]), "the page scrolls sideways"
    axe(page)
    shoot(page, "coordinator-375-results")
    page.goto("/scan/")
    assert has_no_horizontal_scroll(page, PHONE["width"])
    axe(page)
    shoot(page, "coordinator-375-overview")
