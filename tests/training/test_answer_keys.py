"""No answer key before answering: a learner who opens a step, or reads its HTML source, finds
nothing that tells which option is right, what an option earns or what its feedback says.

Checked on modules made with the factories (whose feedback carries marker strings) and, once the
demo exists (``manage.py load_demo``), on every demo module (feedback texts read from the content).
"""

import html as html_lib
import importlib.util
import re

import pytest
from django.core.management import call_command

from people.models import Function
from scenarios.models import ModulePage
from tests.factories import (
    UserFactory,
    best_answer,
    hotspot_step,
    information_step,
    make_image,
    make_module,
    ordering_step,
    scene_step,
    sized_steps,
    writeup_step,
)
from training import services

# Marks of the answered state: the verdict badge, the option review, the feedback section.
ANSWERED_STATE_MARKERS = [
    "verdict--",
    "verdict__",
    "option-review",
    'id="feedback"',
    'class="feedback',
]
# Words that must not appear in the options' markup (attributes, classes), in both languages.
VERDICT_WORDS = [
    "correct",
    "right",
    "wrong",
    "acceptab",
    "partial",
    "verdict",
    "points",
    "feedback",
    "juist",
    "goed",
    "fout",
    "punten",
]
ALLOWED_OPTION_ATTRIBUTES = {"type", "name", "id", "value"}


def options_markup(page_html):
    """The markup of the answer options: the fieldset of the answer form."""
    match = re.search(r'<div class="options">(.*?)</fieldset>', page_html, re.S)
    return match.group(1) if match else ""


