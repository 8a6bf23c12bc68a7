from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    default = True  # the module also holds UsersConfig, for the wagtailusers app
    name = "cms"
    verbose_name = _("Site")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management with the project's user forms (``cms.users``)."""

    user_viewset = "cms.users.UserViewSet"
