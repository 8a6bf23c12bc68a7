"""Every player endpoint: who may reach it, with which method, and what a malformed or tampered
request gets (a clear 400 or a 404, never a 500, and nothing changes)."""

import pytest
from django.utils import translation

from tests.factories import advance_to, best_answer, option_id, play, step_at
from training import services
from training.models import Attempt, Response

INFORMATION, SCENE, DECISION, SINGLE, MULTIPLE = range(5)


def nl(message):
    with translation.override("nl"):
        return str(translation.gettext(message))


def urls(attempt, number=1):
    base = f"/leren/poging/{attempt.pk}"
    return {
        "step": f"{base}/stap/{number}/",
        "answer": f"{base}/stap/{number}/antwoord/",
        "next": f"{base}/stap/{number}/verder/",
        "finish": f"{base}/afronden/",
        "result": f"{base}/resultaat/",
    }


def all_endpoints(module, attempt):
    """(method, url) of every learner-facing endpoint, the Wagtail-served pages included."""
    player = urls(attempt)
    return {
        "home": ("get", "/leren/"),
        "start": ("post", f"/leren/module/{module.pk}/start/"),
        "step": ("get", player["step"]),
        "answer": ("post", player["answer"]),
        "next": ("post", player["next"]),
        "finish": ("post", player["finish"]),
        "result": ("get", player["result"]),
        "catalogue": ("get", module.get_parent().url),
        "module": ("get", module.url),
        # the manager dashboard; who sees what there: tests/training/test_dashboard.py
        "dashboard": ("get", "/leren/teams/"),
        # the download is a POST of the dashboard's form; a GET gets 405 (test_access.py)
        "dashboard_csv": ("post", "/leren/teams/overzicht.csv"),
        # aggregates for coordinators; who sees what: tests/training/test_insights.py
        "insights": ("get", "/leren/inzicht/"),
        # the signal insight, its JSON and its downloads; who sees what:
        # tests/records/test_insight_views.py
        "insight": ("get", "/leren/inzicht/signalen/"),
        "insight_view": ("get", "/leren/inzicht/signalen/signalen/"),
        "insight_json": ("get", "/leren/inzicht/signalen/signalen.json"),
        "insight_export": ("post", "/leren/inzicht/signalen/signalen.csv"),
        # the learner's own data; see tests/training/test_personal_data.py
        "my_data": ("get", "/leren/mijn-gegevens.json"),
    }


ENDPOINTS = [
    "home",
    "start",
    "step",
    "answer",
    "next",
    "finish",
    "result",
    "catalogue",
    "module",
    "dashboard",
    "dashboard_csv",
    "insights",
    "insight",
    "insight_view",
    "insight_json",
    "insight_export",
    "my_data",
]


# -- login required -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ENDPOINTS)
def test_anonymous_visitor_is_sent_to_the_login_page(client, module, attempt, name):
    method, url = all_endpoints(module, attempt)[name]
    response = getattr(client, method)(url, {"option": "x"} if method == "post" else None)
    assert response.status_code == 302
    assert response["Location"] == f"/inloggen/?next={url}"
    attempt.refresh_from_db()
    assert (attempt.reached_step, attempt.finished_at) == (0, None)
    assert Attempt.objects.count() == 1 and not Response.objects.exists()


def test_home_page_is_public_and_invites_to_log_in(client, catalogue):
    response = client.get("/")
    assert response.status_code == 200
    assert 'href="/inloggen/"' in response.content.decode()
    assert nl("Log in to start") in response.content.decode()


def test_home_page_sends_a_logged_in_learner_to_their_modules(learner_client, catalogue):
    html = learner_client.get("/").content.decode()
    assert f'href="{catalogue.url}"' in html
    assert nl("Log in to start") not in html


def test_my_modules_redirects_to_the_catalogue(learner_client, catalogue):
    response = learner_client.get("/leren/")
    assert (response.status_code, response["Location"]) == (302, catalogue.url)


# -- methods --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "wrong_method"),
    [
        ("home", "post"),
        ("start", "get"),
        ("step", "post"),
        ("answer", "put"),
        ("next", "put"),
        ("finish", "put"),
        ("result", "post"),
        ("dashboard", "post"),
        ("dashboard_csv", "get"),
        ("insights", "post"),
        ("insight_view", "post"),
        ("my_data", "post"),
    ],
)
def test_endpoint_refuses_the_other_method(learner_client, module, attempt, name, wrong_method):
    _method, url = all_endpoints(module, attempt)[name]
    response = getattr(learner_client, wrong_method)(url)
    assert response.status_code == 405
    attempt.refresh_from_db()
    assert (attempt.reached_step, attempt.finished_at) == (0, None)


