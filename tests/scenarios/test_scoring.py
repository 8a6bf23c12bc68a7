"""How one answer is judged (scenarios.scoring): pure functions over a step's content and the
option ids a learner chose. No database: blocks never query it."""

from decimal import Decimal

import pytest

from scenarios import scoring
from scenarios.blocks import (
    DecisionBlock,
    MultipleChoiceQuestionBlock,
    SingleChoiceQuestionBlock,
    step_block,
)


def decision(*options):
    """A decision whose options are (id, verdict, points)."""
    return DecisionBlock().to_python(
        {
            "prompt": "Wat doe je?",
            "options": [
                {
                    "type": "item",
                    "id": option_id,
                    "value": {
                        "text": f"Optie {option_id}",
                        "verdict": verdict,
                        "points": points,
                        "feedback": "<p>Uitleg</p>",
                        "signals": [],
                    },
                }
                for option_id, verdict, points in options
            ],
        }
    )


def question(block_class, points, correct, wrong):
    """A question worth ``points`` with the given correct and wrong option ids."""
    options = [(option_id, True) for option_id in correct] + [
        (option_id, False) for option_id in wrong
    ]
    return block_class().to_python(
        {
            "question": "Welke?",
            "points": points,
            "explanation": "",
            "signals": [],
            "options": [
                {
                    "type": "item",
                    "id": option_id,
                    "value": {"text": f"Optie {option_id}", "correct": is_correct, "feedback": ""},
                }
                for option_id, is_correct in options
            ],
        }
    )


def single(points=3):
    return question(SingleChoiceQuestionBlock, points, correct=["yes"], wrong=["no", "maybe"])


def multiple(points, correct, wrong):
    return question(MultipleChoiceQuestionBlock, points, correct, wrong)


def judged(block_type, value, chosen):
    answer = step_block(block_type).score(value, chosen)
    return answer.verdict, answer.points, answer.max_points


# -- decisions ---------------------------------------------------------------------------------

DECISION = [("report", "right", 3), ("ask", "acceptable", 1), ("enter", "wrong", 0)]


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ("report", ("right", Decimal(3), Decimal(3))),
        ("ask", ("acceptable", Decimal(1), Decimal(3))),
        ("enter", ("wrong", Decimal(0), Decimal(3))),
    ],
)
def test_decision_option_earns_its_own_verdict_and_points(chosen, expected):
    assert judged("decision", decision(*DECISION), [chosen]) == expected


def test_decision_maximum_is_the_best_option_whatever_its_position():
    value = decision(("enter", "wrong", 0), ("ask", "acceptable", 2), ("report", "right", 5))
    assert step_block("decision").max_points(value) == Decimal(5)
    assert judged("decision", value, ["ask"]) == ("acceptable", Decimal(2), Decimal(5))


def test_decision_accepts_only_one_option():
    with pytest.raises(scoring.InvalidAnswer):
        step_block("decision").score(decision(*DECISION), ["report", "ask"])


# -- single choice -------------------------------------------------------------------------------


def test_single_choice_correct_option_earns_all_points():
    assert judged("single_choice", single(points=3), ["yes"]) == ("right", Decimal(3), Decimal(3))


def test_single_choice_wrong_option_earns_nothing():
    assert judged("single_choice", single(points=3), ["no"]) == ("wrong", Decimal(0), Decimal(3))


def test_single_choice_same_option_sent_twice_counts_once():
    assert judged("single_choice", single(), ["yes", "yes"])[0] == "right"


# -- multiple choice: partial credit --------------------------------------------------------------


@pytest.mark.parametrize(
    ("chosen", "verdict", "points"),
    [
        (["a", "b"], "right", "4"),  # every correct option, nothing wrong
        (["a"], "partial", "2"),  # one of two correct: half
        (["a", "b", "x"], "partial", "2"),  # two correct (+4) and one wrong (-2)
        (["a", "x"], "wrong", "0"),  # one correct, one wrong: they cancel out
        (["x", "y"], "wrong", "0"),  # only wrong options: floored at zero, never negative
        (["x"], "wrong", "0"),
    ],
)
def test_multiple_choice_each_correct_choice_earns_a_share_and_each_wrong_one_costs_one(
    chosen, verdict, points
):
    value = multiple(4, correct=["a", "b"], wrong=["x", "y"])
    assert judged("multiple_choice", value, chosen) == (verdict, Decimal(points), Decimal(4))


