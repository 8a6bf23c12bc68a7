"""Two-factor authentication for the roles that reach other people's records or the content.

Trainers, HR, programme coordinators, staff and superusers reach the Wagtail admin, the exports
and the insights only after passing two-factor authentication (an authenticator app, TOTP) in
the current session. Without an authenticator they are sent to set one up; with one, but in a
session that never asked for its code, they log in again. Learners and managers may turn it on.
"""

from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp import views as allauth_totp_views
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from cms.roles import COORDINATORS, HR, TRAINERS, group_names

PRIVILEGED_GROUPS = frozenset({TRAINERS, HR, COORDINATORS})
# Where a privileged user is sent after setting up the authenticator (see the recovery codes page).
NEXT_SESSION_KEY = "mfa_next"


def requires_mfa(user):
    """Whether the user must pass two-factor authentication before the privileged pages."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or bool(PRIVILEGED_GROUPS & group_names(user))


def passed_mfa(request):
    """Whether this session's login included a two-factor step (allauth keeps the record)."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


def needs_mfa_for(path):
    return path.startswith(settings.MFA_REQUIRED_PATH_PREFIXES)


class RequireTwoFactorMiddleware:
    """Stops a privileged user without a two-factor login at the admin, exports and insights."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and needs_mfa_for(request.path)
            and requires_mfa(user)
            and not passed_mfa(request)
        ):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        next_path = request.get_full_path()
        if not is_mfa_enabled(request.user, [Authenticator.Type.TOTP]):
            request.session[NEXT_SESSION_KEY] = next_path
            messages.warning(
                request,
                _(
                    "Your role gives access to other people's records or to the content, so "
                    "two-step verification is required. Set up an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        # An authenticator exists, but this session never asked for its code.
        logout(request)
        messages.info(request, _("Log in again with the code from your authenticator app."))
        return redirect(f"{reverse('account_login')}?{urlencode({'next': next_path})}")


class ActivateTOTPView(allauth_totp_views.ActivateTOTPView):
    """allauth's page for setting up the authenticator app. Setting it up proves the person
    holds the app (they typed a valid code), so from then on the session counts as two-step
    verified and a trainer or HR user goes on to where they were heading."""

    def form_valid(self, form):
        response = super().form_valid(form)
        record_authentication(
            self.request, self.request.user, "mfa", type=Authenticator.Type.TOTP, activated=True
        )
        return response


activate_totp = ActivateTOTPView.as_view()
