"""A learner writes a report in a real browser, with the keyboard only, on a phone-sized screen:
a report too short to act on is refused with a message, and the text is kept to go on with;
a full report shows what was in it and what was missing, and the example. Axe checks both."""

import pytest

from people.roles import ensure_groups
from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll, tab_to
from tests.e2e.test_branching_ordering import signed_in_page, start

pytestmark = BROWSER_TEST

REPORT = (
    "Woensdag om 21:30 bij de leegstaande stal aan de Landweg: zoete anijslucht, schuim in de "
    "kieren van de deur en een wit busje, kenteken 12-ABC-3. Om 21:35 heb ik 112 gebeld."
)


@pytest.fixture
def writeup_module(live_server):
    from tests.factories import make_module, site_with_catalogue, writeup_step

    catalogue = site_with_catalogue()
    ensure_groups(catalogue)
    return make_module(title="Melden bij de stal", catalogue=catalogue, steps=[writeup_step()])


def test_a_learner_writes_a_report_with_the_keyboard_and_sees_the_checklist(
    new_page, live_server, writeup_module
):
    page = signed_in_page(
        new_page, live_server, "e2e-writer", viewport={"width": 375, "height": 800}
    )
    start(page, writeup_module)
    assert page.locator(".writeup-review").count() == 0  # no checklist before answering
    assert "CHECK-" not in page.content()
    axe(page)

    tab_to(page, "return el.tagName === 'TEXTAREA'")
    page.keyboard.type("Iets raars gezien.")
    tab_to(page, "return el.type === 'submit' && el.closest('.writeup-form')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").inner_text().count("minstens 40 tekens") == 1
    assert page.locator("textarea").input_value() == "Iets raars gezien."  # nothing lost
    axe(page)

    page.locator("textarea").fill(REPORT)
    tab_to(page, "return el.type === 'submit' && el.closest('.writeup-form')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    review = page.locator(".writeup-review")
    assert "kenteken 12-ABC-3" in review.locator(".writeup-review__text").inner_text()
    assert review.locator(".writeup-review__item--met").count() == 5
    assert "EXAMPLE-REPORT" in review.inner_text()
    assert has_no_horizontal_scroll(page, 375)
    axe(page)
