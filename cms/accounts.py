"""How allauth treats accounts here: no sign-up of local accounts (people come from the HR
import or an admin), and single sign-on users get learner rights and nothing more."""

import time

from allauth.account import app_settings as account_settings
from allauth.account import forms as allauth_forms
from allauth.account import views as account_views
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _

from people.roles import LEARNERS


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails (a password reset) greet and sign with the site's name, not the
        host name the request came to (templates/account/email/base_message.txt); the sender is
        ``DEFAULT_FROM_EMAIL``."""
        context = {**context, "site_name": settings.WAGTAIL_SITE_NAME}
        super().send_mail(template_prefix, email, context)

    def is_open_for_signup(self, request):
        """Nobody signs up with a password: accounts come from the HR import and admins."""
        return False

    def pre_authenticate(self, request, **credentials):
        """allauth counts failed passwords per username (from any address) and per address; a
        counter per username lets anyone lock a colleague out from elsewhere. django-axes alone
        counts them, per username and address together (``AXES_LOCKOUT_PARAMETERS``), so this
        consumes nothing. allauth's "login_failed" limit still guards two-step codes."""
        self._login_failed_rl_usage = None

    def login(self, request, user):
        """Log in, noting in the session when this is the account's first login ever: only that
        session may set up an authenticator app with the password alone (``cms.mfa``). Read
        before Django's ``update_last_login`` fills in ``last_login``."""
        from .mfa import FIRST_LOGIN_SESSION_KEY

        first = user.last_login is None
        super().login(request, user)
        if first:
            request.session[FIRST_LOGIN_SESSION_KEY] = str(user.pk)

    def is_reauthentication_required(self, *, app, **kwargs):
        """Changing two-step settings asks for the password again, unless the person logged in
        (or confirmed) within the last few minutes: setting up the authenticator app right
        after logging in, as a trainer or HR user is made to, does not ask twice."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = self.request or context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        recent = [r["at"] for r in records if isinstance(r.get("at"), int | float)]
        return not recent or time.time() - max(recent) > account_settings.REAUTHENTICATION_TIMEOUT


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        """A colleague who signs in through the organisation's identity provider for the first
        time gets an account (as a learner, see ``save_user``)."""
        return True

    @transaction.atomic
    def save_user(self, request, sociallogin, form=None):
        """A user created through SSO is a learner only: never staff or superuser, and no group
        but Learners, whatever the provider's claims say. Admins grant other roles by hand."""
        user = super().save_user(request, sociallogin, form)
        changed = user.is_staff or user.is_superuser
        user.is_staff = False
        user.is_superuser = False
        if changed:
            user.save(update_fields=["is_staff", "is_superuser"])
        learners, _created = Group.objects.get_or_create(name=LEARNERS)
        user.groups.set([learners])
        user.user_permissions.clear()
        return user


def axes_username(request, credentials=None):
    """The name django-axes counts failed logins under: what the person typed in the login field
    (a username or an e-mail address), in lower case, so that changing the case of a name does
    not start a fresh count."""
    value = None
    if credentials:
        value = credentials.get("username") or credentials.get("email")
    if not value and request is not None:
        data = getattr(request, "POST", {}) or {}
        value = data.get("login") or data.get("username")
    return (value or "").strip().lower() or None


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        """A role that requires two-step verification cannot switch off its authenticator app
        (it can set up a new one by asking an admin to remove the old one)."""
        from .mfa import requires_mfa

        if authenticator.type == Authenticator.Type.TOTP and requires_mfa(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)


def admin_login(request):
    """The Wagtail admin's login URL, closed: whatever the method, it sends the person to the
    site's one login (password or SSO, then two-step verification), keeping a safe ``next``."""
    next_url = request.GET.get("next") or request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    query = urlencode({"next": next_url or reverse("wagtailadmin_home")})
    return HttpResponseRedirect(f"{reverse('login')}?{query}")


def admin_logout(request):
    """The Wagtail admin's "Log out" (a POST) goes through the site's logout, as /uitloggen/
    does, and lands on the login page. Wagtail's own view would end the session on a GET too
    (while answering 405): a link or an image could log anyone out. A GET here changes nothing
    and answers 405 with the site's "Log out?" page, whose button posts."""
    if request.method == "POST":
        return account_views.logout(request)
    response = render(request, "account/logout.html", status=405)
    response["Allow"] = "POST"
    return response


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the site's page with the message, status 429
    (Too Many Requests), and how many minutes to wait."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    return render(
        request,
        "account/lockout.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form with the cursor in the first field, as the old login page had."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or e-mail address")
        self.fields["login"].widget.attrs.update(autofocus=True, autocomplete="username")
        self.fields["login"].widget.attrs.pop("placeholder", None)
        if "password" in self.fields:
            self.fields["password"].widget.attrs.pop("placeholder", None)  # the label says it
            # allauth links "Forgot your password?" from the password's help text, between the
            # two fields in the tab order; the page links it after the form instead.
            self.fields["password"].help_text = ""


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    """allauth's "forgot your password" form, with a label that says what to type and no
    placeholder repeating it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].widget.attrs.pop("placeholder", None)


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' check, first among the authentication backends: it refuses a locked-out
    username+IP before any password is checked, on every login that comes with a request (the
    login page, allauth's other addresses, Wagtail, anything calling ``authenticate(request,
    …)``). A call without a request (``Client.login`` in tests, a shell) comes from no client
    address and cannot be counted; it is left to the next backends instead of failing."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
