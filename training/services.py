"""State changes of training, in one place: starting an attempt, recording an answer, moving on,
finishing, and keeping the learner's completion record in step with their attempts.

Views call these functions and only coordinate; every change runs in a transaction, and every
function that records something is safe to call twice.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Assignment, AssignmentIndex, Profile
from people.status import AssignedStatus, status_for_assignment
from scenarios import branching, scoring
from scenarios.models import Audience, ModulePage

from . import signals
from .models import Attempt, Completion, CompletionStatus, Response


class TrainingError(Exception):
    """A request that cannot be carried out as asked; ``message`` is shown to the learner."""

    message = _("This cannot be done.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class ModuleNotAvailable(TrainingError):
    message = _("This module is not available to you.")


class StepNotAvailable(TrainingError):
    message = _("Finish the earlier steps first.")


class AttemptFinished(TrainingError):
    message = _("This attempt is already finished. Start a new attempt to take the module again.")


class AttemptIncomplete(TrainingError):
    message = _("Answer every question before you finish the module.")


class InvalidAnswer(TrainingError):
    message = _("Choose an answer from the options given.")


# -- who sees what ---------------------------------------------------------------------------


def learner_audiences(user):
    """The module audiences meant for this user. Admins see every module."""
    if user.is_superuser:
        return [choice.value for choice in Audience]
    profile = profile_of(user)
    audience = profile.audience if profile else Audience.PROFESSIONALS
    return [audience, Audience.BOTH]


def profile_of(user):
    """The user's profile with its organisation, read once per request."""
    if not hasattr(user, "_training_profile"):
        user._training_profile = (
            Profile.objects.select_related("organisation").filter(user=user).first()
            if user.is_authenticated
            else None
        )
    return user._training_profile


def assignments_for(user):
    """The assignments that apply to this learner, one per module (``AssignmentIndex``)."""
    if not hasattr(user, "_assignments"):
        profile = profile_of(user)
        candidates = Assignment.objects.for_profile(profile).select_related("organisation")
        user._assignments = AssignmentIndex(candidates).for_profile(profile)
    return user._assignments


def modules_for(user, catalogue=None):
    """Live modules for the user's audience and the modules assigned to them, in catalogue
    order."""
    visible = Q(audience__in=learner_audiences(user)) | Q(pk__in=list(assignments_for(user)))
    modules = ModulePage.objects.live().filter(visible)
    if catalogue is not None:
        modules = modules.child_of(catalogue)
    return modules.select_related("theme", "image").order_by("path")


@dataclass
class CatalogueEntry:
    module: ModulePage
    completion: Completion | None
    open_attempt: Attempt | None
    assignment: Assignment | None = None
    assigned_status: AssignedStatus | None = None


def catalogue_for(user, catalogue):
    """The catalogue as this learner sees it: assigned modules first (soonest due date first),
    each with the learner's completion, the attempt they can resume and, when assigned, their
    status. A fixed number of queries, whatever the number of modules."""
    modules = list(modules_for(user, catalogue))
    module_ids = [module.pk for module in modules]
    completions = {
        c.module_id: c for c in Completion.objects.filter(learner=user, module_id__in=module_ids)
    }
    open_attempts = {
        a.module_id: a
        for a in Attempt.objects.open().filter(learner=user, module_id__in=module_ids)
    }
    assignments = assignments_for(user)
    profile = profile_of(user)
    started_on = profile.started_on if profile is not None else None
    entries = []
    for module in modules:
        assignment = assignments.get(module.pk)
        completion = completions.get(module.pk)
        entries.append(
            CatalogueEntry(
                module,
                completion,
                open_attempts.get(module.pk),
                assignment,
                (
                    status_for_assignment(assignment, completion, started_on=started_on)
                    if assignment
                    else None
                ),
            )
        )
    # Assigned first, soonest (personal) due date first; the rest keep the catalogue's order.
    entries.sort(
        key=lambda e: (e.assignment is None, e.assigned_status.due_date if e.assignment else 0)
    )
    return entries


def module_overview_for(user, module):
    """What the module page shows this learner: their attempts, the open one, their completion."""
    if module.pk is None:
        # A trainer's preview of a module that has not been saved yet: nobody can take it yet.
        return {
            "available": False,
            "attempts": [],
            "finished_attempts": [],
            "open_attempt": None,
            "completion": None,
        }
    available = module.live and module.audience in learner_audiences(user)
    attempts = list(Attempt.objects.filter(learner=user, module=module))
    return {
        "available": available,
        "attempts": attempts,
        "finished_attempts": [a for a in attempts if a.is_finished],
        "open_attempt": next((a for a in attempts if not a.is_finished), None),
        "completion": Completion.objects.filter(learner=user, module=module).first(),
    }


