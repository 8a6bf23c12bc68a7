"""Statistical disclosure control for published tables of counts: which figures to hide so that
nobody in a small group can be singled out, neither by a figure itself nor by working it out from
the figures that are shown.

Pure Python: no database, no Django. A table is a set of figures (non-negative counts, keyed by
anything hashable), the additive relations between them (``Line``: a total and its parts) and the
groups of people whose figures stand or fall together (``Group``). ``cross_table`` builds the
common case, rows by columns with row totals, column totals and a grand total; a table with
subtotals (municipalities within regions within a province) is the same thing with more lines.

The rules (``suppress``), for a threshold t:

1. Primary suppression. A count of 1 to t−1 is hidden; 0 is shown. A group whose size is under t
   is hidden entirely, its size and every figure about it, whether it has 0, 1 or t−1 people:
   an empty group and a small one read the same.
2. Complementary suppression. A line gets one more hidden figure when exactly one of its figures
   is hidden (the rest of the line gives it away), or when its total is shown and its hidden
   figures add up to fewer than t (the difference would be a small count); the figures of a
   hidden group count as 0 there, as if it were empty, so that its real size changes nothing.
   The figure added is the line's smallest shown non-zero part (at least t, by rule 1), else
   its total, else a zero part. Repeated until nothing changes.
3. Audit. Two lines together can give away what neither does alone, so exact linear algebra
   checks every hidden figure under t (zeros hidden by rules 1 and 2 included) against all lines
   at once. Counts are also whole and never below 0, which narrows things further ("these two
   add up to 5 and that one is at most 4"); when the table is a flow network (rows by columns
   with totals always is) an exact check finds a hidden small count that has only one possible
   value, and a hidden group that cannot have been empty. Either way the smallest shown figure
   next to the problem is hidden too, and rule 2 runs again.

A percentage (``Suppression.rate``) is shown only when its numerator and denominator are shown
and both the numerator and its complement (denominator − numerator) are 0 or at least t: "5
people, 20%" is one person, and so is "5 people, 80%" (the one who did not).

Rules 1 and 2 and the linear check decide from which groups are under the threshold and from
the shown figures, never from a value inside a hidden group; only the whole-number check looks
further.
"""

from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from scenarios import numbers


@dataclass(frozen=True)
class Line:
    """An additive relation between published figures: ``total`` is the sum of ``parts``."""

    total: Hashable
    parts: tuple

    @property
    def members(self):
        return (self.total, *self.parts)


@dataclass(frozen=True)
class Group:
    """The figures about one group of people, hidden together when ``size`` (the figure that
    counts its people) is under the threshold."""

    size: Hashable
    members: tuple


@dataclass(frozen=True)
class Figure:
    """A figure as published: its value, or None when it is hidden."""

    value: int | None

    @property
    def hidden(self):
        return self.value is None

    def __str__(self):
        return "–" if self.value is None else str(self.value)


class Suppression:
    """What may be published of a table: ``shown(key)`` is a figure's value or None."""

    def __init__(self, values, hidden, hidden_groups, threshold):
        self.values = values
        self.hidden = frozenset(hidden)
        self.hidden_groups = frozenset(hidden_groups)
        self.threshold = threshold

    def is_hidden(self, key):
        return key in self.hidden

    def shown(self, key):
        return None if key in self.hidden else self.values[key]

    def figure(self, key):
        return Figure(self.shown(key))

    def rate(self, numerator, denominator):
        """``numerator`` as a whole percentage of ``denominator``, or None when it may not be
        shown. Never 0% or 100% unless it is exactly that."""
        part, whole = self.shown(numerator), self.shown(denominator)
        if part is None or whole is None or whole == 0:
            return None
        if not (publishable(part, self.threshold) and publishable(whole - part, self.threshold)):
            return None
        return numbers.percent(part, whole)


def publishable(count, threshold):
    """Rule 1 for a single count: 0, or at least the threshold."""
    return count == 0 or count >= threshold


