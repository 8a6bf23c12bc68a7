"""The manager dashboard outside the CMS: the training status of the people in the user's teams,
filtered by team, module and status, and the same view as a CSV download. The views only
coordinate; ``records.dashboard`` builds what they show, from querysets limited to the user's
scope.

The CSV download is a POST with the CSRF token (the dashboard's download button posts its
filters): it writes an audit entry and counts against the export limit, so a link or a form on
another site must not be able to start it."""

import csv
import itertools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from people.models import AuditEntry
from training import ratelimits

from .dashboard import (
    StatusCells,
    build_dashboard,
    may_use_dashboard,
    page_href,
    page_links,
    page_of,
)
from .exports import CSV_SEPARATORS, SEMICOLON, dated_filename
from .personal_data import personal_data
from .spreadsheet import neutralise


def _dashboard_or_refuse(request, params):
    if not may_use_dashboard(request.user):
        raise PermissionDenied(_("Only managers and HR see the training status of a team."))
    return build_dashboard(request.user, params)


@login_required
@require_GET
def dashboard(request):
    """People by assigned modules, each with their status, a page of people at a time; counts
    and completion per module over everyone the filters select. A page number past the last
    page shows the last page; one that is not a number is refused with a message (400)."""
    board = _dashboard_or_refuse(request, request.GET)
    context = {"board": board, "csv_separators": CSV_SEPARATORS}
    if board.is_valid:
        try:
            page = page_of(board.rows, request.GET.get("page"))
        except ValueError:
            context["first_page_url"] = page_href(board.query, 1)
            board.error = _("This page number cannot be used: a page number is a whole number.")
        else:
            context["page"] = page
            context["matrix"] = StatusCells().rows(page.object_list)
            context["page_links"] = page_links(page, board.query)
            if page.has_previous():
                context["previous_url"] = page_href(board.query, page.previous_page_number())
            if page.has_next():
                context["next_url"] = page_href(board.query, page.next_page_number())
    return render(
        request,
        "records/dashboard.html",
        context,
        status=200 if board.is_valid else 400,
    )


class _Echo:
    """A file-like object that hands back what the csv writer writes, for streaming."""

    def write(self, value):
        return value


CSV_COLUMNS = (
    gettext_lazy("Name"),
    gettext_lazy("Employee number"),
    gettext_lazy("Team"),
    gettext_lazy("Module"),
    gettext_lazy("Status"),
    gettext_lazy("Due date"),
    gettext_lazy("Valid until"),
)


# Excel reads a CSV file as UTF-8 (names like Çelik or Müller) only when it starts with a BOM;
# the HR export does the same.
CSV_BOM = "\ufeff"


def _csv_rows(board):
    yield [str(column) for column in CSV_COLUMNS]
    for row, module, status in board.cells():
        yield [
            neutralise(row.name),
            neutralise(row.employee_number),
            neutralise(row.team),
            neutralise(module.title),
            neutralise(str(status.label)),
            status.due_date.isoformat() if status.due_date else "",
            status.valid_until.isoformat() if status.valid_until else "",
        ]


