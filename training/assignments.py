"""Who is assigned what, and where they stand: for many people at once, in a fixed number of
queries. Reminders and the coordinators' figures read it; the rule of who an assignment is for
is ``training.models.assignment_applies``, and statuses come from ``training.status``."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from .models import Assignment, Completion, Profile, ancestor_paths, assignment_applies
from .status import AssignedStatus, status_for_assignment


@dataclass(frozen=True)
class AssignedTraining:
    """A person's status on one assigned module."""

    profile: Profile
    assignment: Assignment
    status: AssignedStatus


def assigned_trainings(profiles, today=None, *, live_only=True, assignments=None):
    """The status of each person in ``profiles`` (a queryset) on every module assigned to them:
    the assignments of their node and the nodes above it, for their function or every function,
    one per module (the earliest due date), on live modules. A fixed number of queries; a caller
    that has the assignments already (with organisation and module) passes them."""
    today = today or timezone.localdate()
    by_path = defaultdict(list)
    if assignments is None:
        assignments = Assignment.objects.select_related("organisation", "module")
        if live_only:
            assignments = assignments.filter(module__live=True)
    elif live_only:
        assignments = [assignment for assignment in assignments if assignment.module.live]
    for assignment in assignments:
        by_path[assignment.organisation.path].append(assignment)
    if not by_path:
        return []
    pairs = []
    for profile in profiles:
        path = profile.organisation.path
        by_module = {}
        for node in ancestor_paths(path):
            for assignment in by_path.get(node, ()):
                if not assignment_applies(node, assignment.function, path, profile.function):
                    continue
                current = by_module.get(assignment.module_id)
                if current is None or (assignment.due_date, assignment.pk) < (
                    current.due_date,
                    current.pk,
                ):
                    by_module[assignment.module_id] = assignment
        pairs.extend((profile, assignment) for assignment in by_module.values())
    if not pairs:
        return []
    module_ids = {assignment.module_id for _profile, assignment in pairs}
    completions = {
        (completion.learner_id, completion.module_id): completion
        for completion in Completion.objects.filter(
            module_id__in=module_ids, learner_id__in=profiles.values("user_id")
        )
    }
    return [
        AssignedTraining(
            profile,
            assignment,
            status_for_assignment(
                assignment, completions.get((profile.user_id, assignment.module_id)), today
            ),
        )
        for profile, assignment in pairs
    ]
