"""A pass must prove recognition: the order in which a learner sees the options of a step gives
nothing away. Options, ordering items and hotspot labels are shuffled per attempt with a secret
of the attempt's own; the order is stable on reload and the same on the feedback and the result
page, and it cannot be worked out from anything the learner sees (attempt and step ids in the
URLs and in "Mijn gegevens", option ids in the form, the texts)."""

import json
import re
from collections import Counter

import pytest

from tests.factories import (
    UserFactory,
    advance_to,
    best_answer,
    decision_step,
    hotspot_step,
    make_image,
    make_module,
    multiple_choice_step,
    ordering_step,
    play,
    single_choice_step,
    step_at,
)
from training import services
from training.models import Attempt

pytestmark = pytest.mark.django_db

SHUFFLED_KINDS = ["decision", "single_choice", "multiple_choice", "ordering", "hotspot"]


@pytest.fixture
def module(catalogue):
    image = make_image()
    return make_module(
        catalogue=catalogue,
        steps=[
            decision_step(),
            single_choice_step(),
            multiple_choice_step(),
            ordering_step(),
            hotspot_step(image),
        ],
    )


def shown_order(page_html, block_type):
    """The ids of what the step lists, in the order of the page."""
    if block_type == "ordering":
        return re.findall(r'data-item="([^"]+)"', page_html)
    values = re.findall(
        r'<input type="(?:radio|checkbox)" name="option"[^>]*value="([^"]+)"', page_html
    )
    return [value.removeprefix("r:") for value in values]


def reviewed_order(page_html, step):
    """The option texts in the order the feedback (or the result page) reviews them."""
    texts = [child.value["text"] for child in step.value["options"].bound_blocks]
    found = re.findall(r'<p class="option-review__text">(.*?)</p>', page_html, re.S)
    return [next(text for text in texts if text in item) for item in found]


def my_data(client):
    """The personal-data download, without the moment it was made."""
    data = json.loads(client.get("/leren/mijn-gegevens.json").content)
    data.pop("exported_at")
    return data


def step_url(attempt, index):
    return f"/leren/poging/{attempt.pk}/stap/{index + 1}/"


def test_options_are_shown_in_the_attempts_order_the_same_on_reload_feedback_and_result(
    client, module
):
    learner = UserFactory()
    client.force_login(learner)
    attempt, _created = services.start_attempt(learner, module)
    for index, kind in enumerate(SHUFFLED_KINDS):
        attempt = advance_to(attempt, index) if index else attempt
        step = step_at(attempt, index)
        first = client.get(step_url(attempt, index)).content.decode()
        shown = shown_order(first, kind)
        assert shown == services.presentation_order(attempt, step)
        assert shown_order(client.get(step_url(attempt, index)).content.decode(), kind) == shown
        if kind in ("decision", "single_choice", "multiple_choice"):
            client.post(step_url(attempt, index) + "antwoord/", {"option": best_answer(step)})
            feedback = client.get(step_url(attempt, index)).content.decode()
            texts = {child.id: child.value["text"] for child in step.value["options"].bound_blocks}
            assert reviewed_order(feedback, step) == [texts[option_id] for option_id in shown]
    # The result page reviews every choice in the order the learner saw it.
    attempt.refresh_from_db()
    finished = play(attempt)
    result = client.get(f"/leren/poging/{finished.pk}/resultaat/").content.decode()
    for index in range(3):
        step = step_at(finished, index)
        texts = {child.id: child.value["text"] for child in step.value["options"].bound_blocks}
        expected = [texts[i] for i in services.presentation_order(finished, step)]
        reviewed = re.findall(r'<p class="option-review__text">(.*?)</p>', result, re.S)
        positions = [
            next(n for n, item in enumerate(reviewed) if text in item) for text in expected
        ]
        assert positions == sorted(positions), f"step {index + 1} reviewed in another order"


def test_the_authored_first_option_is_not_always_shown_first(client, module):
    """Trainers tend to write the best option first; across attempts it comes first only about
    one time in the number of options."""
    firsts = Counter()
    for _ in range(45):
        learner = UserFactory()
        attempt, _created = services.start_attempt(learner, module)
        client.force_login(learner)
        page = client.get(step_url(attempt, 0)).content.decode()
        step = step_at(attempt, 0)
        authored = [child.id for child in step.value["options"].bound_blocks]
        firsts[authored.index(shown_order(page, "decision")[0])] += 1
    assert set(firsts) == {0, 1, 2}  # each of the three options has come first
    assert firsts[0] < 30  # 15 expected; always first (45) before the shuffle


def test_the_order_shown_cannot_be_computed_from_what_the_learner_sees(client, module):
    """Property: for every shuffled step, everything the learner can see held fixed (the
    attempt's id and path, step and option ids and texts, the personal-data download), the order
    on the page still takes every option to the first place, depending only on the attempt's
    secret seed. So no rule over the visible data gives the order."""
    learner = UserFactory()
    client.force_login(learner)
    attempt, _created = services.start_attempt(learner, module)
    for index, kind in enumerate(SHUFFLED_KINDS):
        attempt = advance_to(attempt, index) if index else attempt
        step = step_at(attempt, index)
        visible = my_data(client)
        firsts = set()
        for round_number in range(60):
            Attempt.objects.filter(pk=attempt.pk).update(shuffle_seed=f"{round_number:032x}")
            page = client.get(step_url(attempt, index)).content.decode()
            firsts.add(shown_order(page, kind)[0])
            assert my_data(client) == visible
        listed = services.presentation_order(attempt, step)
        assert firsts == set(listed), f"{kind}: not every option came first"


def test_the_personal_data_download_keeps_the_path_but_not_the_shuffle_secret(client, module):
    learner = UserFactory()
    client.force_login(learner)
    attempt, _created = services.start_attempt(learner, module)
    advance_to(attempt, 2)
    attempt.refresh_from_db()
    data = json.loads(client.get("/leren/mijn-gegevens.json").content)
    (open_attempt,) = data["attempts"]
    assert open_attempt["path"] == attempt.path  # the learner's right of access
    assert attempt.shuffle_seed and attempt.shuffle_seed not in json.dumps(data)


def test_every_attempt_gets_a_secret_seed_of_its_own(module):
    seeds = {services.start_attempt(UserFactory(), module)[0].shuffle_seed for _ in range(5)}
    assert len(seeds) == 5 and all(len(seed) == 32 for seed in seeds)


def test_an_attempt_from_before_the_seed_existed_still_gets_a_stable_keyed_order(client, module):
    learner = UserFactory()
    client.force_login(learner)
    attempt, _created = services.start_attempt(learner, module)
    Attempt.objects.filter(pk=attempt.pk).update(shuffle_seed="")
    first = shown_order(client.get(step_url(attempt, 0)).content.decode(), "decision")
    again = shown_order(client.get(step_url(attempt, 0)).content.decode(), "decision")
    assert first == again
    options = step_at(attempt, 0).value["options"].bound_blocks
    assert sorted(first) == sorted(child.id for child in options)
