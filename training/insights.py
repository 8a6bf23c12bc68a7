"""Aggregated figures for programme coordinators: per organisation and assigned module, how many
people are trained. No individual appears, and a group smaller than the privacy threshold is
not shown at all, so that nobody can be singled out by a small count."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from cms import roles
from scenarios.models import ModulePage

from .assignments import assigned_trainings
from .models import EMPLOYER_KINDS, Organisation, Profile, ancestor_paths
from .status import TrainingStatus


def may_see_insights(user):
    return roles.has_role(user, roles.COORDINATORS)


def privacy_threshold():
    return getattr(settings, "INSIGHTS_PRIVACY_THRESHOLD", 5)


@dataclass
class Group:
    organisation: Organisation
    module: ModulePage
    counts: dict = field(default_factory=lambda: defaultdict(int))

    @property
    def people(self):
        return sum(self.counts.values())

    @property
    def hidden(self):
        return self.people < privacy_threshold()

    @property
    def completed_rate(self):
        return (
            round(100 * self.counts[TrainingStatus.COMPLETED] / self.people) if self.people else 0
        )

    @property
    def needs_action(self):
        return self.counts[TrainingStatus.OVERDUE] + self.counts[TrainingStatus.EXPIRED]


def coverage_by_organisation(today=None):
    """Per employer (municipality or partner) and assigned module: the number of people in each
    status. A fixed number of queries, whatever the size of the province."""
    nodes = {node.path: node for node in Organisation.objects.all()}
    people = Profile.objects.filter(active=True, organisation__isnull=False).select_related(
        "organisation"
    )
    groups = {}
    for training in assigned_trainings(people, today, live_only=False):
        path = training.profile.organisation.path
        employer = next(
            (nodes[p] for p in reversed(ancestor_paths(path)) if nodes[p].kind in EMPLOYER_KINDS),
            nodes[path],
        )
        module = training.assignment.module
        group = groups.setdefault((employer.path, module.pk), Group(employer, module))
        group.counts[training.status.status] += 1
    return sorted(groups.values(), key=lambda g: (g.organisation.path, g.module.title))
