"""Spot the signals in a real browser: a learner marks signals on the picture with the mouse, a
learner answers with the keyboard only, and a trainer draws regions on the image in the Wagtail
page editor. axe runs on the learner's pages before and after answering."""

import json

import pytest
from playwright.sync_api import expect

from scenarios import hotspots
from tests.e2e.helpers import BROWSER_TEST, axe, focus_is_visible, tab_to
from tests.e2e.test_trainer import publish
from training.models import Attempt, Response

pytestmark = BROWSER_TEST


@pytest.fixture
def hotspot_module(live_server):
    """A module with one information step and a hotspot step (tests.factories.hotspot_step:
    signals r-1 (rectangle), r-2 (rectangle), r-3 (triangle); ordinary r-4 and r-5)."""
    from tests.factories import (
        UserFactory,
        hotspot_step,
        information_step,
        make_image,
        make_module,
        site_with_catalogue,
    )

    catalogue = site_with_catalogue()
    image = make_image(size=(800, 600))
    module = make_module(
        title="Zoek de signalen",
        catalogue=catalogue,
        steps=[information_step(), hotspot_step(image)],
    )
    learner = UserFactory(username="e2e-spotter")
    return {"module": module, "learner": learner, "catalogue": catalogue}


def sign_in(page, live_server, username, *, two_step=False):
    """Put a logged-in session into the browser, as the login page (tested elsewhere) would
    leave it; ``two_step`` adds the record of two-step verification the admin requires."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.factories import login_with_mfa

    user = get_user_model().objects.get(username=username)
    client = Client()
    if two_step:
        login_with_mfa(client, user)
    else:
        client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def open_hotspot_step(page, module):
    page.goto(module.url)
    with page.expect_navigation():
        page.locator(
            f"form[action$='/leren/module/{module.pk}/start/'] button[type=submit]"
        ).click()
    with page.expect_navigation():
        page.locator(".step-nav button[type=submit]").click()
    page.locator("form[data-hotspot]").wait_for()


def click_at(page, x, y):
    """Click the picture at (x, y) per mille of its width and height."""
    overlay = page.locator("[data-hotspot-overlay]")
    overlay.scroll_into_view_if_needed()
    box = overlay.bounding_box()
    page.mouse.click(box["x"] + box["width"] * x / 1000, box["y"] + box["height"] * y / 1000)


def stored_answer(module, username):
    """The scored part of the stored answer: region ids and misses (``hotspots.scored_items``)."""
    attempt = Attempt.objects.get(module=module, learner__username=username)
    return hotspots.scored_items(Response.objects.get(attempt=attempt).chosen_options)


def test_learner_finds_the_signals_with_the_mouse(new_page, live_server, hotspot_module):
    page = new_page()
    sign_in(page, live_server, "e2e-spotter")
    open_hotspot_step(page, hotspot_module["module"])
    axe(page)
    count = page.locator("[data-hotspot-count]")

    click_at(page, 200, 150)  # signal 1
    click_at(page, 700, 100)  # signal 2
    click_at(page, 150, 900)  # an ordinary thing: the fence
    expect(page.locator(".hotspot-mark")).to_have_count(3)
    expect(count).to_contain_text("3")
    click_at(page, 150, 900)  # clicking a mark again removes it
    expect(page.locator(".hotspot-mark")).to_have_count(2)
    expect(count).to_contain_text("2")
    click_at(page, 500, 680)  # signal 3, the triangle
    expect(page.locator(".hotspot-mark text").last).to_have_text("3")

    with page.expect_navigation():
        page.locator("form[data-hotspot] button[type=submit]").click()
    feedback = page.locator("#feedback")
    feedback.wait_for()
    expect(feedback.locator(".verdict--right")).to_have_count(1)
    expect(feedback.locator(".hotspot-review__item--found")).to_have_count(3)
    expect(feedback.locator(".hotspot--review polygon")).to_have_count(3)
    expect(feedback.locator(".hotspot--review .hotspot-dot")).to_have_count(3)  # the marks
    assert "EXPLANATION-REGION-3-SIGNAL" in feedback.inner_text()
    axe(page)
    assert stored_answer(hotspot_module["module"], "e2e-spotter") == ["r-1", "r-2", "r-3"]


def test_feedback_shows_where_marks_counted_with_letters_dots_and_a_legend(
    new_page, live_server, hotspot_module
):
    """Issue 13, items 8 and 9: a mark just beside a signal counts for it (and the feedback draws
    a line to it), regions carry letters and marks are dots, the legend renders, and on a
    375 px phone the letters are big enough to read."""
    page = new_page(viewport={"width": 375, "height": 800})
    sign_in(page, live_server, "e2e-spotter")
    open_hotspot_step(page, hotspot_module["module"])
    click_at(page, 200, 150)  # in signal 1
    click_at(page, 700, 170)  # just below signal 2 (600,50 800,150): counts for it
    click_at(page, 500, 580)  # just above the triangle (signal 3): counts for it
    with page.expect_navigation():
        page.locator("form[data-hotspot] button[type=submit]").click()

    feedback = page.locator("#feedback")
    expect(feedback.locator(".verdict--right")).to_have_count(1)
    expect(feedback).to_contain_text("3 van 3 punten")
    figure = feedback.locator(".hotspot--review")
    letters = figure.locator(".hotspot-badge text")
    expect(letters).to_have_text(["A", "B", "C"])
    expect(figure.locator(".hotspot-dot")).to_have_count(3)
    expect(figure.locator(".hotspot-link")).to_have_count(2)  # the two marks beside a signal
    expect(feedback.locator(".hotspot-review__how")).to_have_text(
        ["(je markering staat erop)", *["(je markering stond er vlak naast en telt mee)"] * 2]
    )
    legend = feedback.locator(".hotspot-legend")
    expect(legend.locator("li")).to_have_count(4)  # found, letter, dot, dot with a line
    for key in legend.locator(".hotspot-legend__key").all():  # the keys are drawn, visibly
        box = key.bounding_box()
        assert box["width"] >= 30 and box["height"] >= 20
    expect(legend).to_contain_text("Stip met een lijn")
    # Readable on a phone: each letter at least 12 px high, dots at least 10 px across.
    for letter in letters.all():
        assert letter.bounding_box()["height"] >= 12
    for dot in figure.locator(".hotspot-dot").all():
        assert dot.bounding_box()["width"] >= 10
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing sticks out
    axe(page)


def test_the_number_of_marks_is_capped(new_page, live_server, hotspot_module):
    page = new_page()
    sign_in(page, live_server, "e2e-spotter")
    open_hotspot_step(page, hotspot_module["module"])
    for n in range(9):  # 5 regions + 2 is the most
        click_at(page, 50 + n * 100, 450)
    expect(page.locator(".hotspot-mark")).to_have_count(7)
    expect(page.locator("[data-hotspot-status]")).not_to_be_empty()


def test_learner_answers_with_the_keyboard_only(new_page, live_server, hotspot_module):
    page = new_page()
    sign_in(page, live_server, "e2e-spotter")
    open_hotspot_step(page, hotspot_module["module"])

    # The picture takes focus; a crosshair moves with the arrow keys, Enter places a mark.
    tab_to(page, "return el.matches('[data-hotspot-overlay]')")
    assert focus_is_visible(page)
    for _ in range(8):  # from the centre down into the triangle (signal 3)
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator(".hotspot-mark")).to_have_count(1)
    expect(page.locator("[data-hotspot-status]")).to_contain_text("1")

    # The list of labels: tick the other two signals with Space.
    wanted = {"r:r-1", "r:r-2"}
    for _ in range(5):
        tab_to(page, "return el.name === 'option'")
        if page.evaluate("document.activeElement.value") in wanted:
            page.keyboard.press("Space")
    tab_to(page, "return el.type === 'submit' && !!el.closest('form.answer-form')")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.locator("#feedback").wait_for()
    expect(page.locator("#feedback .verdict--right")).to_have_count(1)
    axe(page)
    assert stored_answer(hotspot_module["module"], "e2e-spotter") == ["r-1", "r-2", "r-3"]


def test_without_javascript_the_list_of_labels_still_answers(new_page, live_server, hotspot_module):
    page = new_page(java_script_enabled=False)
    sign_in(page, live_server, "e2e-spotter")
    open_hotspot_step(page, hotspot_module["module"])
    page.locator("input[value='r:r-4']").check()
    with page.expect_navigation():
        page.locator("form[data-hotspot] button[type=submit]").click()
    assert page.locator("#feedback .verdict--wrong").count() == 1
    assert stored_answer(hotspot_module["module"], "e2e-spotter") == ["r-4"]


# -- the trainer's drawing tool ------------------------------------------------------------------


def in_view(canvas):
    """The drawing area in the middle of the window, clear of the editor's sticky footer."""
    canvas.evaluate("el => el.scrollIntoView({block: 'center'})")
    return canvas.bounding_box()


