"""The page editor's form for modules: tells the page when Wagtail defers validation."""

from wagtail.admin.forms import WagtailAdminPageForm


class ModulePageForm(WagtailAdminPageForm):
    """On "save draft" and in the preview Wagtail defers required fields
    (``defer_required_fields``); the module page then skips its completeness rules as well
    (``ModulePage.clean``, ``scenarios.validation``), so a draft saves with what is there."""

    def defer_required_fields(self):
        super().defer_required_fields()
        self.instance.is_deferred_validation = True

    def restore_required_fields(self):
        super().restore_required_fields()
        self.instance.is_deferred_validation = False
