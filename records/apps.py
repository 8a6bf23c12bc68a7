from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """What managers, HR and programme coordinators see of the training records: status,
    dashboards, figures, the HR export, reminders, retention and the personal-data download."""

    name = "records"
    verbose_name = _("Training records")

    def ready(self):
        from . import retention

        retention.connect()
