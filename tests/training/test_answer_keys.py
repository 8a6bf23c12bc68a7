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

from scenarios.models import ModulePage
from tests.factories import UserFactory, best_answer, make_image, make_module, sized_steps
from training import services
from training.models import Function

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
    markup = options_markup(page_html)
    inputs = re.findall(r"<input\b([^>]*)>", markup)
    assert len(inputs) == len(step.value["options"])
    for attributes in inputs:
        names = set(re.findall(r"([\w-]+)=", attributes))
        assert names <= ALLOWED_OPTION_ATTRIBUTES, (
            f"option input carries {names - ALLOWED_OPTION_ATTRIBUTES}"
        )
    values = [re.search(r'value="([^"]*)"', attributes).group(1) for attributes in inputs]
    assert values == [child.id for child in step.value["options"].bound_blocks]
    option_texts = " ".join(
        child.value["text"] for child in step.value["options"].bound_blocks
    ).lower()
    markup_without_texts = re.sub(r"<label[^>]*>.*?</label>", "", markup, flags=re.S).lower()
    for word in VERDICT_WORDS:
        if word not in option_texts:
            assert word not in markup_without_texts, f"{word!r} in the options' markup"
    hidden = re.findall(r'<input type="hidden" name="([^"]+)"', page_html)
    assert set(hidden) <= {"csrfmiddlewaretoken", "next"}


def walk_checking_every_unanswered_step(client, attempt):
    """Open every step before answering it, check it, then answer it like a learner and go on."""
    content = services.attempt_content(attempt)
    key_texts = answer_key_texts(content)
    checked = 0
    for index, step in enumerate(content.steps):
        url = f"/leren/poging/{attempt.pk}/stap/{index + 1}/"
        response = client.get(url)
        assert response.status_code == 200
        assert_no_answer_key(response.content.decode(), step, key_texts)
        checked += services.is_scored(step)
        if services.is_scored(step):
            assert client.post(url + "antwoord/", {"option": best_answer(step)}).status_code == 302
        if index + 1 < len(content.steps):
            assert client.post(url + "verder/").status_code == 302
    return checked


def test_factory_module_shows_no_answer_key_before_answering(learner_client, learner, catalogue):
    module = make_module(catalogue=catalogue, steps=sized_steps(make_image(), 10))
    attempt, _ = services.start_attempt(learner, module)
    assert walk_checking_every_unanswered_step(learner_client, attempt) == 6


def test_factory_feedback_markers_are_found_by_the_check(learner_client, learner, module):
    """The check above can fail: once answered, the same page shows the key and is caught."""
    attempt, _ = services.start_attempt(learner, module)
    content = services.attempt_content(attempt)
    walk_checking_every_unanswered_step(learner_client, attempt)
    answered = learner_client.get(f"/leren/poging/{attempt.pk}/stap/3/").content.decode()
    with pytest.raises(AssertionError):
        assert_no_answer_key(answered, content.steps[2], answer_key_texts(content))
    assert "FEEDBACK-RIGHT-DECISION" in answered


DEMO_COMMAND = "cms.management.commands.load_demo"


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
