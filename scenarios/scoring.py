"""Scoring rules on content: how one answer to one step is judged.

Pure functions over a step's block value and the option ids a learner chose; they read no
database and know nothing of attempts. Each step block calls the one for its kind (see
``scenarios.blocks``); ``training.services`` stores what they return.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import hotspots, numbers


class Verdict(models.TextChoices):
    """How an answer is judged: decisions right/acceptable/wrong, questions right/partial/wrong."""

    RIGHT = "right", _("Right")
    ACCEPTABLE = "acceptable", _("Acceptable")
    PARTIAL = "partial", _("Partly right")
    WRONG = "wrong", _("Wrong")

    @classmethod
    def decision_choices(cls):
        """What a trainer may judge a decision option: a decision has no partial credit."""
        return [(v.value, v.label) for v in (cls.RIGHT, cls.ACCEPTABLE, cls.WRONG)]


class InvalidAnswer(ValueError):
    """The submitted answer does not fit the step (no option, unknown option, too many).
    ``learner_message``, when given, tells the learner what to change."""

    def __init__(self, reason, learner_message=None):
        super().__init__(reason)
        self.learner_message = learner_message


@dataclass(frozen=True)
class ScoredAnswer:
    """A judged answer. ``answer`` is what gets stored: the normalised form of what the learner
    gave (sorted option ids for choices; an order or a list of marks where order matters)."""

    verdict: str
    points: Decimal
    max_points: Decimal
    answer: tuple = ()


def _options_by_id(value):
    return {child.id: child.value for child in value["options"].bound_blocks}


def _chosen(value, chosen_ids, *, single):
    options = _options_by_id(value)
    chosen_ids = list(dict.fromkeys(chosen_ids))  # a repeated id counts once
    if not chosen_ids:
        raise InvalidAnswer("no option chosen")
    unknown = [option_id for option_id in chosen_ids if option_id not in options]
    if unknown:
        raise InvalidAnswer("unknown option")
    if single and len(chosen_ids) > 1:
        raise InvalidAnswer("more than one option chosen")
    return chosen_ids, options


def decision_max_points(value):
    """A decision's maximum: the best option's points."""
    return Decimal(max(option["points"] for option in value["options"]))


def score_decision(value, chosen_ids):
    chosen_ids, options = _chosen(value, chosen_ids, single=True)
    option = options[chosen_ids[0]]
    return ScoredAnswer(
        option["verdict"],
        Decimal(option["points"]),
        decision_max_points(value),
        tuple(chosen_ids),
    )


def score_single_choice(value, chosen_ids):
    chosen_ids, options = _chosen(value, chosen_ids, single=True)
    points = Decimal(value["points"])
    if options[chosen_ids[0]]["correct"]:
        return ScoredAnswer(Verdict.RIGHT, points, points, tuple(chosen_ids))
    return ScoredAnswer(Verdict.WRONG, Decimal(0), points, tuple(chosen_ids))


def score_multiple_choice(value, chosen_ids):
    """Partial credit: with C correct options, each correct option chosen earns points/C and
    each wrong option chosen takes points/C off; the result is never below zero. One rule the
    learner can read before answering (the page states it), with no hidden exceptions."""
    chosen_ids, options = _chosen(value, chosen_ids, single=False)
    points = Decimal(value["points"])
    correct_ids = {option_id for option_id, option in options.items() if option["correct"]}
    hits = sum(1 for option_id in chosen_ids if option_id in correct_ids)
    misses = len(chosen_ids) - hits
    share = max(hits - misses, 0) / Decimal(len(correct_ids))
    earned = (points * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if earned == points:
        verdict = Verdict.RIGHT
    elif earned > 0:
        verdict = Verdict.PARTIAL
    else:
        verdict = Verdict.WRONG
    return ScoredAnswer(verdict, earned, points, tuple(sorted(chosen_ids)))


def correct_order(value):
    """The ids of an ordering question's items in the correct order (as the trainer entered)."""
    return [child.id for child in value["items"].bound_blocks]


ORDER_MESSAGE = _(
    "Put every item in a position of its own: each position from 1 to %(count)s once."
)


def ordering_answer(value, posted):
    """The learner's order as item ids. ``posted`` is either the item ids in order, or
    ``<item id>:<position>`` pairs (the position selects of the form without JavaScript)."""
    correct = correct_order(value)
    message = ORDER_MESSAGE % {"count": len(correct)}
    posted = [str(entry) for entry in posted]
    if posted and all(":" in entry for entry in posted):
        pairs = []
        for entry in posted:
            item_id, _sep, position = entry.rpartition(":")
            try:
                pairs.append((int(position), item_id))
            except ValueError:
                raise InvalidAnswer("a position is not a number", message) from None
        if sorted(position for position, _id in pairs) != list(range(1, len(pairs) + 1)):
            raise InvalidAnswer("a position is missing or given twice", message)
        order = [item_id for _position, item_id in sorted(pairs)]
    else:
        order = posted
    if len(order) != len(correct) or len(set(order)) != len(order):
        raise InvalidAnswer("an item is missing or given twice", message)
    if set(order) != set(correct):
        raise InvalidAnswer("unknown item", message)
    return tuple(order)


def score_ordering(value, posted):
    """Partial credit: each item in its correct position earns points/N (N items). One rule,
    stated on the page and in the block's help text."""
    order = ordering_answer(value, posted)
    correct = correct_order(value)
    points = Decimal(value["points"])
    hits = sum(1 for given, right in zip(order, correct, strict=True) if given == right)
    earned = (points * hits / len(correct)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if hits == len(correct):
        verdict = Verdict.RIGHT
    elif earned > 0:
        verdict = Verdict.PARTIAL
    else:
        verdict = Verdict.WRONG
    return ScoredAnswer(verdict, earned, points, order)


def score_hotspot(value, chosen_ids):
    """Spot the signals: marks (``p:x,y``) and ticked regions (``r:id``) are matched to the
    regions; the rule is in ``hotspots.judge`` and is stated on the page."""
    try:
        answer = hotspots.normalise_answer(value, chosen_ids)
    except hotspots.AnswerError as error:
        raise InvalidAnswer(str(error), error.learner_message) from None
    earned, possible = hotspots.judge(value, answer)
    if earned == possible:
        verdict = Verdict.RIGHT
    elif earned > 0:
        verdict = Verdict.PARTIAL
    else:
        verdict = Verdict.WRONG
    return ScoredAnswer(verdict, earned, possible, answer)


def percentage(points, possible):
    """A score as a whole percentage by the platform's one rule (``numbers.percent``: rounded
    half up, 100 only for every point); 100 for a module with nothing to score."""
    return numbers.percent(points, possible, empty=100)
