"""HR's staff-list import in the Wagtail admin:

1. /admin/hr/import/ — upload a .csv or .xlsx file (at most 5 MB). The file is read and
   checked at once (a dry run); a file with any error shows every error by row and column and
   is not kept.
2. /admin/hr/import/<token>/ — the preview of a file without errors: how many people are new,
   changed and unchanged, and a table of the changes, with a "Confirm import" button.
3. POST /admin/hr/import/<token>/confirm/ — imports for real, from the rows kept in the session
   (server-side, so no personal data goes to a file store or the browser), validated again;
   all or nothing. A successful import leaves an audit entry.

Who may import is decided here (HR or superuser); which people and organisations a row may
touch is decided by the resource from ``people.scope``.
"""

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.menu import MenuItem

from .. import imports
from ..import_resources import COLUMN_LABELS
from ..models import Function, Profile
from ..permissions import user_may
from ..scope import organisations_visible_to

SESSION_KEY = "training_staff_imports"
MAX_CODES_SHOWN = 1000  # organisation codes listed on the upload page
KEPT_UPLOADS = 3  # checked files kept per session; older ones are dropped


def may_import(user):
    """HR and platform admins (the profile policy's "import" action, ``people.permissions``)."""
    return user_may(user, Profile, "import")


class StaffFileForm(forms.Form):
    file = forms.FileField(
        label=_("Staff list"),
        help_text=_("A .csv or .xlsx file of at most 5 MB; the first row names the columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if imports.file_format_for(upload.name) is None:
            raise forms.ValidationError(
                _("“%(name)s” is not a .csv or .xlsx file."), params={"name": upload.name}
            )
        if upload.size > imports.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB; split it into smaller files."),
                params={"size": imports.MAX_UPLOAD_BYTES // 2**20},
            )
        try:
            self.staff = imports.read_staff_file(upload.read(), upload.name)
        except imports.StaffFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ImportBaseView(View):
    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, template, context, status=200):
        context = {
            "page_title": _("Import staff"),
            "header_title": _("Import staff"),
            "header_icon": "upload",
            "upload_url": reverse("training_import"),
            "column_labels": COLUMN_LABELS,
            **context,
        }
        return TemplateResponse(self.request, template, context, status=status)

    def stored(self, token):
        data = self.request.session.get(SESSION_KEY, {}).get(token)
        if data is None:
            raise Http404
        return imports.StaffRows.from_dict(data)

    def forget(self, token):
        kept = self.request.session.get(SESSION_KEY, {})
        if kept.pop(token, None) is not None:
            self.request.session[SESSION_KEY] = kept


class UploadView(ImportBaseView):
    template_name = "people/admin/import.html"

    def get(self, request):
        return self.upload_page(StaffFileForm())

    def post(self, request):
        form = StaffFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.upload_page(form, status=400)
        report = imports.check_staff_rows(request.user, form.staff)
        if not report.ok:
            return self.render("people/admin/import_preview.html", {"report": report}, status=400)
        token = secrets.token_urlsafe(16)
        kept = request.session.get(SESSION_KEY, {})
        for old in list(kept)[: max(0, len(kept) - KEPT_UPLOADS + 1)]:
            kept.pop(old)
        kept[token] = form.staff.as_dict()
        request.session[SESSION_KEY] = kept
        return redirect("training_import_preview", token=token)

    def upload_page(self, form, status=200):
        user = self.request.user
        no_scope = not user.is_superuser and not organisations_visible_to(user).exists()
        return self.render(
            self.template_name,
            {
                "form": form,
                "columns": imports.column_help(),
                "functions": Function.choices,
                "organisations": self.organisation_codes(user),
                "no_scope": no_scope,
            },
            status=status,
        )

    @staticmethod
    def organisation_codes(user):
        """The nodes this user may import into, in tree order, each with its name indented
        below the highest one offered."""
        nodes = list(organisations_visible_to(user).order_by("path")[:MAX_CODES_SHOWN])
        top = min((node.depth for node in nodes), default=1)
        for node in nodes:
            node.indented_name = "\u2003" * (node.depth - top) + node.name
        return nodes


class PreviewView(ImportBaseView):
    template_name = "people/admin/import_preview.html"

    def get(self, request, token):
        staff = self.stored(token)
        report = imports.check_staff_rows(request.user, staff)
        return self.render(
            self.template_name,
            {
                "report": report,
                "confirm_url": reverse("training_import_confirm", args=[token]),
            },
            status=200 if report.ok else 400,
        )


class ConfirmView(ImportBaseView):
    template_name = "people/admin/import_preview.html"

    def post(self, request, token):
        staff = self.stored(token)
        report = imports.import_staff_rows(request.user, staff)
        if not report.ok:
            # Something changed since the preview (another import, an edit): nothing was
            # imported; show why.
            self.forget(token)
            return self.render(self.template_name, {"report": report}, status=400)
        self.forget(token)
        messages.success(
            request,
            _("Imported “%(file)s”: %(new)d new, %(updated)d changed, %(unchanged)d unchanged.")
            % {
                "file": staff.file_name,
                "new": report.new,
                "updated": report.updated,
                "unchanged": report.unchanged,
            },
        )
        return redirect("training_import")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


urlpatterns = [
    path("hr/import/", UploadView.as_view(), name="training_import"),
    path("hr/import/<str:token>/", PreviewView.as_view(), name="training_import_preview"),
    path(
        "hr/import/<str:token>/confirm/",
        ConfirmView.as_view(),
        name="training_import_confirm",
    ),
]

menu_items = [
    ImportMenuItem(
        _("Import staff"),
        reverse_lazy("training_import"),
        name="training-import",
        icon_name="upload",
        order=100,
    ),
]