def drag(page, canvas, start, end):
    box = in_view(canvas)

    def point(p):
        return box["x"] + box["width"] * p[0] / 1000, box["y"] + box["height"] * p[1] / 1000

    page.mouse.move(*point(start))
    page.mouse.down()
    page.mouse.move(*point(((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)), steps=4)
    page.mouse.move(*point(end), steps=4)
    page.mouse.up()


def test_trainer_draws_a_rectangle_and_a_polygon_and_saves(new_page, live_server, hotspot_module):
    from tests.factories import make_trainer

    make_trainer(hotspot_module["catalogue"], username="e2e-drawer")
    module = hotspot_module["module"]
    page = new_page()
    sign_in(page, live_server, "e2e-drawer", two_step=True)
    page.goto(f"/admin/pages/{module.pk}/edit/")
    editor = page.locator("[data-hotspot-editor]").first
    stage = editor.locator(".hotspot-editor__stage")
    expect(stage).to_be_visible()
    canvas = editor.locator("[data-hotspot-canvas]")
    expect(canvas.locator("polygon")).to_have_count(5)  # the stored regions are drawn

    # Rectangle for region 1: select it, drag on the image.
    editor.locator("[data-hotspot-select='1']").click()
    drag(page, canvas, (100, 300), (300, 500))
    # Polygon for region 3: select it, switch tool, click three corners, double-click.
    editor.locator("[data-hotspot-select='3']").click()
    editor.locator("[data-hotspot-tool=polygon]").click()
    box = in_view(canvas)
    for x, y in ((600, 300), (900, 300), (750, 550)):
        page.mouse.click(box["x"] + box["width"] * x / 1000, box["y"] + box["height"] * y / 1000)
    page.mouse.dblclick(box["x"] + box["width"] * 750 / 1000, box["y"] + box["height"] * 550 / 1000)
    expect(editor.locator(".hotspot-editor__status")).not_to_be_empty()

    publish(page)
    module.refresh_from_db()
    regions = module.steps[1].value["regions"]
    rectangle = json.loads(regions[0]["shape"])
    polygon = json.loads(regions[2]["shape"])
    assert rectangle["type"] == "rect"
    assert [[round(v, -1) for v in p] for p in rectangle["points"]] == [[100, 300], [300, 500]]
    assert polygon["type"] == "polygon"
    assert [[round(v, -1) for v in p] for p in polygon["points"]] == [
        [600, 300],
        [900, 300],
        [750, 550],
    ]
    assert [child.id for child in regions.bound_blocks] == [f"r-{n}" for n in range(1, 6)]


def test_drawing_without_a_selected_region_adds_a_region(new_page, live_server, hotspot_module):
    from tests.factories import make_trainer

    make_trainer(hotspot_module["catalogue"], username="e2e-drawer")
    module = hotspot_module["module"]
    page = new_page()
    sign_in(page, live_server, "e2e-drawer", two_step=True)
    page.goto(f"/admin/pages/{module.pk}/edit/")
    editor = page.locator("[data-hotspot-editor]").first
    canvas = editor.locator("[data-hotspot-canvas]")
    expect(canvas.locator("polygon")).to_have_count(5)

    editor.locator("[data-hotspot-new]").click()
    drag(page, canvas, (420, 420), (580, 560))

    expect(editor.locator("[data-hotspot-list] li")).to_have_count(6)
    expect(canvas.locator("polygon")).to_have_count(6)
    shape = page.locator("input[name='steps-1-value-regions-count']")
    assert shape.input_value() == "6"
    stored = json.loads(page.locator("input[name$='-shape']").nth(5).input_value())
    assert stored["type"] == "rect"
    # Typed coordinates show on the image as well (the keyboard fallback).
    typed = page.locator("input[name$='-shape']").nth(5)
    typed.fill("")
    expect(canvas.locator("polygon")).to_have_count(5)
    typed.fill("100,600 200,600 150,700")
    expect(canvas.locator("polygon")).to_have_count(6)
    page.locator("[data-hotspot-delete='6']").click()
    expect(editor.locator("[data-hotspot-list] li")).to_have_count(5)
