"""A learner in a real browser: log in, pick a module from the catalogue, take every step with
the keyboard alone, read the feedback, finish and see the result; leave halfway and resume;
and all of it accessible (axe, WCAG 2.1 AA) down to a 320 px wide phone."""

import html
import re

from django.utils.html import strip_tags

from tests.e2e.content import right_option_ids, steps_of, wrong_option_ids
from tests.e2e.helpers import (
    BROWSER_TEST,
    axe,
    focus_is_visible,
    has_no_horizontal_scroll,
    login,
    tab_to,
)
from training.models import Attempt

pytestmark = BROWSER_TEST

STEP_URL = re.compile(r"/leren/poging/(\d+)/stap/(\d+)/")
CONTINUE = re.compile(r"Verder|Doorgaan|Ga verder|Continue", re.IGNORECASE)


def step_number(page):
    match = STEP_URL.search(page.url)
    assert match, f"not on a step page: {page.url}"
    return int(match.group(2))


def card_of(page, module):
    link = page.get_by_role("link", name=module.title, exact=True)
    return page.locator("li.card").filter(has=link)


def start_button(page, module):
    return page.locator(f"form[action$='/leren/module/{module.pk}/start/'] button[type=submit]")


def plain(markup):
    return " ".join(html.unescape(strip_tags(str(markup or ""))).split())


def assert_no_answer_key(page, step):
    """Before answering, no option's feedback (the answer key) is anywhere in the page, shown
    or hidden."""
    source = " ".join(html.unescape(page.content()).split())
    if step.block_type == "hotspot":
        feedbacks = [plain(region.get("explanation")) for region in step.value["regions"]]
    else:
        feedbacks = [plain(option.get("feedback")) for option in step.value["options"]]
    feedbacks = [feedback[:60] for feedback in feedbacks if len(feedback) >= 12]
    for feedback in feedbacks:
        assert feedback not in source, f"feedback {feedback!r} is in the page before answering"


def choose_with_keyboard(page, step, option_ids):
    """Select the options with Tab, arrow keys and Space only."""
    inputs = page.locator("form.answer-form input[name=option]")
    if step.block_type in ("multiple_choice", "hotspot"):
        for _index in range(inputs.count()):
            tab_to(page, "return el.name === 'option'")
            value = page.evaluate("document.activeElement.value")
            if value in option_ids:
                page.keyboard.press("Space")
                assert page.evaluate("document.activeElement.checked")
        return
    # A radio group is one Tab stop; the arrow keys move through it and select as they go.
    tab_to(page, "return el.name === 'option'")
    for _index in range(inputs.count()):
        if page.evaluate("document.activeElement.value") == option_ids[0]:
            page.keyboard.press("Space")
            break
        page.keyboard.press("ArrowDown")
        assert focus_is_visible(page)
    assert page.evaluate("document.activeElement.checked"), "the right option was not selected"
    assert page.evaluate("document.activeElement.value") == option_ids[0]


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def submit_with_keyboard(page):
    tab_to(page, "return el.type === 'submit' && !!el.closest('form.answer-form')")
    press_enter_and_wait(page)


def continue_with_keyboard(page):
    """The 'next step' or 'finish' button below the step."""
    tab_to(page, "return el.type === 'submit' && !!el.closest('.step-nav')")
    press_enter_and_wait(page)


def test_learner_completes_a_module_with_the_keyboard_only(page, learning):
    steps = steps_of(learning.module)
    login(page, learning.username, learning.password, keyboard=True)

    # The catalogue: where a learner lands after logging in.
    expect_catalogue(page, learning)
    axe(page)

    # Start the module from its card: Tab to its start button, Enter.
    start_form = f"form[action$='/leren/module/{learning.module.pk}/start/']"
    tab_to(page, f'return !!el.closest("{start_form}")')
    press_enter_and_wait(page)

    checked_question_page = checked_feedback_page = False
    for number, step in enumerate(steps, start=1):
        assert step_number(page) == number
        assert page.locator(".progress__label").inner_text().strip().endswith(str(len(steps)))
        if step.block_type in ("decision", "single_choice", "multiple_choice", "hotspot"):
            assert_no_answer_key(page, step)
            if not checked_question_page:
                axe(page)
                checked_question_page = True
            choose_with_keyboard(page, step, right_option_ids(step))
            submit_with_keyboard(page)
            # Feedback for this step, on the same step, with the verdict in words.
            assert step_number(page) == number
            feedback = page.locator("#feedback")
            feedback.wait_for()
            assert feedback.locator(".verdict--right").count() >= 1
            if step.block_type == "hotspot":
                chosen = feedback.locator(".hotspot-review__item--found")
            else:
                chosen = feedback.locator(".option-review__item--chosen")
            assert chosen.count() == len(right_option_ids(step))
            if not checked_feedback_page:
                axe(page)
                checked_feedback_page = True
        elif step.block_type == "writeup":
            # A report that meets the checklist, typed into the text field.
            assert page.locator(".writeup-review").count() == 0
            tab_to(page, "return el.tagName === 'TEXTAREA'")
            page.keyboard.type(step.block.example_answer(step.value)[0])
            submit_with_keyboard(page)
            assert step_number(page) == number
            review = page.locator(".writeup-review")
            review.wait_for()
            assert review.locator(".writeup-review__item--met").count() == len(
                step.value["checklist"]
            )
        continue_with_keyboard(page)

    assert checked_question_page and checked_feedback_page
    # The result: score, pass/fail, what to do with a real signal.
    assert "/resultaat/" in page.url
    assert page.locator(".result__score").inner_text().strip().endswith("100%")
    assert page.locator(".result--passed").count() == 1
    routes = plain(learning.module.reporting_routes).split()
    assert page.locator(".reporting-routes").inner_text().split()[:5] == routes[:5]
    axe(page)

    attempt = (
        Attempt.objects.filter(learner__username=learning.username, module=learning.module)
        .order_by("-pk")
        .first()
    )
    assert attempt.is_finished and attempt.passed is True and attempt.score == 100
    assert page.url.endswith(f"/leren/poging/{attempt.pk}/resultaat/")


