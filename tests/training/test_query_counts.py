"""The player's database work does not grow with the size of a module: opening a step and
answering one cost the same number of queries for 5 steps as for 50, and stay small.

The module is set up the way a trainer leaves it (owner, image, several published revisions), so
that foreign keys in the pinned revision count as they would in production. Run with ``-s`` or
look at the captured output to see the measured numbers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import best_answer, make_image, make_module, sized_steps
from training import services

STEP_GET_LIMIT = 8
ANSWER_POST_LIMIT = 10
SIZES = (5, 50)
DECISION = 2  # sized_steps: information, scene, decision, single choice, multiple choice, ...


def published_like_a_trainer_would(catalogue, trainer, size):
    image = make_image()
    module = make_module(catalogue=catalogue, steps=sized_steps(image, size))
    for title in ("Tweede versie", "Derde versie"):
        module.title = title
        module.owner = trainer
        module.image = image
        module.save_revision(user=trainer).publish()
    module.refresh_from_db()
    return module


def counted(client, method, url, data=None):
    """(number of queries, savepoint statements among them, response)."""
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data)
    savepoints = sum(1 for q in queries.captured_queries if "SAVEPOINT" in q["sql"].upper())
    return len(queries), savepoints, response


@pytest.fixture
def measured(client, learner, catalogue, trainer):
    """Query counts per module size, for a learner who reached the decision (step 3)."""
    client.force_login(learner)
    results = {}
    for size in SIZES:
        module = published_like_a_trainer_would(catalogue, trainer, size)
        attempt, _ = services.start_attempt(learner, module)
        services.continue_after(attempt, 0)
        services.continue_after(attempt, 1)
        step_url = f"/leren/poging/{attempt.pk}/stap/{DECISION + 1}/"
        scene_url = f"/leren/poging/{attempt.pk}/stap/2/"
        client.get(step_url)  # warm the session and the cache of image renditions
        client.get(scene_url)
        decision = services.attempt_content(attempt).steps[DECISION]

        get_count, _, get_response = counted(client, "get", step_url)
        scene_count, _, scene_response = counted(client, "get", scene_url)
        post_count, post_savepoints, post_response = counted(
            client, "post", step_url + "antwoord/", {"option": best_answer(decision)}
        )
        assert (
            get_response.status_code,
            scene_response.status_code,
            post_response.status_code,
        ) == (200, 200, 302)
        results[size] = {
            "step GET": get_count,
            "scene step GET": scene_count,
            "answer POST": post_count,
            "answer POST savepoints": post_savepoints,
        }
    print(f"\nplayer query counts by module size: {results}")
    return results


def test_opening_a_step_costs_the_same_queries_for_5_and_50_steps(measured):
    assert measured[5]["step GET"] == measured[50]["step GET"]
    assert measured[5]["scene step GET"] == measured[50]["scene step GET"]
    assert measured[50]["step GET"] <= STEP_GET_LIMIT
    assert measured[50]["scene step GET"] <= STEP_GET_LIMIT


def test_answering_costs_the_same_queries_for_5_and_50_steps(measured):
    assert measured[5]["answer POST"] == measured[50]["answer POST"]
    # Counted as the test sees them: inside the test's transaction the service's atomic block is
    # a savepoint, so SAVEPOINT and RELEASE are among the counted statements.
    assert measured[50]["answer POST"] <= ANSWER_POST_LIMIT
