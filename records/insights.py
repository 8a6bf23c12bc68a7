"""Aggregated figures for programme coordinators: per employer organisation and assigned module,
how many people have completed it, are still on their way, or are overdue or expired. No
individual appears, and nothing about fewer people than the privacy threshold can be read or
worked out from the table: ``training.disclosure`` decides what is hidden.

Which organisations a module's table lists depends on the assignments and the organisation tree
only, never on the people: every municipality or partner organisation an assignment of the
module reaches is listed, whether 0, 3 or 30 people in it are assigned, so that a group too
small to show reads exactly like an empty one."""

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people import roles
from people.models import (
    EMPLOYER_KINDS,
    Assignment,
    Organisation,
    OrganisationKind,
    Profile,
    ancestor_paths,
)
from people.status import TrainingStatus

from .assignments import assigned_trainings
from .disclosure import Figure, cross_table

# The columns of a table: each status falls in exactly one, so a row adds up to its people.
COMPLETED, UNDER_WAY, NEEDS_ACTION = "completed", "under_way", "needs_action"
COLUMNS = (COMPLETED, UNDER_WAY, NEEDS_ACTION)
COLUMN_OF_STATUS = {
    TrainingStatus.COMPLETED: COMPLETED,
    TrainingStatus.IN_PROGRESS: UNDER_WAY,
    TrainingStatus.NOT_STARTED: UNDER_WAY,
    TrainingStatus.OVERDUE: NEEDS_ACTION,
    TrainingStatus.EXPIRED: NEEDS_ACTION,
}

# The group of people who are not in a municipality or partner organisation (a province's or
# region's own staff); it is listed like an organisation.
OUTSIDE = ""


def may_see_insights(user):
    return roles.has_role(user, roles.COORDINATORS)


def privacy_threshold():
    return getattr(settings, "INSIGHTS_PRIVACY_THRESHOLD", 5)


@dataclass
class Group:
    """The people of one organisation assigned one module, counted per status (unsuppressed:
    for ``insight_tables`` and tests, never for a page)."""

    organisation: Organisation | None  # None: not in a municipality or partner organisation
    module: object
    counts: dict = field(default_factory=lambda: defaultdict(int))

    @property
    def people(self):
        return sum(self.counts.values())


def coverage_by_organisation(today=None):
    """Every listed group (organisation × assigned module, empty ones included) with its number
    of people per status. Four queries, whatever the size of the province."""
    nodes = {node.path: node for node in Organisation.objects.all()}
    employer = {
        path: next(
            (p for p in reversed(ancestor_paths(path)) if nodes[p].kind in EMPLOYER_KINDS),
            OUTSIDE,
        )
        for path in nodes
    }
    assignments = list(Assignment.objects.select_related("organisation", "module"))
    groups = {}
    for assignment in assignments:
        reached = assignment.organisation.path
        for path in nodes:
            if path.startswith(reached):
                key = employer[path]
                groups.setdefault(
                    (assignment.module_id, key),
                    Group(nodes[key] if key else None, assignment.module),
                )
    people = Profile.objects.filter(active=True, organisation__isnull=False).select_related(
        "organisation"
    )
    for training in assigned_trainings(people, today, live_only=False, assignments=assignments):
        key = (training.assignment.module_id, employer[training.profile.organisation.path])
        groups[key].counts[training.status.status] += 1
    return sorted(
        groups.values(),
        key=lambda g: (
            g.module.title,
            g.module.pk,
            g.organisation is None,
            g.organisation.path if g.organisation else "",
        ),
    )


@dataclass(frozen=True)
class Row:
    """One line of a module's table as published: hidden figures are None."""

    label: str
    too_few: bool  # a group under the threshold, empty or not: nothing about it is shown
    people: Figure
    completed: Figure
    under_way: Figure
    needs_action: Figure
    completed_rate: Figure
    path: str = ""  # the organisation's node ("" for the totals and for people outside one)


@dataclass(frozen=True)
class ModuleTable:
    module: object
    rows: tuple
    total: Row


def sliced(tables, paths=None, module=None):
    """The tables as one reader sees them: only the rows of organisations under ``paths`` (None:
    all) and only ``module``'s table (None: all). The figures are those of the whole province's
    tables, suppressed once for everyone, so comparing slices tells nothing more; the totals
    (of the whole province) are shown only with the whole table."""
    result = []
    for table in tables:
        if module is not None and table.module.pk != module.pk:
            continue
        if paths is None:
            result.append(table)
            continue
        rows = tuple(
            row for row in table.rows if row.path and any(row.path.startswith(p) for p in paths)
        )
        result.append(ModuleTable(table.module, rows, None))
    return result


def insight_tables(today=None, threshold=None):
    """Per assigned module, its organisations' figures and their totals, as they may be shown."""
    threshold = privacy_threshold() if threshold is None else threshold
    by_module = defaultdict(list)
    for group in coverage_by_organisation(today):
        by_module[group.module.pk].append(group)
    tables = []
    for groups in by_module.values():
        counts = {index: defaultdict(int) for index in range(len(groups))}
        for index, group in enumerate(groups):
            for status, number in group.counts.items():
                counts[index][COLUMN_OF_STATUS[status]] += number
        table = cross_table(counts, range(len(groups)), COLUMNS, threshold=threshold)
        rows = tuple(
            Row(
                label=group.organisation.name
                if group.organisation
                else str(_("Not in a municipality or partner organisation")),
                too_few=table.row_hidden(index),
                people=table.row_total(index),
                completed=table.cell(index, COMPLETED),
                under_way=table.cell(index, UNDER_WAY),
                needs_action=table.cell(index, NEEDS_ACTION),
                completed_rate=table.rate(index, COMPLETED),
                path=group.organisation.path if group.organisation else "",
            )
            for index, group in enumerate(groups)
        )
        total = Row(
            label=str(_("All organisations")),
            too_few=table.total_hidden(),
            people=table.total(),
            completed=table.column_total(COMPLETED),
            under_way=table.column_total(UNDER_WAY),
            needs_action=table.column_total(NEEDS_ACTION),
            completed_rate=table.total_rate(COMPLETED),
        )
        tables.append(ModuleTable(groups[0].module, rows, total))
    return tables


class CoverageFilterForm(forms.Form):
    """Which rows of the coverage tables to show: a region, an organisation, a module. Only
    nodes in the reader's scope can be chosen; anything else is refused (400)."""

    region = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Region"),
        empty_label=_("All regions"),
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Organisation"),
        empty_label=_("All organisations"),
    )
    module = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Module"), empty_label=_("All modules")
    )

    def __init__(self, data, scope, *args, **kwargs):
        from scenarios.models import ModulePage

        super().__init__(data, *args, **kwargs)
        nodes = Organisation.objects.order_by("path")
        if scope is not None:
            within = Q(pk__in=[])
            for path in scope:
                within |= Q(path__startswith=path)
            nodes = nodes.filter(within)
        self.fields["region"].queryset = nodes.filter(kind=OrganisationKind.REGION)
        self.fields["organisation"].queryset = nodes.filter(kind__in=EMPLOYER_KINDS)
        self.fields["module"].queryset = ModulePage.objects.filter(
            pk__in=Assignment.objects.values("module")
        ).order_by("title")
