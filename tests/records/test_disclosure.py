"""Statistical disclosure control (``training.disclosure``): from what a table shows (counts,
totals, percentages) nobody can work out a hidden count of 1 to threshold−1, and a group that is
too small to show looks the same whether it has nobody in it or a few people.

The property tests attack each suppressed table the way a reader with a calculator would:
subtracting shown figures from shown totals, line by line, for as long as that yields anything;
and, stronger, with every combination of the lines at once and the knowledge that counts are
whole numbers of at least 0 (for rows by columns that is exact: a hidden count is fixed exactly
when no cycle of hidden figures lets it move by one while every count stays at least 0)."""

from collections import deque
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records.disclosure import Group, Line, cross_table, publishable, suppress

# -- the attacks -------------------------------------------------------------------------------


def derived_by_subtraction(suppression, lines):
    """Every hidden figure a reader works out by subtraction: a line with one unknown left gives
    it, and each figure found is used again, until nothing more follows. {key: value}"""
    known = {
        key: value for key, value in suppression.values.items() if key not in suppression.hidden
    }
    found = {}
    progress = True
    while progress:
        progress = False
        for line in lines:
            unknown = [key for key in set(line.members) if key not in known]
            if len(unknown) != 1:
                continue
            (key,) = unknown
            parts = sum(known[part] for part in line.parts if part != key)
            value = parts if key == line.total else known[line.total] - parts
            known[key] = found[key] = value
            progress = True
    return found


def determined_by_linear_algebra(suppression, lines):
    """The hidden figures that follow from the shown ones by some combination of the lines: a
    figure is fixed when adding its unit vector does not raise the rank of the hidden part of the
    lines. (Independent of the module's own check, which reads pivots of a reduced basis.)"""
    hidden = sorted(suppression.hidden, key=repr)
    column = {key: index for index, key in enumerate(hidden)}
    matrix = []
    for line in lines:
        row = [Fraction(0)] * len(hidden)
        for key in line.parts:
            if key in column:
                row[column[key]] += 1
        if line.total in column:
            row[column[line.total]] -= 1
        matrix.append(row)
    base = rank(matrix)
    fixed = set()
    for key, index in column.items():
        unit = [Fraction(0)] * len(hidden)
        unit[index] = Fraction(1)
        if rank([*matrix, unit]) == base:
            fixed.add(key)
    return fixed


