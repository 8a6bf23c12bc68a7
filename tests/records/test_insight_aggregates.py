"""The signal insight aggregates against a hand-computed history (``insight_fixture``): per
signal, per unit, function and quarter, first and best attempt, and before versus after."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import Function
from records.insight import queries, refresh
from records.models import SignalOutcome, SignalSummary

from .insight_fixture import EXPECTED_S1, EXPECTED_S2, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(catalogue):
    made = build(catalogue)
    refresh.refresh()
    return made


def atoms_by_signal(filters):
    return {
        signal: atoms for signal, _name, _theme, _theme_name, atoms in queries.by_signal(filters)
    }


def test_groups_per_signal_match_the_hand_computed_history(history):
    found = atoms_by_signal(queries.Filters())
    assert found == {history.s1.pk: EXPECTED_S1, history.s2.pk: EXPECTED_S2}


def test_first_and_best_attempt_and_before_after_figures(history):
    s1 = EXPECTED_S1
    assert queries.figure(s1, "people") == 8
    assert queries.figure(s1, "first") == 3  # anna, dirk, hans
    assert queries.figure(s1, "best") == 6  # and bram, fleur, gijs
    assert queries.figure(s1, "again") == 5  # bram, dirk, eva, fleur, gijs
    assert queries.figure(s1, "again_first") == 1  # dirk
    assert queries.figure(s1, "again_later") == 2  # bram, gijs (gijs in the later module)


def test_a_later_module_that_tests_the_signal_counts_as_after(history):
    gijs = SignalOutcome.objects.get(learner=history.users["gijs"], signal=history.s1)
    assert (gijs.first_recognised, gijs.best_recognised, gijs.later_recognised) == (
        False,
        True,
        True,
    )
    # Vervolg does not test S2: Gijs met it once.
    gijs_s2 = SignalOutcome.objects.get(learner=history.users["gijs"], signal=history.s2)
    assert gijs_s2.later_recognised is None


def test_units_are_municipalities_with_teams_inside_and_regions_own_staff(history):
    units = queries.by_unit(queries.Filters(signal=history.s1))
    m1, m2, region = history.m1.path, history.m2.path, history.region.path
    assert set(units) == {m1, m2, region}
    assert units[m1] == {
        **dict.fromkeys(EXPECTED_S1, 0),
        "once_yes": 1,
        "again_no_yes": 1,
        "once_no": 1,
    }
    assert units[m2] == {
        **dict.fromkeys(EXPECTED_S1, 0),
        "again_yes_no": 1,
        "again_no_no": 1,
        "again_no_no_between": 1,
        "again_no_yes": 1,
    }
    assert units[region] == {**dict.fromkeys(EXPECTED_S1, 0), "once_yes": 1}
    assert queries.totals(units) == [
        (("region", region), [("unit", region), ("unit", m1), ("unit", m2)]),
        (("province", history.province.path), [("region", region)]),
    ]


def test_by_function_and_by_quarter(history):
    functions = queries.by_function(queries.Filters(signal=history.s1))
    assert {name: queries.figure(atoms, "people") for name, atoms in functions.items()} == {
        Function.BOA: 7,
        Function.INSPECTOR: 1,
    }
    quarters = queries.by_quarter(queries.Filters(signal=history.s1))
    assert {day: queries.figure(atoms, "people") for day, atoms in quarters.items()} == {
        datetime.date(2026, 1, 1): 6,
        datetime.date(2026, 4, 1): 2,  # gijs and hans first met it in Q2
    }


def test_filters_select_region_organisation_function_theme_and_quarter(history):
    only_m1 = atoms_by_signal(queries.Filters(organisation=history.m1))
    assert queries.figure(only_m1[history.s1.pk], "people") == 3
    inspectors = atoms_by_signal(queries.Filters(function=Function.INSPECTOR))
    assert inspectors[history.s1.pk]["once_no"] == 1
    assert inspectors[history.s2.pk]["once_yes"] == 1
    q2 = atoms_by_signal(queries.Filters(quarter=datetime.date(2026, 4, 1)))
    assert queries.figure(q2[history.s1.pk], "people") == 2
    assert atoms_by_signal(queries.Filters(theme=history.theme)).keys() == {
        history.s1.pk,
        history.s2.pk,
    }
    scoped = atoms_by_signal(queries.Filters(scope=(history.m2.path,)))
    assert queries.figure(scoped[history.s1.pk], "people") == 4


def test_each_view_is_one_query_whatever_the_history(history):
    for view in (queries.by_signal, queries.by_unit, queries.by_function, queries.by_quarter):
        with CaptureQueriesContext(connection) as queries_run:
            view(queries.Filters(signal=history.s1))
        assert len(queries_run) == 1, view.__name__


def test_refresh_rebuilds_and_every_person_counts_once_per_signal(history):
    first = SignalSummary.objects.count()
    done = refresh.refresh()
    assert SignalSummary.objects.count() == first
    assert done.outcomes == SignalOutcome.objects.count() == 16
    assert refresh.latest() == done


def test_the_command_rebuilds_the_summary(history):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("refresh_insight", stdout=out)
    assert "16 outcomes" in out.getvalue()
    call_command("refresh_insight", "--enqueue", stdout=out)  # inline in the tests
    assert "Queued" in out.getvalue()
