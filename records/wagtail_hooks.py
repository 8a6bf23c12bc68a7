"""Admin wiring of the records: the HR export and the audit log, the "HR" menu, which also holds
what other apps offer HR (the staff import of ``people``, through the ``register_hr_menu_item``
hook), and the "Statistics" action on modules for trainers."""

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


# -- item statistics: a "Statistics" action on each module, for those who may edit it ----------


def _statistics_button(page, user, priority):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from scenarios.models import ModulePage

    from .item_statistics_views import may_see_statistics

    if not issubclass(page.specific_class or type(page), ModulePage):
        return None
    if not may_see_statistics(user, page):
        return None
    return Button(
        _("Statistics"),
        reverse("scenarios_item_statistics", args=[page.pk]),
        icon_name="table",
        priority=priority,
        attrs={
            "title": _("Anonymous answer statistics of ‘%(title)s’") % {"title": page.title},
            # Also a button of its own in the page editor's header, not only in the ⋯ menu
            # (cms.templatetags.admin_header_tags).
            "data-header-shortcut": "",
        },
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
