"""The xAPI outbox without an LRS: statements are queued in the learner's transaction (and
only then), actors are pseudonyms, and an LRS that is down never reaches the learner."""

import json
import socket

import pytest
from django.db import transaction

from tests.factories import UserFactory, advance_to, best_answer, play, step_at
from training import services as training
from xapi import services, statements
from xapi.models import OutboxStatement, StatementStatus, Verb

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def lrs_down(settings):
    settings.XAPI_ENDPOINT = f"http://127.0.0.1:{closed_port()}/xAPI/"
    settings.XAPI_USERNAME = "platform"
    settings.XAPI_PASSWORD = "secret"  # noqa: S105
    settings.XAPI_RETRY_BASE_SECONDS = 30
    settings.XAPI_RETRY_MAX_SECONDS = 3600


def test_without_an_endpoint_nothing_is_queued(settings, learner, module):
    settings.XAPI_ENDPOINT = ""
    play(training.start_attempt(learner, module)[0])
    assert OutboxStatement.objects.count() == 0


def test_each_step_of_a_learner_queues_its_statement_once(lrs_down, learner, module):
    attempt, _created = training.start_attempt(learner, module)
    training.start_attempt(learner, module)  # resumed: no second "launched"
    attempt = play(attempt, finish=False)
    step = step_at(attempt, 2)
    training.record_response(attempt, 2, best_answer(step))  # a resubmit: nothing new
    training.finish_attempt(attempt)
    training.finish_attempt(attempt)  # finished already: nothing new

    verbs = list(OutboxStatement.objects.order_by("created_at").values_list("verb", flat=True))
    assert verbs == [
        Verb.LAUNCHED,
        Verb.ANSWERED,
        Verb.ANSWERED,
        Verb.ANSWERED,
        Verb.COMPLETED,
        Verb.PASSED,
    ]


def test_an_answer_that_rolls_back_leaves_no_statement(lrs_down, learner, module):
    attempt = advance_to(training.start_attempt(learner, module)[0], 2)
    before = OutboxStatement.objects.count()
    step = step_at(attempt, 2)
    with pytest.raises(RuntimeError), transaction.atomic():
        training.record_response(attempt, 2, best_answer(step))
        assert OutboxStatement.objects.count() == before + 1
        raise RuntimeError("the request failed after the answer")
    assert OutboxStatement.objects.count() == before


def test_the_lrs_down_never_reaches_the_learner_and_the_statements_wait(
    lrs_down, learner, module, django_capture_on_commit_callbacks
):
    # Tasks run inline in the tests: the delivery runs at commit, as a worker would right after.
    with django_capture_on_commit_callbacks(execute=True):
        attempt = play(training.start_attempt(learner, module)[0])

    assert attempt.passed is True
    waiting = OutboxStatement.objects.all()
    assert waiting.count() == 6
    assert {entry.status for entry in waiting} == {StatementStatus.PENDING}
    assert all(entry.tries >= 1 and "ConnectionError" in entry.last_error for entry in waiting)
    # Built once, kept for every retry (same id, same content).
    assert all(entry.statement["id"] == str(entry.pk) for entry in waiting)
    assert services.deliver() == {"sent": 0, "rejected": 0, "failed": 0}  # not due yet


def test_retries_back_off_doubling_up_to_the_limit(settings):
    settings.XAPI_RETRY_BASE_SECONDS = 30
    settings.XAPI_RETRY_MAX_SECONDS = 3600
    delays = [services.backoff(tries) for tries in range(1, 10)]
    for tries, delay in enumerate(delays, start=1):
        expected = min(30 * 2 ** (tries - 1), 3600)
        assert expected <= delay <= expected * 1.1


def test_the_actor_is_a_keyed_pseudonym_never_a_name_or_address(lrs_down, settings, module):
    learner = UserFactory(
        username="de.vries",
        email="a.devries@gemeente-test.nl",
        first_name="Anna",
        last_name="Vries",
    )
    other = UserFactory()
    attempt = play(training.start_attempt(learner, module)[0])
    built = [statements.build(entry) for entry in OutboxStatement.objects.filter(attempt=attempt)]

    text = json.dumps(built)
    for personal in ("de.vries", "devries", "gemeente-test", "Anna", "Vries"):
        assert personal not in text
    name = statements.actor_name(learner.pk)
    assert len(name) == 64 and int(name, 16) >= 0  # HMAC-SHA256, hex
    assert {json.dumps(s["actor"], sort_keys=True) for s in built} == {
        json.dumps(
            {
                "objectType": "Agent",
                "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": name},
            },
            sort_keys=True,
        )
    }
    assert statements.actor_name(other.pk) != name
    assert statements.actor_name(learner.pk) == name  # stable: the LRS can follow one learner
    settings.XAPI_ACTOR_KEY = "another-key"
    assert statements.actor_name(learner.pk) != name  # and it takes the key to compute it


def test_no_answer_key_or_chosen_option_leaves_the_platform(lrs_down, learner, module):
    attempt = play(training.start_attempt(learner, module)[0])
    text = json.dumps(
        [statements.build(entry) for entry in OutboxStatement.objects.filter(attempt=attempt)]
    )
    for response in attempt.responses.all():
        for option in response.chosen_options:
            assert str(option) not in text
    assert "correctResponsesPattern" not in text
    assert "FEEDBACK" not in text and "EXPLANATION" not in text


def test_with_xapi_on_an_answer_costs_one_insert_more_whatever_the_module_size(
    client, settings, learner, catalogue, trainer
):
    from tests.training.test_query_counts import DECISION, counted, published_like_a_trainer_would

    client.force_login(learner)
    costs = {}
    for size in (5, 50):
        for on in (False, True):
            settings.XAPI_ENDPOINT = "http://127.0.0.1:9/xAPI/" if on else ""
            module = published_like_a_trainer_would(catalogue, trainer, size)
            attempt, _ = training.start_attempt(learner, module)
            training.continue_after(attempt, 0)
            training.continue_after(attempt, 1)
            step_url = f"/leren/poging/{attempt.pk}/stap/{DECISION + 1}/"
            client.get(step_url)
            decision = training.attempt_content(attempt).steps[DECISION]
            count, _, response = counted(
                client, "post", step_url + "antwoord/", {"option": best_answer(decision)}
            )
            assert response.status_code == 302
            costs[size, on] = count
    # The outbox row; the delivery task is queued after the commit (one more insert), and
    # nothing waits for the LRS.
    assert costs[5, True] == costs[50, True] == costs[5, False] + 1
