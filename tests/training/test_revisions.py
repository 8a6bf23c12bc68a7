"""Editing and re-publishing a module never changes a result: every attempt is scored on the
revision it pinned when it started, finished or not."""

import re
from decimal import Decimal

import pytest

from tests.admin_forms import raw_steps
from tests.factories import best_answer, option_id, play
from training import services
from training.models import Completion

SINGLE = 3


def republish_with_a_different_key(module):
    """What a trainer might do after learners took the module: another option of the single
    choice becomes the correct one, the decision and the question earn other points, the
    question is reworded and the pass mark goes up to 100. Block ids stay as they were."""
    steps = raw_steps(module)
    for item in steps:
        value = item["value"]
        if item["type"] == "single_choice":
            value["question"] = "HERSCHREVEN VRAAG"
            value["points"] = 10
            for option in value["options"]:
                option["value"]["correct"] = option["value"]["text"] == "Hennep"
        if item["type"] == "decision":
            for option in value["options"]:
                option["value"]["points"] = {"right": 5, "acceptable": 4, "wrong": 0}[
                    option["value"]["verdict"]
                ]
    module.steps = steps
    module.pass_mark = 100
    module.save_revision().publish()
    module.refresh_from_db()
    return module


def old_key(step):
    """The answers that were right before the edit."""
    return [option_id(step, "XTC")] if step.block_type == "single_choice" else best_answer(step)


def test_republishing_keeps_the_block_ids_that_answers_refer_to(module):
    ids_before = [step.id for step in module.steps]
    revision_before = module.live_revision_id
    edited = republish_with_a_different_key(module)
    assert [step.id for step in edited.steps] == ids_before
    assert edited.pass_mark == 100
    assert edited.live_revision_id != revision_before


def test_finished_attempt_keeps_its_score_after_the_module_is_edited(
    learner_client, learner, module
):
    finished = play(services.start_attempt(learner, module)[0], choose=old_key)
    assert (finished.score, finished.passed) == (100, True)

    republish_with_a_different_key(module)

    finished.refresh_from_db()
    assert (finished.points, finished.max_points, finished.score, finished.passed) == (
        Decimal(5),
        Decimal(5),
        100,
        True,
    )
    assert services.finish_attempt(finished).score == 100
    completion = services.update_completion(learner, module)
    assert (completion.status, completion.best_score) == ("completed", 100)

    # The result page still judges the answers by the old key and the old pass mark.
    html = learner_client.get(f"/leren/poging/{finished.pk}/resultaat/").content.decode()
    assert "Score: 100%" in html
    assert "Geslaagd. De cesuur is 70%." in html
    assert "HERSCHREVEN VRAAG" not in html
    review_items = html.split('class="review__item"')[1:]
    overall_verdicts = [re.search(r"verdict--(\w+)", item).group(1) for item in review_items]
    assert overall_verdicts == ["right", "right", "right"]


def test_open_attempt_is_scored_on_the_revision_it_started_on(learner_client, learner, module):
    attempt, _created = services.start_attempt(learner, module)
    pinned = attempt.revision_id
    content = services.attempt_content(attempt)
    # Answer up to the single choice before the edit ...
    for index in range(SINGLE):
        if services.is_scored(content.steps[index]):
            services.record_response(attempt, index, old_key(content.steps[index]))
        services.continue_after(attempt, index)

    republish_with_a_different_key(module)

    # ... and the rest after it, in a new request that loads the attempt afresh.
    attempt = services.attempts_of(learner).get(pk=attempt.pk)
    assert attempt.revision_id == pinned
    page = learner_client.get(f"/leren/poging/{attempt.pk}/stap/{SINGLE + 1}/").content.decode()
    assert "Waar wijst anijslucht op?" in page and "HERSCHREVEN VRAAG" not in page
    finished = play(attempt, choose=old_key)

    assert (finished.points, finished.max_points, finished.score, finished.passed) == (
        Decimal(5),
        Decimal(5),
        100,
        True,
    )
    assert Completion.objects.get(learner=learner, module=module).status == "completed"


def test_attempt_started_after_the_edit_is_scored_on_the_new_revision(learner, module):
    edited = republish_with_a_different_key(module)
    attempt, created = services.start_attempt(learner, edited)
    assert created and attempt.revision_id == edited.live_revision_id

    finished = play(attempt, choose=old_key)  # XTC is no longer right; the decision is worth 5

    assert (finished.points, finished.max_points) == (Decimal(7), Decimal(17))
    assert (finished.score, finished.passed) == (41, False)


@pytest.mark.parametrize("answered_before_edit", [True, False])
def test_a_pinned_step_answer_is_judged_by_the_pinned_key(learner, module, answered_before_edit):
    attempt, _created = services.start_attempt(learner, module)
    content = services.attempt_content(attempt)
    for index in range(SINGLE):
        if services.is_scored(content.steps[index]):
            services.record_response(attempt, index, best_answer(content.steps[index]))
        services.continue_after(attempt, index)
    if not answered_before_edit:
        republish_with_a_different_key(module)
        attempt = services.attempts_of(learner).get(pk=attempt.pk)
    response, _created = services.record_response(
        attempt, SINGLE, [option_id(services.attempt_content(attempt).steps[SINGLE], "XTC")]
    )
    if answered_before_edit:
        republish_with_a_different_key(module)
    response.refresh_from_db()
    assert (response.verdict, response.points, response.max_points) == ("right", 1, 1)
