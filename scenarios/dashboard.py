"""The trainer's start on the admin dashboard: a "New module" action for every catalogue the
user may add modules to (shown through the ``construct_homepage_panels`` hook)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .models import ModuleCatalogue, ModulePage


class NewModulePanel(Component):
    template_name = "scenarios/admin/new_module_panel.html"
    order = 50  # above Wagtail's own panels: it is what a trainer comes for

    def __init__(self, catalogues):
        self.catalogues = catalogues

    @classmethod
    def for_user(cls, user):
        """The panel, or None for a user who may not add modules anywhere (HR, learners)."""
        entries = []
        for catalogue in ModuleCatalogue.objects.live().order_by("path"):
            if not catalogue.permissions_for_user(user).can_add_subpage():
                continue
            entries.append(
                {
                    "catalogue": catalogue,
                    "add_url": reverse(
                        "wagtailadmin_pages:add",
                        args=[
                            ModulePage._meta.app_label,
                            ModulePage._meta.model_name,
                            catalogue.pk,
                        ],
                    ),
                    "explore_url": reverse("wagtailadmin_explore", args=[catalogue.pk]),
                }
            )
        return cls(entries) if entries else None

    def get_context_data(self, parent_context):
        return {"catalogues": self.catalogues, "several": len(self.catalogues) > 1}
