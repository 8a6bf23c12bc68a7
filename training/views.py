"""The learner's player: start or resume a module, one step per page, answer, move on, finish,
see the result. Views only coordinate; ``training.services`` makes every change."""

import logging
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from scenarios.models import ModuleCatalogue, ModulePage

from . import ratelimits, services

logger = logging.getLogger(__name__)


SAVE_FAILED = gettext_lazy(
    "Your result could not be saved just now. Nothing was lost: try again in a moment."
)


def _step_url(attempt, index):
    return reverse("training:step", args=[attempt.pk, index + 1])


def _resume_url(attempt):
    # Steps are numbered by their position on the learner's path (see services.path_of).
    steps = len(services.path_of(attempt))
    if attempt.is_finished or attempt.reached_step >= steps:
        return (
            reverse("training:result", args=[attempt.pk])
            if attempt.is_finished
            else _step_url(attempt, steps - 1)
        )
    return _step_url(attempt, attempt.reached_step)


def _error(request, error, status=400, attempt=None):
    """A refused request: say why, in a page with a way back, never a bare error."""
    return render(
        request,
        "training/error.html",
        {
            "message": error.message,
            "attempt": attempt,
            "back_url": _resume_url(attempt) if attempt else reverse("training:home"),
        },
        status=status,
    )


def _own_attempt(request, attempt_id):
    return get_object_or_404(services.attempts_of(request.user), pk=attempt_id)


def post_or_back_to_step(view):
    """For the player's POST endpoints (answer, next, finish): a GET, as a reload after a refused
    answer or a bookmarked address sends, goes back to the step (or the result) of the learner's
    own attempt instead of a bare 405; another learner's attempt stays a 404."""

    @wraps(view)
    def wrapped(request, attempt_id, number=None, **kwargs):
        arguments = {} if number is None else {"number": number}
        if request.method in ("GET", "HEAD"):
            attempt = _own_attempt(request, attempt_id)
            if number is None or attempt.is_finished:
                return redirect(_resume_url(attempt))
            return redirect(_step_url(attempt, max(number, 1) - 1))
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, attempt_id, **arguments, **kwargs)

    return wrapped


@login_required
@require_GET
def home(request):
    """Where a learner lands after logging in: the module catalogue."""
    catalogue = ModuleCatalogue.objects.live().first()
    if catalogue is None:
        return render(request, "training/no_catalogue.html")
    return redirect(catalogue.url)


@login_required
@require_POST
def start(request, module_id):
    """Start a module, or resume the open attempt; a retake after finishing starts a new one."""
    module = get_object_or_404(services.modules_for(request.user), pk=module_id)
    try:
        attempt, _created = services.start_attempt(request.user, module)
    except services.TrainingError as error:
        return _error(request, error)
    return redirect(_resume_url(attempt))


@login_required
@require_GET
def step(request, attempt_id, number):
    attempt = _own_attempt(request, attempt_id)
    return _render_step(request, attempt, number - 1)


def _render_step(request, attempt, index, *, error=None, status=200, posted=()):
    if attempt.is_finished:
        return redirect("training:result", attempt.pk)
    content = services.attempt_content(attempt)
    # "Step 3 of 9": the position on the learner's path, of the length of the path they are on.
    total = services.path_total(attempt)
    if not 0 <= index < total:
        raise Http404(_("This step does not exist."))
    if index > attempt.reached_step or index >= len(services.path_of(attempt)):
        # Only steps on the learner's path open; the next one opens by moving on.
        return redirect(_resume_url(attempt))
    current = services.step_at(attempt, index)
    response = None
    review = None
    order = services.presentation_order(attempt, current)
    if services.is_scored(current):
        response = attempt.responses.filter(block_id=current.id).first()
        if response is not None:
            review = services.review_options(current, response, order)
    is_last = services.next_on_path(attempt, index, response) is None
    return render(
        request,
        "training/step.html",
        {
            "attempt": attempt,
            "module": content,
            "step": current,
            "index": index,
            "number": index + 1,
            "total": total,
            "is_last": is_last,
            "is_scored": services.is_scored(current),
            "response": response,
            "review": review,
            "order": order,
            "error": error,
            # A refused answer is shown again as given (a written report is not lost).
            "posted": list(posted),
        },
        status=status,
    )


