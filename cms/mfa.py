"""Two-step verification (an authenticator app, TOTP) for the roles that reach other people's
records or the content, and who may set up an app when.

Trainers, HR, programme coordinators, staff and superusers reach nothing but a short list of
pages (``MFA_EXEMPT_PATH_PREFIXES``: logging in and out, setting up or passing two-step
verification, password reset, the language switch, static files, the public certificate check)
until the current session has passed two-step verification. With an app, a session that never
asked for its code is logged out and sent to the login. Without one, they are sent to set it up.

Setting up an app with the password alone is allowed only in the session of the account's first
login (``AccountAdapter.login`` notes it): whoever logs in later with just the password could be
someone who learnt it, and an app of their own would make them two-step verified. In any later
session setting up takes a one-time link sent to the account's e-mail address. This holds for
everyone who sets up an app, learners and managers included (for them it is optional), so that an
account given a privileged role later never arrives with an app a password thief set up.
"""

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp import views as allauth_totp_views
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import base36_to_int, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from people.roles import is_privileged

# Where a privileged user is sent after setting up the authenticator (see the recovery codes page).
NEXT_SESSION_KEY = "mfa_next"
# The user id, in the session of that user's first login ever (set by cms.accounts).
FIRST_LOGIN_SESSION_KEY = "mfa_first_login"
# The user id, in a session that opened a valid set-up link sent to that user.
SETUP_LINK_SESSION_KEY = "mfa_setup_link_used"


def requires_mfa(user):
    """Whether the user must pass two-factor authentication (``people.roles.is_privileged``)."""
    return is_privileged(user)


def passed_mfa(request):
    """Whether this session's login included a two-factor step (allauth keeps the record)."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


def has_app(user):
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def exempt(path):
    """Whether a privileged user reaches ``path`` without two-step verification."""
    return path.startswith(settings.MFA_EXEMPT_PATH_PREFIXES)


def is_first_login_session(request):
    return request.session.get(FIRST_LOGIN_SESSION_KEY) == str(request.user.pk)


def may_set_up_app(request):
    """Whether this session may set up an authenticator app: the session of the first login,
    or one that opened a valid link from the person's mailbox."""
    user_id = str(request.user.pk)
    return is_first_login_session(request) or request.session.get(SETUP_LINK_SESSION_KEY) == user_id