def suppress(
    values: Mapping[Hashable, int],
    lines: Sequence[Line],
    groups: Iterable[Group] = (),
    *,
    threshold: int,
    also_hide: Iterable[Hashable] = (),
    unpublished: Iterable[Hashable] = (),
) -> Suppression:
    """Decide which of ``values`` to hide (rules 1 to 3 above). ``lines`` must add up; a table
    that does not is refused with ValueError, since its protection would be wrong.
    ``also_hide``: figures the caller wants hidden from the start (a check of its own found
    them telling); the rules then protect them like the rest. ``unpublished``: figures that are
    part of the table's arithmetic but never published (a reader does not know them): hidden
    from the start; rule 2 does not add a figure to a line just because one of these, 0 or at
    least t, is its only hidden figure (nothing small follows from it; the audit still checks
    every small hidden figure against all lines)."""
    if not isinstance(threshold, int) or threshold < 1:
        raise ValueError(f"The threshold must be a whole number of at least 1, not {threshold!r}.")
    values = dict(values)
    for key, value in values.items():
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"Figure {key!r} is not a count: {value!r}.")
    lines = tuple(lines)
    groups = tuple(groups)
    order = {key: index for index, key in enumerate(values)}
    for line in lines:
        missing = [key for key in line.members if key not in values]
        if missing:
            raise ValueError(f"A line refers to figures that are not in the table: {missing!r}.")
        if values[line.total] != sum(values[part] for part in line.parts):
            raise ValueError(f"The parts of {line.total!r} do not add up to it.")
    lines_of = {key: [] for key in values}
    for line in lines:
        for key in set(line.members):
            lines_of[key].append(line)

    hidden, blind, hidden_groups = set(), set(), set()
    for group in groups:
        if values[group.size] < threshold:
            members = {group.size, *group.members}
            hidden |= members
            blind |= members
            hidden_groups.add(group.size)
    hidden |= {key for key, value in values.items() if 0 < value < threshold}
    hidden |= set(also_hide) & set(values)
    loose = {key for key in unpublished if key in values and publishable(values[key], threshold)}
    hidden |= set(unpublished) & set(values)

    network = _network(lines, values)
    while True:
        while _complement_lines(lines, values, hidden, blind, threshold, order, loose):
            pass
        protected = sorted(
            (key for key in hidden if values[key] < threshold and key not in loose), key=order.get
        )
        exposed = _determined(lines, hidden, protected, order)
        if exposed:
            neighbours = {
                key for line in lines_of[exposed[0]] for key in line.members if key not in hidden
            }
        elif network is not None:
            small = [key for key in protected if values[key] > 0 and key not in blind]
            sizes = sorted(hidden_groups, key=order.get)
            # The label "too few" tells the reader that a hidden group's size is under t.
            ceiling = dict.fromkeys(sizes, threshold - 1)
            stuck = _pinned(network, values, hidden, small, sizes, ceiling)
            if stuck is None:
                break
            neighbours = {
                key
                for key, (tail, head) in network.items()
                if key not in hidden and (tail in stuck or (head in stuck and values[key] > 0))
            }
        else:
            break
        choice = _smallest(neighbours or (set(values) - hidden), values, order)
        if choice is None:  # everything is hidden already
            break
        hidden.add(choice)
    return Suppression(values, hidden, hidden_groups, threshold)


def _complement_lines(lines, values, hidden, blind, threshold, order, loose=frozenset()):
    """One pass of rule 2 over every line; whether it hid anything."""
    changed = False
    for line in lines:
        hidden_here = [key for key in line.members if key in hidden]
        if not hidden_here:
            continue
        needs = len(set(hidden_here)) == 1 and hidden_here[0] not in loose
        # Only unpublished figures hidden, adding up to 0 or at least t: nothing small follows.
        harmless = all(key in loose for key in hidden_here) and publishable(
            sum(values[key] for key in set(hidden_here)), threshold
        )
        if not needs and not harmless and line.total not in hidden:
            known = sum(values[key] for key in hidden_here if key not in blind)
            needs = known < threshold
        if not needs:
            continue
        shown_parts = [key for key in line.parts if key not in hidden]
        choice = _smallest([key for key in shown_parts if values[key] > 0], values, order)
        if choice is None and line.total not in hidden:
            choice = line.total
        if choice is None:
            choice = _smallest(shown_parts, values, order)
        if choice is not None:
            hidden.add(choice)
            changed = True
    return changed


