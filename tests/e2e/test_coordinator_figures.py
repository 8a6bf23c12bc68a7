"""A programme coordinator in a real browser: log in with the authenticator code, open "Cijfers"
from the navigation and read the figures of an assigned module per municipality, with totals;
a municipality of three people reads like one with nobody, hidden figures read "–" with an
explanation for screen readers, and the page is accessible (axe, WCAG 2.1 AA) at desktop size
and on a 320 px wide phone, where only the table scrolls sideways, never the page."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll, login
from tests.records.dashboard_factories import assign, completed, person

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture
def figures(live_server):
    from people import roles
    from tests.factories import activate_totp, make_module, make_organisation, site_with_catalogue

    catalogue = site_with_catalogue()
    today = timezone.localdate()
    province = make_organisation("Provincie Noord-Brabant", "province", None, "pnb")
    module = make_module(title="Leegstaande schuren en drugsafval", catalogue=catalogue)
    sizes = {"Oisterwijk": (12, 6), "Bernheze": (20, 10), "Boekel": (15, 5), "Klein": (3, 1)}
    for name, (count, passed) in sizes.items():
        node = make_organisation(f"Gemeente {name}", "municipality", province, name.lower())
        assign(module, node, due=today + datetime.timedelta(days=60))
        for index in range(count):
            someone = person(f"{name.lower()}{index}", node, last_name=f"Persoonsnaam{index}")
            if index < passed:
                completed(someone, module, today - datetime.timedelta(days=10))
    leeg = make_organisation("Gemeente Leeg", "municipality", province, "leeg")
    assign(module, leeg, due=today + datetime.timedelta(days=60))
    roles.ensure_groups(catalogue)
    coordinator = person("e2e-coordinator", province)
    coordinator.groups.add(Group.objects.get(name=roles.COORDINATORS))
    activate_totp(coordinator)
    return {"coordinator": coordinator}


def row(page, name):
    return page.locator("table.insights tr", has=page.locator("th[scope=row]", has_text=name))


def test_coordinator_reads_the_figures_accessibly(new_page, figures):
    page = new_page()
    login(page, "e2e-coordinator", PASSWORD)
    page.get_by_role("link", name="Cijfers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training per organisatie")
    expect(page.get_by_text("Zodat niemand herkenbaar is")).to_be_visible()
    table = page.get_by_role(
        "table", name="Trainingsstatus per organisatie: Leegstaande schuren en drugsafval"
    )
    expect(table).to_be_visible()

    # Bernheze is big enough and not needed to protect anyone.
    expect(row(page, "Gemeente Bernheze").locator("td")).to_have_text(
        ["20", "10", "10", "0", "50%"]
    )
    # Three people and nobody read the same.
    for name in ("Gemeente Klein", "Gemeente Leeg"):
        expect(row(page, name).locator("td")).to_have_text(["Te weinig mensen om te tonen"])
    # Oisterwijk, the smallest group shown, is hidden too, or the total would give Klein away.
    oisterwijk = row(page, "Gemeente Oisterwijk").locator("td").first
    expect(oisterwijk).to_have_text("–niet getoond, ter bescherming van de privacy")
    expect(oisterwijk.locator(".visually-hidden")).to_have_text(
        "niet getoond, ter bescherming van de privacy"
    )
    expect(row(page, "Alle organisaties").locator("td").first).to_have_text("50")
    assert "Persoonsnaam" not in page.content()
    axe(page)


def test_the_figures_work_on_a_320_px_phone(new_page, figures):
    page = new_page(viewport={"width": 320, "height": 640})
    login(page, "e2e-coordinator", PASSWORD)
    page.goto("/leren/inzicht/")
    expect(page.locator("table.insights")).to_be_visible()
    assert has_no_horizontal_scroll(page, 320), "the page scrolls sideways at 320 px"
    scroller = page.locator(".table-scroll").first
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), (
        "the wide table should scroll inside its own region"
    )
    axe(page)
