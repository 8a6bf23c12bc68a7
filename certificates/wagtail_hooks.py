"""Admin wiring: platform admins list certificates and revoke one (a certificate issued in
error); nobody adds or deletes them here, they are issued by passing a module (the policy is
registered in ``CertificatesConfig.ready``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Certificate


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "success"
    menu_label = _("Certificates")
    menu_order = 295
    add_to_admin_menu = True
    form_fields = ["revoked"]
    list_display = [
        Column("learner_name", label=_("Name"), sort_key="learner_name"),
        Column("module_title", label=_("Module")),
        Column("issued_on", label=_("Issued on"), sort_key="issued_on"),
        Column("valid_until", label=_("Valid until"), sort_key="valid_until"),
        Column("code", label=_("Verification code")),
        BooleanColumn("revoked", label=_("Revoked")),
    ]
    list_filter = ["revoked"]
    search_fields = ["learner_name", "module_title", "code"]
    ordering = ["-issued_on", "-pk"]


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    # Its own URL namespace: "certificates" is the learner and verification pages' namespace.
    return CertificateViewSet("certificates_admin", url_prefix="certificates")
