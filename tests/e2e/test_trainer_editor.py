"""The trainer's page editor in a real browser, as issue 13 found it: choosing an image leaves
the alt text to the trainer (with a hint) and its labels are Dutch; the dashboard offers a new
module and the module's header its statistics; the region editor draws the selected region."""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BROWSER_TEST
from tests.e2e.test_hotspot import drag, hotspot_module, in_view, sign_in  # noqa: F401

pytestmark = BROWSER_TEST


@pytest.fixture
def trainer_module(hotspot_module):  # noqa: F811
    from tests.factories import make_image, make_trainer

    make_trainer(hotspot_module["catalogue"], username="e2e-editor")
    make_image(title="schuur_nacht_03.jpg", description="Een schuur bij nacht")
    return hotspot_module


def open_editor(page, live_server, module):
    sign_in(page, live_server, "e2e-editor", two_step=True)
    page.goto(f"/admin/pages/{module.pk}/edit/")


def test_choosing_an_image_leaves_the_alt_text_empty_with_a_hint(
    new_page, live_server, trainer_module
):
    module = trainer_module["module"]
    page = new_page()
    open_editor(page, live_server, module)
    count = int(page.locator("input[name='steps-count']").input_value())
    page.locator("[data-contentpath=steps] button.c-sf-add-button").last.click()
    page.get_by_role("option").filter(has=page.locator("svg.icon-image")).first.click()
    prefix = f"steps-{count}-value-image"
    block = page.locator("[data-contentpath=steps] [data-contentpath=image]").last
    # The chooser's label is Dutch ("Afbeelding", not "Image").
    expect(block.locator("label", has_text="Afbeelding").first).to_be_visible()
    expect(block.locator("label", has_text="Image")).to_have_count(0)
    block.locator("button.chooser__choose-button").click()
    page.locator("[data-chooser-modal-choice]", has_text="schuur_nacht_03").first.click()
    expect(block.locator(".chooser__title")).to_contain_text("schuur_nacht_03")
    alt = page.locator(f"#{prefix}-alt_text")
    page.wait_for_timeout(300)  # Wagtail's own block filled it in on "chosen"
    expect(alt).to_have_value("")
    hint = page.locator(f"#{prefix}-alt_text").locator(
        "xpath=ancestor::*[@data-contentpath='alt_text']"
    )
    expect(hint).to_contain_text("Beschrijf wat de afbeelding laat zien")
    # Decorative still switches the field off.
    page.locator(f"#{prefix}-decorative").check()
    expect(alt).to_be_disabled()


@pytest.mark.parametrize("width", [1280, 375])
def test_trainer_starts_a_module_from_the_dashboard_and_finds_the_statistics_in_the_header(
    new_page, live_server, trainer_module, width
):
    module = trainer_module["module"]
    page = new_page(viewport={"width": width, "height": 800})
    sign_in(page, live_server, "e2e-editor", two_step=True)
    page.goto("/admin/")
    new_module = page.get_by_role("link", name="Nieuwe module")
    expect(new_module).to_be_visible()
    with page.expect_navigation():
        new_module.click()
    assert f"/admin/pages/add/scenarios/modulepage/{trainer_module['catalogue'].pk}/" in page.url
    expect(page.locator("#id_title")).to_be_visible()

    page.goto(f"/admin/pages/{module.pk}/edit/")
    statistics = page.locator("#w-slim-header-buttons > a", has_text="Statistieken")
    expect(statistics).to_be_visible()  # without opening the ⋯ menu
    with page.expect_navigation():
        statistics.click()
    expect(page.locator("h1, h2").filter(has_text=module.title).first).to_be_visible()