def rank(matrix):
    rows = [list(row) for row in matrix if any(row)]
    result, width = 0, len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((i for i in range(result, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[result], rows[pivot] = rows[pivot], rows[result]
        for i in range(len(rows)):
            if i != result and rows[i][col]:
                factor = rows[i][col] / rows[result][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[result], strict=True)]
        result += 1
    return result


def grid_edges(table):
    """A cross table as a bipartite graph: a node per row line (the rows and the totals row) and
    per column line (the columns and the column of row totals); each figure is the edge between
    its two lines, with the sign that makes every line "sum of its edges = constant"."""
    edges = {}
    for row in table.rows:
        for column in table.columns:
            edges["cell", row, column] = (("R", row), ("C", column), 1)
        edges["row", row] = (("R", row), ("C", None), -1)
    for column in table.columns:
        edges["column", column] = (("R", None), ("C", column), -1)
    edges["total",] = (("R", None), ("C", None), 1)
    return edges


def _residual_arcs(edges, values, hidden, without, ceiling):
    """Arcs along which a hidden figure may change by one step and stay at least 0 (and at most
    its ceiling: a hidden group is known to be under the threshold), each with the figure and
    its change."""
    arcs = {}
    for key in hidden:
        if key == without:
            continue
        row_node, column_node, sign = edges[key]
        for start, end, change in ((row_node, column_node, sign), (column_node, row_node, -sign)):
            if (change < 0 and values[key] >= 1) or (
                change > 0 and values[key] < ceiling.get(key, values[key] + 1)
            ):
                arcs.setdefault(start, []).append((end, key, change))
    return arcs


def ceilings(table):
    """What the reader knows from the label "too few people to show": under the threshold."""
    threshold = table.suppression.threshold
    sizes = [("row", row) for row in table.rows if table.row_hidden(row)]
    if table.total_hidden():
        sizes.append(("total",))
    return dict.fromkeys(sizes, threshold - 1)


def _path(arcs, start, goal):
    """The figures and their changes along a path of arcs from ``start`` to ``goal``, or None."""
    parent, queue = {start: None}, deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = []
            while parent[node] is not None:
                node, key, change = parent[node]
                path.append((key, change))
            return path
        for nxt, key, change in arcs.get(node, ()):
            if nxt not in parent:
                parent[nxt] = (node, key, change)
                queue.append(nxt)
    return None


def fixed_as_whole_numbers(table, key):
    """Whether a hidden figure of a cross table has only one possible value, given the shown
    figures and that every count is a whole number of at least 0. Rows-by-columns constraints are
    a network: the figure can move exactly when a cycle of hidden figures through it can be
    shifted by one without taking any count out of its bounds."""
    suppression = table.suppression
    edges = grid_edges(table)
    ceiling = ceilings(table)
    arcs = _residual_arcs(edges, suppression.values, suppression.hidden, key, ceiling)
    row_node, column_node, sign = edges[key]
    value = suppression.values[key]
    # Around a cycle through the figure, its own step is +sign (row → column) or −sign.
    for start, end, change in ((row_node, column_node, sign), (column_node, row_node, -sign)):
        allowed = value >= 1 if change < 0 else value < ceiling.get(key, value + 1)
        if allowed and _path(arcs, end, start) is not None:
            return False
    return True


def smallest_possible(table, key):
    """The smallest value a hidden figure of a cross table can have, given the shown figures and
    whole counts within their bounds: shift cycles of hidden figures that lower it, as far as
    they go, until none is left (for a network that is the minimum)."""
    suppression = table.suppression
    edges = grid_edges(table)
    ceiling = ceilings(table)
    values = dict(suppression.values)
    row_node, column_node, sign = edges[key]
    while values[key] > 0:
        arcs = _residual_arcs(edges, values, suppression.hidden, key, ceiling)
        # The figure's own step down is −1: row → column when its sign is −1, else back.
        start, end = (row_node, column_node) if sign == -1 else (column_node, row_node)
        path = _path(arcs, end, start)
        if path is None:
            break
        cycle = [*path, (key, -1)]
        room = [values[k] for k, change in cycle if change < 0]
        room += [ceiling[k] - values[k] for k, change in cycle if change > 0 and k in ceiling]
        step = min(room)
        for k, change in cycle:
            values[k] += step * change
        assert min(values.values()) >= 0
    return values[key]


def table_lines(table):
    rows, columns = table.rows, table.columns
    return [
        *(Line(("row", r), tuple(("cell", r, c) for c in columns)) for r in rows),
        *(Line(("column", c), tuple(("cell", r, c) for r in rows)) for c in columns),
        Line(("total",), tuple(("column", c) for c in columns)),
        Line(("total",), tuple(("row", r) for r in rows)),
    ]


def protected_figures(table):
    """What no combination of the lines may give away: every hidden count under the threshold,
    and everything about a hidden group, whatever its value (0 included: an empty group must
    look like a small one)."""
    suppression = table.suppression
    result = {key for key in suppression.hidden if suppression.values[key] < suppression.threshold}
    for row in table.rows:
        if table.row_hidden(row):
            result |= {("row", row), *(("cell", row, c) for c in table.columns)}
    return result


# -- the worked cases ---------------------------------------------------------------------------


def test_five_people_at_20_percent_show_neither_the_one_nor_the_rate():
    table = cross_table(
        {"a": {"done": 1, "open": 4}, "b": {"done": 10, "open": 10}, "c": {"done": 6, "open": 9}},
        ["a", "b", "c"],
        ["done", "open"],
        threshold=5,
    )

    assert table.row_total("a").value == 5  # the group itself is big enough to show
    assert table.cell("a", "done").hidden and table.rate("a", "done").hidden
    # c's figures hide a's by complement; b, half of twenty, shows.
    assert table.cell("c", "done").hidden and table.rate("c", "done").hidden
    assert table.cell("b", "done").value == 10 and table.rate("b", "done").value == 50


def test_five_people_at_80_percent_hide_the_one_who_did_not():
    values = {"people": 5, "done": 4, "not": 1}
    suppression = suppress(values, [Line("people", ("done", "not"))], threshold=5)

    assert suppression.shown("people") == 5
    assert suppression.rate("done", "people") is None
    assert suppression.shown("done") is None and suppression.shown("not") is None


def test_a_percentage_needs_its_complement_to_be_safe_as_well():
    values = {"people": 40, "done": 38, "not": 2}
    unsuppressed = suppress(values, [], threshold=1)  # every figure shown, to test the rate

    assert unsuppressed.rate("done", "people") == 95
    assert suppress(values, [], threshold=5).rate("done", "people") is None
    assert suppress({"people": 40, "done": 35}, [], threshold=5).rate("done", "people") == 88


def test_a_row_with_one_small_cell_hides_the_next_smallest_so_the_total_cannot_give_it_away():
    values = {"people": 20, "completed": 12, "open": 6, "overdue": 2}
    suppression = suppress(values, [Line("people", ("completed", "open", "overdue"))], threshold=5)

    assert suppression.shown("overdue") is None  # 2 people: primary
    assert suppression.shown("open") is None  # 6: the next smallest, so 20 − 12 is not 2
    assert suppression.shown("completed") == 12 and suppression.shown("people") == 20


def test_the_complement_is_never_a_zero_or_the_total():
    values = {"people": 20, "completed": 0, "open": 17, "overdue": 3}
    suppression = suppress(values, [Line("people", ("completed", "open", "overdue"))], threshold=5)

    assert suppression.hidden == {"overdue", "open"}


def test_complementary_hiding_continues_into_the_columns():
    table = cross_table(
        {
            "a": {"completed": 12, "open": 6, "overdue": 2},
            "b": {"completed": 9, "open": 8, "overdue": 7},
            "c": {"completed": 5, "open": 11, "overdue": 6},
        },
        ["a", "b", "c"],
        ["completed", "open", "overdue"],
        threshold=5,
    )

    hidden_open = [row for row in "abc" if table.cell(row, "open").hidden]
    hidden_overdue = [row for row in "abc" if table.cell(row, "overdue").hidden]
    # "open" of a is hidden for row a's sake; each column then needs a second hidden cell.
    assert "a" in hidden_open and len(hidden_open) >= 2
    assert "a" in hidden_overdue and len(hidden_overdue) >= 2
    assert not derived_by_subtraction(table.suppression, table_lines(table))


def test_an_empty_group_and_a_group_of_three_read_the_same():
    def table_with(small):
        return cross_table(
            {
                "big": {"completed": 10, "open": 8, "overdue": 6},
                "small": small,
                "other": {"completed": 7, "open": 9, "overdue": 5},
            },
            ["big", "small", "other"],
            ["completed", "open", "overdue"],
            threshold=5,
        )

    empty, three = table_with({}), table_with({"completed": 1, "open": 2})

    for table in (empty, three):
        assert table.row_hidden("small")
        assert table.row_total("small").hidden
        assert all(table.cell("small", c).hidden for c in table.columns)
        assert all(table.rate("small", c).hidden for c in table.columns)
    # Everything else is hidden or shown alike: the pattern does not depend on what is inside.
    assert empty.suppression.hidden == three.suppression.hidden
    for table in (empty, three):
        assert not fixed_as_whole_numbers(table, ("row", "small"))


def test_a_group_under_the_threshold_is_hidden_even_when_every_count_in_it_would_pass():
    table = cross_table(
        {"a": {"completed": 4}, "b": {"completed": 20, "open": 20}},
        ["a", "b"],
        ["completed", "open"],
        threshold=5,
    )

    assert table.row_hidden("a")
    assert table.cell("a", "open").hidden  # 0, but about a group of four


def test_a_small_table_as_a_whole_shows_nothing():
    table = cross_table({"a": {"x": 2}, "b": {"x": 1}}, ["a", "b"], ["x"], threshold=5)

    assert table.total_hidden() and table.total().hidden
    assert all(figure.hidden for figure in (table.column_total("x"), table.cell("a", "x")))


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"t": 3, "a": 1, "b": 1}, "do not add up"),
        ({"t": 2, "a": -1, "b": 3}, "not a count"),
        ({"t": 2, "a": 2}, "not in the table"),
    ],
)
def test_a_table_that_does_not_add_up_is_refused(values, message):
    with pytest.raises(ValueError, match=message):
        suppress(values, [Line("t", ("a", "b"))], threshold=5)


