"""xAPI statements into a real Learning Record Store (Ralph, tests/xapi/ralph.py), sent by the
task worker: what a learner does arrives as valid statements that can be read back, with a
pseudonym for the learner; with the LRS down the statements wait and arrive once it is back, and
the learner notices nothing."""

import json
import time

import pytest
from django.core.management import call_command

from tests.factories import UserFactory, make_module, play, worst_answer
from training import services as training
from training.models import Attempt
from xapi import services, statements
from xapi.models import OutboxStatement, StatementStatus
from xapi.statements import actor_name, registration

pytestmark = [
    pytest.mark.lrs,
    # A real transaction: statements are queued on commit, and the worker runs as in production.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VERBS = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def statements_of(lrs, attempt):
    mine = [s for s in lrs.statements() if s["context"]["registration"] == registration(attempt)]
    return sorted(mine, key=lambda s: s["timestamp"])


def verb_names(statements):
    return [s["verb"]["id"].removeprefix(VERBS) for s in statements]


def test_a_passed_attempt_arrives_as_valid_statements_that_can_be_read_back(
    ralph, xapi_to, database_queue
):
    xapi_to(ralph)
    learner = UserFactory(
        username="jansen.p",
        email="p.jansen@gemeente-test.nl",
        first_name="Piet",
        last_name="Jansen",
    )
    module = make_module(title="Drugsafval in het buitengebied")
    attempt, _created = training.start_attempt(learner, module)
    attempt = play(attempt)
    assert attempt.passed is True
    # Queued, not sent: the learner's requests never talked to the LRS.
    assert OutboxStatement.objects.filter(status=StatementStatus.PENDING).count() == 6
    assert statements_of(ralph, attempt) == []

    run_worker()

    assert set(OutboxStatement.objects.values_list("status", flat=True)) == {StatementStatus.SENT}
    stored = statements_of(ralph, attempt)
    assert verb_names(stored) == [
        "launched",
        "answered",
        "answered",
        "answered",
        "completed",
        "passed",
    ]
    outbox_ids = OutboxStatement.objects.values_list("pk", flat=True)
    assert {s["id"] for s in stored} == {str(pk) for pk in outbox_ids}
    for statement in stored:
        assert statement["actor"]["account"] == {
            "homePage": "https://training.example.org",
            "name": actor_name(learner.pk),
        }
        assert "mbox" not in statement["actor"] and "name" not in statement["actor"]
    everything = json.dumps(stored)
    for personal in ("jansen", "Piet", "Jansen", "gemeente-test", "p.jansen"):
        assert personal not in everything
    module_id = f"https://training.example.org/xapi/activities/module/{module.pk}"
    launched, first_answer, *_rest, completed, passed = stored
    assert launched["object"]["id"] == module_id
    assert launched["object"]["definition"]["name"] == {"nl-NL": "Drugsafval in het buitengebied"}
    assert first_answer["object"]["id"].startswith(f"{module_id}/step/")
    assert first_answer["context"]["contextActivities"]["parent"][0]["id"] == module_id
    assert first_answer["result"]["success"] is True
    assert first_answer["result"]["score"]["scaled"] == 1
    assert completed["result"]["completion"] is True
    assert passed["result"] == {
        "score": {"raw": 5, "min": 0, "max": 5, "scaled": 1},
        "success": True,
        "completion": True,
    }


def test_the_lrs_refuses_an_invalid_statement_and_it_is_not_retried(ralph, xapi_to, database_queue):
    xapi_to(ralph)
    learner = UserFactory()
    attempt, _created = training.start_attempt(learner, make_module())
    entry = OutboxStatement.objects.get(attempt=attempt)
    # An actor without any identifier: no LRS may store it.
    entry.statement = {**statements.build(entry), "actor": {"objectType": "Agent"}}
    entry.save()
    other_learner = UserFactory()
    training.start_attempt(other_learner, make_module())  # a valid one in the same batch

    assert services.deliver() == {"sent": 1, "rejected": 1, "failed": 0}

    entry.refresh_from_db()
    assert entry.status == StatementStatus.REJECTED
    assert entry.last_error.startswith(("HTTP 400", "HTTP 422"))
    assert "actor" in entry.last_error
    assert services.deliver() == {"sent": 0, "rejected": 0, "failed": 0}
    assert len([s for s in ralph.statements() if s["id"] == str(entry.pk)]) == 0


def test_with_the_lrs_down_statements_wait_and_arrive_when_it_is_back(
    ralph, xapi_to, database_queue
):
    xapi_to(ralph)
    ralph.stop()
    learner = UserFactory()
    attempt, _created = training.start_attempt(learner, make_module())

    started = time.monotonic()
    attempt = play(attempt, choose=worst_answer)
    assert time.monotonic() - started < 10  # nothing waited for the LRS
    assert attempt.passed is False
    assert Attempt.objects.get(pk=attempt.pk).finished_at is not None

    run_worker()  # the LRS is down: every try fails

    waiting = OutboxStatement.objects.filter(status=StatementStatus.PENDING)
    assert waiting.count() == 6
    assert all(entry.tries >= 1 and entry.last_error for entry in waiting)
    assert "ConnectionError" in waiting.first().last_error

    ralph.start()
    assert statements_of(ralph, attempt) == []
    retry_due = max(waiting.values_list("next_try_at", flat=True))
    time.sleep(max(0.0, (retry_due - retry_due.now(retry_due.tzinfo)).total_seconds()) + 0.2)

    run_worker()  # the retry the failed delivery queued for later

    assert set(OutboxStatement.objects.values_list("status", flat=True)) == {StatementStatus.SENT}
    stored = statements_of(ralph, attempt)
    assert verb_names(stored) == [
        "launched",
        "answered",
        "answered",
        "answered",
        "completed",
        "failed",
    ]
    assert stored[-1]["result"]["success"] is False
    assert stored[-1]["result"]["score"]["scaled"] < 0.7
