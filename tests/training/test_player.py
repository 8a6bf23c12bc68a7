"""Taking a module in the browser: where a returning learner lands, the progress shown, the
result page, and the trainer's step-by-step preview."""

import re

import pytest
from django.test import RequestFactory
from django.utils import translation

from tests.admin_forms import module_form_data, raw_steps
from tests.factories import best_answer, make_image, make_module, option_id, play, sized_steps
from training import services
from training.models import Attempt

INFORMATION, SCENE, DECISION, SINGLE, MULTIPLE = range(5)
ANSWER_KEY_MARKERS = ["FEEDBACK-", "EXPLANATION-", "verdict--", "option-review", 'id="feedback"']


def nl(message):
    with translation.override("nl"):
        return str(translation.gettext(message))


def step_url(attempt, number):
    return f"/leren/poging/{attempt.pk}/stap/{number}/"


def answer_and_continue(client, attempt, number):
    """What the learner does on step ``number``: answer it if it asks something, then go on."""
    step = services.attempt_content(attempt).steps[number - 1]
    if services.is_scored(step):
        response = client.post(
            step_url(attempt, number) + "antwoord/", {"option": best_answer(step)}
        )
        assert response.status_code == 302
    return client.post(step_url(attempt, number) + "verder/")


# -- leaving and coming back ----------------------------------------------------------------------


def test_start_opens_the_first_step(learner_client, learner, module):
    response = learner_client.post(f"/leren/module/{module.pk}/start/")
    attempt = Attempt.objects.get(learner=learner)
    assert response["Location"] == step_url(attempt, 1)


def test_returning_learner_continues_where_they_left_off(learner_client, learner, module):
    learner_client.post(f"/leren/module/{module.pk}/start/")
    attempt = Attempt.objects.get(learner=learner)
    for number in (1, 2, 3):
        assert answer_and_continue(learner_client, attempt, number)["Location"] == step_url(
            attempt, number + 1
        )

    # They close the browser; later they open the module page again.
    module_page = learner_client.get(module.url).content.decode()
    assert nl("Continue where you left off") in module_page
    response = learner_client.post(f"/leren/module/{module.pk}/start/")

    assert response["Location"] == step_url(attempt, 4)
    assert Attempt.objects.filter(learner=learner).count() == 1


def test_returning_to_an_answered_but_not_continued_question_shows_its_feedback(
    learner_client, learner, attempt
):
    for number in (1, 2):
        answer_and_continue(learner_client, attempt, number)
    decision = services.attempt_content(attempt).steps[DECISION]
    learner_client.post(step_url(attempt, 3) + "antwoord/", {"option": best_answer(decision)})

    response = learner_client.post(f"/leren/module/{attempt.module_id}/start/")

    # The answer moved them past the question; the next step is where they continue.
    assert response["Location"] == step_url(attempt, 4)
    html = learner_client.get(step_url(attempt, 3)).content.decode()
    assert "FEEDBACK-RIGHT-DECISION" in html


def test_a_step_ahead_of_the_learner_sends_them_to_where_they_are(learner_client, attempt):
    answer_and_continue(learner_client, attempt, 1)
    response = learner_client.get(step_url(attempt, 5))
    assert (response.status_code, response["Location"]) == (302, step_url(attempt, 2))


def test_earlier_steps_can_be_read_again(learner_client, attempt):
    for number in (1, 2, 3):
        answer_and_continue(learner_client, attempt, number)
    assert learner_client.get(step_url(attempt, 1)).status_code == 200


def test_start_after_finishing_begins_a_retake_at_step_one(learner_client, learner, attempt):
    play(attempt)
    response = learner_client.post(f"/leren/module/{attempt.module_id}/start/")
    retake = Attempt.objects.open().get(learner=learner)
    assert retake.pk != attempt.pk
    assert response["Location"] == step_url(retake, 1)


# -- progress -------------------------------------------------------------------------------------