@pytest.mark.parametrize("name", ["answer", "next"])
def test_a_get_on_a_post_endpoint_goes_back_to_the_step(learner_client, module, attempt, name):
    """A reload after a refused answer (the browser is on …/antwoord/) lands on the step, not
    on an empty 405 page; nothing is recorded."""
    advance_to(attempt, DECISION)
    url = urls(attempt, DECISION + 1)[name]
    response = learner_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == urls(attempt, DECISION + 1)["step"]
    assert learner_client.get(response["Location"]).status_code == 200
    assert not Response.objects.filter(attempt=attempt).exists()


def test_reloading_after_a_refused_answer_shows_the_step_again(learner_client, module, attempt):
    advance_to(attempt, DECISION)
    url = urls(attempt, DECISION + 1)["answer"]
    refused = learner_client.post(url, {"option": "no-such-option"})
    assert refused.status_code == 400
    reloaded = learner_client.get(url, follow=True)
    assert reloaded.status_code == 200
    assert reloaded.redirect_chain == [(urls(attempt, DECISION + 1)["step"], 302)]
    assert 'class="form answer-form"' in reloaded.content.decode()


def test_a_get_on_finish_goes_to_the_step_or_the_result(learner_client, module, attempt):
    response = learner_client.get(urls(attempt)["finish"])
    assert (response.status_code, response["Location"]) == (302, urls(attempt)["step"])
    attempt.refresh_from_db()
    assert attempt.finished_at is None
    play(attempt)
    response = learner_client.get(urls(attempt)["finish"])
    assert (response.status_code, response["Location"]) == (302, urls(attempt)["result"])


# -- another learner's attempt --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["step", "answer", "next", "finish", "result"])
def test_another_learners_attempt_is_not_found(learner_client, other_learner, module, name):
    theirs, _ = services.start_attempt(other_learner, module)
    advance_to(theirs, DECISION)
    _method, url = all_endpoints(module, theirs)[name]
    url = url.replace("/stap/1/", "/stap/3/")
    decision = step_at(theirs, DECISION)
    response = (
        learner_client.get(url)
        if name in ("step", "result")
        else learner_client.post(url, {"option": best_answer(decision)})
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.reached_step, theirs.finished_at) == (DECISION, None)
    assert not theirs.responses.filter(block_id=decision.id).exists()


def test_another_learners_result_is_not_shown(learner_client, other_learner, module):
    theirs = play(services.start_attempt(other_learner, module)[0])
    response = learner_client.get(f"/leren/poging/{theirs.pk}/resultaat/")
    assert response.status_code == 404
    assert "FEEDBACK" not in response.content.decode()
    assert "Score:" not in response.content.decode()


def test_an_attempt_that_does_not_exist_is_not_found(learner_client, attempt):
    assert learner_client.get(f"/leren/poging/{attempt.pk + 1000}/stap/1/").status_code == 404
    assert learner_client.post(f"/leren/poging/{attempt.pk + 1000}/afronden/").status_code == 404


# -- malformed answers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({}, id="no-option"),
        pytest.param({"option": ""}, id="empty-option"),
        pytest.param({"option": "00000000-0000-0000-0000-000000000000"}, id="unknown-id"),
        pytest.param({"option": "'; DROP TABLE training_response; --"}, id="garbage"),
        pytest.param({"option": "12"}, id="numeric"),
        pytest.param({"option": "abc"}, id="non-numeric"),
        pytest.param({"choice": "x"}, id="wrong-field-name"),
    ],
)
def test_malformed_answer_is_refused_with_a_message(learner_client, attempt, data):
    advance_to(attempt, DECISION)
    response = learner_client.post(urls(attempt, DECISION + 1)["answer"], data)
    assert response.status_code == 400
    html = response.content.decode()
    assert nl("Choose an answer from the options given.") in html
    assert 'name="option"' in html  # the question again, to answer properly
    assert "FEEDBACK" not in html
    assert not Response.objects.exists()


def test_two_options_on_a_single_choice_question_are_refused(learner_client, attempt):
    advance_to(attempt, SINGLE)
    single = step_at(attempt, SINGLE)
    both = [option_id(single, "XTC"), option_id(single, "Hennep")]
    response = learner_client.post(urls(attempt, SINGLE + 1)["answer"], {"option": both})
    assert response.status_code == 400
    assert nl("Choose an answer from the options given.") in response.content.decode()
    assert not Response.objects.filter(block_id=single.id).exists()


def test_option_of_another_step_is_refused(learner_client, attempt):
    advance_to(attempt, SINGLE)
    decision_option = best_answer(step_at(attempt, DECISION))
    response = learner_client.post(urls(attempt, SINGLE + 1)["answer"], {"option": decision_option})
    assert response.status_code == 400
    assert not Response.objects.filter(block_id=step_at(attempt, SINGLE).id).exists()


def test_answer_to_a_step_that_takes_none_is_refused_with_a_message(learner_client, attempt):
    response = learner_client.post(urls(attempt, INFORMATION + 1)["answer"], {"option": "x"})
    assert response.status_code == 400
    assert nl("This step takes no answer.") in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize("number", [0, 6, 99, 32767, 99999999999])