def _smallest(keys, values, order):
    """The smallest non-zero figure among ``keys``, else a zero one, else None; ties by order."""
    return min(keys, key=lambda key: (values[key] == 0, values[key], order[key]), default=None)


def _determined(lines, hidden, candidates, order):
    """Those of ``candidates`` (hidden figures) whose value follows from the shown figures by
    some combination of the lines: the unit vector of the figure lies in the row space of the
    lines restricted to the hidden figures. Exact (fractions), sparse Gauss-Jordan."""
    basis = {}  # pivot figure -> reduced row (dict figure -> coefficient), 1 at the pivot
    for line in lines:
        row = {}
        for key in line.parts:
            if key in hidden:
                row[key] = row.get(key, 0) + 1
        if line.total in hidden:
            row[line.total] = row.get(line.total, 0) - 1
        row = {key: Fraction(value) for key, value in row.items() if value}
        for pivot in [key for key in row if key in basis]:
            factor = row.get(pivot)
            if factor:
                for key, value in basis[pivot].items():
                    updated = row.get(key, 0) - factor * value
                    if updated:
                        row[key] = updated
                    else:
                        row.pop(key, None)
        if not row:
            continue
        pivot = min(row, key=order.get)
        scale = row[pivot]
        row = {key: value / scale for key, value in row.items()}
        for other_row in basis.values():
            factor = other_row.get(pivot)
            if factor:
                for key, value in row.items():
                    updated = other_row.get(key, 0) - factor * value
                    if updated:
                        other_row[key] = updated
                    else:
                        other_row.pop(key, None)
        basis[pivot] = row
    return [key for key in candidates if key in basis and len(basis[key]) == 1]


def _network(lines, values):
    """When every figure is in exactly two lines and the lines can be signed so that each says
    "what flows in equals what flows out", the table is a flow network: each figure an arc from
    one line to the other (``{figure: (tail line, head line)}``). Rows by columns with their
    totals always are; so are subtotals when only the smallest units have a row total. Else
    None."""
    incidence = {key: [] for key in values}
    for index, line in enumerate(lines):
        incidence[line.total].append((index, -1))
        for part in line.parts:
            incidence[part].append((index, 1))
    if any(len({index for index, _sign in pairs}) != 2 for pairs in incidence.values()):
        return None
    if any(len(pairs) != 2 for pairs in incidence.values()):
        return None
    neighbours = {index: [] for index in range(len(lines))}
    for (first, first_sign), (second, second_sign) in incidence.values():
        # sign[first] * first_sign == -sign[second] * second_sign
        relation = -first_sign * second_sign
        neighbours[first].append((second, relation))
        neighbours[second].append((first, relation))
    sign = {}
    for start in range(len(lines)):
        if start in sign:
            continue
        sign[start] = 1
        queue = deque([start])
        while queue:
            line = queue.popleft()
            for other, relation in neighbours[line]:
                expected = sign[line] * relation
                if other not in sign:
                    sign[other] = expected
                    queue.append(other)
                elif sign[other] != expected:
                    return None
    return {
        key: (first, second) if sign[first] * first_sign == 1 else (second, first)
        for key, ((first, first_sign), (second, _second_sign)) in incidence.items()
    }


def _residual(network, values, hidden, without, ceiling):
    """The moves of the hidden figures other than ``without``: each may grow by one along its
    arc (up to its ceiling, if it has one), and shrink by one (against its arc) while it is at
    least 1."""
    arcs = {}
    for key in hidden:
        if key == without:
            continue
        tail, head = network[key]
        if values[key] < ceiling.get(key, values[key] + 1):
            arcs.setdefault(tail, []).append((head, key, 1))
        if values[key] > 0:
            arcs.setdefault(head, []).append((tail, key, -1))
    return arcs


