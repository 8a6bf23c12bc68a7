"""The signal insight views as they may be shown: filters in, rows of protected figures out.

Four views: ``signals`` (every signal, weakest first, with the themes' averages), and for one
signal ``organisations`` (municipalities and partners with region and province totals),
``functions`` and ``quarters``. Each is one or two SQL queries (``queries``) and one run of
disclosure control (``privacy``); the result is cached until the next refresh of the summary,
since nothing else changes it.

Filters that only pick rows of a view (the organisation filters in the organisation view, the
function in the function view, the quarter in the quarter view) show a slice of the table
protected for the reader's whole scope, so that comparing slices gives nothing away. Filters
that choose the people counted (a function or quarter in the other views, a region or
organisation outside the organisation view) are protected together with the rest of the
people (``privacy.with_rest``): the filtered figures cannot be subtracted from the unfiltered
ones to single out a small group."""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from people.models import Function

from . import privacy, queries, refresh

SIGNALS, ORGANISATIONS, FUNCTIONS, QUARTERS = "signals", "organisations", "functions", "quarters"
VIEWS = (SIGNALS, ORGANISATIONS, FUNCTIONS, QUARTERS)
VIEW_TITLES = {
    SIGNALS: _("Signals, weakest first"),
    ORGANISATIONS: _("Per organisation"),
    FUNCTIONS: _("Per function"),
    QUARTERS: _("Per quarter"),
}
# The filter each breakdown shows a slice of, rather than filtering its people.
OWN_DIMENSION = {
    ORGANISATIONS: ("region", "organisation"),
    FUNCTIONS: ("function",),
    QUARTERS: ("quarter",),
    SIGNALS: (),
}
CACHE_SECONDS = 24 * 3600

# The columns of every table (and export), in order: (key, label, kind).
COLUMNS = (
    ("people", _("People who met the signal"), "count"),
    ("first", _("Recognised it the first time"), "count"),
    ("first_rate", _("First time (%)"), "rate"),
    ("best", _("Recognised it at their best attempt"), "count"),
    ("best_rate", _("Best attempt (%)"), "rate"),
    ("again", _("Met it again later"), "count"),
    ("before_rate", _("Of those: recognised before (%)"), "rate"),
    ("after_rate", _("Of those: recognised after (%)"), "rate"),
)


def quarter_label(day):
    return f"{day.year} K{(day.month - 1) // 3 + 1}"


@dataclass
class Row:
    label: str
    level: str  # "signal", "unit", "region", "province", "row", "total", "theme"
    too_few: bool
    values: dict  # column key: number or None (hidden)
    theme: str = ""
    key: object = None

    def cells(self):
        return [(key, kind, self.values.get(key)) for key, _label, kind in COLUMNS]


@dataclass
class Report:
    view: str
    rows: list
    themes: list = field(default_factory=list)
    signal: object = None
    threshold: int = 5
    refreshed_at: datetime.datetime | None = None

    @property
    def title(self):
        return VIEW_TITLES[self.view]

    def chart(self):
        """(label, first-time %, best %) of the rows shown in the chart (hidden ones left
        out, as in the table they read "–")."""
        return [
            (row.label, row.values.get("first_rate"), row.values.get("best_rate"), row.level)
            for row in self.rows
            if not row.too_few
        ]


def _population(filters, view):
    """The filters that choose people (not rows) in this view."""
    own = OWN_DIMENSION[view]
    return {
        name: getattr(filters, name)
        for name in ("region", "organisation", "function", "quarter")
        if name not in own and getattr(filters, name) not in (None, "")
    }


def _base(filters):
    """The same filters without any that choose people: the reader's whole scope."""
    return queries.Filters(scope=filters.scope, theme=filters.theme, signal=filters.signal)


def _protect(view, filters, fetch, make_totals, threshold):
    population = _population(filters, view)
    if population:
        narrowed = queries.Filters(
            scope=filters.scope,
            theme=filters.theme,
            signal=filters.signal,
            **population,
        )
        selected = fetch(narrowed)
        everyone = fetch(_base(filters))
        totals = make_totals(everyone)
        joined, joined_totals = privacy.with_rest(selected, totals, everyone)
        protected = privacy.protect(joined, joined_totals, threshold=threshold)
        shown = {key[1]: value for key, value in protected.items() if key[0] == "in"}
        return shown, selected
    rows = fetch(filters)
    totals = make_totals(rows)
    return privacy.protect(rows, totals, threshold=threshold), rows


def _values(shown_row):
    values = dict(shown_row.values)
    values.update(shown_row.rates)
    return values


def _cache_key(view, filters, threshold, refreshed):
    description = {
        "view": view,
        "filters": filters.describe(),
        "scope": list(filters.scope) if filters.scope is not None else None,
        "threshold": threshold,
        "refresh": refreshed.pk if refreshed else None,
    }
    digest = hashlib.sha256(json.dumps(description, sort_keys=True).encode()).hexdigest()
    return f"insight:{digest}"


def build(view, filters, threshold=None, use_cache=True, refreshed=None):
    """The ``Report`` of one view for these filters (``refreshed``: the latest refresh, when
    the caller has read it already)."""
    threshold = privacy.privacy_threshold() if threshold is None else threshold
    refreshed = refreshed or refresh.latest()
    key = _cache_key(view, filters, threshold, refreshed)
    report = cache.get(key) if use_cache else None
    if report is None:
        report = BUILDERS[view](filters, threshold)
        report.threshold = threshold
        report.refreshed_at = refreshed.finished_at if refreshed else None
        if use_cache:
            cache.set(key, report, CACHE_SECONDS)
    return report