def text_of(fragment):
    """Visible text, tags removed and whitespace collapsed, for comparing content with a page."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def answer_key_texts(module_content):
    """Every feedback and explanation text of every scored step of a module."""
    texts = []
    for step in module_content.steps:
        if not services.is_scored(step):
            continue
        if step.block_type == "hotspot":
            for child in step.value["regions"].bound_blocks:
                texts.append(text_of(str(child.value["explanation"] or "")))
            texts.append(text_of(str(step.value["feedback"] or "")))
            continue
        if step.block_type == "ordering":
            texts.append(text_of(str(step.value["feedback"] or "")))
            continue
        if step.block_type == "writeup":
            # Not the checked words: the scene names the barn, and so must the report.
            for child in step.value["checklist"].bound_blocks:
                texts.append(text_of(child.value["label"]))
                texts.append(text_of(str(child.value["explanation"] or "")))
            texts.append(text_of(str(step.value["example"] or "")))
            continue
        if "options" not in step.value:
            continue
        for child in step.value["options"].bound_blocks:
            texts.append(text_of(str(child.value["feedback"] or "")))
        if "explanation" in step.value:
            texts.append(text_of(str(step.value["explanation"] or "")))
    return [text for text in texts if len(text) >= 12]


def assert_no_answer_key(page_html, step, key_texts):
    for marker in ANSWERED_STATE_MARKERS:
        assert marker not in page_html, f"{marker!r} on an unanswered step"
    page_text = text_of(page_html)
    for key_text in key_texts:
        assert key_text not in page_text, (
            f"answer-key text on an unanswered step: {key_text[:60]!r}"
        )
    if not services.is_scored(step):
        return
    if step.block_type == "hotspot":
        assert_no_hotspot_key(page_html, step)
        return
    if step.block_type == "ordering":
        assert_no_order_key(page_html, step)
        return
    if "options" not in step.value:
        return
    markup = options_markup(page_html)
    inputs = re.findall(r"<input\b([^>]*)>", markup)
    assert len(inputs) == len(step.value["options"])
    for attributes in inputs:
        names = set(re.findall(r"([\w-]+)=", attributes))
        assert names <= ALLOWED_OPTION_ATTRIBUTES, (
            f"option input carries {names - ALLOWED_OPTION_ATTRIBUTES}"
        )
    values = [re.search(r'value="([^"]*)"', attributes).group(1) for attributes in inputs]
    assert sorted(values) == sorted(child.id for child in step.value["options"].bound_blocks)
    option_texts = " ".join(
        child.value["text"] for child in step.value["options"].bound_blocks
    ).lower()
    markup_without_texts = re.sub(r"<label[^>]*>.*?</label>", "", markup, flags=re.S).lower()
    for word in VERDICT_WORDS:
        if word not in option_texts:
            assert word not in markup_without_texts, f"{word!r} in the options' markup"
    hidden = re.findall(r'<input type="hidden" name="([^"]+)"', page_html)
    assert set(hidden) <= {"csrfmiddlewaretoken", "next"}


def assert_no_hotspot_key(page_html, step):
    """A "spot the signals" step shows every region's label, signals and ordinary ones mixed,
    as checkboxes carrying only the region id; never a shape, a kind or an explanation."""
    regions = step.value["regions"].bound_blocks
    markup = options_markup(page_html)
    inputs = re.findall(r"<input\b([^>]*)>", markup)
    assert len(inputs) == len(regions)
    for attributes in inputs:
        names = set(re.findall(r"([\w-]+)=", attributes))
        assert names <= ALLOWED_OPTION_ATTRIBUTES, (
            f"region input carries {names - ALLOWED_OPTION_ATTRIBUTES}"
        )
    values = [re.search(r'value="([^"]*)"', attributes).group(1) for attributes in inputs]
    assert sorted(values) == sorted(f"r:{child.id}" for child in regions)
    labels = " ".join(child.value["label"] for child in regions).lower()
    markup_without_texts = re.sub(r"<label[^>]*>.*?</label>", "", markup, flags=re.S).lower()
    for word in [*VERDICT_WORDS, "signal", "ordinary", "kind", "shape"]:
        if word not in labels:
            assert word not in markup_without_texts, f"{word!r} in the regions' markup"
    for child in regions:
        assert child.value["shape"] not in page_html, "a region's shape in the page"
    assert "<polygon" not in page_html
    hidden = re.findall(r'<input type="hidden" name="([^"]+)"', page_html)
    assert set(hidden) <= {"csrfmiddlewaretoken", "next"}


def ordering_markup(page_html):
    match = re.search(r'<ol class="ordering">(.*?)</ol>', page_html, re.S)
    return match.group(1) if match else ""


def assert_no_order_key(page_html, step):
    """An unanswered ordering question: its items shuffled (never in the correct order), each
    with a position list whose values say nothing but the item and a position."""
    items = {child.id: child.value["text"] for child in step.value["items"].bound_blocks}
    markup = ordering_markup(page_html)
    shown = re.findall(r'data-item="([^"]+)"', markup)
    assert sorted(shown) == sorted(items)
    assert shown != list(items), "the items are shown in the correct order"
    values = re.findall(r'<option value="([^"]+)"', markup)
    assert len(values) == len(items) ** 2
    assert all(re.fullmatch(r"[\w-]+:\d+", value) for value in values)
    selected = re.findall(r'<option value="([^"]+)" selected>', markup)
    assert selected == [f"{item_id}:{position}" for position, item_id in enumerate(shown, 1)]
    markup_without_texts = re.sub(r"<label[^>]*>.*?</label>", "", markup, flags=re.S).lower()
    item_texts = " ".join(items.values()).lower()
    for word in VERDICT_WORDS:
        if word not in item_texts:
            assert word not in markup_without_texts, f"{word!r} in the items' markup"
    hidden = re.findall(r'<input type="hidden" name="([^"]+)"', page_html)
    assert set(hidden) <= {"csrfmiddlewaretoken", "next"}


def walk_checking_every_unanswered_step(client, attempt):
    """Open every step on the learner's path before answering it, check it, then answer it like
    a learner and go on (a decision may lead to a branch scene)."""
    content = services.attempt_content(attempt)
    key_texts = answer_key_texts(content)
    checked = 0
    index = 0
    while True:
        attempt.refresh_from_db()
        step = services.step_at(attempt, index)
        url = f"/leren/poging/{attempt.pk}/stap/{index + 1}/"
        response = client.get(url)
        assert response.status_code == 200
        assert_no_answer_key(response.content.decode(), step, key_texts)
        checked += services.is_scored(step)
        if services.is_scored(step):
            assert client.post(url + "antwoord/", {"option": best_answer(step)}).status_code == 302
        assert client.post(url + "verder/").status_code == 302
        attempt.refresh_from_db()
        if index + 1 >= len(services.path_of(attempt)):
            return checked
        index += 1


def test_factory_module_shows_no_answer_key_before_answering(learner_client, learner, catalogue):
    module = make_module(catalogue=catalogue, steps=sized_steps(make_image(), 10))
    attempt, _ = services.start_attempt(learner, module)
    assert walk_checking_every_unanswered_step(learner_client, attempt) == 6


def test_hotspot_step_shows_no_answer_key_before_answering(learner_client, learner, catalogue):
    image = make_image()
    module = make_module(catalogue=catalogue, steps=[scene_step(image), hotspot_step(image)])
    attempt, _ = services.start_attempt(learner, module)
    assert walk_checking_every_unanswered_step(learner_client, attempt) == 1


def test_hotspot_key_is_found_by_the_check_once_answered(learner_client, learner, catalogue):
    """The hotspot check can fail: after answering, the outlines and explanations are caught."""
    module = make_module(catalogue=catalogue, steps=[hotspot_step(make_image())])
    attempt, _ = services.start_attempt(learner, module)
    content = services.attempt_content(attempt)
    walk_checking_every_unanswered_step(learner_client, attempt)
    answered = learner_client.get(f"/leren/poging/{attempt.pk}/stap/1/").content.decode()
    with pytest.raises(AssertionError):
        assert_no_answer_key(answered, content.steps[0], answer_key_texts(content))
    with pytest.raises(AssertionError):
        assert_no_answer_key(answered, content.steps[0], [])
    assert "EXPLANATION-REGION-1-SIGNAL" in answered


def test_factory_feedback_markers_are_found_by_the_check(learner_client, learner, module):
    """The check above can fail: once answered, the same page shows the key and is caught."""
    attempt, _ = services.start_attempt(learner, module)
    content = services.attempt_content(attempt)
    walk_checking_every_unanswered_step(learner_client, attempt)
    answered = learner_client.get(f"/leren/poging/{attempt.pk}/stap/3/").content.decode()
    with pytest.raises(AssertionError):
        assert_no_answer_key(answered, content.steps[2], answer_key_texts(content))
    assert "FEEDBACK-RIGHT-DECISION" in answered


DEMO_COMMAND = "demo.management.commands.load_demo"


@pytest.mark.skipif(
    importlib.util.find_spec(DEMO_COMMAND) is None,
    reason="the demo command (manage.py load_demo) does not exist yet",
)
@pytest.mark.django_db
def test_demo_modules_show_no_answer_key_before_answering(client):
    call_command("load_demo", verbosity=0)
    modules = [page.specific for page in ModulePage.objects.live()]
    assert modules, "the demo made no live modules"
    checked = 0
    for module in modules:
        function = Function.MT_MEMBER if module.audience == "management" else Function.BOA
        learner = UserFactory(function=function)
        client.force_login(learner)
        attempt, _ = services.start_attempt(learner, module)
        checked += walk_checking_every_unanswered_step(client, attempt)
    assert checked > 0


def test_ordering_step_shows_no_answer_key_before_answering(learner_client, learner, catalogue):
    module = make_module(catalogue=catalogue, steps=[information_step(), ordering_step()])
    attempt, _ = services.start_attempt(learner, module)
    assert walk_checking_every_unanswered_step(learner_client, attempt) == 1


def test_writeup_step_shows_no_checklist_before_answering(learner_client, learner, catalogue):
    module = make_module(catalogue=catalogue, steps=[information_step(), writeup_step()])
    attempt, _ = services.start_attempt(learner, module)
    assert walk_checking_every_unanswered_step(learner_client, attempt) == 1


def test_writeup_checklist_is_found_by_the_check_once_answered(learner_client, learner, catalogue):
    """The check can fail: after answering, the checklist and the example report show."""
    module = make_module(catalogue=catalogue, steps=[writeup_step()])
    attempt, _ = services.start_attempt(learner, module)
    content = services.attempt_content(attempt)
    walk_checking_every_unanswered_step(learner_client, attempt)
    answered = learner_client.get(f"/leren/poging/{attempt.pk}/stap/1/").content.decode()
    with pytest.raises(AssertionError):
        assert_no_answer_key(answered, content.steps[0], answer_key_texts(content))
    assert "CHECK-2 Het tijdstip" in answered and "EXAMPLE-REPORT" in answered


def test_ordering_key_is_found_by_the_check_once_answered(learner_client, learner, catalogue):
    """The ordering check can fail: after answering, the correct order and feedback show."""
    module = make_module(catalogue=catalogue, steps=[ordering_step()])
    attempt, _ = services.start_attempt(learner, module)
    content = services.attempt_content(attempt)
    walk_checking_every_unanswered_step(learner_client, attempt)
    answered = learner_client.get(f"/leren/poging/{attempt.pk}/stap/1/").content.decode()
    with pytest.raises(AssertionError):
        assert_no_answer_key(answered, content.steps[0], answer_key_texts(content))
    assert "FEEDBACK-ORDERING" in answered


def test_ordering_items_in_the_correct_order_are_caught_by_the_check(learner, catalogue):
    """The check fails on a page that lists the items in the correct order."""
    module = make_module(catalogue=catalogue, steps=[ordering_step()])
    attempt, _ = services.start_attempt(learner, module)
    step = services.attempt_content(attempt).steps[0]
    ids = [child.id for child in step.value["items"].bound_blocks]
    leaking = (
        '<ol class="ordering">'
        + "".join(
            f'<li data-item="{item_id}"><option value="{item_id}:{position}" selected>'
            + "".join(f'<option value="{item_id}:{other}">' for other in range(2, len(ids) + 1))
            + "</li>"
            for position, item_id in enumerate(ids, 1)
        )
        + "</ol>"
    )
    with pytest.raises(AssertionError, match="correct order"):
        assert_no_order_key(leaking, step)
