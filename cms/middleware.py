"""Request and response middleware: the language, the security headers, keeping pages for
logged-in people out of every cache, and the admin's door for logged-in people without admin
access."""

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """Activates the language from the language-switch cookie, else Dutch.

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: the modules are
    written in Dutch, so an English interface around them should be a choice, not an accident
    of a browser's settings.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class SecurityHeadersMiddleware(ContentSecurityPolicyMiddleware):
    """Django's Content Security Policy, with the admin's own policy under /admin/ (Wagtail's
    editor needs inline scripts and styles; learner pages get none), plus a Permissions-Policy
    that switches off browser features nothing here uses."""

    def process_response(self, request, response):
        # A Wagtail preview renders a learner page inside the editor's iframe, through a
        # request that carries the page's own path: it gets the admin's policy too.
        in_admin = request.path.startswith(settings.ADMIN_PATH_PREFIXES) or getattr(
            request, "is_preview", False
        )
        if in_admin and not hasattr(response, "_csp_config"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return super().process_response(request, response)


class PrivatePagesMiddleware:
    """Every response to a logged-in person gets ``Cache-Control: private, no-store``, unless
    the view chose a Cache-Control of its own: their pages show their answers, results,
    certificates or their team's records, which no shared proxy may keep and no browser should
    write to disk (a shared computer's back button or disk cache would show them to the next
    user). Anonymous pages are left to the views (the verification page sets it itself)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if "Cache-Control" not in response.headers and user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "private, no-store"
        return response


class AdminAccessMiddleware:
    """A logged-in learner, manager or coordinator who opens any /admin/ page gets a 403 page in
    the site's layout with a way to their modules. Wagtail would send them to the login page,
    which sends a logged-in person straight back to /admin/: a redirect loop. Visitors who are
    not logged in still go to the login; logging out (/admin/logout/) stays open to everyone."""

    LOGOUT_PATH = "/admin/logout/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(settings.ADMIN_PATH_PREFIXES)
            and request.path != self.LOGOUT_PATH
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "cms/admin_forbidden.html", status=403)
        return self.get_response(request)
