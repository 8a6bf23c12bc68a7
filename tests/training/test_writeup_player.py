"""A learner writes a report in the player: the checklist is checked on the server, a report
that is no report is refused with a message and records nothing, and the review shows what was
in it and what was missing."""

from decimal import Decimal

import pytest
from django.utils import translation

from records.item_statistics_views import statistics_for
from tests.factories import UserFactory, information_step, make_module, writeup_step
from training import services
from training.models import Response

pytestmark = pytest.mark.django_db

REPORT = (
    "Op 4 december om 22:15 reed ik langs de stal aan de Veldweg 3. Ik rook een zoete "
    "anijsgeur. Bij de deur stond een wit busje, kenteken 12-ABC-3."
)


@pytest.fixture
def module(catalogue):
    return make_module(catalogue=catalogue, steps=[information_step(), writeup_step()])


def test_a_report_is_checked_and_reviewed_item_by_item(learner_client, learner, module):
    attempt, _created = services.start_attempt(learner, module)
    learner_client.post(f"/leren/poging/{attempt.pk}/stap/1/verder/")
    url = f"/leren/poging/{attempt.pk}/stap/2/"
    page = learner_client.get(url).content.decode()
    assert '<textarea name="option"' in page and "CHECK-1" not in page

    response = learner_client.post(url + "antwoord/", {"option": REPORT + " Tuig, dat volk."})

    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.chosen_options[0].startswith("Op 4 december")
    assert (stored.verdict, stored.points) == ("partial", Decimal("3.20"))  # four of five
    feedback = learner_client.get(url).content.decode()
    assert "CHECK-5 Geen oordeel" in feedback and "Missing" not in feedback  # Dutch by default
    with translation.override("nl"):
        assert "Ontbreekt" in feedback
    assert "Tuig, dat volk." in feedback  # the learner's own text, escaped and shown


def test_a_report_too_short_to_act_on_is_refused_and_records_nothing(
    learner_client, learner, module
):
    attempt, _created = services.start_attempt(learner, module)
    learner_client.post(f"/leren/poging/{attempt.pk}/stap/1/verder/")
    response = learner_client.post(
        f"/leren/poging/{attempt.pk}/stap/2/antwoord/", {"option": "Iets gezien."}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "minstens 40 tekens" in page
    assert ">Iets gezien.</textarea>" in page  # the text is kept to go on with
    assert not Response.objects.exists()


def test_script_in_a_report_is_shown_as_text(learner_client, learner, module):
    attempt, _created = services.start_attempt(learner, module)
    learner_client.post(f"/leren/poging/{attempt.pk}/stap/1/verder/")
    url = f"/leren/poging/{attempt.pk}/stap/2/"
    learner_client.post(url + "antwoord/", {"option": REPORT + " <script>alert(1)</script>"})
    feedback = learner_client.get(url).content.decode()
    assert "<script>alert(1)</script>" not in feedback
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in feedback


def test_trainers_see_per_checklist_item_how_often_reports_met_it(module):
    for number in range(6):
        attempt, _created = services.start_attempt(UserFactory(), module)
        services.continue_after(attempt, 0)
        text = REPORT if number < 2 else "Bij de schuur iets vreemds gezien, verder weet ik niets."
        services.record_response(attempt, 1, [text])
    (question,) = statistics_for(module)
    counts = {row.text: row.count for row in question.rows}
    assert counts["CHECK-1 De plek"] == 6  # "stal" and "schuur" both name the place
    assert counts["CHECK-3 Het voertuig"] == 2
    assert question.answers == 6 and question.row_heading