def attempts_of(user):
    """The only way views load attempts: a learner reaches their own attempts and nobody else's."""
    return Attempt.objects.filter(learner=user).select_related("revision", "module")


# -- the content an attempt was taken on -------------------------------------------------------


# A revision never changes once saved, so what is built from it (the parsed module, its step
# graph) is kept per process for the revisions in use: a learner's requests no longer rebuild
# every step of the module from JSON each time. Keyed by id and creation time, so a revision id
# that is reused (a rolled-back test database) never meets another revision's content.
_REVISION_CACHE = {}
_REVISION_CACHE_SIZE = 128


def _built_from_revision(attempt, what, build):
    revision = attempt.revision
    key = (revision.pk, revision.created_at)
    built = _REVISION_CACHE.get(key)
    if built is None:
        if len(_REVISION_CACHE) >= _REVISION_CACHE_SIZE:
            _REVISION_CACHE.pop(next(iter(_REVISION_CACHE)), None)  # the oldest one
        built = _REVISION_CACHE[key] = {}
    if what not in built:
        built[what] = build()
    return built[what]


def attempt_content(attempt):
    """The module as it was in the revision the attempt pinned. Built from the revision's stored
    content without further queries, so later edits never change what the attempt is scored on."""
    cached = getattr(attempt, "_content", None)
    if cached is None:
        # check_fks=False: the revision's foreign keys (theme, image, locale) are not needed to
        # play or score a step, and checking them would cost a query each on every request.
        cached = _built_from_revision(
            attempt,
            "content",
            lambda: ModulePage.from_serializable_data(attempt.revision.content, check_fks=False),
        )
        attempt._content = cached
    return cached


def step_graph(attempt):
    """The branching graph of the attempt's content (no queries; cached on the attempt)."""
    cached = getattr(attempt, "_graph", None)
    if cached is None:

        def build():
            steps = attempt_content(attempt).steps
            graph = branching.Graph.from_steps(steps)
            graph.steps_by_id = {step.id: step for step in steps}
            return graph

        cached = attempt._graph = _built_from_revision(attempt, "graph", build)
    return cached


def path_of(attempt):
    """The block ids of the steps on the learner's path, in order: the steps reached so far.
    Attempts from before branching existed have no stored path: theirs is the module's order up
    to the step they reached."""
    if attempt.path:
        return list(attempt.path)
    route = step_graph(attempt).route()
    return route[: attempt.reached_step + 1]


def path_total(attempt):
    """The number of steps on the path the learner is on: the path so far and, from its end,
    the steps in order (taking no branch at decisions not answered yet). Grows by the length of
    a detour when the learner takes one."""
    return len(step_graph(attempt).route(path_of(attempt)))


def _choice_of(step, response):
    """The chosen option of an answered decision, which decides where a branch goes."""
    if response is None:
        return None
    return step.block.branch_choice(step.value, response.chosen_options)


def next_on_path(attempt, index, response=None):
    """The id of the step after position ``index`` of the path: the next one on the path when
    there is one, otherwise where the branching rule leads (None at the end of the module)."""
    path = path_of(attempt)
    if index + 1 < len(path):
        return path[index + 1]
    step = step_at(attempt, index)
    return step_graph(attempt).next_id(path[: index + 1], _choice_of(step, response))


def step_at(attempt, index):
    """The step at position ``index`` of the learner's path."""
    path = path_of(attempt)
    if len(path) <= index < path_total(attempt):
        raise StepNotAvailable()  # further on the path, not reached yet
    if not 0 <= index < len(path):
        raise StepNotAvailable(_("This step does not exist."))
    step = step_graph(attempt).steps_by_id.get(path[index])
    if step is None:
        raise StepNotAvailable(_("This step does not exist."))
    return step


def is_scored(step):
    return getattr(step.block, "is_scored", False)


def presentation_order(attempt, step):
    """The ids of the step's options (ordering items, hotspot labels) in the order this attempt
    shows them: the same on every reload, on the feedback and on the result page, and not to be
    worked out from anything the learner sees (``scenarios.shuffle``)."""
    return step.block.presentation_order(step.value, attempt.presentation_key(step.id))


