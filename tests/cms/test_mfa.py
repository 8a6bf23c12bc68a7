"""Two-step verification (TOTP): required for trainers, HR, programme coordinators, staff and
superusers before anything but logging in and setting it up; optional for everyone else. Setting
up an app with the password alone only in the session of the first login; later, through a
one-time link sent by e-mail."""

import datetime
import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from people import roles
from people.models import Organisation, Profile
from tests.factories import (
    SuperuserFactory,
    UserFactory,
    activate_totp,
    login_with_mfa,
    make_hr,
    make_organisation,
    make_trainer,
    totp_code,
)

pytestmark = pytest.mark.django_db

PASSWORD = "Ee3!veilig-wachtwoord"
# Every page but the exempt ones (MFA_EXEMPT_PATH_PREFIXES): pages added later are closed too.
PROTECTED_URLS = [
    "/admin/",
    "/admin/hr/export/",
    "/admin/profiles/",
    "/leren/",
    "/leren/teams/",
    "/leren/teams/overzicht.csv",
    "/leren/inzicht/",
    "/leren/certificaten/",
    "/leren/mijn-gegevens.json",
    "/account/2fa/",
    "/account/email/",
    "/account/password/change/",
    "/account/2fa/recovery-codes/generate/",
    "/documents/",
    "/",
]
PRIVILEGED_ROLES = ["trainer", "hr", "coordinator", "staff", "superuser"]


