"""Which signals an answer recognised, per kind of step (``scenarios.signal_tags``), from the
raw step data as a revision stores it."""

from scenarios import signal_tags


def items(*values):
    return [{"type": "item", "value": value, "id": f"id-{n}"} for n, value in enumerate(values)]


def test_decision_right_recognises_all_acceptable_its_own_wrong_none():
    step = {
        "type": "decision",
        "value": {
            "options": items(
                {"verdict": "right", "signals": items(1, 2)},
                {"verdict": "acceptable", "signals": items(2)},
                {"verdict": "wrong", "signals": items(3)},
            )
        },
    }
    assert signal_tags.tested_signals(step) == {1, 2, 3}
    assert signal_tags.recognised(step, ["id-0"], "right") == {1: True, 2: True, 3: True}
    assert signal_tags.recognised(step, ["id-1"], "acceptable") == {1: False, 2: True, 3: False}
    assert signal_tags.recognised(step, ["id-2"], "wrong") == {1: False, 2: False, 3: False}


def test_question_recognised_only_when_right():
    step = {"type": "multiple_choice", "value": {"signals": [7], "options": items({}, {})}}
    assert signal_tags.recognised(step, ["id-0"], "right") == {7: True}
    assert signal_tags.recognised(step, ["id-0"], "partial") == {7: False}


def test_hotspot_signal_regions_found_and_ordinary_ones_left_alone():
    step = {
        "type": "hotspot",
        "value": {
            "regions": items(
                {"kind": "signal", "signals": items(1)},
                {"kind": "signal", "signals": items(2)},
                {"kind": "ordinary", "signals": items(3)},
            )
        },
    }
    assert signal_tags.recognised(step, ["id-0", "miss"], "partial") == {
        1: True,
        2: False,
        3: True,
    }
    assert signal_tags.recognised(step, ["id-2"], "wrong") == {1: False, 2: False, 3: False}


def test_ordering_item_in_its_place_and_writeup_checklist_met():
    ordering = {
        "type": "ordering",
        "value": {"items": items({"signals": items(1)}, {"signals": items(2)}, {})},
    }
    assert signal_tags.recognised(ordering, ["id-0", "id-2", "id-1"], "partial") == {
        1: True,
        2: False,
    }
    writeup = {
        "type": "writeup",
        "value": {"checklist": items({"signals": items(4)}, {"signals": items(5)})},
    }
    assert signal_tags.recognised(writeup, ["my report", "id-1"], "partial") == {
        4: False,
        5: True,
    }


def test_a_signal_tagged_twice_in_a_step_needs_both_parts():
    step = {
        "type": "hotspot",
        "value": {"regions": items({"signals": items(1)}, {"signals": items(1)})},
    }
    assert signal_tags.recognised(step, ["id-0"], "partial") == {1: False}
    assert signal_tags.recognised(step, ["id-0", "id-1"], "right") == {1: True}


def test_untagged_and_unscored_steps_test_nothing():
    assert signal_tags.tested_signals({"type": "information", "value": {"signals": [1]}}) == set()
    assert signal_tags.recognised({"type": "scene", "value": {}}, [], "") == {}
    assert signal_tags.raw_steps({"steps": '[{"type": "scene"}]'}) == [{"type": "scene"}]
