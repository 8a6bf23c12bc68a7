"""Which signals of the taxonomy a learner recognised in one answer: pure functions over a step's
raw stored data (as in a page revision) and the stored answer, for the insight reports.

Content only: no database, no learners. A trainer tags what a step tests at the level where it
is decided (``signals_block``); the rules, one per kind of step:

- decision: the step tests every signal tagged on any of its options. A right option shows
  that all of them were recognised; an acceptable option those tagged on it; a wrong option
  none (a wrong option tagged with a signal is the one a learner falls for).
- single- and multiple-choice question: the signals tagged on the question, recognised when the
  answer is right.
- spot the signals: per region, a signal region's signals are recognised when the region was
  found; an ordinary region's signals when it was *not* marked (telling normal from suspect).
- ordering: per item, recognised when the item is in its correct position.
- write-up: per checklist item, recognised when the report meets it.

When one step tags a signal more than once, it is recognised only if every part that tags it
is (the strictest reading)."""

import json

RIGHT, ACCEPTABLE = "right", "acceptable"


def _items(raw_list):
    """(item id, item value) of a raw ListBlock: the current format (dicts with ``type``,
    ``value`` and ``id``) and the old one (bare values, without ids)."""
    for index, item in enumerate(raw_list or ()):
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield str(item.get("id") or index), item["value"]
        else:
            yield str(index), item


def _signal_ids(value):
    """The signal pks tagged on a raw struct value."""
    found = []
    for _id, signal in _items((value or {}).get("signals")):
        if isinstance(signal, dict):  # never stored so, but be lenient with old data
            signal = signal.get("id")
        if isinstance(signal, int) or (isinstance(signal, str) and signal.isdigit()):
            found.append(int(signal))
    return found


def raw_steps(content):
    """The raw steps of a module revision's content (``Revision.content["steps"]``: a JSON
    string or already a list)."""
    steps = content.get("steps") if isinstance(content, dict) else content
    if isinstance(steps, str):
        steps = json.loads(steps or "[]")
    return steps or []


def tested_signals(step):
    """The signal pks a raw step tests (empty for an untagged or unscored step)."""
    kind, value = step.get("type"), step.get("value") or {}
    found = set(_signal_ids(value))
    for field in ("options", "regions", "items", "checklist"):
        for _id, item in _items(value.get(field)):
            if isinstance(item, dict):
                found.update(_signal_ids(item))
    return found if kind in RULES else set()


def _merge(outcome, signals, recognised):
    for signal in signals:
        outcome[signal] = outcome.get(signal, True) and recognised


def _decision(value, answer, verdict):
    options = dict(_items(value.get("options")))
    outcome = {}
    chosen = options.get(str(answer[0])) if answer else None
    chosen_verdict = (chosen or {}).get("verdict")
    chosen_signals = set(_signal_ids(chosen)) if chosen else set()
    for option in options.values():
        for signal in _signal_ids(option):
            if chosen_verdict == RIGHT:
                recognised = True
            elif chosen_verdict == ACCEPTABLE:
                recognised = signal in chosen_signals
            else:
                recognised = False
            _merge(outcome, [signal], recognised)
    return outcome


def _question(value, answer, verdict):
    outcome = {}
    _merge(outcome, _signal_ids(value), verdict == RIGHT)
    return outcome


def _hotspot(value, answer, verdict):
    marked = {str(item) for item in answer}
    outcome = {}
    for region_id, region in _items(value.get("regions")):
        found = region_id in marked
        signal_region = (region or {}).get("kind", "signal") == "signal"
        _merge(outcome, _signal_ids(region), found if signal_region else not found)
    return outcome


def _ordering(value, answer, verdict):
    items = list(_items(value.get("items")))
    given = [str(item) for item in answer]
    outcome = {}
    for position, (item_id, item) in enumerate(items):
        right = position < len(given) and given[position] == item_id
        _merge(outcome, _signal_ids(item), right)
    return outcome


def _writeup(value, answer, verdict):
    met = {str(item) for item in answer[1:]}
    outcome = {}
    for item_id, item in _items(value.get("checklist")):
        _merge(outcome, _signal_ids(item), item_id in met)
    outcome_step = _signal_ids(value)
    _merge(outcome, outcome_step, verdict == RIGHT)
    return outcome


RULES = {
    "decision": _decision,
    "single_choice": _question,
    "multiple_choice": _question,
    "hotspot": _hotspot,
    "ordering": _ordering,
    "writeup": _writeup,
}


def recognised(step, answer, verdict):
    """{signal pk: recognised} for a stored ``answer`` (and its ``verdict``) to a raw ``step``;
    empty for a step that tests no signal."""
    rule = RULES.get(step.get("type"))
    if rule is None:
        return {}
    return rule(step.get("value") or {}, list(answer or ()), verdict)
