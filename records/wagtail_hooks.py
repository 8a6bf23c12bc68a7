"""Admin wiring of the records: the HR export and the audit log, and the "HR" menu, which also
holds what other apps offer HR (the staff import of ``people``, through the
``register_hr_menu_item`` hook)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from .admin import exports


@hooks.register("register_admin_urls")
def register_records_admin_urls():
    return exports.urlpatterns


@hooks.register("register_admin_menu_item")
def register_hr_menu():
    # Items decide for themselves who sees them (is_shown); the submenu hides when it is empty.
    items = list(exports.menu_items)
    for hook in hooks.get_hooks("register_hr_menu_item"):
        items.extend(hook())
    return SubmenuMenuItem(
        _("HR"), Menu(items=items), icon_name="group", name="training-hr", order=300
    )
