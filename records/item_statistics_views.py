"""Admin view for trainers: anonymous item statistics of a module. The counting is content's
(``scenarios.item_statistics``, by the step blocks); reading the responses is the records'."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from scenarios import item_statistics
from scenarios.models import ModulePage
from training.models import Response


def module_content(module):
    """The module as trainers last saved it (the draft when there is one): the questions they
    see in the editor."""
    latest = module.get_latest_revision_as_object()
    return latest if isinstance(latest, ModulePage) else module


def statistics_for(module):
    """Per scored question of the module, counts over every response to it. Two queries,
    whatever the number of responses: the page's latest revision, and one pass over
    ``(block_id, block_type, chosen_options)`` of the module's responses, counted in Python
    (the stored answers are JSON lists, which SQLite and PostgreSQL cannot aggregate alike)."""
    content = module_content(module)
    block_ids = [step.id for step in content.steps]
    responses = (
        Response.objects.filter(attempt__module_id=module.pk, block_id__in=block_ids)
        .values_list("block_id", "block_type", "chosen_options")
        .iterator(chunk_size=2000)
    )
    return item_statistics.module_statistics(content.steps, responses)


def may_see_statistics(user, page):
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


@login_required
@require_GET
def item_statistics_view(request, page_id):
    """Only users who can edit the module (trainers, admins) see it; anyone else gets 403."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ModulePage):
        raise Http404(_("This page is not a module."))
    if not may_see_statistics(request.user, page):
        return _forbidden(request)
    return TemplateResponse(
        request,
        "scenarios/admin/item_statistics.html",
        {
            "page": page,
            "module": page,
            "questions": statistics_for(page),
            "threshold": item_statistics.privacy_threshold(),
            "header_title": _("Statistics: %(title)s") % {"title": page.title},
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Dashboard")},
                {"url": reverse("wagtailadmin_pages:edit", args=[page.pk]), "label": page.title},
                {"url": "", "label": _("Statistics")},
            ],
        },
    )


def _forbidden(request):
    return TemplateResponse(request, "403.html", {}, status=403)
