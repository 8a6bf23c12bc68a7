"""What of the signal insight may be shown: no figure about fewer people than the threshold, no
two shown figures that differ by such a group, and a group under the threshold shows nothing,
not even its size. The property test draws random provinces."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records.insight import privacy, queries
from records.insight.queries import ATOMS, FIGURES, RELEASED

counts = st.integers(min_value=0, max_value=14)
unit_atoms = st.fixed_dictionaries(dict.fromkeys(ATOMS, counts))


@st.composite
def provinces(draw):
    """{("unit", path): atoms} of one province: 1 or 2 regions, each with its own staff or not
    and 1 to 3 municipalities."""
    rows = {}
    for region in range(draw(st.integers(1, 2))):
        region_path = f"0001{region + 1:04d}"
        if draw(st.booleans()):
            rows["unit", region_path] = draw(unit_atoms)
        for unit in range(draw(st.integers(1, 3))):
            rows["unit", f"{region_path}{unit + 1:04d}"] = draw(unit_atoms)
    return rows


def cells(row, name, totals):
    """The people a shown figure counts, as (unit, group) pairs."""
    children = dict(totals)
    units, todo = set(), [row]
    while todo:
        key = todo.pop()
        if key in children:
            todo.extend(children[key])
        else:
            units.add(key)
    return {(unit, atom) for unit in units for atom in FIGURES[name]}


@settings(max_examples=40, deadline=None)
@given(rows=provinces(), threshold=st.integers(min_value=2, max_value=5))
def test_no_shown_figure_or_difference_of_two_is_a_group_under_the_threshold(rows, threshold):
    totals = queries.totals([path for _kind, path in rows])
    shown = privacy.protect(rows, totals, threshold=threshold)
    released = [
        (row, name, value)
        for row, result in shown.items()
        for name, value in result.values.items()
        if value is not None
    ]
    for row, name, value in released:
        assert value == 0 or value >= threshold, (row, name, value)
    sets = {(row, name): cells(row, name, totals) for row, name, _value in released}
    for big_row, big, big_value in released:
        for small_row, small, small_value in released:
            if sets[small_row, small] < sets[big_row, big]:
                difference = big_value - small_value
                assert difference == 0 or difference >= threshold, (big_row, big, small_row, small)


@settings(max_examples=30, deadline=None)
@given(rows=provinces(), threshold=st.integers(min_value=2, max_value=5))
def test_a_group_under_the_threshold_shows_nothing_not_even_its_size(rows, threshold):
    totals = queries.totals([path for _kind, path in rows])
    shown = privacy.protect(rows, totals, threshold=threshold)
    for key, atoms in rows.items():
        people = queries.figure(atoms, "people")
        if people < threshold:  # empty groups too: they read like small ones
            assert shown[key].too_few
            assert set(shown[key].values.values()) == {None}
            assert set(shown[key].rates.values()) == {None}


def unit(**atoms):
    return {**dict.fromkeys(ATOMS, 0), **atoms}


def test_a_small_municipality_cannot_be_worked_out_from_the_region_total():
    rows = {
        ("unit", "000100010001"): unit(once_yes=20, once_no=10),
        ("unit", "000100010002"): unit(once_yes=2),  # two people: hidden
    }
    totals = queries.totals([path for _kind, path in rows])
    shown = privacy.protect(rows, totals, threshold=5)
    small = shown["unit", "000100010002"]
    assert small.too_few and small["people"] is None
    big, region = shown["unit", "000100010001"], shown["region", "00010001"]
    # Either the big municipality or the region total goes too: 32 − 30 would be the two.
    assert big["people"] is None or region["people"] is None


def test_the_people_who_learned_it_are_not_given_away_by_first_and_best():
    # 30 people, 20 recognised it the first time, 2 more later: best − first = 2 people.
    rows = {("signal", 1): unit(once_yes=20, once_no=8, again_no_yes=2)}
    result = privacy.protect(rows, threshold=5)[("signal", 1)]
    assert result["people"] == 30
    assert result["first"] is None or result["best"] is None


def test_rates_are_shown_for_large_groups():
    rows = {("signal", 1): unit(once_yes=20, once_no=10, again_yes_yes=10, again_no_yes=10)}
    result = privacy.protect(rows, threshold=5)[("signal", 1)]
    assert result["people"] == 50
    assert result.rates == {
        "first_rate": 60,  # 30 of 50
        "best_rate": 80,  # 40 of 50
        "before_rate": 50,  # 10 of the 20 who met it again
        "after_rate": 100,  # all 20
    }


def test_released_figures_are_the_documented_ones():
    assert RELEASED == ("people", "first", "best", "again", "again_first", "again_later")


@pytest.mark.parametrize("threshold", [1, 5])
def test_the_threshold_comes_from_the_setting(settings, threshold):
    settings.INSIGHTS_PRIVACY_THRESHOLD = threshold
    assert privacy.privacy_threshold() == threshold


def test_a_filtered_selection_is_protected_with_the_rest_of_its_people():
    # 30 BOAs of 32 people: the 2 others must not follow from "all" minus "BOA".
    everyone = {("signal", 1): unit(once_yes=20, once_no=12)}
    boas = {("signal", 1): unit(once_yes=20, once_no=10)}
    joined, totals = privacy.with_rest(boas, [], everyone)
    shown = privacy.protect(joined, totals, threshold=5)
    assert shown["out", ("signal", 1)].too_few
    selected, whole = shown["in", ("signal", 1)], shown["all", ("signal", 1)]
    assert selected["people"] is None or whole["people"] is None


def test_telling_differences_finds_two_figures_that_differ_by_a_small_group():
    leaves = {"a": frozenset({"a"})}
    values = {("a", "people"): 12, ("a", "first"): 10, ("a", "best"): 12}
    assert privacy.telling_differences(values, leaves, 5) == [
        (("a", "people"), ("a", "first")),
        (("a", "best"), ("a", "first")),
    ]
    assert privacy.telling_differences({**values, ("a", "first"): None}, leaves, 5) == []
