"""HR's export page in the Wagtail admin (/admin/hr/export/): a filter form, the number of
matching rows, and CSV and XLSX downloads of completion records of HR's own organisation; and
the audit log of exports and other actions on personal data, for platform admins.

Who may export is decided here (HR or superuser); whose records are in the file is decided by
``Completion.objects.visible_to`` in ``records.exports``. The organisation picker only offers
nodes HR may see, and a tampered value outside them is refused with 400.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.http import FileResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from people.models import AuditEntry, Profile
from people.permissions import policy_for, user_may
from people.scope import organisations_visible_to
from people.status import TrainingStatus
from scenarios.models import ModulePage
from training import ratelimits

from .. import exports


def may_export(user):
    """HR and platform admins: the profile policy's "export" action (``people.permissions``)."""
    return user_may(user, Profile, "export")


def may_read_audit_log(user):
    return user_may(user, AuditEntry, "view")


class OrganisationChoiceField(forms.ModelChoiceField):
    top_depth = 1  # the depth of the highest node offered, shown without indentation

    def label_from_instance(self, obj):
        # The tree shown by indentation: a municipality's teams under the municipality.
        return "\u2003" * max(obj.depth - self.top_depth, 0) + obj.name


class ExportFilterForm(forms.Form):
    """The filters of an HR export. Every value is checked against what this user may see:
    an organisation outside their scope is "not one of the available choices"."""

    organisation = OrganisationChoiceField(
        label=_("Organisation or team"),
        queryset=None,
        required=False,
        empty_label=_("All I may see"),
        help_text=_("This node and everything below it."),
    )
    module = forms.ModelChoiceField(
        label=_("Module"),
        queryset=ModulePage.objects.order_by("title"),
        required=False,
        empty_label=_("All modules"),
    )
    date_from = forms.DateField(
        label=_("First completed from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty for no lower limit; filled in alone, it means since."),
    )
    date_to = forms.DateField(
        label=_("First completed up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Every status"))] + list(TrainingStatus.choices),
        required=False,
    )

    separator = forms.ChoiceField(
        label=_("CSV separator"),
        choices=exports.CSV_SEPARATORS,
        initial=exports.SEMICOLON,
        required=False,
        help_text=_("Excel in Dutch opens a CSV file with semicolons in columns."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = organisations_visible_to(user).order_by("path")
        field = self.fields["organisation"]
        field.queryset = organisations
        field.top_depth = organisations.aggregate(top=Min("depth"))["top"] or 1

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end of the period lies before its start."))
        return cleaned

    def filters(self):
        data = self.cleaned_data
        return exports.ExportFilters(
            organisation=data.get("organisation"),
            module=data.get("module"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            status=data.get("status") or "",
        )


class ExportView(View):
    """GET: the form and the number of rows of an export without filters. POST with
    ``action`` = ``count``, ``csv`` or ``xlsx``: the count for the chosen filters, or the file.
    Downloads are POSTed (with the CSRF token) because each one writes an audit entry."""

    template_name = "records/admin/export.html"
    ACTIONS = ("count", *exports.FORMATS)

    def dispatch(self, request, *args, **kwargs):
        if not may_export(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = ExportFilterForm(user=request.user)
        export = exports.CompletionExport(request.user)
        return self.render(form, row_count=export.count())

    def post(self, request):
        form = ExportFilterForm(request.POST, user=request.user)
        action = request.POST.get("action", "count")
        if action not in self.ACTIONS:
            form.is_valid()
            return self.render(form, status=400, error=_("Unknown export action."))
        if not form.is_valid():
            return self.render(form, status=400)
        export = exports.CompletionExport(request.user, form.filters())
        if action == "count":
            return self.render(form, row_count=export.count())
        if ratelimits.too_many(request, ratelimits.EXPORT):
            return self.render(form, status=429, error=ratelimits.message(ratelimits.EXPORT))
        entry = export.start_audit(action)
        if action == exports.CSV:
            separator = form.cleaned_data.get("separator") or exports.SEMICOLON
            response = StreamingHttpResponse(
                export.iter_csv(entry, separator=separator),
                content_type=exports.CONTENT_TYPES[exports.CSV],
            )
            response["Content-Disposition"] = (
                f'attachment; filename="{export.filename(exports.CSV)}"'
            )
        else:
            spool, count = export.xlsx_file()
            export.finish_audit(entry, count)
            response = FileResponse(
                spool,
                as_attachment=True,
                filename=export.filename(exports.XLSX),
                content_type=exports.CONTENT_TYPES[exports.XLSX],
            )
        response["Cache-Control"] = "private, no-store"  # personal data: kept in no cache
        return response

    def render(self, form, row_count=None, status=200, error=None):
        context = {
            "page_title": _("Export progress"),
            "header_title": _("Export progress"),
            "header_icon": "download",
            "form": form,
            "row_count": row_count,
            "error": error,
            "action_url": reverse("training_export"),
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


class FileFormatColumn(Column):
    """An export's file format as people name it: CSV, XLSX; a dash for other entries."""

    def get_value(self, instance):
        return (super().get_value(instance) or "").upper() or "—"


class AuditLogView(ReportView):
    """The audit log, newest first, for platform admins only (the audit entry policy of
    ``people``). Read-only, and without Wagtail's spreadsheet download: the log itself names
    people."""

    page_title = _("Audit log")
    header_icon = "history"
    model = AuditEntry
    index_url_name = "training_audit_log"
    index_results_url_name = "training_audit_log_results"
    permission_policy = None  # set in dispatch: registered in PeopleConfig.ready()
    permission_required = "view"
    default_ordering = "-created_at"
    columns = [
        DateColumn("created_at", label=_("When"), sort_key="created_at"),
        Column("actor_name", label=_("By")),
        Column("action", label=_("Action"), accessor="get_action_display"),
        FileFormatColumn("file_format", label=_("Format")),
        Column("row_count", label=_("Rows")),
        Column("details", label=_("Details")),
    ]

    def dispatch(self, request, *args, **kwargs):
        # A 403 for anyone else, as every page of personal records here answers, rather than
        # Wagtail's redirect to the dashboard.
        if not may_read_audit_log(request.user):
            raise PermissionDenied
        self.permission_policy = policy_for(AuditEntry)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return AuditEntry.objects.select_related("actor").order_by("-created_at", "-pk")


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_export(request.user)


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_audit_log(request.user)


urlpatterns = [
    path("hr/export/", ExportView.as_view(), name="training_export"),
    path("hr/audit-log/", AuditLogView.as_view(), name="training_audit_log"),
    path(
        "hr/audit-log/results/",
        AuditLogView.as_view(results_only=True),
        name="training_audit_log_results",
    ),
]

menu_items = [
    ExportMenuItem(
        _("Export progress"),
        reverse_lazy("training_export"),
        name="training-export",
        icon_name="download",
        order=200,
    ),
    AuditLogMenuItem(
        _("Audit log"),
        reverse_lazy("training_audit_log"),
        name="training-audit-log",
        icon_name="history",
        order=900,
    ),
]
