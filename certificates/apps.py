from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates of passed modules: issued when training says an attempt passed."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from training.signals import attempt_passed

        from . import services

        attempt_passed.connect(
            services.on_attempt_passed, dispatch_uid="certificates.issue_on_attempt_passed"
        )