def _signals(filters, threshold):
    def fetch(selection):
        return {("signal", row[0]): row[4] for row in queries.by_signal(selection)}

    names = {
        ("signal", signal): (name, theme_name)
        for signal, name, _theme, theme_name, _atoms in queries.by_signal(_base(filters))
    }
    shown, _raw = _protect(SIGNALS, filters, fetch, lambda rows: [], threshold)
    rows = []
    for key, result in shown.items():
        name, theme_name = names.get(key, ("", ""))
        rows.append(
            Row(name, "signal", result.too_few, _values(result), theme=theme_name, key=key[1])
        )
    # Weakest first: the lowest first-time share; those that cannot be shown last.
    rows.sort(
        key=lambda row: (
            row.values.get("first_rate") is None,
            row.values.get("first_rate") or 0,
            row.label,
        )
    )
    themes = {}
    for row in rows:
        themes.setdefault(row.theme, []).append(row)
    theme_rows = []
    for theme, members in sorted(themes.items()):
        first = [r.values["first_rate"] for r in members if r.values["first_rate"] is not None]
        best = [r.values["best_rate"] for r in members if r.values["best_rate"] is not None]
        theme_rows.append(
            Row(
                theme,
                "theme",
                not first,
                {
                    "signals": len(members),
                    "signals_shown": len(first),
                    "first_rate": round(sum(first) / len(first)) if first else None,
                    "best_rate": round(sum(best) / len(best)) if best else None,
                },
            )
        )
    return Report(SIGNALS, rows, themes=theme_rows)


def _organisations(filters, threshold):
    def fetch(selection):
        return {("unit", path): atoms for path, atoms in queries.by_unit(selection).items()}

    def make_totals(rows):
        return queries.totals([path for _kind, path in rows])

    # The whole scope is protected; region and organisation pick the rows shown.
    whole = queries.Filters(
        scope=filters.scope,
        theme=filters.theme,
        signal=filters.signal,
        function=filters.function,
        quarter=filters.quarter,
    )
    shown, raw = _protect(ORGANISATIONS, whole, fetch, make_totals, threshold)
    totals = make_totals(raw)
    names = queries.node_names([path for _kind, path in shown])
    children = dict(totals)
    ordered = []

    def visit(key):
        ordered.append(key)
        for child in children.get(key, ()):
            if child[0] != "unit" or child[1] != key[1]:
                visit(child)
        own = ("unit", key[1])
        if key[0] == "region" and own in children.get(key, ()):
            ordered.append(own)

    for key, _children in totals:
        if key[0] == "province":
            visit(key)
            own = ("unit", key[1])
            if own in children.get(key, ()) and own not in ordered:
                ordered.append(own)
    chosen = filters.organisation or filters.region
    rows = []
    for key in ordered:
        kind, path = key
        if chosen is not None and not path.startswith(chosen.path):
            continue
        label = names.get(path, path)
        level = kind
        if kind == "unit" and len(path) < queries.STEP * queries.UNIT_LEVEL:
            label = _("%(name)s (own staff)") % {"name": label}
        elif kind in ("region", "province"):
            label = _("Total %(name)s") % {"name": label}
        rows.append(Row(str(label), level, shown[key].too_few, _values(shown[key]), key=path))
    return Report(ORGANISATIONS, rows, signal=filters.signal)


def _flat(view, dimension, fetch_rows, label_of):
    def build_view(filters, threshold):
        def fetch(selection):
            return {("row", key): atoms for key, atoms in fetch_rows(selection).items()}

        def make_totals(rows):
            return [(("total",), sorted(rows, key=str))] if rows else []

        whole = {
            name: getattr(filters, name)
            for name in ("region", "organisation", "function", "quarter")
            if name != dimension
        }
        selection = queries.Filters(
            scope=filters.scope, theme=filters.theme, signal=filters.signal, **whole
        )
        shown, _raw = _protect(view, selection, fetch, make_totals, threshold)
        chosen = getattr(filters, dimension)
        rows = []
        for key in sorted((key for key in shown if key[0] == "row"), key=lambda key: str(key[1])):
            if chosen not in (None, "") and key[1] != chosen:
                continue
            rows.append(
                Row(label_of(key[1]), "row", shown[key].too_few, _values(shown[key]), key=key[1])
            )
        if ("total",) in shown and chosen in (None, ""):
            total = shown["total",]
            rows.append(Row(str(_("Total")), "total", total.too_few, _values(total)))
        return Report(view, rows, signal=filters.signal)

    return build_view


BUILDERS = {
    SIGNALS: _signals,
    ORGANISATIONS: _organisations,
    FUNCTIONS: _flat(
        FUNCTIONS,
        "function",
        queries.by_function,
        lambda value: str(dict(Function.choices).get(value, value)),
    ),
    QUARTERS: _flat(QUARTERS, "quarter", queries.by_quarter, quarter_label),
}


def warm():
    """Work out the province-wide views once after a refresh (the task worker does), so that
    the first reader does not wait for disclosure control: the signals, and every breakdown of
    the weakest signal (the one the breakdowns open on)."""
    import dataclasses

    signals = build(SIGNALS, queries.Filters())
    weakest = next((row for row in signals.rows if not row.too_few), None)
    if weakest is None:
        return
    from scenarios.models import Signal

    filters = dataclasses.replace(queries.Filters(), signal=Signal.objects.get(pk=weakest.key))
    for view in (ORGANISATIONS, FUNCTIONS, QUARTERS):
        build(view, filters)
