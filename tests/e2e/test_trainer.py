"""A trainer in a real browser: log in to the Wagtail admin, write a module in the page editor
(fields, a question step in the StreamField), preview it, save a draft, publish it; then a
learner finds it in the catalogue. And the editor refuses to publish a question without a
correct answer, and says why."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from playwright.sync_api import expect

from people.roles import TRAINERS, ensure_groups
from scenarios.blocks import SingleChoiceQuestionBlock
from scenarios.models import ModulePage
from tests.e2e.helpers import BROWSER_TEST, admin_login, axe, login

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password
SECRET_FEEDBACK = "Klopt: anijslucht wijst op de productie van synthetische drugs."


@pytest.fixture
def authoring(live_server):
    """A catalogue, a theme, a trainer (Trainers group, not a superuser) and a learner."""
    from tests.factories import ThemeFactory, UserFactory, site_with_catalogue

    catalogue = site_with_catalogue()
    ensure_groups(catalogue)
    theme = ThemeFactory(name="Drugslabs in het buitengebied", slug="drugslabs")
    trainer = UserFactory(username="e2e-trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    assert not trainer.is_superuser and not trainer.is_staff
    learner = UserFactory(username="e2e-learner")
    return {"catalogue": catalogue, "theme": theme, "trainer": trainer, "learner": learner}


def type_rich_text(page, editor, input_name, text):
    """Type into a Draftail rich-text editor, then wait until Draftail has written the text to
    the field's hidden input (it saves its state on a short delay, not on every key)."""
    editor.click()
    page.keyboard.type(text)
    expect(page.locator(f"input[name='{input_name}']")).to_have_value(re.compile(re.escape(text)))


def type_rich_text_field(page, field, text):
    editor = page.locator(f"[data-contentpath={field}] [contenteditable=true]").first
    type_rich_text(page, editor, field, text)


def choose_theme(page, name):
    page.locator("[data-contentpath=theme] button.chooser__choose-button").click()
    page.locator("a[data-chooser-modal-choice]", has_text=name).click()
    page.locator("[data-contentpath=theme] .chooser__title", has_text=name).wait_for()


def add_single_choice_step(page, question, options, correct=None):
    """Add a single-choice question at the end of the steps, with the given options; tick
    'correct' on option number ``correct`` (0-based), or on none."""
    steps = page.locator("[data-contentpath=steps]").first
    index = int(page.locator("input[name='steps-count']").input_value())
    steps.locator("button.c-sf-add-button").last.click()
    # The block menu lists the step kinds; the single-choice question has the radio icon.
    page.get_by_role("option").filter(has=page.locator("svg.icon-radio-empty")).click()
    prefix = f"steps-{index}-value"
    page.locator(f"input[name='{prefix}-question']").fill(question)
    option_list = page.locator("[data-contentpath=steps] [data-contentpath=options]").nth(index)
    while int(page.locator(f"input[name='{prefix}-options-count']").input_value()) < len(options):
        option_list.locator("button.c-sf-add-button").last.click()
    for number, (text, feedback) in enumerate(options):
        page.locator(f"input[name='{prefix}-options-{number}-value-text']").fill(text)
        if feedback:
            editor = option_list.locator("[data-contentpath=feedback] [contenteditable=true]").nth(
                number
            )
            type_rich_text(page, editor, f"{prefix}-options-{number}-value-feedback", feedback)
    if correct is not None:
        page.locator(f"input[name='{prefix}-options-{correct}-value-correct']").check()


def fill_module(page, theme, title):
    page.locator("#id_title").fill(title)
    type_rich_text_field(page, "introduction", "Wat doe je als je een drugslab vermoedt?")
    choose_theme(page, theme.name)
    page.locator("#id_audience").select_option("professionals")
    page.locator("#id_estimated_minutes").fill("5")
    page.locator("#id_pass_mark").fill("50")
    type_rich_text_field(page, "learning_objectives", "Je herkent de geur van een drugslab.")
    type_rich_text_field(
        page, "reporting_routes", "Bel de politie op 0900-8844 of anoniem 0800-7000."
    )


def save_draft(page):
    with page.expect_navigation():
        page.locator("footer button.action-save, button.action-save").first.click()


