"""Admin wiring for authored content: the signal taxonomy as snippets, grouped in one menu, and
the "Statistics" action on modules (``scenarios.views``)."""

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


# -- item statistics: a "Statistics" action on each module, for those who may edit it ----------


def _statistics_button(page, user, priority):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .models import ModulePage
    from .views import may_see_statistics

    if not issubclass(page.specific_class or type(page), ModulePage):
        return None
    if not may_see_statistics(user, page):
        return None
    return Button(
        _("Statistics"),
        reverse("scenarios_item_statistics", args=[page.pk]),
        icon_name="table",
        priority=priority,
        attrs={"title": _("Anonymous answer statistics of ‘%(title)s’") % {"title": page.title}},
    )


@hooks.register("register_page_header_buttons")
def register_statistics_header_button(page, user, view_name=None, next_url=None):
    button = _statistics_button(page, user, priority=66)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def register_statistics_listing_button(page, user, next_url=None):
    button = _statistics_button(page, user, priority=55)
    if button:
        yield button


# -- the hotspot drawing tool's picture --------------------------------------------------------


@hooks.register("register_admin_urls")
def register_hotspot_image_url():
    from django.urls import path

    from .hotspot_views import hotspot_image

    return [path("scenarios/hotspot-image/<int:image_id>/", hotspot_image, name="hotspot_image")]
