"""Admin wiring for the training app: viewsets, HR export and import, in one "Training" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from .admin import exports, imports, viewsets


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return viewsets.viewsets


@hooks.register("register_admin_urls")
def register_training_admin_urls():
    return exports.urlpatterns + imports.urlpatterns


@hooks.register("register_admin_menu_item")
def register_training_menu():
    # Items decide for themselves who sees them (is_shown); the submenu hides when it is empty.
    items = exports.menu_items + imports.menu_items
    return SubmenuMenuItem(
        _("HR"), Menu(items=items), icon_name="group", name="training-hr", order=300
    )
