"""Aggregated figures for programme coordinators: per organisation and assigned module, how many
people are trained. No individual appears, and a group smaller than the privacy threshold is
not shown at all, so that nobody can be singled out by a small count."""

from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.conf import settings
from django.utils import timezone

from cms import roles
from scenarios.models import ModulePage

from .dashboard import ancestor_paths
from .models import EMPLOYER_KINDS, Assignment, Completion, Organisation, Profile
from .status import TrainingStatus, status_for_assignment


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
    today = today or timezone.localdate()
    nodes = {node.path: node for node in Organisation.objects.all()}
    assignments = list(Assignment.objects.select_related("organisation", "module"))
    by_path = defaultdict(list)
    for assignment in sorted(assignments, key=lambda a: (a.due_date, a.pk), reverse=True):
        by_path[assignment.organisation.path].append(assignment)
    passes = {
        (row["learner_id"], row["module_id"]): SimpleNamespace(**row)
        for row in Completion.objects.values("learner_id", "module_id", "last_completed_at")
    }
    groups = {}
    profiles = Profile.objects.filter(active=True, organisation__isnull=False).values(
        "user_id", "function", "organisation__path"
    )
    for person in profiles:
        paths = ancestor_paths(person["organisation__path"])
        employer = next(
            (nodes[p] for p in reversed(paths) if nodes[p].kind in EMPLOYER_KINDS),
            nodes[person["organisation__path"]],
        )
        applicable = {}
        for path in paths:
            for assignment in by_path.get(path, ()):
                if assignment.function in ("", person["function"]):
                    applicable[assignment.module_id] = assignment  # earliest due date last
        for module_id, assignment in applicable.items():
            completion = passes.get((person["user_id"], module_id))
            status = status_for_assignment(assignment, completion, today).status
            key = (employer.path, module_id)
            group = groups.setdefault(key, Group(employer, assignment.module))
            group.counts[status] += 1
    return sorted(groups.values(), key=lambda g: (g.organisation.path, g.module.title))