# -- the properties ----------------------------------------------------------------------------


@st.composite
def tables(draw):
    threshold = draw(st.integers(2, 6))
    rows = [f"r{i}" for i in range(draw(st.integers(1, 5)))]
    columns = [f"c{j}" for j in range(draw(st.integers(1, 4)))]
    small = st.integers(0, threshold + 1)
    count = st.one_of(small, st.integers(0, 3 * threshold))
    counts = {row: {column: draw(count) for column in columns} for row in rows}
    return counts, rows, columns, threshold


@settings(max_examples=400, deadline=None)
@given(tables())
def test_no_shown_figure_is_a_small_count(case):
    counts, rows, columns, threshold = case
    table = cross_table(counts, rows, columns, threshold=threshold)

    for key in table.suppression.values:
        shown = table.suppression.shown(key)
        assert shown is None or publishable(shown, threshold), key


@settings(max_examples=400, deadline=None)
@given(tables())
def test_no_hidden_small_count_can_be_worked_out_by_subtraction(case):
    counts, rows, columns, threshold = case
    table = cross_table(counts, rows, columns, threshold=threshold)

    found = derived_by_subtraction(table.suppression, table_lines(table))

    assert not set(found) & protected_figures(table), found


@settings(max_examples=400, deadline=None)
@given(tables())
def test_no_hidden_small_count_follows_from_any_combination_of_the_figures(case):
    counts, rows, columns, threshold = case
    table = cross_table(counts, rows, columns, threshold=threshold)

    fixed = determined_by_linear_algebra(table.suppression, table_lines(table))

    assert not fixed & protected_figures(table), fixed