# -- state changes -------------------------------------------------------------------------------


def start_attempt(user, module):
    """Resume the learner's open attempt on the module, or start a new one on the published
    revision. Returns (attempt, created). Two clicks or two tabs give one open attempt."""
    if not modules_for(user).filter(pk=module.pk).exists():
        raise ModuleNotAvailable()
    existing = Attempt.objects.open().filter(learner=user, module=module).first()
    if existing:
        return existing, False
    revision = module.live_revision
    if revision is None:
        raise ModuleNotAvailable()
    content = ModulePage.from_serializable_data(revision.content, check_fks=False)
    first = branching.Graph.from_steps(content.steps).route()[:1]
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                learner=user, module=module, revision=revision, path=first
            )
            update_completion(user, module)
            signals.attempt_started.send(Attempt, attempt=attempt)
    except IntegrityError:
        # Another request opened an attempt at the same moment: use that one.
        return Attempt.objects.open().get(learner=user, module=module), False
    return attempt, True


def record_response(attempt, index, chosen_option_ids):
    """Score and store the learner's answer to step ``index``. Returns (response, created).

    Idempotent: a second submit for the same step returns the first response unchanged, so a
    double click, a resubmitted form or a second tab never counts twice or changes an answer.
    """
    step = step_at(attempt, index)
    if not is_scored(step):
        raise InvalidAnswer(_("This step takes no answer."))
    try:
        judged = step.block.score(step.value, chosen_option_ids)
    except scoring.InvalidAnswer as error:
        raise InvalidAnswer(error.learner_message) from error
    try:
        with transaction.atomic():
            # The row lock on the attempt queues concurrent answers of the same learner, so the
            # check for an earlier response below cannot race with another request.
            locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
            if locked.is_finished:
                raise AttemptFinished()
            if index > locked.reached_step:
                raise StepNotAvailable()
            existing = Response.objects.filter(attempt=locked, block_id=step.id).first()
            if existing is not None:
                return existing, False
            response = Response.objects.create(
                attempt=locked,
                block_id=step.id,
                block_type=step.block_type,
                chosen_options=list(judged.answer),
                verdict=judged.verdict,
                points=judged.points,
                max_points=judged.max_points,
            )
            signals.response_recorded.send(Response, response=response)
            if locked.reached_step < index + 1:
                locked.reached_step = index + 1
                locked.path = _extended_path(attempt, locked, index, judged.answer)
                locked.save(update_fields=["reached_step", "path"])
    except IntegrityError:
        # Databases without row locks (SQLite) can still let two inserts meet at the unique
        # constraint; the one that lost returns the answer that was recorded.
        return Response.objects.get(attempt_id=attempt.pk, block_id=step.id), False
    attempt.reached_step = max(attempt.reached_step, locked.reached_step)
    attempt.path = locked.path
    return response, True


def _extended_path(attempt, current, index, answer=()):
    """The path of ``current`` (the attempt as stored now) after the learner moves on from
    position ``index``: with the next step added when ``index`` is the end of the path."""
    path = list(current.path) or path_of(attempt)
    if index + 1 < len(path):
        return path
    step = step_graph(attempt).steps_by_id[path[index]]
    choice = step.block.branch_choice(step.value, answer)
    following = step_graph(attempt).next_id(path[: index + 1], choice)
    return path + [following] if following else path


def continue_after(attempt, index):
    """Move on from step ``index`` (read, or answered). A scored step must be answered first."""
    step = step_at(attempt, index)
    if attempt.is_finished:
        raise AttemptFinished()
    if index > attempt.reached_step:
        raise StepNotAvailable()
    response = attempt.responses.filter(block_id=step.id).first() if is_scored(step) else None
    if is_scored(step) and response is None:
        raise AttemptIncomplete(_("Answer this step before you continue."))
    if attempt.reached_step >= index + 1:
        return attempt  # already moved on: the path is fixed
    answer = response.chosen_options if response is not None else ()
    path = _extended_path(attempt, attempt, index, answer)
    # The same next step whichever request wins: it follows from the path and the answer.
    updated = Attempt.objects.filter(pk=attempt.pk, reached_step__lt=index + 1).update(
        reached_step=index + 1, path=path
    )
    if updated:
        attempt.reached_step = index + 1
        attempt.path = path
    return attempt