class RequireTwoFactorMiddleware:
    """Keeps a privileged user without two-step verification in this session out of every page
    but the exempt ones (``MFA_EXEMPT_PATH_PREFIXES``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and not exempt(request.path)
            and requires_mfa(user)
            and not passed_mfa(request)
        ):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        next_path = request.get_full_path()
        if not has_app(request.user):
            if request.method == "GET":
                request.session[NEXT_SESSION_KEY] = next_path
            if is_first_login_session(request):
                messages.warning(
                    request,
                    _(
                        "Your role gives access to other people's records or to the content, so "
                        "two-step verification is required. Set up an authenticator app to "
                        "continue."
                    ),
                )
            # The set-up page shows the form, or explains how to get the e-mailed link.
            return redirect("mfa_activate_totp")
        # An authenticator exists, but this session never asked for its code.
        logout(request)
        messages.info(request, _("Log in again with the sign-in code from your authenticator app."))
        return redirect(f"{reverse('account_login')}?{urlencode({'next': next_path})}")


# -- the e-mailed set-up link --------------------------------------------------------------------


class SetupLinkTokenGenerator(PasswordResetTokenGenerator):
    """Signed tokens for the set-up link, bound to one user, valid ``MFA_SETUP_LINK_TIMEOUT``
    seconds. A token is void once any link of the user was used (the moment of the last use is
    signed), once the user has an app, and when the password or e-mail address changes."""

    key_salt = "cms.mfa.SetupLinkTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        from .models import TwoStepSetupLinkUse

        last_use = (
            TwoStepSetupLinkUse.objects.filter(user=user).values_list("used_at", flat=True).first()
        )
        return (
            f"{user.pk}{user.password}{user.email}{timestamp}"
            f"{has_app(user)}{last_use.isoformat() if last_use else ''}"
        )

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        try:
            made = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - made <= settings.MFA_SETUP_LINK_TIMEOUT


setup_link_tokens = SetupLinkTokenGenerator()


def use_setup_link(user, token):
    """Check the token and, when valid, spend it (and every earlier one). True when valid."""
    from .models import TwoStepSetupLinkUse

    with transaction.atomic():
        # One at a time per user: two tabs opening the same link cannot both spend it.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if not setup_link_tokens.check_token(user, token):
            return False
        TwoStepSetupLinkUse.objects.update_or_create(
            user=user, defaults={"used_at": timezone.now()}
        )
    return True


def setup_link_minutes():
    return max(1, settings.MFA_SETUP_LINK_TIMEOUT // 60)


@require_POST
@login_required
def send_setup_link(request):
    """The "send me the link" button: e-mails a one-time set-up link to the account's address."""
    user = request.user
    if has_app(user):
        return redirect("mfa_index")
    if not user.email:
        messages.error(
            request,
            _("Your account has no e-mail address. Ask a platform admin to add one."),
        )
        return redirect("mfa_activate_totp")
    limited = is_ratelimited(
        request,
        group="cms.mfa_setup_link",
        key="user",
        rate=settings.MFA_SETUP_LINK_RATE,
        method=ALL,
        increment=True,
    )
    if limited:
        messages.error(
            request,
            _(
                "You have asked for several links just now. Look in your mailbox (and the spam "
                "folder) or try again in a quarter of an hour."
            ),
        )
        return redirect("mfa_activate_totp")
    token = setup_link_tokens.make_token(user)
    link = request.build_absolute_uri(reverse("mfa_setup_link", args=[token]))
    get_account_adapter(request).send_mail(
        "mfa/email/setup_link",
        user.email,
        {"user": user, "link": link, "minutes": setup_link_minutes()},
    )
    messages.success(
        request,
        _(
            "We have sent a link to the e-mail address of your account. Open it within "
            "%(minutes)d minutes to set up the app."
        )
        % {"minutes": setup_link_minutes()},
    )
    return redirect("mfa_activate_totp")


@login_required
def open_setup_link(request, token):
    """The link from the e-mail: in a session of the user it was sent to, it opens the set-up
    of an authenticator app (once). Someone who is not logged in logs in first and comes back."""
    if has_app(request.user):
        return redirect("mfa_index")
    if not use_setup_link(request.user, token):
        messages.error(
            request,
            _(
                "This link cannot be used: it has expired, it was used already, or it was sent "
                "to another account. Ask for a new link below."
            ),
        )
        return redirect("mfa_activate_totp")
    request.session[SETUP_LINK_SESSION_KEY] = str(request.user.pk)
    messages.success(request, _("Your e-mail address is confirmed. Set up the app now."))
    return redirect("mfa_activate_totp")


class ActivateTOTPView(allauth_totp_views.ActivateTOTPView):
    """allauth's page for setting up the authenticator app, open only to a session that may set
    one up (``may_set_up_app``); any other session gets the page that offers the e-mailed link.
    Setting it up proves the person holds the app (they typed a valid code), so from then on the
    session counts as two-step verified and a trainer or HR user goes on to where they were
    heading."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not has_app(user) and not may_set_up_app(request):
            return render(
                request,
                "mfa/totp/setup_link.html",
                {
                    "minutes": setup_link_minutes(),
                    "has_email": bool(user.email),
                    "required": requires_mfa(user),
                },
            )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        record_authentication(
            self.request, self.request.user, "mfa", type=Authenticator.Type.TOTP, activated=True
        )
        self.request.session.pop(SETUP_LINK_SESSION_KEY, None)
        return response


activate_totp = ActivateTOTPView.as_view()