@settings(max_examples=400, deadline=None)
@given(tables())
def test_no_hidden_small_count_is_fixed_by_counts_being_whole_and_at_least_zero(case):
    counts, rows, columns, threshold = case
    table = cross_table(counts, rows, columns, threshold=threshold)
    suppression = table.suppression
    small = [key for key in suppression.hidden if 0 < suppression.values[key] < threshold]

    fixed = [key for key in small if fixed_as_whole_numbers(table, key)]

    assert not fixed, fixed


@settings(max_examples=400, deadline=None)
@given(tables())
def test_every_hidden_group_could_have_been_empty(case):
    counts, rows, columns, threshold = case
    table = cross_table(counts, rows, columns, threshold=threshold)

    for row in rows:
        if table.row_hidden(row):
            assert smallest_possible(table, ("row", row)) == 0, row


@settings(max_examples=400, deadline=None)
@given(tables())
def test_a_shown_percentage_gives_away_nothing_the_counts_do_not(case):
    counts, rows, columns, threshold = case
    table = cross_table(counts, rows, columns, threshold=threshold)
    values = table.suppression.values

    for row in rows:
        for column in columns:
            if table.rate(row, column).hidden:
                continue
            part, whole = values["cell", row, column], values["row", row]
            assert not table.cell(row, column).hidden and not table.row_total(row).hidden
            assert publishable(part, threshold) and publishable(whole - part, threshold)


