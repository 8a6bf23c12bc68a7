"""The state changes of training (training.services): starting, answering, moving on, finishing,
and the completion record derived from all attempts."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from people.models import Function
from tests.factories import (
    UserFactory,
    advance_to,
    best_answer,
    make_module,
    option_id,
    play,
    step_at,
    worst_answer,
)
from training import services
from training.models import Attempt, Completion, CompletionStatus, Response

# The factory module's steps: 0 information, 1 scene, 2 decision (max 2 points),
# 3 single choice (1 point), 4 multiple choice (2 points, three of four options correct).
INFORMATION, SCENE, DECISION, SINGLE, MULTIPLE = range(5)


@pytest.fixture
def clock(monkeypatch):
    """Time that moves a day forward at every reading, so that attempts finish on distinct days."""
    now = [timezone.now()]

    def tick():
        now[0] += timedelta(days=1)
        return now[0]

    monkeypatch.setattr(timezone, "now", tick)
    return now


# -- starting -------------------------------------------------------------------------------------


def test_starting_twice_resumes_the_open_attempt(learner, module):
    first, created_first = services.start_attempt(learner, module)
    again, created_again = services.start_attempt(learner, module)
    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk
    assert Attempt.objects.filter(learner=learner, module=module).count() == 1


def test_attempt_pins_the_published_revision(learner, module):
    attempt, _created = services.start_attempt(learner, module)
    assert attempt.revision_id == module.live_revision_id


def test_starting_after_finishing_is_a_retake_that_keeps_the_earlier_attempt(learner, module):
    first = play(services.start_attempt(learner, module)[0], choose=worst_answer)
    retake, created = services.start_attempt(learner, module)
    assert created
    assert retake.pk != first.pk
    assert retake.reached_step == 0
    assert retake.responses.count() == 0
    first.refresh_from_db()
    assert first.is_finished and first.score == 0 and first.responses.count() == 3
    assert Attempt.objects.filter(learner=learner, module=module).count() == 2


def test_a_module_for_another_audience_cannot_be_started(catalogue, learner):
    management = make_module(catalogue=catalogue, audience="management")
    with pytest.raises(services.ModuleNotAvailable):
        services.start_attempt(learner, management)
    assert not Attempt.objects.exists()


def test_a_draft_module_cannot_be_started(catalogue, learner):
    draft = make_module(catalogue=catalogue, publish=False)
    with pytest.raises(services.ModuleNotAvailable):
        services.start_attempt(learner, draft)


# -- answering ------------------------------------------------------------------------------------


def test_answer_is_scored_and_stored_with_the_step_block_id(attempt):
    advance_to(attempt, DECISION)
    decision = step_at(attempt, DECISION)
    response, created = services.record_response(
        attempt, DECISION, [option_id(decision, "Bel eerst je teamleider")]
    )
    assert created
    assert (response.block_id, response.block_type) == (decision.id, "decision")
    assert (response.verdict, response.points, response.max_points) == ("acceptable", 1, 2)
    attempt.refresh_from_db()
    assert attempt.reached_step == DECISION + 1


def test_second_answer_to_a_step_returns_the_first_one_unchanged(attempt):
    advance_to(attempt, SINGLE)
    single = step_at(attempt, SINGLE)
    first, created_first = services.record_response(attempt, SINGLE, [option_id(single, "XTC")])
    second, created_second = services.record_response(
        attempt, SINGLE, [option_id(single, "Hennep")]
    )
    assert (created_first, created_second) == (True, False)
    assert second.pk == first.pk
    stored = Response.objects.get(attempt=attempt, block_id=single.id)
    assert stored.chosen_options == [option_id(single, "XTC")]
    assert (stored.verdict, stored.points) == ("right", Decimal(1))


def test_answer_to_a_step_not_yet_reached_is_refused(attempt):
    decision = step_at(attempt, DECISION)
    with pytest.raises(services.StepNotAvailable):
        services.record_response(attempt, DECISION, best_answer(decision))
    assert not Response.objects.exists()
    attempt.refresh_from_db()
    assert attempt.reached_step == 0


def test_answer_after_finishing_is_refused(attempt):
    finished = play(attempt, choose=worst_answer)
    with pytest.raises(services.AttemptFinished):
        services.record_response(finished, DECISION, best_answer(step_at(finished, DECISION)))
    assert (
        Response.objects.get(attempt=attempt, block_id=step_at(attempt, DECISION).id).verdict
        == "wrong"
    )


def test_answer_to_a_step_that_takes_none_is_refused(attempt):
    with pytest.raises(services.InvalidAnswer) as refused:
        services.record_response(attempt, INFORMATION, ["anything"])
    assert "takes no answer" in str(refused.value.message) or "geen antwoord" in str(
        refused.value.message
    )
    assert not Response.objects.exists()


@pytest.mark.parametrize("chosen", [[], ["not-an-option"], "two-options"])
def test_answer_that_does_not_fit_is_refused_and_nothing_is_stored(attempt, chosen):
    advance_to(attempt, SINGLE)
    if chosen == "two-options":
        chosen = [
            option_id(step_at(attempt, SINGLE), "XTC"),
            option_id(step_at(attempt, SINGLE), "Hennep"),
        ]
    with pytest.raises(services.InvalidAnswer):
        services.record_response(attempt, SINGLE, chosen)
    assert not Response.objects.filter(block_id=step_at(attempt, SINGLE).id).exists()


def test_step_number_outside_the_module_is_refused(attempt):
    with pytest.raises(services.StepNotAvailable):
        services.record_response(attempt, 99, ["x"])
    with pytest.raises(services.StepNotAvailable):
        services.continue_after(attempt, -1)


# -- moving on ------------------------------------------------------------------------------------


def test_continuing_after_a_read_step_opens_the_next(attempt):
    services.continue_after(attempt, INFORMATION)
    attempt.refresh_from_db()
    assert attempt.reached_step == SCENE


def test_continuing_past_an_unanswered_question_is_refused(attempt):
    advance_to(attempt, DECISION)
    with pytest.raises(services.AttemptIncomplete):
        services.continue_after(attempt, DECISION)
    attempt.refresh_from_db()
    assert attempt.reached_step == DECISION


def test_continuing_from_a_step_not_yet_reached_is_refused(attempt):
    with pytest.raises(services.StepNotAvailable):
        services.continue_after(attempt, SCENE)


def test_going_back_and_continuing_again_keeps_the_furthest_step(attempt):
    advance_to(attempt, SINGLE)
    services.continue_after(attempt, INFORMATION)
    attempt.refresh_from_db()
    assert attempt.reached_step == SINGLE


def test_continuing_in_a_finished_attempt_is_refused(attempt):
    finished = play(attempt)
    with pytest.raises(services.AttemptFinished):
        services.continue_after(finished, INFORMATION)


# -- finishing ------------------------------------------------------------------------------------


def test_finishing_with_an_unanswered_question_is_refused(attempt):
    advance_to(attempt, MULTIPLE)
    with pytest.raises(services.AttemptIncomplete):
        services.finish_attempt(attempt)
    attempt.refresh_from_db()
    assert attempt.finished_at is None and attempt.score is None
    assert Completion.objects.get(learner=attempt.learner).status == CompletionStatus.IN_PROGRESS


def test_finishing_with_the_best_answers_scores_full_marks_and_passes(attempt):
    finished = play(attempt, choose=best_answer)
    assert (finished.points, finished.max_points, finished.score, finished.passed) == (
        5,
        5,
        100,
        True,
    )
    assert finished.finished_at is not None


def test_finishing_with_wrong_answers_scores_nothing_and_fails(attempt):
    finished = play(attempt, choose=worst_answer)
    assert (finished.points, finished.max_points, finished.score, finished.passed) == (
        0,
        5,
        0,
        False,
    )


def mixed_answer(step):
    """Acceptable decision (1 of 2), right single choice (1 of 1), two of the three correct
    multiple-choice options (2 x 2/3 = 1.33 of 2): 3.33 of 5 points, a score of 67%."""
    if step.block_type == "decision":
        return [option_id(step, "Bel eerst je teamleider")]
    if step.block_type == "multiple_choice":
        return [option_id(step, "Afgeplakte ramen"), option_id(step, "Constant gezoem")]
    return best_answer(step)


@pytest.mark.parametrize(
    ("pass_mark", "passed"), [(66, True), (67, True), (68, False), (70, False)]
)
def test_pass_is_a_score_at_or_above_the_pass_mark(catalogue, learner, pass_mark, passed):
    module = make_module(catalogue=catalogue, pass_mark=pass_mark)
    finished = play(services.start_attempt(learner, module)[0], choose=mixed_answer)
    assert (finished.points, finished.score) == (Decimal("3.33"), 67)
    assert finished.passed is passed


def test_finishing_twice_changes_nothing(attempt):
    finished = play(attempt, choose=worst_answer)
    again = services.finish_attempt(finished)
    assert (again.pk, again.finished_at, again.score) == (finished.pk, finished.finished_at, 0)
    completion = Completion.objects.get(learner=attempt.learner)
    assert (completion.attempt_count, completion.status) == (1, CompletionStatus.FAILED)


# -- the completion record ------------------------------------------------------------------------


def test_completion_follows_the_attempts(learner, module, clock):
    assert not Completion.objects.exists()

    first = services.start_attempt(learner, module)[0]
    completion = Completion.objects.get(learner=learner, module=module)
    assert (completion.status, completion.attempt_count, completion.best_score) == (
        CompletionStatus.IN_PROGRESS,
        1,
        None,
    )

    play(first, choose=worst_answer)
    completion.refresh_from_db()
    assert (completion.status, completion.best_score, completion.first_completed_at) == (
        CompletionStatus.FAILED,
        0,
        None,
    )

    nearly = play(services.start_attempt(learner, module)[0], choose=mixed_answer)
    completion.refresh_from_db()
    assert nearly.passed is False  # 67% against a pass mark of 70
    assert (completion.status, completion.best_score, completion.attempt_count) == (
        CompletionStatus.FAILED,
        67,
        2,
    )

    best = play(services.start_attempt(learner, module)[0], choose=best_answer)
    completion.refresh_from_db()
    assert (completion.status, completion.best_score, completion.attempt_count) == (
        CompletionStatus.COMPLETED,
        100,
        3,
    )
    assert completion.first_completed_at == best.finished_at


def test_first_completion_date_stays_after_later_attempts(learner, module, clock):
    first_pass = play(services.start_attempt(learner, module)[0], choose=best_answer)
    later_fail = play(services.start_attempt(learner, module)[0], choose=worst_answer)
    later_pass = play(services.start_attempt(learner, module)[0], choose=best_answer)
    services.start_attempt(learner, module)  # a fourth, still open

    completion = Completion.objects.get(learner=learner, module=module)
    assert first_pass.finished_at < later_fail.finished_at < later_pass.finished_at
    assert completion.first_completed_at == first_pass.finished_at
    assert completion.last_completed_at == later_pass.finished_at
    assert completion.status == CompletionStatus.COMPLETED  # a failed retake takes nothing away
    assert completion.best_score == 100
    assert completion.attempt_count == 4


def test_completion_is_per_learner_and_module(catalogue, learner, module):
    other_module = make_module(catalogue=catalogue)
    colleague = UserFactory(function=Function.INSPECTOR)
    play(services.start_attempt(learner, module)[0], choose=best_answer)
    play(services.start_attempt(colleague, module)[0], choose=worst_answer)
    services.start_attempt(learner, other_module)

    statuses = {(c.learner_id, c.module_id): c.status for c in Completion.objects.all()}
    assert statuses == {
        (learner.pk, module.pk): CompletionStatus.COMPLETED,
        (colleague.pk, module.pk): CompletionStatus.FAILED,
        (learner.pk, other_module.pk): CompletionStatus.IN_PROGRESS,
    }


def test_update_completion_recomputes_the_same_record(learner, module):
    play(services.start_attempt(learner, module)[0], choose=best_answer)
    before = Completion.objects.get(learner=learner)
    again = services.update_completion(learner, module)
    assert again.pk == before.pk
    assert (again.status, again.best_score, again.first_completed_at, again.attempt_count) == (
        before.status,
        before.best_score,
        before.first_completed_at,
        before.attempt_count,
    )
    assert Completion.objects.count() == 1