def _search(arcs, start, goal):
    """A path of moves from line ``start`` to line ``goal`` (or None), and the lines reached."""
    parent = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = []
            while parent[node] is not None:
                node, key, step = parent[node]
                path.append((key, step))
            return path, set(parent)
        for following, key, step in arcs.get(node, ()):
            if following not in parent:
                parent[following] = (node, key, step)
                queue.append(following)
    return None, set(parent)


def _pinned(network, values, hidden, small, sizes, ceiling):
    """Whole numbers of at least 0 (and a hidden group's size under t, as its label says) narrow
    things down further than the lines alone. The lines a reader cannot get past, when a hidden
    small count has only one possible value, or when a hidden group cannot have been empty (its
    size cannot go down to 0 without some count leaving its bounds); None when neither happens.
    Exact for a flow network: a figure can change exactly when a cycle of moves through it
    exists."""
    for key in small:
        tail, head = network[key]
        arcs = _residual(network, values, hidden, key, ceiling)
        rise, reached_up = _search(arcs, head, tail)
        fall, reached_down = _search(arcs, tail, head)
        if rise is None and fall is None:
            return reached_up | reached_down
    for size in sizes:
        current = dict(values)
        tail, head = network[size]
        while current[size] > 0:
            arcs = _residual(network, current, hidden, size, ceiling)
            path, reached = _search(arcs, tail, head)
            if path is None:
                return reached
            path.append((size, -1))
            room = [current[key] for key, direction in path if direction < 0]
            room += [
                ceiling[key] - current[key]
                for key, direction in path
                if direction > 0 and key in ceiling
            ]
            step = min(room)
            for key, direction in path:
                current[key] += step * direction
    return None


@dataclass(frozen=True)
class CrossTable:
    """Rows by columns of counts with row totals, column totals and a grand total, suppressed.
    Each row is a group of people (its total is their number), and so is the table as a whole."""

    rows: tuple
    columns: tuple
    suppression: Suppression

    def cell(self, row, column):
        return self.suppression.figure(("cell", row, column))

    def row_total(self, row):
        return self.suppression.figure(("row", row))

    def column_total(self, column):
        return self.suppression.figure(("column", column))

    def total(self):
        return self.suppression.figure(("total",))

    def row_hidden(self, row):
        """Whether the row's group is too small to show anything about it (empty ones too)."""
        return ("row", row) in self.suppression.hidden_groups

    def total_hidden(self):
        return ("total",) in self.suppression.hidden_groups

    def rate(self, row, column):
        """The cell as a percentage of its row total."""
        return Figure(self.suppression.rate(("cell", row, column), ("row", row)))

    def total_rate(self, column):
        """The column total as a percentage of the grand total."""
        return Figure(self.suppression.rate(("column", column), ("total",)))


def cross_table(counts, rows, columns, *, threshold):
    """Suppress a table of ``counts[row][column]`` (missing cells are 0) with its totals."""
    rows, columns = tuple(rows), tuple(columns)
    values = {}
    for row in rows:
        for column in columns:
            values["cell", row, column] = counts.get(row, {}).get(column, 0)
    for row in rows:
        values["row", row] = sum(values["cell", row, column] for column in columns)
    for column in columns:
        values["column", column] = sum(values["cell", row, column] for row in rows)
    values["total",] = sum(values["row", row] for row in rows)
    lines = [
        *(Line(("row", row), tuple(("cell", row, column) for column in columns)) for row in rows),
        *(
            Line(("column", column), tuple(("cell", row, column) for row in rows))
            for column in columns
        ),
        Line(("total",), tuple(("column", column) for column in columns)),
        Line(("total",), tuple(("row", row) for row in rows)),
    ]
    groups = [
        *(Group(("row", row), tuple(("cell", row, column) for column in columns)) for row in rows),
        Group(("total",), tuple(("column", column) for column in columns)),
    ]
    return CrossTable(rows, columns, suppress(values, lines, groups, threshold=threshold))