@settings(max_examples=300, deadline=None)
@given(tables(), st.integers(1, 5))
def test_an_empty_group_and_a_small_one_read_the_same_and_neither_shows_anyone(case, people):
    counts, rows, columns, threshold = case
    people = min(people, threshold - 1)
    rows = [*rows, "small"]
    empty = cross_table({**counts, "small": {}}, rows, columns, threshold=threshold)
    small = cross_table(
        {**counts, "small": {columns[-1]: people}}, rows, columns, threshold=threshold
    )

    def row_as_read(table):
        figures = [table.row_total("small")]
        figures += [table.cell("small", c) for c in columns]
        figures += [table.rate("small", c) for c in columns]
        return table.row_hidden("small"), [str(figure) for figure in figures]

    assert row_as_read(empty) == row_as_read(small) == (True, ["–"] * (1 + 2 * len(columns)))
    assert smallest_possible(small, ("row", "small")) == 0


@st.composite
def regional_tables(draw):
    """Municipalities within regions within a province, by status: the province-wide layout a
    later page will use (subtotals per region, a total for the province)."""
    threshold = draw(st.integers(2, 5))
    regions = draw(st.integers(1, 3))
    columns = [f"c{j}" for j in range(draw(st.integers(1, 3)))]
    count = st.integers(0, 3 * threshold)
    layout = {
        f"g{i}": [f"g{i}m{k}" for k in range(draw(st.integers(1, 3)))] for i in range(regions)
    }
    cells = {(m, c): draw(count) for ms in layout.values() for m in ms for c in columns}
    return layout, columns, cells, threshold


def regional(layout, columns, cells):
    """Figures, lines and groups of the regional layout. Returns the lines twice: all of them
    (what a reader can use), and without the regions' row lines, which follow from the others;
    given those, the table is a flow network and the whole-number check applies as well."""
    values, lines, groups, region_rows = {}, [], [], []
    units = [m for ms in layout.values() for m in ms]
    for m in units:
        for c in columns:
            values[m, c] = cells[m, c]
        values[m, "all"] = sum(cells[m, c] for c in columns)
    for region, ms in layout.items():
        for c in [*columns, "all"]:
            values[region, c] = sum(values[m, c] for m in ms)
            lines.append(Line((region, c), tuple((m, c) for m in ms)))
    for c in [*columns, "all"]:
        values["province", c] = sum(values[r, c] for r in layout)
        lines.append(Line(("province", c), tuple((r, c) for r in layout)))
    for unit in [*units, *layout, "province"]:
        row = Line((unit, "all"), tuple((unit, c) for c in columns))
        (region_rows if unit in layout else lines).append(row)
        groups.append(Group((unit, "all"), tuple((unit, c) for c in columns)))
    return values, [*lines, *region_rows], lines, groups


@pytest.mark.parametrize("form", ["every line", "a flow network"])
@settings(max_examples=200, deadline=None)
@given(regional_tables())
def test_regional_subtotals_give_nothing_away_either(form, case):
    layout, columns, cells, threshold = case
    values, every_line, network_lines, groups = regional(layout, columns, cells)
    lines = every_line if form == "every line" else network_lines

    suppression = suppress(values, lines, groups, threshold=threshold)

    protected = {key for key in suppression.hidden if values[key] < threshold}
    for group in groups:
        if group.size in suppression.hidden_groups:
            protected |= {group.size, *group.members}
    assert not set(derived_by_subtraction(suppression, every_line)) & protected
    assert not determined_by_linear_algebra(suppression, every_line) & protected
    for key in values:
        shown = suppression.shown(key)
        assert shown is None or publishable(shown, threshold)