def test_multiple_choice_ticking_every_option_pays_only_the_stated_rule():
    # Three correct, one wrong, all ticked: +3 shares, -1 share = 2/3 of the points, exactly
    # what the rule on the page says; no hidden exception for "ticking everything".
    value = multiple(3, correct=["a", "b", "c"], wrong=["x"])
    assert judged("multiple_choice", value, ["a", "b", "c", "x"]) == (
        "partial",
        Decimal(2),
        Decimal(3),
    )
    # With as many wrong options as correct ones, ticking everything earns nothing.
    value = multiple(2, correct=["a", "b"], wrong=["x", "y"])
    assert judged("multiple_choice", value, ["a", "b", "x", "y"]) == (
        "wrong",
        Decimal(0),
        Decimal(2),
    )


def test_multiple_choice_ticking_every_option_earns_everything_when_all_are_correct():
    value = multiple(2, correct=["a", "b", "c"], wrong=[])
    assert judged("multiple_choice", value, ["a", "b", "c"]) == ("right", Decimal(2), Decimal(2))


def test_multiple_choice_partial_points_are_rounded_half_up_to_cents():
    value = multiple(1, correct=["a", "b", "c"], wrong=["x"])
    assert judged("multiple_choice", value, ["a"])[1] == Decimal("0.33")
    assert judged("multiple_choice", value, ["a", "b"])[1] == Decimal("0.67")


def test_multiple_choice_same_option_sent_twice_counts_once():
    value = multiple(4, correct=["a", "b"], wrong=["x"])
    assert judged("multiple_choice", value, ["a", "a"]) == ("partial", Decimal(2), Decimal(4))


# -- answers that do not fit the step -------------------------------------------------------------


@pytest.mark.parametrize(
    ("block_type", "value", "chosen"),
    [
        pytest.param("decision", decision(*DECISION), [], id="decision-nothing-chosen"),
        pytest.param("decision", decision(*DECISION), ["no-such-option"], id="decision-unknown-id"),
        pytest.param("single_choice", single(), [], id="single-nothing-chosen"),
        pytest.param("single_choice", single(), ["no-such-option"], id="single-unknown-id"),
        pytest.param("single_choice", single(), ["yes", "no"], id="single-two-options"),
        pytest.param("single_choice", single(), [""], id="single-empty-id"),
        pytest.param(
            "multiple_choice", multiple(2, ["a"], ["x"]), [], id="multiple-nothing-chosen"
        ),
        pytest.param(
            "multiple_choice", multiple(2, ["a"], ["x"]), ["a", "zzz"], id="multiple-one-unknown"
        ),
        pytest.param("information", {"heading": "x"}, ["a"], id="step-that-takes-no-answer"),
    ],
)
def test_answer_that_does_not_fit_the_step_is_refused(block_type, value, chosen):
    with pytest.raises(scoring.InvalidAnswer):
        step_block(block_type).score(value, chosen)


def test_option_ids_from_another_question_are_unknown():
    other = multiple(2, correct=["p"], wrong=["q"])
    other_ids = [child.id for child in other["options"].bound_blocks]
    with pytest.raises(scoring.InvalidAnswer):
        step_block("single_choice").score(single(), other_ids[:1])


# -- the module score -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "possible", "expected"),
    [
        (Decimal(1), Decimal(3), 33),
        (Decimal(2), Decimal(3), 67),
        (Decimal(1), Decimal(8), 13),  # 12.5 rounds up, not to the even 12
        (Decimal(1), Decimal(40), 3),  # 2.5 rounds up, not to the even 2
        (Decimal("6.99"), Decimal(10), 70),  # 69.9: just enough for a pass mark of 70
        (Decimal("6.94"), Decimal(10), 69),  # 69.4: not enough
        (Decimal(0), Decimal(5), 0),
        (Decimal(5), Decimal(5), 100),
    ],
)
def test_score_is_a_whole_percentage_rounded_half_up(points, possible, expected):
    assert scoring.percentage(points, possible) == expected


def test_score_of_a_module_with_nothing_to_score_is_full():
    assert scoring.percentage(0, 0) == 100
