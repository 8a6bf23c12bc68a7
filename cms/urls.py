from allauth.account import views as account_views
from django.conf import settings
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from records import item_statistics_views

from . import accounts, health, mfa


class FaviconRedirect(RedirectView):
    """/favicon.ico, for clients that ask for it without reading the page's icon links. The
    address is looked up per request: with the manifest storage of production it exists only
    after collectstatic, which `manage.py check` may precede."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static_url("icons/favicon.ico")


urlpatterns = [
    # For the load balancer: database, cache and task queue (cms.health).
    path("health/", health.health, name="health"),
    # Before the admin's own URLs: the admin answers a user without admin access with a login
    # redirect, while a learner, manager or HR user asking for item statistics gets a 403.
    path(
        "admin/scenarios/statistieken/<int:page_id>/",
        item_statistics_views.item_statistics_view,
        name="scenarios_item_statistics",
    ),
    # The admin's own login form would be a second door past two-step verification: closed.
    path("admin/login/", accounts.admin_login, name="wagtailadmin_login"),
    # Logging out of the admin is a POST through the site's logout (Wagtail's view would end
    # the session on a GET too).
    path("admin/logout/", accounts.admin_logout, name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # allauth (two-step verification, password reset, SSO) under /account/; its login and
    # logout (a POST) at the site's own addresses, under both names. The later pattern wins
    # reverse(), so "account_login" also leads to /inloggen/.
    # Setting up the authenticator app also marks the session as two-step verified, and after
    # the first login it takes a link sent by e-mail (cms.mfa).
    path("account/2fa/totp/activate/", mfa.activate_totp, name="mfa_activate_totp"),
    path("account/2fa/totp/link/", mfa.send_setup_link, name="mfa_setup_link_send"),
    path("account/2fa/totp/link/<str:token>/", mfa.open_setup_link, name="mfa_setup_link"),
    path("account/", include("allauth.urls")),
    path("inloggen/", account_views.login, name="login"),
    path("inloggen/", account_views.login, name="account_login"),
    path("uitloggen/", account_views.logout, name="logout"),
    path("uitloggen/", account_views.logout, name="account_logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Pages name their icons (templates/base.html); this is for clients that ask the old way.
    path("favicon.ico", FaviconRedirect.as_view()),
    path("leren/", include("training.urls")),
    path("leren/", include("records.urls")),
    path("scan/", include("scan.urls")),
    # /leren/certificaten/… for learners, /verify/… public: before Wagtail's catch-all.
    path("", include("certificates.urls")),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# A database that does not answer (restarting) is a 503 with Retry-After, any other error a 500.
handler500 = "cms.errors.server_error"
