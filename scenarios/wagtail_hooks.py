"""Admin wiring for authored content: the signal taxonomy as snippets, grouped in one menu, and
the picture for the hotspot drawing tool. (The "Statistics" action on modules reads learners'
answers, so ``records`` adds it.)"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Signal, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SignalViewSet(SnippetViewSet):
    model = Signal
    icon = "warning"
    list_display = ["name", "theme"]
    list_filter = ["theme"]
    search_fields = ["name"]


class SignalTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Signals")
    menu_icon = "warning"
    menu_order = 250
    items = (SignalViewSet, ThemeViewSet)


register_snippet(SignalTaxonomyGroup)


# -- the hotspot drawing tool's picture --------------------------------------------------------


@hooks.register("register_admin_urls")
def register_hotspot_image_url():
    from django.urls import path

    from .hotspot_views import hotspot_image

    return [path("scenarios/hotspot-image/<int:image_id>/", hotspot_image, name="hotspot_image")]


# -- publishing: only complete modules -----------------------------------------------------------


def _modules_to_publish(objects, include_descendants):
    """The module pages a bulk "publish" would publish, each as its latest revision."""
    from .models import ModulePage

    pages = list(objects)
    if include_descendants:
        for page in objects:
            pages.extend(page.get_descendants().not_live().type(ModulePage))
    seen = set()
    for page in pages:
        if page.pk in seen or not issubclass(page.specific_class, ModulePage):
            continue
        seen.add(page.pk)
        yield page.specific.get_latest_revision_as_object()


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_incomplete_modules(request, action_type, objects, action_class_instance):
    """Bulk "publish" publishes the latest revisions without the editor's checks: refuse it, and
    publish nothing, while a selected module is not complete (``scenarios.validation``)."""
    if action_type != "publish":
        return None
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.text import format_lazy

    from . import validation

    form = getattr(action_class_instance, "cleaned_form", None)
    include_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    incomplete = [
        (module, validation.missing(module))
        for module in _modules_to_publish(objects, include_descendants)
    ]
    incomplete = [(module, missing) for module, missing in incomplete if missing]
    if not incomplete:
        return None
    for module, missing in incomplete:
        messages.error(
            request,
            format_lazy(
                "{}: {}",
                _("‘%(title)s’ is not ready to publish") % {"title": module.title},
                " ".join(str(item) for item in missing),
            ),
        )
    messages.error(request, _("Nothing was published. Complete the modules, then publish."))
    return redirect(action_class_instance.next_url)


# -- the dashboard: a trainer starts a new module from there ------------------------------------


@hooks.register("construct_homepage_panels")
def add_new_module_panel(request, panels):
    from .dashboard import NewModulePanel

    panel = NewModulePanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)


# -- the page editor: a save pressed during an autosave waits for it ----------------------------


@hooks.register("insert_editor_js")
def editor_save_after_autosave_js():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html(
        '<script src="{}" defer></script>', static("scenarios/js/editor-save-after-autosave.js")
    )
