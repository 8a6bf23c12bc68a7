"""The trainer's page editor in a real browser, as issue 13 found it: choosing an image leaves
the alt text to the trainer (with a hint) and its labels are Dutch; the dashboard offers a new
module and the module's header its statistics; the region editor draws the selected region."""

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BROWSER_TEST
from tests.e2e.test_hotspot import drag, hotspot_module, in_view, sign_in  # noqa: F401
from tests.e2e.test_trainer import publish

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


def press(page, locator):
    """A person's click: press, a moment, release (Playwright's own click is near-instant)."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_timeout(150)
    page.mouse.up()


def click_corners(page, canvas, corners):
    box = in_view(canvas)
    for x, y in corners:
        page.mouse.click(box["x"] + box["width"] * x / 1000, box["y"] + box["height"] * y / 1000)
    x, y = corners[-1]
    page.mouse.dblclick(box["x"] + box["width"] * x / 1000, box["y"] + box["height"] * y / 1000)


def test_the_region_editor_draws_the_selected_region_not_a_new_one(
    new_page, live_server, trainer_module
):
    module = trainer_module["module"]
    page = new_page()
    open_editor(page, live_server, module)
    editor = page.locator("[data-hotspot-editor]").first
    canvas = editor.locator("[data-hotspot-canvas]")
    count = page.locator("input[name='steps-1-value-regions-count']")
    expect(canvas.locator("polygon")).to_have_count(5)

    # The trainer renames region 2, then selects region 3 straight away (the label field loses
    # focus as the button is pressed) and drags a rectangle for it.
    label = page.locator("input[name='steps-1-value-regions-1-value-label']")
    label.click()
    page.keyboard.type(" aan de lange kant")
    press(page, editor.locator("[data-hotspot-select='3']"))
    expect(editor.locator("[data-hotspot-select='3']")).to_have_attribute("aria-pressed", "true")
    drag(page, canvas, (100, 300), (300, 500))
    expect(count).to_have_value("5")

    # Region 3 is still selected; pressing its button again keeps it selected, and the polygon
    # replaces its rectangle.
    press(page, editor.locator("[data-hotspot-select='3']"))
    expect(editor.locator("[data-hotspot-select='3']")).to_have_attribute("aria-pressed", "true")
    editor.locator("[data-hotspot-tool=polygon]").click()
    click_corners(page, canvas, [(600, 300), (900, 300), (750, 550)])
    expect(count).to_have_value("5")

    # And a rectangle for region 1, selected after typing in region 3's label.
    page.locator("input[name='steps-1-value-regions-2-value-label']").click()
    page.keyboard.type(" (2)")
    press(page, editor.locator("[data-hotspot-select='1']"))
    editor.locator("[data-hotspot-tool=rect]").click()
    drag(page, canvas, (50, 50), (250, 200))
    expect(count).to_have_value("5")
    expect(editor.locator("[data-hotspot-list] li")).to_have_count(5)

    publish(page)
    module.refresh_from_db()
    regions = module.steps[1].value["regions"]
    assert [child.id for child in regions.bound_blocks] == [f"r-{n}" for n in range(1, 6)]
    rectangle = json.loads(regions[0]["shape"])
    polygon = json.loads(regions[2]["shape"])
    assert rectangle["type"] == "rect"
    assert [[round(v, -1) for v in p] for p in rectangle["points"]] == [[50, 50], [250, 200]]
    assert polygon["type"] == "polygon"
    assert [[round(v, -1) for v in p] for p in polygon["points"]] == [
        [600, 300],
        [900, 300],
        [750, 550],
    ]
    assert regions[1]["label"].endswith("aan de lange kant")


def test_save_draft_pressed_during_an_autosave_of_a_new_module_waits_for_it(
    new_page, live_server, trainer_module
):
    """A new module's first autosave creates the page; a "save draft" pressed meanwhile used to
    try to create it again and failed on the slug. It now waits for the autosave."""
    from scenarios.models import ModulePage

    catalogue = trainer_module["catalogue"]
    page = new_page()
    open_editor(page, live_server, trainer_module["module"])
    page.goto(f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/")
    page.locator("#id_title").fill("Nieuw concept")
    page.keyboard.press("Tab")
    # The autosave is on its way (as Wagtail announces it) when the trainer presses save.
    page.evaluate(
        "document.querySelector('#page-edit-form').dispatchEvent("
        "new CustomEvent('w-autosave:save', {bubbles: true, cancelable: true}))"
    )
    page.locator("footer button.action-save, button.action-save").first.click()
    page.wait_for_timeout(1000)
    assert "/add/" in page.url  # held back
    assert not ModulePage.objects.filter(title="Nieuw concept").exists()
    with page.expect_navigation():
        page.evaluate(
            "document.dispatchEvent(new CustomEvent('w-autosave:success', {bubbles: true}))"
        )
    assert "/edit/" in page.url, page.url
    assert ModulePage.objects.filter(title="Nieuw concept").count() == 1
