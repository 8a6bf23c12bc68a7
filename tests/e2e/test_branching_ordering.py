"""A learner in a real browser takes a branch (knocking on the barn door leads to a scene about
the danger) and sees the path taken next to the recommended one on the result page; another
orders items by dragging them with the mouse; a third orders them with the keyboard alone; and
without JavaScript the position lists still answer the question. Axe checks every new state."""

import pytest
from django.utils import translation

from people.roles import ensure_groups
from tests.e2e.helpers import BROWSER_TEST, axe, focus_is_visible, has_no_horizontal_scroll, tab_to

pytestmark = BROWSER_TEST

KNOCK = "Klop aan en kijk binnen"
DANGER = "Gevaar achter de deur"


def nl(message):
    with translation.override("nl"):
        return str(translation.gettext(message))


def signed_in_page(new_page, live_server, username, **options):
    """A page whose browser is signed in as a new learner. Signing in through the login form is
    tested elsewhere (tests/e2e/test_learner.py); here the session is made on the server."""
    from django.conf import settings
    from django.test import Client

    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username=username))
    page = new_page(**options)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


@pytest.fixture
def branching_module(live_server):
    from tests.factories import (
        branching_steps,
        make_image,
        make_module,
        ordering_step,
        site_with_catalogue,
    )

    catalogue = site_with_catalogue()
    ensure_groups(catalogue)
    steps = branching_steps(make_image())
    steps.insert(4, ordering_step())
    return make_module(title="Aankloppen bij de schuur", catalogue=catalogue, steps=steps)


@pytest.fixture
def ordering_module(live_server):
    from tests.factories import (
        make_image,
        make_module,
        ordering_step,
        scene_step,
        site_with_catalogue,
    )

    catalogue = site_with_catalogue()
    ensure_groups(catalogue)
    steps = [scene_step(make_image()), ordering_step()]
    return make_module(title="Drugsafval gevonden", catalogue=catalogue, steps=steps)


def start(page, module):
    page.goto(module.get_parent().url)
    with page.expect_navigation():
        page.locator(f"form[action$='/leren/module/{module.pk}/start/'] button").click()


def next_step(page):
    with page.expect_navigation():
        page.locator(".step-nav button[type=submit]").click()


def submit_answer(page):
    with page.expect_navigation():
        page.locator("form.answer-form button[type=submit]").click()


def correct_ids(module):
    module.refresh_from_db()
    step = next(s for s in module.live_revision.as_object().steps if s.block_type == "ordering")
    return [child.id for child in step.value["items"].bound_blocks]


def shown_ids(page):
    return page.locator(".ordering__item").evaluate_all("els => els.map(e => e.dataset.item)")


def selected_positions(page):
    return page.locator(".ordering__item select").evaluate_all("els => els.map(e => e.value)")


def test_a_learner_who_knocks_sees_the_danger_and_the_path_on_the_result(
    new_page, live_server, branching_module
):
    page = signed_in_page(new_page, live_server, "e2e-knocker")
    start(page, branching_module)
    next_step(page)  # information
    next_step(page)  # scene
    progress = nl("Step %(number)s of %(total)s")
    assert page.locator(".progress__label").inner_text().strip() == progress % {
        "number": 3,
        "total": 6,
    }
    page.get_by_label(KNOCK).check()
    submit_answer(page)
    assert page.locator("#feedback").count() == 1
    next_step(page)

    # The consequence: the branch-only scene, which the learner who chose well never sees.
    assert DANGER in page.locator("h1").inner_text()
    # One step more on this learner's path: the detour.
    assert page.locator(".progress__label").inner_text().strip() == progress % {
        "number": 4,
        "total": 7,
    }
    axe(page)
    next_step(page)

    # The ordering question, answered as shown, then the single and multiple choice.
    submit_answer(page)
    next_step(page)
    page.get_by_label("XTC").check()
    submit_answer(page)
    next_step(page)
    for label in ("Afgeplakte ramen", "Constant gezoem", "Busje met de achterkant tegen de deur"):
        page.get_by_label(label).check()
    submit_answer(page)
    with page.expect_navigation():
        page.locator(".step-nav button[type=submit]").click()  # finish

    assert "/resultaat/" in page.url
    taken = page.locator("ol.path--taken > li").all_inner_texts()
    recommended = page.locator("ol.path--recommended > li").all_inner_texts()
    marker = nl("not on the recommended path")
    assert any(DANGER in entry and marker in entry for entry in taken), taken
    assert not any(DANGER in entry for entry in recommended)
    assert len(taken) == len(recommended) + 1
    parted = nl(
        "Your path differs from the recommended path from step %(number)s on. Steps that are "
        "on only one of the two paths are marked."
    )
    assert parted % {"number": 4} in page.locator("main").inner_text()
    axe(page)