def expect_catalogue(page, learning):
    assert page.url.rstrip("/").endswith(learning.catalogue.url.rstrip("/")), page.url
    assert page.locator("h1").inner_text() == learning.catalogue.title
    assert card_of(page, learning.module).count() == 1


def test_learner_who_leaves_halfway_resumes_on_the_next_step(new_page, learning):
    steps = steps_of(learning.module)
    first_scored = next(i for i, step in enumerate(steps) if right_option_ids(step))
    assert first_scored + 1 < len(steps), "the module needs a step after its first question"

    attempts_before = Attempt.objects.filter(
        learner__username=learning.username, module=learning.module
    ).count()
    page = new_page()
    login(page, learning.username, learning.password)
    with page.expect_navigation():
        start_button(page, learning.module).click()
    # Work through to the first question, answer it wrongly, move on to the step after it.
    for number, step in enumerate(steps[: first_scored + 1], start=1):
        assert step_number(page) == number
        if right_option_ids(step):
            for option_id in wrong_option_ids(step):
                page.locator(f"input[name=option][value='{option_id}']").check()
            with page.expect_navigation():
                page.locator("form.answer-form button[type=submit]").click()
            assert page.locator("#feedback .option-review__item--chosen").count() == 1
        with page.expect_navigation():
            page.locator(".step-nav button[type=submit]").click()
    resume_at = first_scored + 2
    assert step_number(page) == resume_at
    page.context.close()  # the learner closes the browser

    # Later, another browser: the catalogue offers to continue, and that lands on the same step.
    page = new_page()
    login(page, learning.username, learning.password)
    expect_catalogue(page, learning)
    button = start_button(page, learning.module)
    assert CONTINUE.search(button.inner_text()), button.inner_text()
    assert card_of(page, learning.module).locator(".status--in-progress").count() == 1
    with page.expect_navigation():
        button.click()
    assert step_number(page) == resume_at
    # The answered question still shows the learner's answer and its feedback, unchanged.
    page.goto(re.sub(r"/stap/\d+/", f"/stap/{first_scored + 1}/", page.url))
    assert page.locator("#feedback .option-review__item--chosen").count() == 1
    assert page.locator("form.answer-form").count() == 0
    attempts = Attempt.objects.filter(learner__username=learning.username, module=learning.module)
    assert attempts.count() == attempts_before + 1, "resuming must not start another attempt"
    assert attempts.open().count() == 1


def test_player_fits_a_320_pixel_wide_screen(new_page, learning):
    steps = steps_of(learning.module)
    page = new_page(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    login(page, learning.username, learning.password)
    assert has_no_horizontal_scroll(page, 320), "the catalogue scrolls sideways at 320 px"
    with page.expect_navigation():
        start_button(page, learning.module).click()
    axe(page)  # the first step, whatever its kind
    seen_question = False
    for step in steps:
        assert has_no_horizontal_scroll(page, 320), f"step {step_number(page)} scrolls sideways"
        if right_option_ids(step):
            if not seen_question:
                axe(page)
            page.locator(f"input[name=option][value='{right_option_ids(step)[0]}']").check()
            with page.expect_navigation():
                page.locator("form.answer-form button[type=submit]").click()
            assert has_no_horizontal_scroll(page, 320), "the feedback scrolls sideways"
            if not seen_question:
                axe(page)
                seen_question = True
        elif step.block_type == "writeup":
            page.locator("textarea").fill(step.block.example_answer(step.value)[0])
            with page.expect_navigation():
                page.locator("form.answer-form button[type=submit]").click()
            assert has_no_horizontal_scroll(page, 320), "the write-up feedback scrolls sideways"
        with page.expect_navigation():
            page.locator(".step-nav button[type=submit]").click()
    assert seen_question
    assert "/resultaat/" in page.url
    assert has_no_horizontal_scroll(page, 320), "the result page scrolls sideways"


def test_login_page_is_accessible_at_320_pixels(new_page, live_server):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto("/inloggen/")
    assert has_no_horizontal_scroll(page, 320)
    axe(page)
