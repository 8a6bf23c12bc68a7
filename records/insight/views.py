"""The signal insight pages, their CSV and XLSX downloads and the JSON endpoint. Only
programme coordinators and platform admins reach them (``people.scope.insight_paths``), each
within their scope; the views only coordinate (``reports`` builds what they show)."""

import dataclasses
import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from people.models import AuditEntry
from people.scope import insight_paths

from . import refresh, reports
from .forms import InsightFilterForm

SLUGS = {
    "signalen": reports.SIGNALS,
    "organisaties": reports.ORGANISATIONS,
    "functies": reports.FUNCTIONS,
    "kwartalen": reports.QUARTERS,
}
SLUG_OF = {view: slug for slug, view in SLUGS.items()}


def scope_or_refuse(user):
    scope = insight_paths(user)
    if scope == ():
        raise PermissionDenied(_("Only programme coordinators see these figures."))
    return scope


def view_of(slug):
    if slug not in SLUGS:
        raise Http404(_("There is no such view of the figures."))
    return SLUGS[slug]


def ask_for_refresh():
    """Queue a rebuild of the summary when it is older than ``INSIGHTS_MAX_AGE_MINUTES`` (or
    missing), at most once per ten minutes whatever the number of readers."""
    latest = refresh.latest()
    age = datetime.timedelta(minutes=getattr(settings, "INSIGHTS_MAX_AGE_MINUTES", 60))
    if latest is not None and timezone.now() - latest.finished_at < age:
        return latest
    if cache.add("insight:refresh-queued", True, 600):
        from records.tasks import refresh_signal_insight

        refresh_signal_insight.enqueue()
        latest = refresh.latest()
    return latest


def filtered_report(request, view, data, latest=None):
    """(form, report or None): the report when the filters are valid."""
    scope = scope_or_refuse(request.user)
    form = InsightFilterForm(data, scope)
    if not form.is_valid():
        return form, None
    filters = form.filters()
    if view != reports.SIGNALS and filters.signal is None:
        weakest = reports.build(reports.SIGNALS, filters, refreshed=latest)
        first = next((row for row in weakest.rows if not row.too_few), None)
        if first is not None:
            filters = dataclasses.replace(filters, signal=form.objects["signal"][str(first.key)])
    return form, reports.build(view, filters, refreshed=latest)


@login_required
@require_GET
def insight(request, slug="signalen"):
    """One view of the signal insight with its filters, chart and table."""
    view = view_of(slug)
    latest = ask_for_refresh() if insight_paths(request.user) != () else None
    form, report = filtered_report(request, view, request.GET, latest)
    context = {
        "form": form,
        "report": report,
        "view": view,
        "slug": slug,
        "views": [(SLUG_OF[name], reports.VIEW_TITLES[name]) for name in reports.VIEWS],
        "columns": reports.COLUMNS,
        "latest": latest,
        "query": request.GET.urlencode(),
        "threshold": report.threshold if report else None,
    }
    return render(request, "records/insight.html", context, status=200 if report else 400)


def _audit(request, view, form, file_format, rows):
    AuditEntry.objects.create(
        actor=request.user,
        actor_name=request.user.get_username(),
        action=AuditEntry.Action.EXPORT,
        details={
            "what": f"signal insight: {view}",
            "filters": form.filters().describe() if form.is_valid() else {},
        },
        row_count=rows,
        file_format=file_format,
    )


@login_required
@require_GET
@cache_control(private=True, no_store=True)
def insight_json(request, slug="signalen"):
    """The same aggregates as the page, as JSON (documented in docs/insight.md)."""
    view = view_of(slug)
    form, report = filtered_report(request, view, request.GET)
    if report is None:
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    _audit(request, view, form, "json", len(report.rows))
    return JsonResponse(
        {
            "view": view,
            "title": str(report.title),
            "stand_per": report.refreshed_at.isoformat() if report.refreshed_at else None,
            "privacy_threshold": report.threshold,
            "filters": form.filters().describe(),
            "signal": (
                {"id": report.signal.pk, "name": report.signal.name} if report.signal else None
            ),
            "columns": [
                {"key": key, "label": str(label), "kind": kind}
                for key, label, kind in reports.COLUMNS
            ],
            "rows": [
                {
                    "label": row.label,
                    "level": row.level,
                    **({"theme": row.theme} if row.theme else {}),
                    "too_few": row.too_few,
                    "values": {key: row.values.get(key) for key, _label, _kind in reports.COLUMNS},
                }
                for row in report.rows
            ],
            "themes": [
                {"theme": row.label, "too_few": row.too_few, "values": row.values}
                for row in report.themes
            ],
        }
    )


@login_required
@cache_control(private=True, no_store=True)
def insight_export(request, slug, file_format):
    """The view as CSV or XLSX, with the filters POSTed by the page's download buttons (CSRF
    protected: a link on another site cannot start it); audited and rate-limited like the HR
    export. Any other method gets 405 with a way back."""
    from django.http import FileResponse, StreamingHttpResponse

    from training import ratelimits

    from . import exports

    view = view_of(slug)
    if file_format not in exports.FORMATS:
        raise Http404(_("There is no such download."))
    scope_or_refuse(request.user)
    if request.method != "POST":
        response = render(
            request,
            "training/error.html",
            {
                "message": _("This download starts from its button on the figures page."),
                "back_url": reverse("records:insight_view", args=[slug]),
            },
            status=405,
        )
        response["Allow"] = "POST"
        return response
    data = request.POST.copy()
    data.pop("csrfmiddlewaretoken", None)
    form, report = filtered_report(request, view, data)
    if report is None:
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    if ratelimits.too_many(request, ratelimits.EXPORT):
        return render(
            request,
            "training/error.html",
            {
                "message": ratelimits.message(ratelimits.EXPORT),
                "back_url": reverse("records:insight_view", args=[slug]),
            },
            status=429,
        )
    _audit(request, view, form, file_format, len(report.rows))
    filename = f"signaalinzicht-{slug}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == exports.CSV:
        response = StreamingHttpResponse(
            exports.iter_csv(report), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return FileResponse(
        exports.xlsx_file(report),
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