def make_user(role, catalogue):
    organisation = Organisation.objects.filter(slug="gemeente-test").first() or make_organisation(
        "Gemeente Test", "municipality"
    )
    if role == "trainer":
        user = make_trainer(catalogue)
    elif role == "hr":
        user = make_hr(organisation)
    elif role == "coordinator":
        user = UserFactory()
        user.groups.add(roles.ensure_groups()[roles.COORDINATORS])
    elif role == "staff":
        user = UserFactory(is_staff=True)
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    elif role == "superuser":
        user = SuperuserFactory()
    elif role == "manager":
        user = UserFactory()
        user.groups.add(roles.ensure_groups()[roles.MANAGERS])
    else:
        user = UserFactory()
    Profile.objects.filter(user=user).update(organisation=organisation)
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in_with_password(client, user, next_url=""):
    data = {"login": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/inloggen/", data)


@pytest.mark.parametrize("url", PROTECTED_URLS)
@pytest.mark.parametrize("role", PRIVILEGED_ROLES)
def test_a_privileged_user_without_an_authenticator_is_sent_to_set_one_up(
    client, catalogue, role, url
):
    user = make_user(role, catalogue)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the message is checked in English
    log_in_with_password(client, user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/totp/activate/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "two-step verification is required" in page.content.decode()


WHERE_THEY_WORK = {
    "trainer": "/admin/",
    "hr": "/admin/hr/export/",
    "coordinator": "/leren/inzicht/",
    "staff": "/admin/",
    "superuser": "/admin/",
}


@pytest.mark.parametrize("role", PRIVILEGED_ROLES)
def test_a_privileged_user_with_password_and_code_gets_through(client, catalogue, role):
    user = make_user(role, catalogue)
    secret = activate_totp(user)
    url = WHERE_THEY_WORK[role]
    response = log_in_with_password(client, user, next_url=url)
    assert response["Location"] == "/account/2fa/authenticate/"
    assert client.get(url).status_code == 302  # not in yet
    response = client.post("/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_a_wrong_code_keeps_the_user_out(client, catalogue):
    user = make_user("trainer", catalogue)
    secret = activate_totp(user)
    log_in_with_password(client, user, next_url="/admin/")
    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    response = client.post("/account/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"] == "/inloggen/?next=/admin/"


def test_a_session_that_skipped_the_code_must_log_in_again(client, catalogue):
    user = make_user("hr", catalogue)
    activate_totp(user)
    client.force_login(user)  # a login that never asked for the code
    response = client.get("/admin/hr/export/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=%2Fadmin%2Fhr%2Fexport%2F"
    assert "_auth_user_id" not in client.session


def test_the_test_helper_session_counts_as_two_step_verified(client, catalogue):
    user = make_user("hr", catalogue)
    login_with_mfa(client, user)
    assert client.get("/admin/hr/export/").status_code == 200


@pytest.mark.parametrize("role", ["learner", "manager"])
def test_learners_and_managers_are_not_forced_but_may_set_it_up(client, catalogue, role):
    user = make_user(role, catalogue)
    log_in_with_password(client, user)
    assert client.get("/leren/", follow=True).status_code == 200
    if role == "manager":
        assert client.get("/leren/teams/").status_code == 200
    page = client.get("/account/2fa/")
    assert page.status_code == 200
    assert 'href="/account/2fa/totp/activate/"' in page.content.decode()
    assert client.get("/account/2fa/totp/activate/").status_code == 200


def test_setting_up_the_app_lets_a_trainer_through_to_the_admin(client, catalogue):
    user = make_user("trainer", catalogue)
    log_in_with_password(client, user)
    assert client.get("/admin/pages/")["Location"] == "/account/2fa/totp/activate/"
    page = client.get("/account/2fa/totp/activate/")
    secret = page.context["form"].secret
    response = client.post("/account/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response["Location"] == "/account/2fa/recovery-codes/"
    codes_page = client.get("/account/2fa/recovery-codes/").content.decode()
    assert 'href="/admin/pages/"' in codes_page  # continue where they were going
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/admin/").status_code == 200


def test_a_privileged_user_cannot_switch_the_app_off(client, catalogue):
    user = make_user("trainer", catalogue)
    login_with_mfa(client, user)
    client.post("/account/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=user, type="totp").exists()


def test_a_recovery_code_works_once(client, catalogue):
    user = make_user("hr", catalogue)
    activate_totp(user)
    code = RecoveryCodes(
        Authenticator.objects.get(user=user, type="recovery_codes")
    ).get_unused_codes()[0]
    log_in_with_password(client, user, next_url="/admin/hr/export/")
    response = client.post("/account/2fa/authenticate/", {"code": code})
    assert response["Location"] == "/admin/hr/export/"
    assert client.get("/admin/hr/export/").status_code == 200
    client.post("/uitloggen/")
    log_in_with_password(client, user, next_url="/admin/hr/export/")
    response = client.post("/account/2fa/authenticate/", {"code": code})
    assert response.status_code == 200  # refused: that code was used
    assert "_auth_user_id" not in client.session


def test_nav_offers_two_step_verification_to_every_logged_in_user(client, catalogue):
    user = make_user("learner", catalogue)
    client.force_login(user)
    assert 'href="/account/2fa/"' in client.get("/leren/", follow=True).content.decode()


# A <script> without src: the pages may load scripts from the site (menu, copy button), never
# carry script in the page (the Content Security Policy would refuse it).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)", re.IGNORECASE)


def test_the_two_step_pages_carry_no_inline_script_or_style(client, catalogue):
    user = make_user("learner", catalogue)
    log_in_with_password(client, user)
    for url in ["/account/2fa/", "/account/2fa/totp/activate/"]:
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html) and "<style" not in html and "style=" not in html
    Group.objects.all()  # groups exist for the roles


# -- only the exempt pages without two-step verification --------------------------------------

EXEMPT_REQUESTS = [
    ("get", "/inloggen/", 302),  # a logged-in person is sent on from the login page
    ("get", "/uitloggen/", 200),  # the confirmation page
    ("get", "/account/password/reset/", 200),
    ("get", "/verify/", 200),
    ("post", "/i18n/setlang/", 302),
]


@pytest.mark.parametrize(("method", "url", "status"), EXEMPT_REQUESTS)
def test_a_privileged_user_without_two_step_reaches_the_exempt_pages(
    client, catalogue, method, url, status
):
    user = make_user("hr", catalogue)
    log_in_with_password(client, user)
    response = getattr(client, method)(url, {"language": "en", "next": "/inloggen/"})
    assert response.status_code == status
    assert response.get("Location") != "/account/2fa/totp/activate/"


def later_session(client, user):
    """Log in with the password in a session that is not the account's first login."""
    user.last_login = timezone.now() - datetime.timedelta(days=3)
    user.save(update_fields=["last_login"])
    log_in_with_password(client, user)
    assert client.session.get("_auth_user_id") == str(user.pk)
    return client


@pytest.mark.parametrize("role", PRIVILEGED_ROLES)
def test_the_first_login_of_a_privileged_user_goes_to_the_set_up_before_anything_else(
    client, catalogue, role
):
    user = make_user(role, catalogue)
    response = log_in_with_password(client, user)
    assert response.status_code == 302
    response = client.get(response["Location"])  # where the login leads: /leren/
    assert response["Location"] == "/account/2fa/totp/activate/"
    page = client.get("/account/2fa/totp/activate/")
    assert 'id="totp-activate-form"' in page.content.decode()


@pytest.mark.parametrize("role", PRIVILEGED_ROLES)
def test_a_later_session_without_an_app_gets_the_e_mail_link_instead_of_the_set_up(
    client, catalogue, role
):
    user = make_user(role, catalogue)
    later_session(client, user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/leren/teams/")["Location"] == "/account/2fa/totp/activate/"
    page = client.get("/account/2fa/totp/activate/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="totp-activate-form"' not in html
    assert 'id="authenticator_secret"' not in html  # no key to put in an app
    assert "Send me the link" in html
    assert 'action="/account/2fa/totp/link/"' in html


@pytest.mark.parametrize("role", ["trainer", "learner", "manager"])
def test_no_allauth_address_sets_up_an_app_in_a_later_session_without_the_link(
    client, catalogue, role
):
    """Not the set-up page (even with a secret in the session and its right code), nor the
    recovery codes: whoever has only the password cannot make the account two-step verified."""
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, generate_totp_secret

    user = make_user(role, catalogue)
    later_session(client, user)
    secret = generate_totp_secret()
    session = client.session
    session[SECRET_SESSION_KEY] = secret
    session.save()
    for url in ["/account/2fa/totp/activate/", "/account/2fa/webauthn/add/"]:
        client.post(url, {"code": totp_code(secret)})
    client.post("/account/2fa/recovery-codes/generate/")
    assert not Authenticator.objects.filter(user=user).exists()
    assert client.get("/admin/").status_code in (302, 403)


def test_learners_may_set_up_the_app_in_their_first_session(client, catalogue):
    user = make_user("learner", catalogue)
    log_in_with_password(client, user)
    page = client.get("/account/2fa/totp/activate/")
    secret = page.context["form"].secret
    client.post("/account/2fa/totp/activate/", {"code": totp_code(secret)})
    assert Authenticator.objects.filter(user=user, type="totp").exists()


def sent_link():
    (message,) = mail.outbox
    match = re.search(r"http://testserver(/account/2fa/totp/link/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def shows_the_set_up_form(client):
    html = client.get("/account/2fa/totp/activate/").content.decode()
    return 'id="totp-activate-form"' in html


def set_up_app(client):
    page = client.get("/account/2fa/totp/activate/")
    secret = page.context["form"].secret
    return client.post("/account/2fa/totp/activate/", {"code": totp_code(secret)})


def test_the_e_mailed_link_lets_a_later_session_set_up_the_app_and_get_in(client, catalogue):
    user = make_user("hr", catalogue)
    later_session(client, user)
    client.get("/leren/teams/")  # where they were heading
    response = client.post("/account/2fa/totp/link/")
    assert response["Location"] == "/account/2fa/totp/activate/"
    assert mail.outbox[0].to == [user.email]
    link = sent_link()
    response = client.get(link)
    assert response["Location"] == "/account/2fa/totp/activate/"
    response = set_up_app(client)
    assert response["Location"] == "/account/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert 'href="/leren/teams/"' in client.get("/account/2fa/recovery-codes/").content.decode()
    assert client.get("/leren/teams/").status_code == 200


def test_the_link_works_once(client, catalogue):
    user = make_user("trainer", catalogue)
    later_session(client, user)
    client.post("/account/2fa/totp/link/")
    link = sent_link()
    client.get(link)
    client.post("/uitloggen/")
    later_session(client, user)
    client.get(link)  # the second time: nothing opens
    assert not shows_the_set_up_form(client)


def test_an_expired_link_opens_nothing(client, catalogue, monkeypatch):
    from cms.mfa import setup_link_tokens

    user = make_user("trainer", catalogue)
    later_session(client, user)
    client.post("/account/2fa/totp/link/")
    link = sent_link()
    real_now = setup_link_tokens._now()
    monkeypatch.setattr(
        setup_link_tokens, "_now", lambda: real_now + datetime.timedelta(minutes=31)
    )
    client.get(link)
    assert not shows_the_set_up_form(client)


def test_a_link_opens_nothing_for_another_account(client, catalogue):
    owner = make_user("trainer", catalogue)
    later_session(client, owner)
    client.post("/account/2fa/totp/link/")
    link = sent_link()
    client.post("/uitloggen/")
    other = make_user("hr", catalogue)
    later_session(client, other)
    client.get(link)
    assert not shows_the_set_up_form(client)


def test_a_link_opened_before_logging_in_works_after_the_login(client, catalogue):
    user = make_user("coordinator", catalogue)
    later_session(client, user)
    client.post("/account/2fa/totp/link/")
    link = sent_link()
    client.post("/uitloggen/")
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=/account/2fa/totp/link/")
    response = log_in_with_password(client, user, next_url=link)
    assert response["Location"] == link
    client.get(link)
    assert set_up_app(client)["Location"] == "/account/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=user, type="totp").exists()


def test_without_an_e_mail_address_the_page_says_to_ask_an_admin(client, catalogue):
    user = make_user("hr", catalogue)
    user.email = ""
    user.save()
    later_session(client, user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/account/2fa/totp/activate/").content.decode()
    assert "Ask a platform admin" in html
    assert "Send me the link" not in html
    client.post("/account/2fa/totp/link/")
    assert mail.outbox == []


def test_asking_for_many_links_sends_three(client, catalogue):
    user = make_user("hr", catalogue)
    later_session(client, user)
    for _ in range(5):
        assert client.post("/account/2fa/totp/link/").status_code == 302
    assert len(mail.outbox) == 3


def test_the_link_is_only_sent_by_a_post(client, catalogue):
    user = make_user("hr", catalogue)
    later_session(client, user)
    assert client.get("/account/2fa/totp/link/").status_code == 405
    assert mail.outbox == []


def test_the_link_page_carries_no_inline_script_or_style(client, catalogue):
    user = make_user("learner", catalogue)
    later_session(client, user)
    html = client.get("/account/2fa/totp/activate/").content.decode()
    assert not INLINE_SCRIPT.search(html) and "<style" not in html and "style=" not in html


def test_a_link_opened_long_after_the_login_asks_for_the_password_first(client, catalogue):
    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

    user = make_user("hr", catalogue)
    later_session(client, user)
    client.post("/account/2fa/totp/link/")
    session = client.session
    for record in session[AUTHENTICATION_METHODS_SESSION_KEY]:
        record["at"] -= 600  # logged in ten minutes ago
    session.save()
    client.get(sent_link())
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/account/2fa/totp/activate/"
    assert shows_the_set_up_form(client)
