from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates of passed modules: issued when training says an attempt passed."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from people.permissions import SuperuserOnlyPolicy
        from training.signals import attempt_passed

        from . import services
        from .models import Certificate

        # Platform admins view and revoke (change); nobody adds or deletes a certificate.
        revoke_only = SuperuserOnlyPolicy(Certificate, {"view", "change"})
        register_permission_policy(Certificate, revoke_only)

        attempt_passed.connect(
            services.on_attempt_passed, dispatch_uid="certificates.issue_on_attempt_passed"
        )
