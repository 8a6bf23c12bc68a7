"""A programme coordinator in a real browser reads which signals are recognised: from
"Cijfers" to the signal insight, the weakest signal first with a chart and the same figures in
a table, per organisation with region and province totals, filtered by function, downloads
offered; a group under the threshold reads "too few people to show". Accessible (axe, WCAG 2.1
AA) at desktop size and on a 375 px phone, where only the table scrolls sideways."""

import os

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll, login

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password
SCREENSHOTS = os.environ.get("INSIGHT_SCREENSHOTS", "")  # a folder: keep the screenshots


@pytest.fixture
def history(live_server, settings):
    from people import roles
    from people.models import Profile
    from records.insight import refresh
    from tests.factories import UserFactory, activate_totp, site_with_catalogue
    from tests.records.insight_fixture import build

    settings.INSIGHTS_PRIVACY_THRESHOLD = 2
    catalogue = site_with_catalogue()
    made = build(catalogue)
    refresh.refresh()
    roles.ensure_groups(catalogue)
    coordinator = UserFactory(username="e2e-coordinator")
    Profile.objects.filter(user=coordinator).update(organisation=made.province)
    coordinator.groups.add(Group.objects.get(name=roles.COORDINATORS))
    activate_totp(coordinator)
    return made


def shoot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_coordinator_reads_the_signal_insight_accessibly(new_page, history):
    page = new_page()
    login(page, "e2e-coordinator", PASSWORD)
    page.get_by_role("link", name="Cijfers").click()
    expect(page.get_by_text("Stand per")).to_be_visible()
    page.get_by_role("link", name="Welke signalen worden herkend").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welke signalen worden herkend")
    expect(page.locator(".insight-stand")).to_contain_text("Stand per")

    table = page.get_by_role("table", name="Signalen, zwakste eerst")
    first_row = table.locator("tbody tr").first
    expect(first_row.locator("th")).to_have_text("Anijsgeur")  # 38% the first time
    expect(first_row.locator("td").nth(1)).to_have_text("8")
    chart = page.get_by_role("figure")
    expect(chart.locator(".insight-chart__row").first).to_contain_text("eerste keer: 38%")
    expect(page.get_by_role("button", name="Downloaden als CSV")).to_be_visible()
    shoot(page, "signals-1280")
    axe(page)

    page.get_by_role("link", name="Per organisatie").click()
    expect(page.get_by_role("heading", level=2, name="Per organisatie: Anijsgeur")).to_be_visible()
    rows = page.locator("table.insight-table tbody th")
    expect(rows).to_contain_text(
        ["Totaal Provincie", "Totaal Regio Noord", "Gemeente Een", "Gemeente Twee"]
    )
    own_staff = page.locator("tr", has=page.locator("th", has_text="eigen medewerkers"))
    expect(own_staff.locator("td")).to_have_text(["Te weinig mensen om te tonen"])
    shoot(page, "organisations-1280")
    axe(page)

    page.get_by_label("Functie").select_option(value="boa")
    page.get_by_role("button", name="Tonen").click()
    assert "function=boa" in page.url
    expect(page.get_by_role("table", name="Per organisatie: Anijsgeur")).to_be_visible()
    assert "Persoonsnaam" not in page.content() and "anna" not in page.content()
    axe(page)


def test_the_signal_insight_works_on_a_375_px_phone(new_page, history):
    page = new_page(viewport={"width": 375, "height": 740})
    login(page, "e2e-coordinator", PASSWORD)
    page.goto("/leren/inzicht/signalen/organisaties/")
    expect(page.locator("table.insight-table")).to_be_visible()
    assert has_no_horizontal_scroll(page, 375), "the page scrolls sideways at 375 px"
    scroller = page.locator(".table-scroll").first
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), (
        "the wide table should scroll inside its own region"
    )
    shoot(page, "organisations-375")
    axe(page)
    page.goto("/leren/inzicht/signalen/")
    assert has_no_horizontal_scroll(page, 375)
    shoot(page, "signals-375")
    axe(page)