def test_answer_to_a_step_outside_the_module_is_refused(learner_client, attempt, number):
    response = learner_client.post(urls(attempt, number)["answer"], {"option": "x"})
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert nl("This step does not exist.") in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize("number", [0, 6, 99])
def test_step_outside_the_module_is_not_found(learner_client, attempt, number):
    assert learner_client.get(urls(attempt, number)["step"]).status_code == 404


@pytest.mark.parametrize("path", ["stap/abc/", "stap/-1/", "stap/1.5/"])
def test_non_numeric_step_number_is_not_found(learner_client, attempt, path):
    assert learner_client.get(f"/leren/poging/{attempt.pk}/{path}").status_code == 404


def test_answer_to_a_step_not_yet_reached_is_refused(learner_client, attempt):
    decision = step_at(attempt, DECISION)
    response = learner_client.post(
        urls(attempt, DECISION + 1)["answer"], {"option": best_answer(decision)}
    )
    assert response.status_code == 400
    assert nl("Finish the earlier steps first.") in response.content.decode()
    assert not Response.objects.exists()


def test_second_answer_shows_the_first_one(learner_client, attempt):
    advance_to(attempt, SINGLE)
    single = step_at(attempt, SINGLE)
    url = urls(attempt, SINGLE + 1)["answer"]
    learner_client.post(url, {"option": option_id(single, "XTC")})
    response = learner_client.post(url, {"option": option_id(single, "Hennep")})
    assert response.status_code == 302
    assert Response.objects.get(block_id=single.id).chosen_options == [option_id(single, "XTC")]


# -- moving on and finishing out of turn ----------------------------------------------------------


def test_next_past_an_unanswered_question_is_refused_with_a_message(learner_client, attempt):
    advance_to(attempt, DECISION)
    response = learner_client.post(urls(attempt, DECISION + 1)["next"])
    assert response.status_code == 400
    html = response.content.decode()
    assert nl("Answer this step before you continue.") in html
    assert f'href="{urls(attempt, DECISION + 1)["step"]}"' in html  # the way back to the question
    attempt.refresh_from_db()
    assert attempt.reached_step == DECISION


def test_next_from_a_step_not_yet_reached_is_refused(learner_client, attempt):
    response = learner_client.post(urls(attempt, SCENE + 1)["next"])
    assert response.status_code == 400
    assert nl("Finish the earlier steps first.") in response.content.decode()


@pytest.mark.parametrize("number", [0, 6, 99])
def test_next_from_a_step_outside_the_module_is_refused(learner_client, attempt, number):
    response = learner_client.post(urls(attempt, number)["next"])
    assert response.status_code in (400, 404)
    attempt.refresh_from_db()
    assert attempt.reached_step == 0


def test_finish_with_unanswered_questions_is_refused_with_a_message(learner_client, attempt):
    advance_to(attempt, DECISION)
    response = learner_client.post(urls(attempt)["finish"])
    assert response.status_code == 400
    assert nl("Answer every question before you finish the module.") in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.finished_at is None


def test_a_finished_attempt_sends_every_player_request_to_its_result(learner_client, attempt):
    play(attempt)
    result = urls(attempt)["result"]
    decision = step_at(attempt, DECISION)
    assert learner_client.get(urls(attempt, 1)["step"])["Location"] == result
    assert (
        learner_client.post(urls(attempt, 3)["answer"], {"option": best_answer(decision)})[
            "Location"
        ]
        == result
    )
    assert learner_client.post(urls(attempt, 1)["next"])["Location"] == result
    assert learner_client.post(urls(attempt)["finish"])["Location"] == result


def test_start_of_a_module_that_does_not_exist_is_not_found(learner_client, catalogue):
    assert learner_client.post("/leren/module/999999/start/").status_code == 404


def test_malformed_resubmit_of_an_answered_step_is_refused_and_keeps_the_answer(
    learner_client, attempt
):
    advance_to(attempt, SINGLE)
    single = step_at(attempt, SINGLE)
    url = urls(attempt, SINGLE + 1)["answer"]
    learner_client.post(url, {"option": option_id(single, "XTC")})
    response = learner_client.post(url, {"option": "garbage"})
    assert response.status_code == 400
    assert nl("Choose an answer from the options given.") in response.content.decode()
    assert Response.objects.get(block_id=single.id).chosen_options == [option_id(single, "XTC")]


def test_every_player_url_is_covered_by_these_tests():
    """A new view in training/urls.py or records/urls.py (the learner's own data) must be
    added to the endpoint table above."""
    from records.urls import urlpatterns as records_urls
    from training.urls import urlpatterns

    names = {pattern.name for pattern in [*urlpatterns, *records_urls]}
    assert names == set(ENDPOINTS) - {"catalogue", "module"}