@login_required
@cache_control(private=True, no_store=True)  # personal data: kept in no cache
def dashboard_csv(request):
    """The dashboard's cells as CSV, one row per person and assigned module, with the filters
    POSTed by the dashboard's download button. Streamed row by row from the dashboard built in
    memory (one manager's teams are small); every text cell is neutralised against formula
    injection; the download is written to the audit log.

    Only a POST (which CSRF protection limits to this site's own form) exports: any other
    method gets 405 with a way back to the dashboard, and writes and counts nothing."""
    if request.method != "POST":
        return _download_needs_the_button(request)
    board = _dashboard_or_refuse(request, request.POST)
    if not board.is_valid:
        return render(request, "records/dashboard.html", {"board": board}, status=400)
    if ratelimits.too_many(request, ratelimits.EXPORT):
        return render(
            request,
            "training/error.html",
            {
                "message": ratelimits.message(ratelimits.EXPORT),
                "back_url": reverse("records:dashboard"),
            },
            status=429,
        )
    rows = list(board.cells())
    AuditEntry.objects.create(
        actor=request.user,
        actor_name=request.user.get_username(),
        action=AuditEntry.Action.EXPORT,
        details={
            "what": "manager dashboard",
            "filters": {
                name: str(value) if value is not None else ""
                for name, value in board.filters.items()
            },
        },
        row_count=len(rows),
        file_format="csv",
    )
    separator = request.POST.get("separator") or SEMICOLON
    if separator not in dict(CSV_SEPARATORS):
        separator = SEMICOLON
    writer = csv.writer(_Echo(), delimiter=separator)
    lines = (writer.writerow(line) for line in _csv_rows(board))
    response = StreamingHttpResponse(
        itertools.chain([CSV_BOM], lines), content_type="text/csv; charset=utf-8"
    )
    filename = dated_filename(_("team-progress"), timezone.localdate(), "csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _download_needs_the_button(request):
    response = render(
        request,
        "training/error.html",
        {
            "message": _(
                "This download starts from the button on the training status of your teams; "
                "a link cannot start it."
            ),
            "back_url": reverse("records:dashboard"),
        },
        status=405,
    )
    response["Allow"] = "POST"
    return response


@login_required
@require_GET
def insights(request):
    """Aggregates for programme coordinators: per assigned module, each organisation's people by
    status, with totals; whatever could single someone out is hidden (``records.disclosure``).
    The filters (region, organisation, module) and a coordinator's own node only choose which
    rows of the province's tables are shown; the figures are suppressed once for everyone."""
    from people.scope import insight_paths

    from .insights import CoverageFilterForm, privacy_threshold, sliced

    scope = insight_paths(request.user)
    if scope == ():
        raise PermissionDenied(_("Only programme coordinators see these figures."))
    form = CoverageFilterForm(request.GET, scope)
    if not form.is_valid():
        return render(request, "records/insights.html", {"form": form, "tables": []}, status=400)
    threshold = privacy_threshold()
    paths = scope
    if scope is not None and covers_everyone(scope):
        paths = None  # a coordinator of the (only) province sees the whole tables, totals too
    chosen = form.cleaned_data.get("organisation") or form.cleaned_data.get("region")
    if chosen is not None:
        paths = (chosen.path,)
    computed_at, tables = coverage_tables(threshold)
    tables = sliced(tables, paths, form.cleaned_data.get("module"))
    return render(
        request,
        "records/insights.html",
        {
            "tables": tables,
            "threshold": threshold,
            "form": form,
            "now": computed_at,
            "filtered": bool(request.GET),
        },
    )


def covers_everyone(paths):
    """Whether the subtrees at ``paths`` hold every organisation node (one query)."""
    from django.db.models import Q

    from people.models import Organisation

    within = Q(pk__in=[])
    for path in paths:
        within |= Q(path__startswith=path)
    return not Organisation.objects.exclude(within).exists()


def coverage_tables(threshold):
    """(when computed, the coverage tables): worked out at most once per
    ``INSIGHTS_COVERAGE_CACHE_SECONDS`` (default 300) for all readers, since it reads every
    person's status; the page says when ("Stand per …")."""
    from django.conf import settings
    from django.core.cache import cache

    from .insights import insight_tables

    seconds = getattr(settings, "INSIGHTS_COVERAGE_CACHE_SECONDS", 300)
    key = f"insights:coverage:{threshold}:{timezone.localdate().isoformat()}"
    found = cache.get(key) if seconds else None
    if found is None:
        found = (timezone.now(), insight_tables(threshold=threshold))
        if seconds:
            cache.set(key, found, seconds)
    return found


@login_required
@require_GET
@cache_control(private=True, no_store=True)  # personal data: kept in no cache
def my_data(request):
    """The learner's own data as a JSON download; nobody can ask for someone else's."""
    response = JsonResponse(personal_data(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-trainingsgegevens.json"'
    return response
