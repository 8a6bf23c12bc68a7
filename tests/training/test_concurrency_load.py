"""Fifty answers at the same moment (PostgreSQL, each thread on its own connection): the same
answer fifty times, fifty different answers to one step, and two tabs answering interleaved
steps. Afterwards each step has exactly one answer, the first one committed is the one every
request reports, and the finished score is computed from exactly those answers.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
    .venv/bin/python -m pytest tests/training/test_concurrency_load.py -q -p no:cacheprovider
"""

import pytest
from django.db import connection  # noqa: F401 - read by the skip condition
from django.test import Client

from scenarios import scoring
from tests.factories import (
    UserFactory,
    advance_to,
    best_answer,
    make_module,
    option_ids,
    site_with_catalogue,
    worst_answer,
)
from tests.training.test_concurrency import at_the_same_moment, needs_row_locks
from training import services
from training.models import Attempt, Completion, Response

DECISION = 2
THREADS = 50

pytestmark = [needs_row_locks, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ANSWER = "1000000/m"


def answer_url(attempt, index):
    return f"/leren/poging/{attempt.pk}/stap/{index + 1}/antwoord/"


def logged_in_clients(user, count):
    clients = []
    for _ in range(count):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def open_every_step(attempt):
    """The learner has read up to the last step, so every question may be answered."""
    steps = services.attempt_content(attempt).steps
    reached = {"reached_step": len(steps) - 1}
    if any(field.name == "path" for field in Attempt._meta.get_fields()):
        reached["path"] = [step.id for step in steps]
    Attempt.objects.filter(pk=attempt.pk).update(**reached)
    attempt.refresh_from_db()
    return steps


def test_the_same_answer_posted_50_times_at_once_is_recorded_once():
    module = make_module(catalogue=site_with_catalogue())
    learner = UserFactory()
    attempt = advance_to(services.start_attempt(learner, module)[0], DECISION)
    decision = services.attempt_content(attempt).steps[DECISION]
    choice = best_answer(decision)
    clients = logged_in_clients(learner, THREADS)

    results = at_the_same_moment(
        THREADS, lambda i: clients[i].post(answer_url(attempt, DECISION), {"option": choice})
    )

    assert not [r for r in results if isinstance(r, Exception)], results
    assert {r.status_code for r in results} == {302}
    (stored,) = Response.objects.filter(attempt=attempt)
    assert (stored.block_id, stored.chosen_options, stored.verdict) == (
        decision.id,
        choice,
        "right",
    )
    assert Attempt.objects.get(pk=attempt.pk).reached_step == DECISION + 1


def test_50_different_answers_to_one_step_at_once_keep_the_first_committed_for_everyone():
    module = make_module(catalogue=site_with_catalogue())
    learner = UserFactory()
    attempt = advance_to(services.start_attempt(learner, module)[0], DECISION)
    decision = services.attempt_content(attempt).steps[DECISION]
    options = option_ids(decision)
    choices = [[options[i % len(options)]] for i in range(THREADS)]

    def answer(i):
        own_copy = services.attempts_of(learner).get(pk=attempt.pk)
        return services.record_response(own_copy, DECISION, choices[i])

    results = at_the_same_moment(THREADS, answer)

    assert not [r for r in results if isinstance(r, Exception)], results
    (stored,) = Response.objects.filter(attempt=attempt)
    assert sum(created for _response, created in results) == 1
    assert {response.pk for response, _created in results} == {stored.pk}
    # Every request, also those that lost, reports the answer that was committed first.
    assert {tuple(response.chosen_options) for response, _created in results} == {
        tuple(stored.chosen_options)
    }
    (winner,) = [response for response, created in results if created]
    assert winner.chosen_options == stored.chosen_options


def test_two_tabs_answering_interleaved_steps_at_once_record_each_step_once_and_score_right():
    module = make_module(catalogue=site_with_catalogue())
    learner = UserFactory()
    attempt, _created = services.start_attempt(learner, module)
    steps = open_every_step(attempt)
    scored = [index for index, step in enumerate(steps) if services.is_scored(step)]
    tabs = [logged_in_clients(learner, 1)[0], logged_in_clients(learner, 1)[0]]
    choose = [best_answer, worst_answer]  # tab 1 knows the answers, tab 2 guesses wrong

    def answer(i):
        tab = i % 2
        index = scored[(i // 2) % len(scored)]
        return tabs[tab].post(answer_url(attempt, index), {"option": choose[tab](steps[index])})

    results = at_the_same_moment(THREADS, answer)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert {r.status_code for r in results} == {302}
    responses = {r.block_id: r for r in Response.objects.filter(attempt=attempt)}
    assert sorted(responses) == sorted(steps[index].id for index in scored)
    assert Response.objects.filter(attempt=attempt).count() == len(scored)
    for index in scored:  # each stored answer is one of the two tabs' answers, whole
        # Option ids of a choice are stored sorted: compare as sets of choices, not orders.
        stored = sorted(responses[steps[index].id].chosen_options)
        assert stored in (sorted(best_answer(steps[index])), sorted(worst_answer(steps[index])))

    finished = services.finish_attempt(Attempt.objects.get(pk=attempt.pk))

    points = sum(r.points for r in responses.values())
    max_points = sum(r.max_points for r in responses.values())
    assert (finished.points, finished.max_points) == (points, max_points)
    assert finished.score == scoring.percentage(points, max_points)
    completion = Completion.objects.get(learner=learner, module=module)
    assert completion.best_score == finished.score
    assert completion.attempt_count == 1
