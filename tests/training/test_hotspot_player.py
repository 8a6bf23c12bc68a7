"""A learner answers a "spot the signals" step: what the page shows before and after answering,
what is stored, and how bad marks are refused."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import (
    hotspot_marks,
    hotspot_step,
    information_step,
    make_image,
    make_module,
    play,
)
from training import services
from training.models import Response

STEP = 2  # information, then the hotspot step


def nl(message):
    with translation.override("nl"):
        return str(translation.gettext(message))


@pytest.fixture
def attempt(learner, catalogue):
    image = make_image(size=(400, 300))
    module = make_module(catalogue=catalogue, steps=[information_step(), hotspot_step(image)])
    attempt, _ = services.start_attempt(learner, module)
    services.continue_after(attempt, 0)
    return attempt


def url(attempt, suffix=""):
    return f"/leren/poging/{attempt.pk}/stap/{STEP}/{suffix}"


def test_before_answering_the_page_shows_every_label_but_no_shape_kind_or_explanation(
    learner_client, attempt
):
    page = learner_client.get(url(attempt)).content.decode()
    labels = re.findall(r'<label for="option-2-\d+">([^<]+)</label>', page)
    assert sorted(labels) == sorted(
        [
            "Ramen aan de lange zijde",
            "Pijpen op het dak",
            "Busje bij de deur",
            "Hekpalen langs het pad",
            "Bomenrij achter de schuur",
        ]
    )
    assert labels[:3] != ["Ramen aan de lange zijde", "Pijpen op het dak", "Busje bij de deur"]
    for secret in (
        "EXPLANATION-REGION",
        "FEEDBACK-HOTSPOT",
        "100,100",
        "polygon",
        "hotspot-outline",
        "hotspot-badge",
    ):
        assert secret not in page
    assert "Er staan 3 signalen in deze afbeelding" in page  # the count, in Dutch by default
    assert 'data-max-marks="7"' in page


def test_marks_are_stored_as_region_ids_and_misses(learner_client, learner, attempt):
    response = learner_client.post(
        url(attempt, "antwoord/"), {"option": ["p:200,150", "p:100,900", "p:500,400", "r:r-2"]}
    )
    assert response.status_code == 302
    stored = Response.objects.get(attempt=attempt)
    # the scored items, then where each mark was and what it counted for
    assert stored.chosen_options == [
        "r-1",
        "r-2",
        "r-4",
        "miss",
        "m:200,150:r-1",
        "m:100,900:r-4",
        "m:500,400:miss",
    ]
    assert stored.block_type == "hotspot"
    assert (stored.verdict, stored.points, stored.max_points) == ("wrong", 0, 3)


@pytest.mark.parametrize(
    "marks",
    [[], ["p:nonsense"], ["p:1200,10"], ["r:someone-elses-region"], ["p:10,10"] * 8],
)
def test_bad_marks_are_refused_with_a_message_and_store_nothing(learner_client, attempt, marks):
    response = learner_client.post(url(attempt, "antwoord/"), {"option": marks})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert not Response.objects.filter(attempt=attempt).exists()


def test_after_answering_every_signal_is_explained_found_or_missed(learner_client, attempt):
    learner_client.post(url(attempt, "antwoord/"), {"option": ["p:200,150", "r:r-4"]})
    page = learner_client.get(url(attempt)).content.decode()
    for number in (1, 2, 3):
        assert f"EXPLANATION-REGION-{number}-SIGNAL" in page
    assert "EXPLANATION-REGION-4-ORDINARY" in page  # wrongly marked: explained
    assert "EXPLANATION-REGION-5-ORDINARY" not in page  # not marked: not needed
    assert page.count(nl("Found")) >= 1 and page.count(nl("Missed")) >= 2
    assert "FEEDBACK-HOTSPOT" in page
    assert page.count("<polygon") == 4  # three signals and the wrongly marked ordinary region
    assert 'style="' not in page


def test_the_feedback_shows_where_each_mark_counted_with_letters_and_dots(learner_client, attempt):
    # 30 beside signal 1 (counts, with a line to it), on signal 2, and on nothing
    learner_client.post(
        url(attempt, "antwoord/"), {"option": ["p:330,150", "p:700,100", "p:10,10"]}
    )
    page = learner_client.get(url(attempt)).content.decode()
    assert re.findall(r'data-letter="(\w+)"', page) == ["A", "B", "C"]
    assert page.count('class="hotspot-dot"') == 2 + 2  # two marks, and two keys in the legend
    assert page.count('class="hotspot-dot hotspot-dot--nothing"') == 1 + 1
    assert '<line class="hotspot-link" x1="330.0" y1="112.5" x2="300.0" y2="112.5">' in page
    assert nl("your mark was just beside it and counts") in page
    assert (
        nl("Dot with a line: your mark was just beside it and counts for what the line leads to")
        in page
    )
    assert nl("Open dot: a mark on nothing in particular") in page
    assert "(1 van 3 punten)" in page  # two found, one mark on nothing: (2 - 1) / 3 of 3


def test_a_mark_in_the_gap_beside_a_signal_no_longer_costs_points(learner_client, attempt):
    learner_client.post(
        url(attempt, "antwoord/"), {"option": ["p:320,150", "p:700,160", "p:500,590"]}
    )
    stored = Response.objects.get(attempt=attempt)
    assert (stored.verdict, stored.points) == ("right", 3)


def test_the_result_page_reviews_the_hotspot_step(learner_client, learner, attempt):
    step = services.attempt_content(attempt).steps[1]
    services.record_response(attempt, 1, hotspot_marks(step, lambda r: r["kind"] == "signal"))
    services.finish_attempt(attempt)
    page = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()
    assert "EXPLANATION-REGION-3-SIGNAL" in page
    assert page.count("<polygon") == 3
    assert "100%" in page


def test_playing_with_the_best_answer_passes(learner, catalogue):
    module = make_module(catalogue=catalogue, steps=[hotspot_step(make_image())])
    attempt, _ = services.start_attempt(learner, module)
    assert play(attempt).score == 100


def test_opening_a_hotspot_step_costs_the_same_queries_for_a_short_and_a_long_module(
    client, learner, catalogue
):
    counts = []
    image = make_image()
    for padding in (1, 40):
        steps = [information_step() for _ in range(padding)] + [hotspot_step(image)]
        module = make_module(catalogue=catalogue, steps=steps)
        attempt, _ = services.start_attempt(learner, module)
        for index in range(padding):
            services.continue_after(attempt, index)
        client.force_login(learner)
        step_url = f"/leren/poging/{attempt.pk}/stap/{padding + 1}/"
        client.get(step_url)  # warm the renditions
        with CaptureQueriesContext(connection) as queries:
            assert client.get(step_url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 8


def test_the_trainers_preview_shows_the_hotspot_step_disabled_and_without_answers(
    superuser, catalogue
):
    from django.test import RequestFactory

    module = make_module(catalogue=catalogue, steps=[hotspot_step(make_image())])
    request = RequestFactory().get("/")
    request.user = superuser
    response = module.serve_preview(request, "player")
    response.render()
    page = response.content.decode()
    inputs = re.findall(r"<input [^>]*name=\"option\"[^>]*>", page)
    assert len(inputs) == 5
    assert all(" disabled" in tag for tag in inputs)
    assert "EXPLANATION-REGION" not in page and "hotspot.js" not in page
