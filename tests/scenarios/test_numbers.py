"""One rule for percentages and points on every page (issue 13, item 13): 3 of 7 is 43% for
a learner's score, a manager's completion rate, a coordinator's figure and a trainer's item
statistics alike; points read "1,2 van 2 punten" and "1 van 1 punt"."""

from decimal import Decimal

import pytest
from django.utils import translation

from records.dashboard import ModuleFigures
from records.disclosure import suppress
from scenarios import numbers, scoring
from scenarios.item_statistics import question_statistics


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (3, 7, 43),  # 42.86: rounded, not cut off
        (1, 8, 13),  # 12.5: half up, not to the even 12
        (5, 8, 63),  # 62.5
        (0, 9, 0),
        (9, 9, 100),
        (999, 1000, 99),  # not everyone: never "100%"
        (1, 1000, 1),  # someone: never "0%"
        (Decimal("4.5"), 6, 75),
    ],
)
def test_one_percentage_rule(part, whole, expected):
    assert numbers.percent(part, whole) == expected


def test_nothing_to_count_is_the_given_empty_value():
    assert numbers.percent(0, 0) == 0
    assert numbers.percent(0, 0, empty=100) == 100


class Step:
    def __init__(self):
        from scenarios.blocks import step_block

        self.block = step_block("single_choice")
        self.block_type = "single_choice"
        self.id = "s1"
        self.value = {
            "question": "?",
            "options": [
                {"id": "a", "value": {"text": "A", "correct": True}},
                {"id": "b", "value": {"text": "B", "correct": False}},
            ],
        }


def test_three_of_seven_is_the_same_percentage_on_every_page():
    score = scoring.percentage(3, 7)
    dashboard = ModuleFigures(module=None, assigned=7, completed=3).rate
    figures = suppress({"people": 7, "done": 3}, [], threshold=1).rate("done", "people")
    assert score == dashboard == figures == 43


def test_item_statistics_round_half_up_like_the_rest():
    answers = [["a"]] + [["b"]] * 7  # 1 of 8 is 12.5%
    stats = question_statistics(Step(), answers, threshold=1)
    rows = {row.id: row for row in stats.rows}
    assert (rows["a"].percentage, rows["b"].percentage) == (13, 88)


@pytest.mark.parametrize(
    ("points", "maximum", "dutch", "english"),
    [
        (Decimal("1.20"), Decimal("2.00"), "1,2 van 2 punten", "1.2 of 2 points"),
        (Decimal("1.00"), Decimal("1.00"), "1 van 1 punt", "1 of 1 point"),
        (Decimal("0.00"), Decimal("1.00"), "0 van 1 punt", "0 of 1 point"),
        (Decimal("0.67"), Decimal("2.00"), "0,67 van 2 punten", "0.67 of 2 points"),
        (Decimal("10.50"), Decimal("20.00"), "10,5 van 20 punten", "10.5 of 20 points"),
        (Decimal("10.00"), Decimal("10.00"), "10 van 10 punten", "10 of 10 points"),
    ],
)
def test_points_are_written_without_trailing_zeros_and_with_the_right_plural(
    points, maximum, dutch, english
):
    with translation.override("nl"):
        assert numbers.points_of(points, maximum) == dutch
    with translation.override("en"):
        assert numbers.points_of(points, maximum) == english
