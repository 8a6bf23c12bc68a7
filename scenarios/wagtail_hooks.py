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