def finish_attempt(attempt):
    """Score the whole attempt against its pinned revision and update the completion. Finishing
    an already finished attempt changes nothing."""
    content = attempt_content(attempt)
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.is_finished:
            return locked
        responses = {response.block_id: response for response in locked.responses.all()}
        # Only the steps on the learner's path count: a branch may skip scored steps, and the
        # score is then a percentage of the points on the path taken.
        attempt.path = locked.path
        attempt.reached_step = locked.reached_step
        path = path_of(attempt)
        by_id = step_graph(attempt).steps_by_id
        scored_steps = [by_id[step_id] for step_id in path if is_scored(by_id[step_id])]
        if any(step.id not in responses for step in scored_steps):
            raise AttemptIncomplete()
        last = by_id[path[-1]]
        if locked.reached_step < len(path) - 1 or step_graph(attempt).next_id(
            path, _choice_of(last, responses.get(last.id))
        ):
            # Finishing is done from the last step: the steps after the last question (often
            # what to do next) are part of the module too.
            raise AttemptIncomplete(_("Go through every step before you finish the module."))
        locked.points = sum((responses[step.id].points for step in scored_steps), start=0)
        locked.max_points = sum((responses[step.id].max_points for step in scored_steps), start=0)
        locked.score = scoring.percentage(locked.points, locked.max_points)
        locked.passed = locked.score >= content.pass_mark
        locked.reached_step = len(path)
        locked.finished_at = timezone.now()
        locked.save()
        update_completion(locked.learner, locked.module)
        signals.attempt_finished.send(Attempt, attempt=locked)
        if locked.passed:
            # In the same transaction: a pass and what it brings (a certificate) go together.
            signals.attempt_passed.send(Attempt, attempt=locked, module_title=content.title)
    return locked


def update_completion(learner, module):
    """Derive the learner's completion of the module from all their attempts. The only code that
    writes Completion rows."""
    stats = Attempt.objects.filter(learner=learner, module=module).aggregate(
        attempt_count=Count("pk"),
        finished_count=Count("pk", filter=Q(finished_at__isnull=False)),
        best_score=Max("score", filter=Q(finished_at__isnull=False)),
        first_completed_at=Min("finished_at", filter=Q(passed=True)),
        last_completed_at=Max("finished_at", filter=Q(passed=True)),
    )
    if not stats["attempt_count"]:
        Completion.objects.filter(learner=learner, module=module).delete()
        return None
    if stats["first_completed_at"]:
        status = CompletionStatus.COMPLETED
    elif stats["finished_count"]:
        status = CompletionStatus.FAILED
    else:
        status = CompletionStatus.IN_PROGRESS
    completion, _created = Completion.objects.update_or_create(
        learner=learner,
        module=module,
        defaults={
            "status": status,
            "best_score": stats["best_score"],
            "first_completed_at": stats["first_completed_at"],
            "last_completed_at": stats["last_completed_at"],
            "attempt_count": stats["attempt_count"],
        },
    )
    return completion


# -- what the learner is shown after answering ----------------------------------------------


def review_options(step, response, order=()):
    """The answer key of an answered step with the learner's answer laid over it, in the order
    the learner was shown (``presentation_order``). Only ever called once a response exists."""
    return step.block.review(step.value, response.chosen_options, order)


@dataclass
class PathEntry:
    title: str
    block_type: str
    elsewhere: bool  # not on the other path


def path_comparison(attempt):
    """The path the learner took next to the recommended path (the best option at every
    decision), each step marked when it is not on the other path, and the number of the first
    step where they part (None when they are the same)."""
    graph = step_graph(attempt)
    taken = path_of(attempt)
    recommended = graph.recommended_path()

    def entries(ids, other):
        other = set(other)
        return [
            PathEntry(
                graph.nodes[graph.index[step_id]].title,
                graph.nodes[graph.index[step_id]].kind,
                step_id not in other,
            )
            for step_id in ids
        ]

    parted = next(
        (
            number
            for number, (mine, best) in enumerate(zip(taken, recommended, strict=False), start=1)
            if mine != best
        ),
        None,
    )
    if parted is None and len(taken) != len(recommended):
        parted = min(len(taken), len(recommended)) + 1
    return {
        "taken": entries(taken, recommended),
        "recommended": entries(recommended, taken),
        "parted_at": parted,
        "same": taken == recommended,
        "has_branches": any(node.leads_to for node in graph.nodes),
    }
