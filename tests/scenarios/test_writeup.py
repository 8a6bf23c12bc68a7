"""The write-up step: a learner's report is checked against the trainer's checklist, item by
item, on the server; a report that cannot be a report is refused with a message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from scenarios import scoring, writeup
from scenarios.blocks import WriteUpBlock, step_block
from tests.factories import writeup_step

GOOD = (
    "Op 4 december om 22:15 reed ik langs de stal aan de Veldweg 3. Ik rook een zoete "
    "anijsgeur. Bij de deur stond een wit busje, kenteken 12-ABC-3."
)


@pytest.fixture
def value():
    return WriteUpBlock().to_python(writeup_step(points=5)["value"])


def judged(value, text):
    return step_block("writeup").score(value, [text])


def test_a_report_with_everything_earns_every_point_and_stores_the_text_and_what_it_met(value):
    answer = judged(value, GOOD)
    assert (answer.verdict, answer.points, answer.max_points) == ("right", Decimal(5), Decimal(5))
    assert answer.answer == (GOOD, "c-1", "c-2", "c-3", "c-4", "c-5")


def test_each_item_met_earns_an_equal_share(value):
    text = "Bij de schuur rook ik iets, maar ik weet niet meer hoe laat het was of wie er was."
    answer = judged(value, text)  # the place, and no judgement: two of five
    assert (answer.verdict, answer.points) == ("partial", Decimal("2.00"))
    assert set(answer.answer[1:]) == {"c-1", "c-5"}


def test_judging_words_cost_the_no_judgement_item(value):
    answer = judged(value, GOOD + " Die boer is vast een crimineel.")
    assert "c-5" not in answer.answer[1:]
    assert answer.points == Decimal("4.00")


@pytest.mark.parametrize(
    ("kind", "text", "met"),
    [
        (writeup.TIME, "om 22:15 uur", True),
        (writeup.TIME, "rond 22.15", True),
        (writeup.TIME, "om 10 uur 's avonds", True),
        (writeup.TIME, "laat op de avond", False),
        (writeup.DATE, "op 4 december", True),
        (writeup.DATE, "op 4-12-2026", True),
        (writeup.DATE, "gisteravond", True),
        (writeup.DATE, "onlangs", False),
        (writeup.PLATE, "kenteken 12-ABC-3", True),
        (writeup.PLATE, "kenteken v-123-xx", True),
        (writeup.PLATE, "bel 0900-8844", False),
        (writeup.PLATE, "op 4-12-26", False),
    ],
)
def test_times_dates_and_registrations_are_recognised(kind, text, met):
    item = writeup.Item("x", "label", kind, ())
    assert writeup.is_met(item, text) is met


def test_a_term_matches_longer_words_it_starts_but_not_inside_a_word():
    item = writeup.Item("x", "label", writeup.TERMS, writeup.terms_of("kenteken, stal"))
    assert writeup.is_met(item, "Twee Kentekens genoteerd")
    assert not writeup.is_met(item, "Het installatiebedrijf")  # "stal" inside a word


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ([], "Write your report in the text field"),
        (["   "], "Write your report in the text field"),
        (["kort"], "at least 40 characters"),
        (["x" * 3001], "Keep your report to 3000 characters"),
        ([GOOD, GOOD], "Write your report in the text field"),
    ],
)
def test_a_report_that_cannot_be_checked_is_refused_with_a_message(value, posted, message):
    with translation.override("en"), pytest.raises(scoring.InvalidAnswer) as refused:
        step_block("writeup").score(value, posted)
    with translation.override("en"):
        assert message in str(refused.value.learner_message)


def test_the_review_shows_the_text_each_item_met_or_missing_and_the_example(value):
    answer = judged(value, GOOD + " Volgens mij tuig.")
    review = step_block("writeup").review(value, answer.answer)
    assert review.text.startswith("Op 4 december")
    assert [item.met for item in review.items] == [True, True, True, True, False]
    assert "EXAMPLE-REPORT" in str(review.example.source)


def test_the_example_answers_meet_all_or_nothing(value):
    block = step_block("writeup")
    assert judged(value, block.example_answer(value, good=True)[0]).verdict == "right"
    assert judged(value, block.example_answer(value, good=False)[0]).verdict == "wrong"


def test_an_item_checked_for_words_needs_words():
    raw = writeup_step()["value"]
    raw["checklist"][0]["value"]["terms"] = " , "
    with pytest.raises(ValidationError):
        WriteUpBlock().clean(WriteUpBlock().to_python(raw))
