"""The coordinator's rounds and results, and the respondent's anonymous answer form. Views only
coordinate; ``scan.services`` decides and changes."""

import uuid
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from . import pdf, services
from .forms import OpenRoundForm
from .models import ScanRound

# Which browser has answered a round: a signed cookie, never who.
ANSWERED_COOKIE = "scan-answered-{pk}"
ANSWERED_SALT = "scan.answered"
ANSWERED_MAX_AGE = timedelta(days=365)


def _coordinator(request):
    if not services.may_coordinate(request.user):
        raise PermissionDenied(_("Only programme coordinators open and read scan rounds."))


def _visible_round(request, pk):
    _coordinator(request)
    queryset = ScanRound.objects.visible_to(request.user).select_related(
        "scan", "organisation", "revision"
    )
    return get_object_or_404(queryset, pk=pk)


def _overview_page(request, form, status=200):
    rounds = (
        ScanRound.objects.visible_to(request.user)
        .select_related("scan", "organisation")
        .annotate(respondents=Count("responses"))
    )
    return render(
        request,
        "scan/overview.html",
        {"rounds": rounds, "form": form, "threshold": services.privacy_threshold()},
        status=status,
    )


@login_required
@require_GET
def overview(request):
    """The coordinator's rounds, and the form to open one."""
    _coordinator(request)
    return _overview_page(request, OpenRoundForm(request.user))


@login_required
@require_POST
def open_round(request):
    _coordinator(request)
    form = OpenRoundForm(request.user, request.POST)
    if not form.is_valid():
        return _overview_page(request, form, status=400)
    try:
        scan_round = services.open_round(
            request.user,
            form.cleaned_data["scan"],
            form.cleaned_data["organisation"],
            form.cleaned_data["title"],
        )
    except services.ScanError as error:
        form.add_error(None, error.message)
        return _overview_page(request, form, status=400)
    return redirect("scan:round", scan_round.pk)


def _round_page(request, scan_round, *, action_errors=None, posted=None, status=200):
    result = services.results(scan_round)
    if posted is not None:
        for theme in result.themes:
            theme.action = posted.get(f"action-{theme.theme.id}", "")
    return render(
        request,
        "scan/round.html",
        {
            "round": scan_round,
            "result": result,
            "answer_url": request.build_absolute_uri(
                reverse("scan:answer", args=[scan_round.token])
            ),
            "action_errors": action_errors or {},
            "action_max_length": services.ACTION_MAX_LENGTH,
        },
        status=status,
    )


@login_required
@require_GET
def round_detail(request, pk):
    """The round's link, its respondents so far and, once closed with enough of them, its
    results."""
    return _round_page(request, _visible_round(request, pk))


@login_required
@require_POST
def save_actions(request, pk):
    scan_round = _visible_round(request, pk)
    if not services.results(scan_round).shown:
        return _message(request, _("Agreed actions can be written once the results show."), 409)
    try:
        services.save_actions(scan_round, request.POST)
    except services.ScanError as error:
        return _round_page(
            request, scan_round, action_errors=error.problems, posted=request.POST, status=400
        )
    from django.contrib import messages

    messages.success(request, _("The agreed actions have been saved."))
    return redirect(reverse("scan:round", args=[scan_round.pk]) + "#actions")


@login_required
@require_POST
def close_round(request, pk):
    scan_round = _visible_round(request, pk)
    services.close_round(scan_round)
    return redirect("scan:round", scan_round.pk)


@login_required
@require_GET
@cache_control(private=True, no_store=True)
def round_pdf(request, pk):
    """The discussion document of a round with results, as a tagged PDF (PDF/UA-1)."""
    scan_round = _visible_round(request, pk)
    result = services.results(scan_round)
    if not result.shown:
        return _message(request, _("This round has no results to show yet."), 409)
    document = pdf.render_pdf(result)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="weerbaarheidsscan-{pk}.pdf"'
    return response


def _message(request, message, status):
    return render(request, "scan/message.html", {"message": message}, status=status)


# -- respondents -----------------------------------------------------------------------------


def _round_by_token(token):
    return get_object_or_404(
        ScanRound.objects.select_related("scan", "organisation", "revision"), token=token
    )


def _answered(request, scan_round):
    return (
        request.get_signed_cookie(
            ANSWERED_COOKIE.format(pk=scan_round.pk), default=None, salt=ANSWERED_SALT
        )
        == "1"
    )


def _answer_page(request, scan_round, *, posted=None, problems=None, response_id=None, status=200):
    themes = services.round_themes(scan_round)
    posted = posted or {}
    return render(
        request,
        "scan/answer.html",
        {
            "round": scan_round,
            "scan": services.content_of(scan_round),
            "themes": themes,
            "chosen": {
                key.removeprefix("s-"): int(value)
                for key, value in posted.items()
                if key.startswith("s-") and value in ("1", "2", "3", "4")
            },
            "problems": problems or {},
            "problem_statements": [
                statement
                for theme in themes
                for statement in theme.statements
                if statement.id in (problems or {})
            ],
            "response_id": response_id or uuid.uuid4(),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
@ratelimit(key="ip", rate="60/h", method="POST", block=False)
def answer(request, token):
    """Public, through the round's link: everyone answers on their own; nothing asks or keeps
    who they are. A browser that has answered is told so (a signed cookie, not an identity)."""
    scan_round = _round_by_token(token)
    if scan_round.is_closed:
        return render(request, "scan/closed.html", {"round": scan_round}, status=410)
    if _answered(request, scan_round):
        return render(
            request,
            "scan/answered.html",
            {"round": scan_round},
            status=409 if request.method == "POST" else 200,
        )
    if request.method == "GET":
        return _answer_page(request, scan_round)
    if getattr(request, "limited", False):
        return _message(request, _("Too many answers from your address. Try again later."), 429)
    response_id = services.parse_response_id(request.POST.get("response"))
    if response_id is None:
        return _message(request, _("This form is not valid. Open the link again."), 400)
    try:
        services.submit(scan_round, response_id, request.POST)
    except services.RoundClosed:
        return render(request, "scan/closed.html", {"round": scan_round}, status=410)
    except services.ScanError as error:
        return _answer_page(
            request,
            scan_round,
            posted=request.POST,
            problems=error.problems,
            response_id=response_id,
            status=400,
        )
    response = redirect("scan:thanks", token)
    response.set_signed_cookie(
        ANSWERED_COOKIE.format(pk=scan_round.pk),
        "1",
        salt=ANSWERED_SALT,
        max_age=ANSWERED_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
        path=reverse("scan:answer", args=[token]),
    )
    return response


@require_GET
def thanks(request, token):
    scan_round = _round_by_token(token)
    return render(request, "scan/thanks.html", {"round": scan_round})