def drag(page, item_id, above_id):
    """Drag the item by its grip with the mouse and drop it on the upper half of another."""
    handle = page.locator(f".ordering__item[data-item='{item_id}'] .ordering__handle")
    target = page.locator(f".ordering__item[data-item='{above_id}']")
    start_box = handle.bounding_box()
    box = target.bounding_box()
    page.mouse.move(start_box["x"] + start_box["width"] / 2, start_box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 4, steps=8)
    page.mouse.up()


def test_a_learner_orders_the_items_by_dragging_them_with_the_mouse(
    new_page, live_server, ordering_module
):
    page = signed_in_page(new_page, live_server, "e2e-dragger")
    start(page, ordering_module)
    next_step(page)
    correct = correct_ids(ordering_module)
    assert shown_ids(page) != correct
    axe(page)

    for position, item_id in enumerate(correct):
        current = shown_ids(page)
        if current[position] != item_id:
            drag(page, item_id, current[position])
        assert shown_ids(page)[: position + 1] == correct[: position + 1]
    # The position lists follow the new order, so the form posts what the learner sees.
    assert selected_positions(page) == [f"{item}:{n}" for n, item in enumerate(correct, 1)]
    # The move was announced to screen-reader users in the live region.
    assert page.locator("[data-ordering-status]").inner_text().strip()
    axe(page)

    submit_answer(page)
    feedback = page.locator("#feedback")
    assert feedback.locator(".feedback__verdict .verdict--right").count() == 1
    assert feedback.locator(".order-review__row--right").count() == len(correct)
    axe(page)


def test_a_learner_orders_the_items_with_the_keyboard_only(new_page, live_server, ordering_module):
    page = signed_in_page(
        new_page, live_server, "e2e-keyboard", viewport={"width": 320, "height": 720}
    )
    start(page, ordering_module)
    next_step(page)
    correct = correct_ids(ordering_module)
    assert has_no_horizontal_scroll(page, 320)  # on a small phone too

    for position, item_id in enumerate(correct, start=1):
        tab_to(
            page,
            f"return !!el.closest(\".ordering__item[data-item='{item_id}']\") "
            "&& el.tagName === 'SELECT'",
        )
        current = shown_ids(page).index(item_id) + 1
        for _press in range(current - position):
            page.keyboard.press("ArrowUp")
            assert focus_is_visible(page)
        assert shown_ids(page)[position - 1] == item_id
        # Back to the top of the page for the next item, so Tab reaches every list again.
        page.locator("main").focus()
    assert shown_ids(page) == correct
    assert selected_positions(page) == [f"{item}:{n}" for n, item in enumerate(correct, 1)]
    axe(page)

    tab_to(page, "return el.type === 'submit' && !!el.closest('form.answer-form')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#feedback .feedback__verdict .verdict--right").count() == 1
    assert has_no_horizontal_scroll(page, 320)
    axe(page)


def test_without_javascript_the_position_lists_answer_the_question(
    new_page, live_server, ordering_module
):
    page = signed_in_page(new_page, live_server, "e2e-nojs", java_script_enabled=False)
    start(page, ordering_module)
    next_step(page)
    correct = correct_ids(ordering_module)
    assert page.locator(".ordering__handle").first.is_hidden()  # no grip without the script
    for position, item_id in enumerate(correct, start=1):
        page.locator(f".ordering__item[data-item='{item_id}'] select").select_option(
            f"{item_id}:{position}"
        )
    submit_answer(page)
    assert page.locator("#feedback .feedback__verdict .verdict--right").count() == 1
