"""Admin wiring of people: organisations, people and assignments (one "Organisation" menu), and
the staff import, offered in the HR menu that ``records`` builds."""

from wagtail import hooks

from .admin import imports, viewsets


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return viewsets.viewsets


@hooks.register("register_admin_urls")
def register_people_admin_urls():
    return imports.urlpatterns


@hooks.register("register_hr_menu_item")
def register_staff_import():
    return imports.menu_items
