"""The signal insight aggregates, summed in SQL from ``SignalSummary``: one ``GROUP BY`` per
view, whatever the number of learners or responses. What comes back is counts of people per
disjoint group (``SignalSummary.ATOMS``); ``records.insight.privacy`` decides what of them may be
shown, and ``figures`` names what the reports show.

Organisation levels follow the tree (materialised paths of ``Organisation.steplen`` characters
a level): province (level 1), region or cluster (2), municipality or partner organisation (3).
People in a department or team count with their municipality or partner; a region's or
province's own staff form a group of their own, keyed by that node's path."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.db.models.functions import Substr

from people.models import Organisation

from ..models import SignalSummary

ATOMS = SignalSummary.ATOMS
STEP = Organisation.steplen
UNIT_LEVEL = 3  # municipality or partner organisation

# What the reports show, each a set of the disjoint groups (so every sum counts people once).
FIGURES = {
    "people": frozenset(ATOMS),
    "first": frozenset({"once_yes", "again_yes_yes", "again_yes_no"}),
    "best": frozenset(
        {"once_yes", "again_yes_yes", "again_yes_no", "again_no_yes", "again_no_no_between"}
    ),
    "again": frozenset(
        {"again_yes_yes", "again_yes_no", "again_no_yes", "again_no_no_between", "again_no_no"}
    ),
    "again_first": frozenset({"again_yes_yes", "again_yes_no"}),
    "again_later": frozenset({"again_yes_yes", "again_no_yes"}),
}
RELEASED = tuple(FIGURES)


def figure(atoms, name):
    """A figure of ``FIGURES`` from a row of atom counts."""
    return sum(atoms.get(atom, 0) for atom in FIGURES[name])


def quarter_of(day):
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


@dataclass(frozen=True)
class Filters:
    """What the reader chose, and what they may see: ``scope`` the organisation paths of the
    subtrees they may see (None: all of them)."""

    scope: tuple | None = None
    region: Organisation | None = None
    organisation: Organisation | None = None
    function: str = ""
    theme: object = None
    quarter: datetime.date | None = None
    signal: object = None

    def q(self, with_signal=False):
        condition = Q()
        if self.scope is not None:
            within = Q(pk__in=[])
            for path in self.scope:
                within |= Q(path__startswith=path)
            condition &= within
        for node in (self.region, self.organisation):
            if node is not None:
                condition &= Q(path__startswith=node.path)
        if self.function:
            condition &= Q(function=self.function)
        if self.theme is not None:
            condition &= Q(theme=self.theme)
        if self.quarter is not None:
            condition &= Q(quarter=self.quarter)
        if with_signal and self.signal is not None:
            condition &= Q(signal=self.signal)
        return condition

    def describe(self):
        """The filters as plain JSON (audit log, JSON endpoint)."""
        details = {}
        for name in ("region", "organisation", "theme", "signal"):
            value = getattr(self, name)
            if value is not None:
                details[name] = {"id": value.pk, "name": str(getattr(value, "name", value))}
        if self.function:
            details["function"] = self.function
        if self.quarter is not None:
            details["quarter"] = self.quarter.isoformat()
        return details


def _sums():
    return {atom: Sum(atom) for atom in ATOMS}


def _atoms_of(row):
    return {atom: row[atom] or 0 for atom in ATOMS}


def summary(filters):
    return SignalSummary.objects.filter(filters.q())


def by_signal(filters):
    """[(signal id, signal name, theme id, theme name, atoms)] of every signal met in the
    selection: one query."""
    rows = (
        summary(filters)
        .values("signal_id", "signal__name", "theme_id", "theme__name")
        .annotate(**_sums())
        .order_by("theme__name", "signal__name")
    )
    return [
        (row["signal_id"], row["signal__name"], row["theme_id"], row["theme__name"], _atoms_of(row))
        for row in rows
    ]


def by_unit(filters):
    """{unit path: atoms} for one signal (``filters.signal``): the municipality or partner
    organisation (or a region's or province's own staff) people work in. One query."""
    rows = (
        SignalSummary.objects.filter(filters.q(with_signal=True))
        .annotate(unit=Substr("path", 1, STEP * UNIT_LEVEL))
        .values("unit")
        .annotate(**_sums())
        .order_by("unit")
    )
    return {row["unit"]: _atoms_of(row) for row in rows}


def by_function(filters):
    """{function: atoms} for one signal. One query."""
    rows = (
        SignalSummary.objects.filter(filters.q(with_signal=True))
        .values("function")
        .annotate(**_sums())
        .order_by("function")
    )
    return {row["function"]: _atoms_of(row) for row in rows}


def by_quarter(filters):
    """{first day of the quarter: atoms} for one signal (the quarter people first met it). One
    query."""
    rows = (
        SignalSummary.objects.filter(filters.q(with_signal=True))
        .values("quarter")
        .annotate(**_sums())
        .order_by("quarter")
    )
    return {row["quarter"]: _atoms_of(row) for row in rows}


def quarters():
    """The quarters there are figures for, newest first (for the period filter)."""
    return list(
        SignalSummary.objects.order_by("-quarter").values_list("quarter", flat=True).distinct()
    )


def totals(unit_paths):
    """How the units add up: [(total key, [child keys])], regions before provinces. Keys are
    ("unit", path), ("region", path) and ("province", path)."""
    regions, provinces = {}, {}
    for path in sorted(unit_paths):
        if len(path) >= STEP * 2:
            regions.setdefault(path[: STEP * 2], []).append(("unit", path))
        else:
            provinces.setdefault(path[:STEP], []).append(("unit", path))
    for region in sorted(regions):
        provinces.setdefault(region[:STEP], []).append(("region", region))
    return [
        *((("region", path), children) for path, children in sorted(regions.items())),
        *((("province", path), children) for path, children in sorted(provinces.items())),
    ]


def node_names(paths):
    """{path: name} of the organisation nodes at these paths. One query."""
    return dict(Organisation.objects.filter(path__in=set(paths)).values_list("path", "name"))
