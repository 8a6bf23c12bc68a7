"""The ordering question: scoring (each item in its correct position earns points/N), the answers
it refuses and the block's own validation. The order a learner starts from: test_shuffle.py."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from scenarios import scoring
from scenarios.blocks import OrderingQuestionBlock, step_block
from tests.factories import ORDERING_TEXTS, ordering_step


@pytest.fixture
def value():
    block = OrderingQuestionBlock()
    return block.to_python(ordering_step(points=5)["value"])


def ids(value):
    return [child.id for child in value["items"].bound_blocks]


def test_the_correct_order_earns_every_point(value):
    judged = step_block("ordering").score(value, ids(value))
    assert (judged.verdict, judged.points, judged.max_points) == ("right", Decimal(5), Decimal(5))
    assert judged.answer == tuple(ids(value))


def test_each_item_in_its_correct_position_earns_points_divided_by_the_number_of_items(value):
    a, b, c, d, e = ids(value)
    judged = step_block("ordering").score(value, [a, b, c, e, d])  # three in place
    assert (judged.verdict, judged.points) == ("partial", Decimal("3.00"))
    assert judged.answer == (a, b, c, e, d)  # stored: the learner's order


def test_no_item_in_its_place_earns_nothing(value):
    a, b, c, d, e = ids(value)
    judged = step_block("ordering").score(value, [b, c, d, e, a])
    assert (judged.verdict, judged.points) == ("wrong", Decimal(0))


def test_position_pairs_from_the_form_without_javascript_are_read_as_an_order(value):
    a, b, c, d, e = ids(value)
    posted = [f"{a}:2", f"{b}:1", f"{c}:3", f"{d}:4", f"{e}:5"]
    judged = step_block("ordering").score(value, posted)
    assert judged.answer == (b, a, c, d, e)
    assert judged.points == Decimal(3)


@pytest.mark.parametrize(
    "make_answer",
    [
        lambda i: i[:-1],  # an item missing
        lambda i: i + [i[0]],  # one too many
        lambda i: [i[0], i[0], *i[2:]],  # an item twice
        lambda i: [*i[:-1], "unknown"],  # an unknown id
        lambda i: [],  # nothing
        lambda i: [f"{item}:1" for item in i],  # every item in position 1
        lambda i: [f"{item}:{n}" for n, item in enumerate(i, start=2)],  # positions 2..6
        lambda i: [f"{i[0]}:x", *(f"{item}:{n}" for n, item in enumerate(i[1:], start=2))],
    ],
    ids=[
        "missing",
        "too-many",
        "duplicate",
        "unknown",
        "empty",
        "same-position",
        "out-of-range",
        "not-a-number",
    ],
)
def test_answers_that_do_not_fit_are_refused_with_a_message(value, make_answer):
    with translation.override("en"), pytest.raises(scoring.InvalidAnswer) as refused:
        step_block("ordering").score(value, make_answer(ids(value)))
    with translation.override("en"):
        assert "each position from 1 to 5 once" in str(refused.value.learner_message)


def refusal(raw_value):
    block = OrderingQuestionBlock()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(raw_value))
    with translation.override("en"):
        return json.dumps(refused.value.as_json_data(), ensure_ascii=False)


def test_an_ordering_question_with_two_items_is_refused():
    too_few = ordering_step(texts=ORDERING_TEXTS[:2])["value"]
    assert "minimum number of items is 3" in refusal(too_few)


def test_an_ordering_question_with_nine_items_is_refused():
    texts = [f"Stap {n}" for n in range(9)]
    assert "maximum number of items is 8" in refusal(ordering_step(texts=texts)["value"])


def test_two_items_with_the_same_text_are_refused():
    texts = ["Bellen", "Noteren", "bellen "]
    assert "Two items have the same text" in refusal(ordering_step(texts=texts)["value"])


def test_the_factory_ordering_question_is_valid():
    block = OrderingQuestionBlock()
    block.clean(block.to_python(ordering_step()["value"]))
