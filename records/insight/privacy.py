"""What of the signal insight may be shown: no person, no figure about fewer than
``INSIGHTS_PRIVACY_THRESHOLD`` people, and nothing that could be worked out from what is shown.

The reports show, per row (a signal, an organisation, a function, a quarter, or a total), the
figures of ``queries.FIGURES``: people who met the signal, recognised it the first time, ever,
met it again, and of those, recognised it the first and the last time. Each is a sum of
disjoint groups of people (``SignalSummary.ATOMS``), so the difference of two of them is often a
group of people too ("recognised it ever" minus "the first time" is the people who learned it).
The table handed to ``records.disclosure.suppress`` therefore holds, per row, the figures shown,
the groups themselves, and every difference of two shown figures that is a group; with the lines
that tie them together (within the row, and from units to regions to the province). Disclosure
control then hides every figure (and every group it could be worked out from) under the
threshold; a row whose people are under the threshold shows nothing at all, not even how many
they are; the before/after figures of fewer than the threshold people who met it again are
hidden by the same rules as any small count. Only the figures of ``queries.RELEASED`` are ever
shown; the rest are there so that no combination of shown figures gives a small group away.
"""

from dataclasses import dataclass
from itertools import permutations

from django.conf import settings

from ..disclosure import Group, Line, suppress
from .queries import ATOMS, FIGURES, RELEASED


def privacy_threshold():
    return int(getattr(settings, "INSIGHTS_PRIVACY_THRESHOLD", 5))


def _figure_sets():
    """{name: set of atoms}: the shown figures, each atom, and each difference of two shown
    figures that is a group (one contains the other)."""
    sets = dict(FIGURES)
    seen = {atoms: name for name, atoms in sets.items()}
    for atom in ATOMS:
        atoms = frozenset({atom})
        if atoms not in seen:
            sets[atom] = atoms
            seen[atoms] = atom
    for big, small in permutations(RELEASED, 2):
        if FIGURES[small] < FIGURES[big]:
            rest = FIGURES[big] - FIGURES[small]
            if rest not in seen:
                name = f"{big}-{small}"
                sets[name] = rest
                seen[rest] = name
    return sets


FIGURE_SETS = _figure_sets()
NAME_OF_SET = {atoms: name for name, atoms in FIGURE_SETS.items()}


def row_lines(row):
    """The lines within one row: each composite figure is the sum of its atoms, and each shown
    figure is the sum of a smaller one and their difference."""
    lines = []
    for name, atoms in FIGURE_SETS.items():
        if len(atoms) > 1:
            lines.append(Line((row, name), tuple((row, atom) for atom in sorted(atoms))))
    for big, small in permutations(RELEASED, 2):
        if FIGURES[small] < FIGURES[big]:
            rest = NAME_OF_SET[FIGURES[big] - FIGURES[small]]
            lines.append(Line((row, big), ((row, small), (row, rest))))
    return lines


@dataclass(frozen=True)
class ShownRow:
    """One row as it may be shown: ``values[name]`` the figure or None (hidden); ``too_few``
    when the row's people are under the threshold (then nothing of it is shown)."""

    key: object
    too_few: bool
    values: dict
    rates: dict

    def __getitem__(self, name):
        return self.values[name]


RATES = {
    # name: (numerator, denominator)
    "first_rate": ("first", "people"),
    "best_rate": ("best", "people"),
    "before_rate": ("again_first", "again"),
    "after_rate": ("again_later", "again"),
}


def _leaves(row, children_of):
    """The units a row adds up (itself for a unit)."""
    children = children_of.get(row)
    if not children:
        return frozenset({row})
    return frozenset().union(*(_leaves(child, children_of) for child in children))


