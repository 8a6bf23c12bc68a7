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

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from people import roles
from people.models import EMPLOYER_KINDS, Assignment, Organisation, Profile, ancestor_paths
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


@dataclass(frozen=True)
class ModuleTable:
    module: object
    rows: tuple
    total: Row


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
