"""A manager in a real browser: log in, open "Mijn teams" from the navigation, filter by status
"Te laat" and by team, see exactly the right people, download the view; and the dashboard is
accessible (axe, WCAG 2.1 AA) at desktop size and on a 320 px wide phone, where only the table
scrolls sideways, never the page."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll, login, tab_to
from tests.records.dashboard_factories import (
    assign,
    build_tree,
    completed,
    manager_of,
    person,
    started,
)

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture
def teams(live_server):
    from tests.factories import make_module, site_with_catalogue

    catalogue = site_with_catalogue()
    today = timezone.localdate()
    tree = build_tree()
    drugslabs = make_module(title="Drugslabs herkennen", catalogue=catalogue)
    melden = make_module(title="Ondermijning melden bij het Meldpunt", catalogue=catalogue)
    assign(
        drugslabs, tree["gemeente-a"], due=today - datetime.timedelta(days=14), validity_months=12
    )
    assign(melden, tree["gemeente-a"], due=today + datetime.timedelta(days=60))
    people = {
        "anna": person("anna", tree["team-a1"], last_name="Aalders", employee_number="A-1"),
        "bram": person("bram", tree["team-a1"], last_name="Bakker", employee_number="A-2"),
        "cor": person("cor", tree["team-a2"], last_name="Claassen", employee_number="A-3"),
        "dina": person("dina", tree["team-a2-noord"], last_name="Dekkers"),
        "eva": person("eva", tree["team-b1"], last_name="Evers"),  # not managed by her
    }
    completed(people["anna"], drugslabs, today - datetime.timedelta(days=20))
    completed(people["cor"], drugslabs, today - datetime.timedelta(days=500))
    started(people["dina"], melden)
    manager = manager_of("e2e-manager", tree["team-a1"], tree["team-a2"], home=tree["gemeente-a"])
    return {"tree": tree, "manager": manager, "people": people}


def people_listed(page):
    return page.locator("table.matrix tbody th[scope=row] .matrix__name").all_inner_texts()


def test_manager_filters_overdue_training_by_team_accessibly(new_page, teams):
    page = new_page()
    login(page, "e2e-manager", PASSWORD)
    page.get_by_role("link", name="Mijn teams").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trainingsstatus van mijn teams")
    assert sorted(people_listed(page)) == [
        "Test Aalders",
        "Test Bakker",
        "Test Claassen",
        "Test Dekkers",
    ]
    assert "Evers" not in page.content()
    # Overdue and expired are said in words, with an icon, not by colour alone.
    expect(page.locator("table.matrix .status--overdue").first).to_contain_text("⚠")
    expect(page.locator("table.matrix .status--overdue").first).to_contain_text("Te laat")
    expect(page.locator("table.matrix .status--expired")).to_contain_text("Verlopen")
    expect(page.locator("table.matrix")).to_contain_text("geldig tot")
    axe(page)

    # Filter by status: only the people with overdue training remain.
    page.locator("#id_status").select_option(label="Te laat")
    with page.expect_navigation():
        page.get_by_role("button", name="Tonen").click()
    assert "status=overdue" in page.url
    assert sorted(people_listed(page)) == ["Test Bakker", "Test Dekkers"]
    expect(page.locator("#id_status")).to_have_value("overdue")

    # And by team: the sub-team of Team A2 counts, Team A1 drops out.
    page.locator("#id_team").select_option(str(teams["tree"]["team-a2"].pk))
    tab_to(page, "return el.matches('button[type=submit]') && el.textContent.includes('Tonen')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert people_listed(page) == ["Test Dekkers"]
    expect(page.locator("table.matrix")).to_contain_text("Team A2 Noord")
    page.screenshot(path=_artifact("manager-dashboard-desktop.png"), full_page=True)
    axe(page)

    # The same view as CSV.
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download dit overzicht als CSV").click()
    content = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert "Test Dekkers" in content and "Te laat" in content
    assert "Bakker" not in content and "Evers" not in content
    assert exports_audited() == 1

    # A link to the download (from another site, say) exports nothing: it says where the button
    # is, and leads back to the dashboard.
    response = page.goto("/leren/teams/overzicht.csv?status=overdue")
    assert response.status == 405
    expect(page.get_by_role("alert")).to_contain_text("met de knop")
    with page.expect_navigation():
        page.get_by_role("link", name="Ga terug").click()
    assert page.url.endswith("/leren/teams/")
    assert exports_audited() == 1


def exports_audited():
    from people.models import AuditEntry

    return AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()


def page_link(page, number, total):
    # The label is English until the Dutch translation ("Pagina 2 van 4") is added.
    return page.get_by_role("link", name=re.compile(rf"^(Page|Pagina) {number} (of|van) {total}$"))


def test_manager_pages_through_the_people_with_the_filters_kept(new_page, teams, monkeypatch):
    from records import dashboard

    monkeypatch.setattr(dashboard, "PAGE_SIZE", 1)  # the live server runs in this process
    page = new_page()
    login(page, "e2e-manager", PASSWORD)
    page.goto("/leren/teams/")
    assert people_listed(page) == ["Test Aalders"]
    expect(page_link(page, 1, 4)).to_have_attribute("aria-current", "page")
    with page.expect_navigation():
        page_link(page, 2, 4).click()
    assert people_listed(page) == ["Test Bakker"]
    expect(page_link(page, 2, 4)).to_have_attribute("aria-current", "page")

    page.locator("#id_status").select_option(label="Te laat")
    with page.expect_navigation():
        page.get_by_role("button", name="Tonen").click()
    assert people_listed(page) == ["Test Bakker"]  # a new filter starts at the first page
    with page.expect_navigation():
        page_link(page, 2, 2).click()
    assert "status=overdue" in page.url and "page=2" in page.url
    assert people_listed(page) == ["Test Dekkers"]
    expect(page.locator("#id_status")).to_have_value("overdue")
    axe(page)


def test_dashboard_works_on_a_320_px_phone(new_page, teams):
    page = new_page(viewport={"width": 320, "height": 640})
    login(page, "e2e-manager", PASSWORD)
    page.goto("/leren/teams/")
    expect(page.locator("table.matrix")).to_be_visible()
    assert has_no_horizontal_scroll(page, 320), "the page scrolls sideways at 320 px"
    scroller = page.locator(".table-scroll").first
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), (
        "the wide table should scroll inside its own region"
    )
    page.screenshot(path=_artifact("manager-dashboard-320.png"), full_page=True)
    axe(page)


def _artifact(name):
    from tests.e2e.conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return str(ARTIFACTS / name)
