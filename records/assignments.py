"""Who is assigned what, and where they stand: for many people at once, in a fixed number of
queries. Reminders and the coordinators' figures read it; which assignment applies to whom is
``people.models.AssignmentIndex``, and statuses come from ``people.status``."""

from dataclasses import dataclass

from django.utils import timezone

from people.models import Assignment, AssignmentIndex, Profile
from people.status import AssignedStatus, status_for_assignment
from training.models import Completion


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
    if assignments is None:
        assignments = Assignment.objects.select_related("organisation", "module")
        if live_only:
            assignments = assignments.filter(module__live=True)
    elif live_only:
        assignments = [assignment for assignment in assignments if assignment.module.live]
    index = AssignmentIndex(assignments)
    if not index.by_node:
        return []
    pairs = []
    for profile in profiles:
        applying = index.for_place(profile.organisation.path, profile.function)
        pairs.extend((profile, assignment) for assignment in applying.values())
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
                assignment,
                completions.get((profile.user_id, assignment.module_id)),
                today,
                started_on=profile.started_on,
            ),
        )
        for profile, assignment in pairs
    ]
