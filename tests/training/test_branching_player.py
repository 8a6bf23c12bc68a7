"""A learner on a branching module and on an ordering question, through the player's pages: the
path is recorded, only steps on it open, the score counts the path taken, the result page shows
the path next to the recommended one, and a malformed order is refused with 400."""

import re

import pytest
from django.utils import translation

from tests.factories import (
    branch_scene,
    branching_decision,
    branching_steps,
    information_step,
    make_image,
    make_module,
    multiple_choice_step,
    option_id,
    ordering_step,
    scene_step,
    single_choice_step,
)
from training import services
from training.models import Attempt, Response

KNOCK = "Klop aan en kijk binnen"
DANGER = "Gevaar achter de deur"


def nl(message):
    with translation.override("nl"):
        return str(translation.gettext(message))


def step_url(attempt, number, action=""):
    return f"/leren/poging/{attempt.pk}/stap/{number}/{action}"


@pytest.fixture
def branching_module(catalogue):
    return make_module(catalogue=catalogue, steps=branching_steps(make_image()))


@pytest.fixture
def branching_attempt(learner, branching_module):
    return services.start_attempt(learner, branching_module)[0]


def content_ids(attempt):
    return [step.id for step in services.attempt_content(attempt).steps]


def walk_to_decision(client, attempt):
    assert client.post(step_url(attempt, 1, "verder/")).status_code == 302
    assert client.post(step_url(attempt, 2, "verder/")).status_code == 302


def answer_decision(client, attempt, text):
    decision = services.attempt_content(attempt).steps[2]
    response = client.post(step_url(attempt, 3, "antwoord/"), {"option": option_id(decision, text)})
    assert response.status_code == 302


def test_knocking_leads_to_the_danger_scene_and_the_path_records_it(
    learner_client, branching_attempt
):
    attempt = branching_attempt
    info, scene, decision, danger, single, _multiple = content_ids(attempt)
    walk_to_decision(learner_client, attempt)
    answer_decision(learner_client, attempt, KNOCK)
    response = learner_client.post(step_url(attempt, 3, "verder/"))
    assert response.url == step_url(attempt, 4)

    page = learner_client.get(step_url(attempt, 4)).content.decode()
    assert DANGER in page
    assert nl("Step %(number)s of %(total)s") % {"number": 4, "total": 6} in page
    attempt.refresh_from_db()
    assert attempt.path == [info, scene, decision, danger]

    learner_client.post(step_url(attempt, 4, "verder/"))
    attempt.refresh_from_db()
    assert attempt.path == [info, scene, decision, danger, single]
    assert "Waar wijst anijslucht op?" in learner_client.get(step_url(attempt, 5)).content.decode()


def test_a_learner_who_does_not_knock_never_meets_the_branch_scene(
    learner_client, branching_attempt
):
    attempt = branching_attempt
    walk_to_decision(learner_client, attempt)
    decision_page = learner_client.get(step_url(attempt, 3)).content.decode()
    assert nl("Step %(number)s of %(total)s") % {"number": 3, "total": 5} in decision_page
    answer_decision(learner_client, attempt, "Noteer kenteken en meld het")
    learner_client.post(step_url(attempt, 3, "verder/"))
    attempt.refresh_from_db()
    info, scene, decision, danger, single, _multiple = content_ids(attempt)
    assert attempt.path == [info, scene, decision, single]
    for number in range(1, 5):
        assert DANGER not in learner_client.get(step_url(attempt, number)).content.decode()
    assert learner_client.get(step_url(attempt, 6)).status_code == 404  # a path of 5 steps


def test_a_step_further_on_the_path_does_not_open_before_the_learner_gets_there(
    learner_client, branching_attempt
):
    attempt = branching_attempt
    response = learner_client.get(step_url(attempt, 4))
    assert response.status_code == 302 and response.url == step_url(attempt, 1)
    decision = services.attempt_content(attempt).steps[2]
    refused = learner_client.post(
        step_url(attempt, 3, "antwoord/"), {"option": option_id(decision, KNOCK)}
    )
    assert refused.status_code == 400
    assert nl("Finish the earlier steps first.") in refused.content.decode()
    assert not Response.objects.exists()
    attempt.refresh_from_db()
    assert attempt.path == content_ids(attempt)[:1]


def test_the_answer_that_was_recorded_decides_the_branch_even_after_a_resubmit(
    learner_client, branching_attempt
):
    attempt = branching_attempt
    walk_to_decision(learner_client, attempt)
    answer_decision(learner_client, attempt, "Noteer kenteken en meld het")
    answer_decision(learner_client, attempt, KNOCK)  # a second tab: the first answer stands
    learner_client.post(step_url(attempt, 3, "verder/"))
    attempt.refresh_from_db()
    assert content_ids(attempt)[3] not in attempt.path


