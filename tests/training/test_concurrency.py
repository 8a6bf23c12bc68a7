"""A double click, a resubmitted form or two tabs never count twice and never lose an answer:
one response per step and one open attempt per learner and module, also when two requests
arrive at the same moment (the database constraints back the services up)."""

import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection, transaction

from tests.factories import (
    UserFactory,
    advance_to,
    best_answer,
    make_module,
    site_with_catalogue,
    worst_answer,
)
from training import services
from training.models import Attempt, AttemptQuerySet, Completion, Response

DECISION = 2


# -- one after the other --------------------------------------------------------------------------


def test_two_submits_of_the_same_step_give_one_response(attempt):
    advance_to(attempt, DECISION)
    decision = services.attempt_content(attempt).steps[DECISION]
    first, _ = services.record_response(attempt, DECISION, best_answer(decision))
    second, _ = services.record_response(attempt, DECISION, worst_answer(decision))
    assert Response.objects.filter(attempt=attempt).count() == 1
    assert first.pk == second.pk
    assert Response.objects.get(attempt=attempt).verdict == "right"


def test_two_starts_give_one_open_attempt(learner, module):
    services.start_attempt(learner, module)
    services.start_attempt(learner, module)
    assert Attempt.objects.open().filter(learner=learner, module=module).count() == 1
    assert Completion.objects.get(learner=learner, module=module).attempt_count == 1


# -- the database refuses what the services must never do -----------------------------------------


def test_database_refuses_a_second_open_attempt(attempt):
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            learner=attempt.learner, module=attempt.module, revision=attempt.revision
        )


def test_database_allows_many_finished_attempts_next_to_one_open(learner, module):
    from tests.factories import play

    for _ in range(3):
        play(services.start_attempt(learner, module)[0], choose=worst_answer)
    services.start_attempt(learner, module)
    assert Attempt.objects.filter(learner=learner, module=module).count() == 4


def test_database_refuses_a_second_response_to_one_step(attempt):
    advance_to(attempt, DECISION)
    decision = services.attempt_content(attempt).steps[DECISION]
    response, _ = services.record_response(attempt, DECISION, best_answer(decision))
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(
            attempt=attempt,
            block_id=response.block_id,
            block_type="decision",
            chosen_options=[],
            verdict="wrong",
            points=0,
            max_points=2,
        )


# -- a race: the other request got there between the check and the insert -------------------------


def test_start_that_loses_the_race_returns_the_attempt_the_other_request_opened(
    learner, module, monkeypatch
):
    opened_by_other_tab, _ = services.start_attempt(learner, module)
    # This request checked for an open attempt just before the other tab created one.
    real_open = AttemptQuerySet.open
    checks = []

    def open_as_seen_a_moment_ago(queryset):
        checks.append(1)
        return real_open(queryset).none() if len(checks) == 1 else real_open(queryset)

    monkeypatch.setattr(AttemptQuerySet, "open", open_as_seen_a_moment_ago)

    attempt, created = services.start_attempt(learner, module)

    assert (attempt.pk, created) == (opened_by_other_tab.pk, False)
    assert Attempt.objects.filter(learner=learner, module=module).count() == 1


# -- real concurrent requests (PostgreSQL: SQLite's in-memory test database locks whole tables) ---

needs_row_locks = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="needs concurrent connections (PostgreSQL)"
)


def at_the_same_moment(count, work):
    """Run ``work(i)`` in ``count`` threads released together; return results or exceptions."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(i):
        try:
            barrier.wait(timeout=10)
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[i] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@needs_row_locks
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_answers_to_one_step_record_exactly_one():
    module = make_module(catalogue=site_with_catalogue())
    learner = UserFactory()
    attempt, _ = services.start_attempt(learner, module)
    advance_to(attempt, DECISION)
    decision = services.attempt_content(attempt).steps[DECISION]
    choices = [best_answer(decision), worst_answer(decision)] * 3

    def answer(i):
        own_copy = services.attempts_of(learner).get(pk=attempt.pk)  # each request loads it
        return services.record_response(own_copy, DECISION, choices[i])

    results = at_the_same_moment(len(choices), answer)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert Response.objects.filter(attempt=attempt).count() == 1
    stored = Response.objects.get(attempt=attempt)
    assert {response.pk for response, _created in results} == {stored.pk}
    assert {tuple(response.chosen_options) for response, _created in results} == {
        tuple(stored.chosen_options)
    }
    assert sum(created for _response, created in results) == 1


@needs_row_locks
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_starts_open_exactly_one_attempt():
    module = make_module(catalogue=site_with_catalogue())
    learner = UserFactory()

    results = at_the_same_moment(6, lambda i: services.start_attempt(learner, module))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert Attempt.objects.filter(learner=learner, module=module).count() == 1
    assert {attempt.pk for attempt, _created in results} == {Attempt.objects.get().pk}
    assert sum(created for _attempt, created in results) == 1
    assert Completion.objects.get(learner=learner).attempt_count == 1