def test_step_page_says_which_step_of_how_many(learner_client, learner, catalogue):
    module = make_module(catalogue=catalogue, steps=sized_steps(make_image(), 9))
    attempt, _ = services.start_attempt(learner, module)
    answer_and_continue(learner_client, attempt, 1)
    answer_and_continue(learner_client, attempt, 2)

    html = learner_client.get(step_url(attempt, 3)).content.decode()

    assert "Stap 3 van 9" in html
    assert '<progress max="9" value="3"' in html


def test_progress_is_in_english_for_an_english_learner(learner_client, attempt):
    learner_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = learner_client.get(step_url(attempt, 1)).content.decode()
    assert "Step 1 of 5" in html
    assert "Stap 1 van 5" not in html


# -- the result -----------------------------------------------------------------------------------


def test_result_page_shows_score_pass_review_and_reporting_routes(learner_client, attempt):
    for number in range(1, 5):
        answer_and_continue(learner_client, attempt, number)
    multiple = services.attempt_content(attempt).steps[MULTIPLE]
    learner_client.post(
        step_url(attempt, 5) + "antwoord/", {"option": [option_id(multiple, "Afgeplakte ramen")]}
    )
    response = learner_client.post(f"/leren/poging/{attempt.pk}/afronden/")
    assert response["Location"] == f"/leren/poging/{attempt.pk}/resultaat/"

    html = learner_client.get(response["Location"]).content.decode()

    # 2 + 1 + 0.67 of 5 points
    assert "Score: 73%" in html
    assert "Geslaagd. De cesuur is 70%." in html
    assert html.count('class="review__item"') == 3
    for question in (
        "Wat doe je?",
        "Waar wijst anijslucht op?",
        "Welke signalen passen bij een drugslab?",
    ):
        assert question in html
    assert "FEEDBACK-RIGHT-DECISION" in html and "EXPLANATION-SINGLE" in html
    assert "(0,67 van 2 punten)" in html
    assert "(1 van 1 punt)" in html  # the single choice: singular, no "1,00"
    assert "(2 van 2 punten)" in html
    assert "verdict--partial" in html
    assert "Bel 0900-8844 of anoniem 0800-7000." in html
    assert nl("Take the module again") in html


def test_result_page_of_a_failed_attempt_says_not_passed(learner_client, attempt):
    play(attempt, choose=lambda step: [step.value["options"].bound_blocks[-1].id])
    html = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()
    assert "Niet geslaagd. De cesuur is 70%." in html
    assert re.search(r"Score: \d+%", html)


def test_result_of_an_unfinished_attempt_sends_the_learner_back_to_their_step(
    learner_client, attempt
):
    answer_and_continue(learner_client, attempt, 1)
    response = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/")
    assert response["Location"] == step_url(attempt, 2)


def test_module_page_lists_finished_attempts_with_their_results(learner_client, learner, module):
    first = play(
        services.start_attempt(learner, module)[0],
        choose=lambda step: [step.value["options"].bound_blocks[-1].id],
    )
    second = play(services.start_attempt(learner, module)[0])
    html = learner_client.get(module.url).content.decode()
    assert f"/leren/poging/{first.pk}/resultaat/" in html
    assert f"/leren/poging/{second.pk}/resultaat/" in html
    assert f"{second.score}%" in html and f"{first.score}%" in html


# -- the trainer's preview ------------------------------------------------------------------------


def assert_preview_shows_steps_without_answers(html, module):
    assert module.title in html
    for number in range(1, module.step_count + 1):
        assert f"Stap {number} van {module.step_count}" in html
    for text in ("Wat doe je?", "Noteer kenteken en meld het", "XTC", "Afgeplakte ramen"):
        assert text in html
    for marker in ANSWER_KEY_MARKERS:
        assert marker not in html
    inputs = re.findall(r"<input [^>]*name=\"option\"[^>]*>", html)
    assert len(inputs) == 3 + 3 + 4
    assert all(" disabled" in tag for tag in inputs)


def test_player_preview_shows_every_step_without_verdicts_or_feedback(superuser, module):
    request = RequestFactory().get("/")
    request.user = superuser
    response = module.serve_preview(request, "player")
    response.render()
    assert_preview_shows_steps_without_answers(response.content.decode(), module)