def telling_differences(values, leaves, threshold):
    """Pairs of shown figures whose difference is a group of people under the threshold: the
    people of one figure are all among those of the other (same row or a row that contains it,
    a figure made of fewer groups) and they differ by 1 to threshold − 1. ``values``:
    {(row, name): value or None}; ``leaves``: {row: units it adds up}."""
    found = []
    shown = [(key, value) for key, value in values.items() if value is not None]
    for (big_row, big), big_value in shown:
        for (small_row, small), small_value in shown:
            if (big_row, big) == (small_row, small):
                continue
            if not (leaves[small_row] <= leaves[big_row] and FIGURES[small] <= FIGURES[big]):
                continue
            if 0 < big_value - small_value < threshold:
                found.append(((big_row, big), (small_row, small)))
    return found


def with_rest(rows, totals, everyone):
    """The table of a selection of people (a function, a quarter) together with the rest of
    the people of each row (``everyone`` minus ``rows``) and their sum, so that the figures of
    the selection cannot be subtracted from those of the unfiltered view to single out the
    rest. Returns (rows, totals) to hand to ``protect``; the selection's rows are ("in", key)."""
    joined = {}
    for key in set(rows) | set(everyone):
        part = rows.get(key, {})
        whole = everyone.get(key, {})
        joined["in", key] = {atom: part.get(atom, 0) for atom in ATOMS}
        joined["out", key] = {atom: whole.get(atom, 0) - part.get(atom, 0) for atom in ATOMS}
    joined_totals = []
    for side in ("in", "out"):
        for total, children in totals:
            joined_totals.append(((side, total), [(side, child) for child in children]))
    keys = list(joined) + [key for key, _children in joined_totals]
    for _side, key in [key for key in keys if key[0] == "in"]:
        joined_totals.append((("all", key), [("in", key), ("out", key)]))
    return joined, joined_totals


def protect(rows, totals=(), threshold=None):
    """Suppress a table. ``rows``: {row key: {atom: count}} of the rows that are not totals;
    ``totals``: [(total key, [child keys])], a total's atoms being the sum of its children's
    (children before their totals). Returns {row key: ShownRow}, totals included.

    ``records.disclosure`` protects every hidden figure against every combination of shown
    ones; on top of that, no two shown figures may differ by a group of people under the
    threshold (``telling_differences``): where they would, the smaller one is hidden too and
    disclosure control runs again."""
    threshold = privacy_threshold() if threshold is None else threshold
    atoms = {key: dict(counts) for key, counts in rows.items()}
    children_of = {}
    for total, children in totals:
        children_of[total] = list(children)
        atoms[total] = {
            atom: sum(atoms[child].get(atom, 0) for child in children) for atom in ATOMS
        }
    leaves = {row: _leaves(row, children_of) for row in atoms}
    values, lines, groups = {}, [], []
    for row, counts in atoms.items():
        for name, members in FIGURE_SETS.items():
            values[row, name] = sum(counts.get(atom, 0) for atom in members)
        lines.extend(row_lines(row))
        groups.append(Group((row, "people"), tuple((row, name) for name in FIGURE_SETS)))
    for total, children in totals:
        for name in FIGURE_SETS:
            lines.append(Line((total, name), tuple((child, name) for child in children)))
    # What is never published is hidden from the start: the groups themselves, the differences,
    # and the rest of the people of a filtered selection. Disclosure control then protects them
    # like any hidden figure, and knows that a reader cannot subtract them.
    unpublished = {
        (row, name)
        for row in atoms
        for name in FIGURE_SETS
        if name not in RELEASED or (isinstance(row, tuple) and row[:1] == ("out",))
    }
    also_hide = set()
    while True:
        suppression = suppress(
            values,
            lines,
            groups,
            threshold=threshold,
            also_hide=also_hide,
            unpublished=unpublished,
        )
        released = {
            (row, name): suppression.shown((row, name)) for row in atoms for name in RELEASED
        }
        telling = telling_differences(released, leaves, threshold)
        if not telling:
            break
        (_big, small) = telling[0]
        also_hide.add(small if values[small] else _big)
    shown = {}
    for row in atoms:
        shown[row] = ShownRow(
            key=row,
            too_few=(row, "people") in suppression.hidden_groups,
            values={name: released[row, name] for name in RELEASED},
            rates={
                rate: suppression.rate((row, part), (row, whole))
                for rate, (part, whole) in RATES.items()
            },
        )
    return shown
