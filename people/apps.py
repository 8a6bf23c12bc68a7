from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Organisations, profiles, assignments, who sees whose records (``scope``), roles, the
    audit log and the staff import: the people the platform trains and who may see them."""

    name = "people"
    verbose_name = _("People")

    def ready(self):
        from . import audit

        audit.connect()