def finish_along(client, attempt, decision_text):
    walk_to_decision(client, attempt)
    answer_decision(client, attempt, decision_text)
    client.post(step_url(attempt, 3, "verder/"))
    attempt.refresh_from_db()
    number = 4
    while True:
        step = services.step_at(attempt, number - 1)
        if step.block_type == "single_choice":
            client.post(step_url(attempt, number, "antwoord/"), {"option": option_id(step, "XTC")})
        elif step.block_type == "multiple_choice":
            correct = [c.id for c in step.value["options"].bound_blocks if c.value["correct"]]
            client.post(step_url(attempt, number, "antwoord/"), {"option": correct})
        client.post(step_url(attempt, number, "verder/"))
        attempt.refresh_from_db()
        if number >= len(attempt.path):
            break
        number += 1
    response = client.post(f"/leren/poging/{attempt.pk}/afronden/")
    assert response.status_code == 302, response.content.decode()[-2000:]
    return client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()


def listed(html, css_class):
    match = re.search(rf'<ol class="path {css_class}">(.*?)</ol>', html, re.S)
    items = re.findall(r"<li[^>]*>(.*?)</li>", match.group(1), re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]


def test_the_result_page_shows_the_path_taken_next_to_the_recommended_path(
    learner_client, branching_attempt
):
    html = finish_along(learner_client, branching_attempt, KNOCK)
    marker = nl("not on the recommended path")
    taken = listed(html, "path--taken")
    recommended = listed(html, "path--recommended")
    assert taken == [
        "Wat je moet weten",
        "Avondronde",
        "Wat doe je bij de deur?",
        f"{DANGER} ({marker})",
        "Waar wijst anijslucht op?",
        "Welke signalen passen bij een drugslab?",
    ]
    assert recommended == [entry for entry in taken if marker not in entry]
    assert nl("The path you took") in html and nl("The recommended path") in html
    parted = nl(
        "Your path differs from the recommended path from step %(number)s on. Steps that are "
        "on only one of the two paths are marked."
    )
    assert parted % {"number": 4} in html


def test_a_learner_on_the_recommended_path_is_told_so(learner_client, branching_attempt):
    html = finish_along(learner_client, branching_attempt, "Noteer kenteken en meld het")
    assert nl("You took the recommended path: the best choice at every decision.") in html
    assert nl("not on the recommended path") not in html
    # the route once, not the same list twice side by side
    assert html.count('<ol class="path') == 1
    assert nl("The path you took") not in html and nl("The recommended path") not in html
    assert listed(html, "path--taken path--recommended")[0] == "Wat je moet weten"


def test_a_module_without_branches_shows_no_paths(learner_client, learner, module):
    from tests.factories import play

    attempt = play(services.start_attempt(learner, module)[0])
    html = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()
    assert nl("The path you took") not in html


def test_a_branch_that_skips_a_question_scores_over_the_path_taken(learner, catalogue):
    """Knocking jumps to a regular scene after the single-choice question: that question is not
    on the path, not required to finish, and not in the points possible."""
    image = make_image()
    steps = [
        branching_decision("further"),
        single_choice_step(),
        branch_scene(image, "further", heading="Verderop", branch_only=False),
        multiple_choice_step(),
    ]
    module = make_module(catalogue=catalogue, steps=steps)
    attempt = services.start_attempt(learner, module)[0]
    decision = services.step_at(attempt, 0)
    services.record_response(attempt, 0, [option_id(decision, KNOCK)])
    services.continue_after(attempt, 0)
    services.continue_after(attempt, 1)
    multiple = services.step_at(attempt, 2)
    correct = [c.id for c in multiple.value["options"].bound_blocks if c.value["correct"]]
    services.record_response(attempt, 2, correct)
    finished = services.finish_attempt(attempt)
    assert finished.max_points == 2 + multiple.value["points"]  # the decision's best + multiple
    assert finished.points == multiple.value["points"]  # knocking earns 0
    assert [services.step_at(finished, i).block_type for i in range(3)] == [
        "decision",
        "scene",
        "multiple_choice",
    ]


