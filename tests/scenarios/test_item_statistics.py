"""Counting item statistics: per option, ordering item and hotspot region, over stored answers
(pure functions, block values built by hand as they are stored)."""

from dataclasses import dataclass

from scenarios.blocks import StepBlock, step_block
from scenarios.item_statistics import module_statistics, question_statistics


@dataclass
class Step:
    """A step as the statistics get it from a module: its block, type, id and value."""

    block_type: str
    id: str
    value: dict

    @property
    def block(self):
        try:
            return step_block(self.block_type)
        except KeyError:  # a type this code does not know: neither scored nor counted
            return StepBlock()


def items(name, *entries):
    return {name: [{"id": entry.pop("id"), "value": entry} for entry in map(dict, entries)]}


DECISION = {
    "prompt": "Wat doe je?",
    **items(
        "options",
        {"id": "bel", "text": "Melden", "verdict": "right", "points": 2},
        {"id": "wacht", "text": "Afwachten", "verdict": "acceptable", "points": 1},
        {"id": "ga", "text": "Naar binnen", "verdict": "wrong", "points": 0},
    ),
}
SINGLE = {
    "question": "Waar wijst anijslucht op?",
    **items(
        "options",
        {"id": "xtc", "text": "XTC", "correct": True},
        {"id": "hennep", "text": "Hennep", "correct": False},
    ),
}
MULTIPLE = {
    "question": "Welke signalen?",
    **items(
        "options",
        {"id": "ramen", "text": "Afgeplakte ramen", "correct": True},
        {"id": "stroom", "text": "Hoog stroomverbruik", "correct": True},
        {"id": "koe", "text": "Koeien in de wei", "correct": False},
    ),
}
ORDERING = {
    "question": "In welke volgorde?",
    **items(
        "items",
        {"id": "afstand", "text": "Afstand houden"},
        {"id": "melden", "text": "Melden"},
        {"id": "noteren", "text": "Noteren"},
    ),
}
HOTSPOT = {
    "question": "Zoek de signalen",
    **items(
        "regions",
        {"id": "vaten", "label": "Vaten", "kind": "signal"},
        {"id": "slang", "label": "Slang", "kind": "signal"},
        {"id": "trekker", "label": "", "kind": "ordinary"},
    ),
}


def by_id(stats):
    return {row.id: row for row in stats.rows}


def test_decision_counts_each_chosen_option_and_marks_the_right_one():
    answers = [["bel"]] * 6 + [["wacht"]] * 3 + [["ga"]]

    stats = question_statistics(Step("decision", "d1", DECISION), answers, threshold=5)

    rows = by_id(stats)
    assert stats.prompt == "Wat doe je?" and stats.answers == 10
    assert [(rows[i].count, rows[i].percentage) for i in ("bel", "wacht", "ga")] == [
        (6, 60),
        (3, 30),
        (1, 10),
    ]
    assert [row.id for row in stats.rows if row.key] == ["bel"]


def test_single_choice_counts_each_option():
    answers = [["xtc"]] * 2 + [["hennep"]] * 3

    rows = by_id(question_statistics(Step("single_choice", "s1", SINGLE), answers, threshold=5))

    assert (rows["xtc"].count, rows["xtc"].percentage, rows["xtc"].key) == (2, 40, True)
    assert (rows["hennep"].count, rows["hennep"].percentage, rows["hennep"].key) == (3, 60, False)


def test_multiple_choice_counts_every_chosen_option_and_marks_the_least_found_signal():
    answers = [["ramen", "stroom"]] * 2 + [["ramen"]] * 3 + [["koe", "ramen"]]

    stats = question_statistics(Step("multiple_choice", "m1", MULTIPLE), answers, threshold=5)

    rows = by_id(stats)
    assert [rows[i].count for i in ("ramen", "stroom", "koe")] == [6, 2, 1]
    assert [rows[i].percentage for i in ("ramen", "stroom", "koe")] == [100, 33, 17]
    assert [row.id for row in stats.rows if row.least_found] == ["stroom"]


def test_ordering_counts_how_often_each_item_was_put_in_its_right_place():
    answers = [
        ["afstand", "melden", "noteren"],
        ["afstand", "noteren", "melden"],
        ["melden", "afstand", "noteren"],
        ["afstand", "melden", "noteren"],
        ["noteren", "afstand", "melden"],
    ]

    stats = question_statistics(Step("ordering", "o1", ORDERING), answers, threshold=5)

    rows = by_id(stats)
    assert [rows[i].count for i in ("afstand", "melden", "noteren")] == [3, 2, 3]
    assert [rows[i].percentage for i in ("afstand", "melden", "noteren")] == [60, 40, 60]
    assert [row.id for row in stats.rows if row.least_found] == ["melden"]


def test_hotspot_counts_regions_found_and_marks_on_nothing_apart():
    answers = [["slang", "vaten"], ["vaten"], ["miss", "vaten"], ["miss", "miss"], ["trekker"]]

    stats = question_statistics(Step("hotspot", "h1", HOTSPOT), answers, threshold=5)

    rows = by_id(stats)
    assert (rows["vaten"].count, rows["vaten"].percentage) == (3, 60)
    assert (rows["slang"].count, rows["slang"].percentage) == (1, 20)
    assert (rows["trekker"].count, rows["trekker"].key) == (1, False)  # ordinary: a mistake
    assert rows["slang"].text == "Slang" and rows["trekker"].text  # unlabelled: numbered
    assert stats.misses == 3
    assert [row.id for row in stats.rows if row.least_found] == ["slang"]


def test_fewer_answers_than_the_threshold_hides_percentages_and_marks():
    step = Step("multiple_choice", "m1", MULTIPLE)
    stats = question_statistics(step, [["ramen"], ["stroom"]], threshold=5)

    assert stats.hidden is True
    assert all(row.percentage is None and not row.least_found for row in stats.rows)


def test_responses_are_matched_to_questions_by_block_id_and_unknown_types_are_skipped():
    steps = [
        Step("information", "i1", {"heading": "Lees dit"}),
        Step("decision", "d1", DECISION),
        Step("some_future_type", "f1", {"question": "?"}),
        Step("single_choice", "s1", SINGLE),
    ]
    responses = [
        ("s1", "single_choice", ["xtc"]),
        ("d1", "decision", ["ga"]),
        ("gone", "decision", ["bel"]),  # a question that was removed from the module
        ("s1", "multiple_choice", ["xtc"]),  # same id, other type: not this question
        ("f1", "some_future_type", ["x"]),
    ]

    stats = module_statistics(steps, responses, threshold=1)

    assert [(s.block_id, s.answers) for s in stats] == [("d1", 1), ("s1", 1)]
    assert by_id(stats[0])["ga"].count == 1 and by_id(stats[1])["xtc"].count == 1
