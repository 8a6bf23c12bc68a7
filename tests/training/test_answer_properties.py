"""Property-based tests of the answer endpoint: whatever a browser, a script or an attacker
posts (random field names, repeated or foreign option ids, unicode, huge strings, nothing), the
answer is either recorded (302), refused with a message (400) or rate-limited (429), never a
server error; a recorded answer and a finished attempt's score never change, and a refused
answer records nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    UserFactory,
    decision_step,
    hotspot_marks,
    hotspot_step,
    information_step,
    make_image,
    make_module,
    multiple_choice_step,
    option_ids,
    ordering_step,
    play,
    single_choice_step,
)
from training import services
from training.models import Attempt, Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client, catalogue, settings):
    settings.RATELIMIT_ANSWER = "1000000/m"  # these tests post far faster than a person
    settings.LANGUAGE_CODE = "en"
    image = make_image()
    steps = [
        information_step(),
        decision_step(),
        single_choice_step(),
        multiple_choice_step(),
        ordering_step(),
        hotspot_step(image),
    ]
    module = make_module(catalogue=catalogue, steps=steps)
    learner = UserFactory()
    finished = play(services.start_attempt(learner, module)[0])
    attempt, _created = services.start_attempt(learner, module)
    content = services.attempt_content(attempt)
    # Every step may be answered: the learner has read up to the last one.
    reached = {"reached_step": len(content.steps) - 1}
    if any(field.name == "path" for field in Attempt._meta.get_fields()):
        reached["path"] = [step.id for step in content.steps]  # the learner's path (branching)
    Attempt.objects.filter(pk=attempt.pk).update(**reached)
    attempt.refresh_from_db()
    # One answer is already recorded before the random posts begin.
    services.record_response(attempt, 1, option_ids(content.steps[1])[:1])
    client.force_login(learner)
    ids = {}
    for step in content.steps:
        if step.block_type in ("decision", "single_choice", "multiple_choice"):
            ids[step.id] = option_ids(step)
        elif step.block_type == "ordering":
            ids[step.id] = [child.id for child in step.value["items"].bound_blocks]
        elif step.block_type == "hotspot":
            ids[step.id] = [
                f"r:{child.id}" for child in step.value["regions"].bound_blocks
            ] + hotspot_marks(step)
    all_ids = sorted({value for values in ids.values() for value in values})
    return {
        "client": client,
        "attempt": attempt,
        "finished": finished,
        "steps": content.steps,
        "all_ids": all_ids,
    }


def field_values(all_ids):
    return st.one_of(
        st.sampled_from(all_ids),  # real ids, of this step or of another
        st.text(max_size=40),  # unicode of any kind
        st.text(alphabet="0123456789-:,.rp", max_size=20),  # near-miss ids, positions, marks
        st.builds(lambda i, n: f"{i}:{n}", st.sampled_from(all_ids), st.integers(-3, 9)),
        st.builds(lambda x, y: f"p:{x},{y}", st.integers(-10, 2000), st.integers(-10, 2000)),
        st.just("x" * 20_000),  # huge
        st.just(""),
    )


def bodies(all_ids):
    names = st.one_of(
        st.just("option"), st.sampled_from(["options", "option[]", "OPTION", ""]), st.text()
    )
    return st.dictionaries(names, st.lists(field_values(all_ids), max_size=8), max_size=4)


def snapshot(attempt_ids):
    return {
        (r.attempt_id, r.block_id): (tuple(r.chosen_options), r.verdict, r.points)
        for r in Response.objects.filter(attempt_id__in=attempt_ids)
    }


def scores(attempt_ids):
    return list(
        Attempt.objects.filter(pk__in=attempt_ids)
        .order_by("pk")
        .values_list("pk", "points", "score", "passed", "finished_at")
    )


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_post_to_the_answer_endpoint_is_recorded_once_or_refused_never_a_500(setup, data):
    attempt, finished = setup["attempt"], setup["finished"]
    target = data.draw(st.sampled_from([attempt, attempt, attempt, finished]), label="attempt")
    number = data.draw(
        st.one_of(st.integers(1, len(setup["steps"])), st.sampled_from([0, 99, 10**6])),
        label="step number",
    )
    body = data.draw(bodies(setup["all_ids"]), label="body")
    ids = [attempt.pk, finished.pk]
    responses_before, scores_before = snapshot(ids), scores(ids)

    response = setup["client"].post(f"/leren/poging/{target.pk}/stap/{number}/antwoord/", body)

    assert response.status_code in (200, 302, 400, 404), response.status_code
    responses_after = snapshot(ids)
    # Nothing recorded ever changes, and a finished attempt's score stays what it was.
    assert {key: responses_after[key] for key in responses_before} == responses_before
    assert scores(ids) == scores_before
    new = set(responses_after) - set(responses_before)
    if response.status_code == 302:
        assert len(new) <= 1
        if new:
            step = setup["steps"][number - 1]
            assert new == {(attempt.pk, step.id)}
    else:
        assert not new, "a refused answer recorded something"
    if response.status_code == 400:
        assert 'role="alert"' in response.content.decode()
