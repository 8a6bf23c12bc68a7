from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScanConfig(AppConfig):
    """The resilience self-scan (weerbaarheidsscan) for management teams and colleges: the scan
    as trainers author it, the rounds a coordinator opens for an organisation, anonymous answers
    and the results that start the team's conversation."""

    name = "scan"
    verbose_name = _("Resilience scan")
