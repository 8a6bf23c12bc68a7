"""Anonymous item statistics for trainers: per scored question of a module, per option, ordering
item or hotspot region, how often it was chosen, put in its right place or found, over all the
learners' responses. No person appears, and a question with fewer answers than the privacy
threshold shows counts but no percentages and no "least found" mark.

The counting is pure functions over a step's block value and the stored answers
(``Response.chosen_options``); responses are matched to content by StreamField block id and to
options, items and regions by their list item ids, never by position. Counters are registered per
block type; a step type without a counter is simply left out.

Stored answer formats (a list of strings per response):

- decision, single_choice: ``[option_id]``
- multiple_choice: the sorted chosen option ids
- ordering: the item ids in the learner's order
- hotspot: the sorted ids of the regions hit, plus one ``"miss"`` per mark on nothing, then a
  record of each mark (``m:<x>,<y>:<region id or miss>``, not counted here)
- writeup: the learner's text, then the ids of the checklist items it met
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import numbers

MISS = "miss"


def privacy_threshold():
    return getattr(settings, "INSIGHTS_PRIVACY_THRESHOLD", 5)


@dataclass
class Row:
    """One option, item or region of a question and how often it was chosen/placed/found."""

    id: str
    text: str
    count: int = 0
    key: bool = False  # the right option, a correct option, an item, a region to find
    key_label: str = ""
    percentage: int | None = None
    least_found: bool = False


@dataclass
class Counts:
    """What a step block counted: a row per option, item or region."""

    rows: list
    measure: str  # what a row's ``count`` means: chosen, placed right, found
    row_heading: str  # what a row is: option, item, region
    misses: int | None = None  # spot the signals: marks on nothing (None: not counted)


@dataclass
class QuestionStatistics:
    block_id: str
    block_type: str
    type_label: str
    prompt: str
    answers: int
    measure: str
    row_heading: str
    rows: list = field(default_factory=list)
    misses: int | None = None
    hidden: bool = False  # fewer answers than the privacy threshold: no percentages


def _items(value, name):
    """(id, value) of the list items of a block value, whether bound (StreamValue from a page)
    or raw (dicts with id/value, as stored)."""
    items = value.get(name) if hasattr(value, "get") else None
    if items is None:
        return []
    bound = getattr(items, "bound_blocks", None)
    if bound is not None:
        return [(child.id, child.value) for child in bound]
    return [(item["id"], item["value"]) for item in items]


def _text(item):
    for name in ("text", "label", "name", "description", "alt_text"):
        text = item.get(name) if hasattr(item, "get") else None
        if text:
            return str(text)
    return ""


def count_choices(value, answers, is_right, key_label):
    """Decisions and choice questions: per option, the answers that chose it; ``is_right(option)``
    marks the key, labelled ``key_label``."""
    counts = Counter(option_id for answer in answers for option_id in set(answer))
    rows = []
    for option_id, option in _items(value, "options"):
        key = is_right(option)
        rows.append(Row(option_id, _text(option), counts[option_id], key, key_label if key else ""))
    return Counts(rows, _("chosen"), _("Option"))


def count_ordering(value, answers):
    """ordering: per item, the answers that put it in its correct position (the trainer enters
    the items in the correct order)."""
    items = _items(value, "items")
    right_place = {item_id: index for index, (item_id, _item) in enumerate(items)}
    counts = Counter(
        item_id
        for answer in answers
        for index, item_id in enumerate(answer)
        if right_place.get(item_id) == index
    )
    rows = [
        Row(item_id, _text(item), counts[item_id], True, _("Position %(n)s") % {"n": index + 1})
        for index, (item_id, item) in enumerate(items)
    ]
    return Counts(rows, _("placed right"), _("Item"))


def count_hotspot(value, answers):
    """hotspot: per region, the answers that found (marked or ticked) it; for a signal region
    that is right, for an ordinary region (one to tell apart from signals) it is a mistake.
    Marks on nothing are counted apart."""
    counts = Counter(region_id for answer in answers for region_id in set(answer))
    misses = sum(1 for answer in answers for mark in answer if mark == MISS)
    rows = []
    for number, (region_id, region) in enumerate(_items(value, "regions"), start=1):
        signal = region.get("kind", "signal") == "signal"
        text = _text(region) or _("Region %(number)s") % {"number": number}
        label = _("Signal") if signal else _("Ordinary")
        rows.append(Row(region_id, text, counts[region_id], signal, label))
    return Counts(rows, _("found"), _("Region"), misses)


def count_checklist(value, answers):
    """write-up: per checklist item, the reports that met it (the text itself is not read:
    it is the learner's own, and the ids after it say what it met)."""
    counts = Counter(item_id for answer in answers for item_id in set(answer[1:]))
    rows = [
        Row(item_id, _text(item), counts[item_id], True, _("Belongs in the report"))
        for item_id, item in _items(value, "checklist")
    ]
    return Counts(rows, _("met"), _("Checklist item"))


def question_statistics(step, answers, threshold=None):
    """The statistics of one step (a bound block: ``block``, ``id``, ``value``), or None for a
    step that is not scored."""
    if not getattr(step.block, "is_scored", False):
        return None
    threshold = privacy_threshold() if threshold is None else threshold
    answers = list(answers)
    counts = step.block.statistics(step.value, answers)
    rows = counts.rows
    stats = QuestionStatistics(
        step.id,
        step.block_type,
        step.block.label,
        step.block.prompt(step.value),
        len(answers),
        counts.measure,
        counts.row_heading,
        rows,
        counts.misses,
    )
    stats.hidden = stats.answers < threshold
    if not stats.hidden:
        for row in rows:
            row.percentage = numbers.percent(row.count, stats.answers)
        keys = [row for row in rows if row.key]
        counts = {row.count for row in keys}
        if len(counts) > 1:  # mark the least found only where some were found more often
            for row in keys:
                row.least_found = row.count == min(counts)
    return stats


def module_statistics(steps, responses, threshold=None):
    """Statistics of every scored step in ``steps`` (a module's StreamValue), from
    ``responses``: an iterable of ``(block_id, block_type, chosen_options)``, read once. A
    response whose block id or type does not match a step is not counted."""
    answers = defaultdict(list)
    for block_id, block_type, chosen in responses:
        answers[(block_id, block_type)].append([str(item) for item in chosen or []])
    result = []
    for step in steps:
        stats = question_statistics(step, answers.get((step.id, step.block_type), []), threshold)
        if stats is not None:
            result.append(stats)
    return result