def test_player_preview_in_the_admin_shows_the_unsaved_edit_without_answers(
    superuser_client, module
):
    steps = raw_steps(module)
    preview_url = f"/admin/pages/{module.pk}/edit/preview/"
    data = module_form_data(title=module.title, slug=module.slug, theme=module.theme, steps=steps)
    assert superuser_client.post(preview_url, data).json()["is_valid"] is True

    response = superuser_client.get(preview_url, {"mode": "player"})

    assert response.status_code == 200
    assert_preview_shows_steps_without_answers(response.content.decode(), module)


@pytest.mark.parametrize("mode", ["", "player"])
def test_preview_is_for_editors_only(learner_client, module, mode):
    response = learner_client.get(f"/admin/pages/{module.pk}/edit/preview/", {"mode": mode})
    assert response.status_code in (302, 403)
    assert "Noteer kenteken" not in response.content.decode()


@pytest.mark.parametrize("mode", ["", "player"])
def test_preview_of_a_module_never_saved_shows_the_page(superuser_client, module, mode):
    # A trainer previews a new module before the first save: nobody can have taken it yet.
    catalogue = module.get_parent()
    preview_url = f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/preview/"
    data = module_form_data(
        title="Nieuwe module", slug="nieuwe-module", theme=module.theme, steps=raw_steps(module)
    )
    assert superuser_client.post(preview_url, data).json()["is_valid"] is True

    response = superuser_client.get(preview_url, {"mode": mode})

    assert response.status_code == 200
    assert "Nieuwe module" in response.content.decode()


# -- the result page (issue 13, item 11) ---------------------------------------------------------


def test_the_result_page_of_a_pass_links_the_new_certificate(learner_client, attempt):
    from certificates.models import Certificate

    play(attempt)
    html = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()
    certificate = Certificate.objects.get(attempt=attempt)
    assert f'href="/leren/certificaten/{certificate.pk}/pdf/"' in html
    assert f'href="/leren/certificaten/#certificate-{certificate.pk}"' in html
    assert nl("Download your certificate (PDF)") in html


def test_the_result_page_of_a_fail_links_no_certificate(learner_client, attempt):
    play(attempt, choose=lambda step: [step.value["options"].bound_blocks[-1].id])
    html = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()
    assert "/leren/certificaten/" not in html.split("<main", 1)[1].split("</main>")[0]


def test_what_to_do_with_a_real_signal_comes_before_the_review(learner_client, attempt):
    play(attempt)
    html = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()
    assert html.index('id="routes-heading"') < html.index('id="review-heading"')
    assert html.index('class="result ') < html.index('id="routes-heading"')


def test_a_correct_option_not_chosen_is_marked_missed_in_the_review(learner_client, attempt):
    def choose(step):
        if step.block_type == "multiple_choice":  # one of the correct options only
            return [option_id(step, "Afgeplakte ramen")]
        return best_answer(step)

    play(attempt, choose=choose)
    html = learner_client.get(f"/leren/poging/{attempt.pk}/resultaat/").content.decode()
    review = html.split('id="review-heading"', 1)[1]
    assert review.count("verdict--missed") == 2  # the two other correct options
    assert nl("Missed: this answer is right too") in review


def test_the_result_page_costs_the_same_queries_for_5_and_25_steps(
    learner_client, learner, catalogue
):
    """With the certificate link and the review of every answer: no query per step."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for size in (5, 25):
        module = make_module(catalogue=catalogue, steps=sized_steps(make_image(), size))
        attempt, _created = services.start_attempt(learner, module)
        play(attempt)
        url = f"/leren/poging/{attempt.pk}/resultaat/"
        learner_client.get(url)  # warm the session and the image renditions
        with CaptureQueriesContext(connection) as queries:
            html = learner_client.get(url).content.decode()
        assert nl("Download your certificate (PDF)") in html
        counts[size] = len(queries)
    assert counts[5] == counts[25]
