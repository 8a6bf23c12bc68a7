"""Admin wiring for authored content: the signal taxonomy as snippets, grouped in one menu."""

from django.utils.translation import gettext_lazy as _
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
