"""Fault injection: when the database fails while an attempt is being finished (the completion
record cannot be written), the whole finish is rolled back: the attempt stays open, the
completion and certificates stay as they were, the learner gets a page that says to try again
(503, not a server error page), and trying again works."""

import pytest
from django.db import OperationalError, connection

from tests.factories import play
from training.models import Attempt, Completion

pytestmark = pytest.mark.django_db

FAILING_TABLES = ('"training_completion"',)


def failing_completion_writes(execute, sql, params, many, context):
    statement = sql.lstrip().upper()
    if statement.startswith(("UPDATE", "INSERT")) and any(
        t.upper() in statement for t in FAILING_TABLES
    ):
        raise OperationalError("injected: the database went away")
    return execute(sql, params, many, context)


def certificates_of(learner):
    from certificates.models import Certificate

    return list(Certificate.objects.filter(learner=learner).values_list("pk", flat=True))


@pytest.fixture
def ready_to_finish(learner, attempt, settings):
    settings.LANGUAGE_CODE = "en"
    play(attempt, finish=False)
    attempt.refresh_from_db()
    return attempt


def completion_state(learner):
    return list(
        Completion.objects.filter(learner=learner).values_list(
            "status", "best_score", "first_completed_at", "attempt_count"
        )
    )


def test_a_database_error_while_finishing_leaves_the_attempt_open_and_says_try_again(
    learner_client, learner, ready_to_finish
):
    attempt = ready_to_finish
    completion_before = completion_state(learner)
    certificates_before = certificates_of(learner)

    with connection.execute_wrapper(failing_completion_writes):
        response = learner_client.post(f"/leren/poging/{attempt.pk}/afronden/")

    assert response.status_code == 503
    assert "try again" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.finished_at is None and attempt.score is None
    assert completion_state(learner) == completion_before
    assert certificates_of(learner) == certificates_before


def test_finishing_again_after_the_database_error_succeeds(
    learner_client, learner, ready_to_finish
):
    attempt = ready_to_finish
    with connection.execute_wrapper(failing_completion_writes):
        learner_client.post(f"/leren/poging/{attempt.pk}/afronden/")

    response = learner_client.post(f"/leren/poging/{attempt.pk}/afronden/")

    assert response.status_code == 302
    assert response["Location"].endswith(f"/leren/poging/{attempt.pk}/resultaat/")
    attempt = Attempt.objects.get(pk=attempt.pk)
    assert attempt.finished_at is not None and attempt.passed
    (completion,) = Completion.objects.filter(learner=learner)
    assert completion.status == "completed" and completion.best_score == attempt.score
    assert len(certificates_of(learner)) == 1
