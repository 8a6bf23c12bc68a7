from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    default = True  # the module also holds UsersConfig, for the wagtailusers app
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using="default", **kwargs):
    """The database cache (rate limits, when no REDIS_URL is set) needs its table: every
    ``migrate`` makes sure it exists, so no deployment step can be forgotten. Does nothing for
    other cache backends."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management with the project's user forms (``cms.users``)."""

    user_viewset = "cms.users.UserViewSet"