def publish(page):
    # Publishing sits in the menu next to 'save draft'.
    page.locator("div.w-dropdown--dropdown-button").filter(
        has=page.locator("button[name=action-publish]")
    ).locator("> button[data-w-dropdown-target=toggle]").click()
    with page.expect_navigation():
        page.locator("button[name=action-publish]").click()


PREVIEW_IFRAME = "iframe.w-preview__iframe"


def open_preview(page):
    """Open the editor's preview panel; returns the preview frame."""
    page.locator("button[data-side-panel-toggle=preview]").click()
    return page.frame_locator(PREVIEW_IFRAME).last


def settled_preview(page):
    """The preview frame once Wagtail has swapped in the reloaded iframe (for a moment after a
    reload the old and the new iframe are both in the page)."""
    expect(page.locator(PREVIEW_IFRAME)).to_have_count(1)
    return page.frame_locator(PREVIEW_IFRAME).last


def test_trainer_writes_previews_and_publishes_a_module_a_learner_then_sees(new_page, authoring):
    catalogue, theme = authoring["catalogue"], authoring["theme"]
    title = "Anijslucht bij de schuur"
    question = "Waar wijst een sterke anijslucht op?"

    page = new_page()
    admin_login(page, "e2e-trainer", PASSWORD)
    page.goto(f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/")
    fill_module(page, theme, title)
    add_single_choice_step(
        page,
        question,
        [
            ("Hennepteelt", ""),
            ("Productie van synthetische drugs", SECRET_FEEDBACK),
            ("Mestopslag", ""),
        ],
        correct=1,
    )

    save_draft(page)
    assert re.search(r"/admin/pages/\d+/edit/", page.url), page.url
    module = ModulePage.objects.get(title=title)
    assert not module.live and module.has_unpublished_changes
    draft = module.get_latest_revision_as_object()
    assert SECRET_FEEDBACK in str(draft.steps[0].value["options"][1]["feedback"])

    # Preview: the overview, then the player mode with the question as a learner meets it.
    preview = open_preview(page)
    preview.locator("h1", has_text=title).wait_for()
    page.locator("#id_preview_mode").select_option("player")
    preview.locator(".step__heading", has_text=question).wait_for()
    preview = settled_preview(page)
    preview.locator(".step__heading", has_text=question).wait_for()
    assert preview.locator("input[name=option]").count() == 3
    assert SECRET_FEEDBACK not in html.unescape(preview.locator("html").inner_html())

    publish(page)
    module.refresh_from_db()
    assert module.live and not module.has_unpublished_changes
    step = module.steps[0]
    assert step.block_type == "single_choice"
    assert [o["correct"] for o in step.value["options"]] == [False, True, False]
    page.context.close()

    # A learner logs in and finds the new module in the catalogue, and can take it.
    page = new_page()
    login(page, "e2e-learner", PASSWORD)
    card = page.locator("li.card").filter(has=page.get_by_role("link", name=title, exact=True))
    assert card.count() == 1
    axe(page)
    with page.expect_navigation():
        card.locator("button[type=submit]").click()
    page.get_by_label("Productie van synthetische drugs").check()
    with page.expect_navigation():
        page.locator("form.answer-form button[type=submit]").click()
    assert SECRET_FEEDBACK in page.locator("#feedback").inner_text()
    with page.expect_navigation():
        page.locator(".step-nav button[type=submit]").click()
    assert page.locator(".result__score").inner_text().strip().endswith("100%")
    assert "0900-8844" in page.locator(".reporting-routes").inner_text()


def test_publishing_a_question_without_a_correct_option_is_refused(new_page, authoring):
    catalogue, theme = authoring["catalogue"], authoring["theme"]
    title = "Module zonder juist antwoord"
    page = new_page()
    admin_login(page, "e2e-trainer", PASSWORD)
    page.goto(f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/")
    fill_module(page, theme, title)
    add_single_choice_step(page, "Wat is hier aan de hand?", [("Niets", ""), ("Iets", "")])

    publish(page)

    with translation.override("nl"):
        message = str(SingleChoiceQuestionBlock().correct_count_error(0))
    assert page.get_by_text(message).first.is_visible(), f"no error {message!r} shown"
    assert not ModulePage.objects.filter(title=title, live=True).exists()