def test_finishing_before_the_branch_scene_is_refused(learner, catalogue):
    image = make_image()
    steps = [branching_decision("gevaar"), branch_scene(image, "gevaar"), information_step()]
    attempt = services.start_attempt(learner, make_module(catalogue=catalogue, steps=steps))[0]
    decision = services.step_at(attempt, 0)
    services.record_response(attempt, 0, [option_id(decision, KNOCK)])
    with pytest.raises(services.AttemptIncomplete):
        services.finish_attempt(attempt)
    assert Attempt.objects.get(pk=attempt.pk).finished_at is None


# -- ordering questions in the player -------------------------------------------------------------


@pytest.fixture
def ordering_attempt(learner, catalogue):
    module = make_module(
        catalogue=catalogue, steps=[scene_step(make_image()), ordering_step(points=5)]
    )
    attempt = services.start_attempt(learner, module)[0]
    services.continue_after(attempt, 0)
    return attempt


def item_ids(attempt):
    step = services.attempt_content(attempt).steps[1]
    return [child.id for child in step.value["items"].bound_blocks]


def shown_order(html):
    return re.findall(r'data-item="([^"]+)"', html)


def test_the_items_are_shuffled_the_same_way_on_every_reload(learner_client, ordering_attempt):
    first = shown_order(learner_client.get(step_url(ordering_attempt, 2)).content.decode())
    again = shown_order(learner_client.get(step_url(ordering_attempt, 2)).content.decode())
    assert first == again
    assert sorted(first) == sorted(item_ids(ordering_attempt))
    assert first != item_ids(ordering_attempt)


@pytest.mark.parametrize(
    "make_answer",
    [
        lambda ids: ids[:-1],
        lambda ids: [ids[0], *ids[:-1]],
        lambda ids: [*ids[:-1], "niet-bestaand"],
        lambda ids: [f"{item_id}:1" for item_id in ids],
        lambda ids: [],
    ],
    ids=["missing", "duplicate", "unknown", "same-position", "empty"],
)
def test_a_malformed_order_is_refused_with_400_and_a_message(
    learner_client, ordering_attempt, make_answer
):
    response = learner_client.post(
        step_url(ordering_attempt, 2, "antwoord/"),
        {"option": make_answer(item_ids(ordering_attempt))},
    )
    assert response.status_code == 400
    message = nl("Put every item in a position of its own: each position from 1 to %(count)s once.")
    assert message % {"count": 5} in response.content.decode()
    assert not Response.objects.exists()


def test_an_order_posted_as_positions_is_scored_and_stored_as_item_ids(
    learner_client, ordering_attempt
):
    a, b, c, d, e = item_ids(ordering_attempt)
    posted = [f"{a}:1", f"{b}:2", f"{c}:3", f"{d}:5", f"{e}:4"]
    response = learner_client.post(step_url(ordering_attempt, 2, "antwoord/"), {"option": posted})
    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.chosen_options == [a, b, c, e, d]
    assert (stored.verdict, stored.points, stored.max_points) == ("partial", 3, 5)


def test_after_answering_the_learner_sees_both_orders_marked_right_or_wrong(
    learner_client, ordering_attempt
):
    a, b, c, d, e = item_ids(ordering_attempt)
    learner_client.post(step_url(ordering_attempt, 2, "antwoord/"), {"option": [b, a, c, d, e]})
    html = learner_client.get(step_url(ordering_attempt, 2)).content.decode()
    rows = re.findall(
        r'<tr class="order-review__row order-review__row--(\w+)">(.*?)</tr>', html, re.S
    )
    assert [kind for kind, _row in rows] == ["wrong", "wrong", "right", "right", "right"]
    first_row = " ".join(re.sub(r"<[^>]+>", " ", rows[0][1]).split())
    assert first_row == (f"1 Niets aanraken ✘ {nl('Wrong')} Afstand houden met de wind in de rug")
    assert nl("Your order") in html and nl("Correct order") in html
    assert "FEEDBACK-ORDERING" in html
    assert 'class="ordering"' not in html  # the form is gone


def test_the_trainers_preview_shows_the_ordering_question_shuffled_and_disabled(
    rf, catalogue, superuser
):
    module = make_module(catalogue=catalogue, steps=[ordering_step(), information_step()])
    request = rf.get("/")
    request.user = superuser
    response = module.serve_preview(request, "player")
    response.render()
    html = response.content.decode()
    step = module.steps[0]
    correct = [child.id for child in step.value["items"].bound_blocks]
    shown = shown_order(html)
    assert sorted(shown) == sorted(correct) and shown != correct
    assert html.count('<select name="option"') == len(correct)
    assert html.count(" disabled>") >= len(correct)
    assert "FEEDBACK-ORDERING" not in html