@login_required
@post_or_back_to_step
def answer(request, attempt_id, number):
    """Record the answer to a scored step, then show its feedback (post/redirect/get). Too many
    answers a minute are refused (429) before anything is read or recorded."""
    if ratelimits.too_many(request, ratelimits.ANSWER):
        return _too_many(request, attempt_id, number)
    attempt = _own_attempt(request, attempt_id)
    index = number - 1
    try:
        services.record_response(attempt, index, request.POST.getlist("option"))
    except services.InvalidAnswer as error:
        if attempt.is_finished:
            return redirect("training:result", attempt.pk)
        return _render_step(
            request,
            attempt,
            index,
            error=error.message,
            status=400,
            posted=request.POST.getlist("option"),
        )
    except services.AttemptFinished:
        return redirect("training:result", attempt.pk)
    except services.TrainingError as error:
        return _error(request, error, attempt=attempt)
    return redirect(_step_url(attempt, index) + "#feedback")


def _too_many(request, attempt_id, number):
    attempt = services.attempts_of(request.user).filter(pk=attempt_id).first()
    back_url = (
        _step_url(attempt, number - 1)
        if attempt is not None and not attempt.is_finished and number >= 1
        else reverse("training:home")
    )
    return render(
        request,
        "training/error.html",
        {"message": ratelimits.message(ratelimits.ANSWER), "back_url": back_url},
        status=429,
    )


@login_required
@post_or_back_to_step
def next_step(request, attempt_id, number):
    """Move on from a read or answered step."""
    attempt = _own_attempt(request, attempt_id)
    index = number - 1
    try:
        services.continue_after(attempt, index)
    except services.AttemptFinished:
        return redirect("training:result", attempt.pk)
    except services.TrainingError as error:
        return _error(request, error, attempt=attempt)
    total = len(services.path_of(attempt))
    if index + 1 >= total:
        return redirect(_step_url(attempt, index))
    return redirect(_step_url(attempt, index + 1))


@login_required
@post_or_back_to_step
def finish(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    try:
        services.finish_attempt(attempt)
    except services.TrainingError as error:
        return _error(request, error, attempt=attempt)
    except DatabaseError:
        # The transaction was rolled back: the attempt is still open and nothing was lost, so
        # the learner can simply try again.
        logger.exception("Finishing attempt %s failed", attempt.pk)
        return _error(request, services.TrainingError(SAVE_FAILED), status=503, attempt=attempt)
    return redirect("training:result", attempt.pk)


@login_required
@require_GET
def result(request, attempt_id):
    """Score, pass or fail, every question with the learner's answer and its feedback, and what
    to do with a real signal."""
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_finished:
        return redirect(_resume_url(attempt))
    content = services.attempt_content(attempt)
    responses = {response.block_id: response for response in attempt.responses.all()}
    review = [
        {
            "step": step,
            "prompt": step.block.prompt(step.value),
            "response": responses[step.id],
            "review": services.review_options(
                step, responses[step.id], services.presentation_order(attempt, step)
            ),
            "template": step.block.review_template,
        }
        for step in content.steps
        if services.is_scored(step) and step.id in responses
    ]
    live_module = ModulePage.objects.live().filter(pk=attempt.module_id).first()
    return render(
        request,
        "training/result.html",
        {
            "attempt": attempt,
            "module": content,
            "review": review,
            "paths": services.path_comparison(attempt),
            "can_retake": live_module is not None
            and services.modules_for(request.user).filter(pk=attempt.module_id).exists(),
            "module_url": live_module.url if live_module else None,
        },
    )
