from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Organisations, profiles, assignments, who sees whose records (``scope``), roles, the
    audit log and the staff import: the people the platform trains and who may see them."""

    name = "people"
    verbose_name = _("People")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import audit
        from .models import Assignment, AuditEntry, Organisation, Profile
        from .permissions import ProfilePermissionPolicy, SuperuserOnlyPolicy

        audit.connect()
        register_permission_policy(Organisation, SuperuserOnlyPolicy(Organisation))
        register_permission_policy(Assignment, SuperuserOnlyPolicy(Assignment))
        register_permission_policy(Profile, ProfilePermissionPolicy(Profile))
        # The audit log is read, never written, in the admin; by platform admins only.
        register_permission_policy(AuditEntry, SuperuserOnlyPolicy(AuditEntry, {"view"}))
