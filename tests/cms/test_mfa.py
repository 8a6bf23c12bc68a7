"""Two-step verification (TOTP): required for trainers, HR, programme coordinators, staff and
superusers before the admin, the exports and the insights; optional for everyone else."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from cms import roles
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
from training.models import Profile

pytestmark = pytest.mark.django_db

PASSWORD = "Ee3!veilig-wachtwoord"
PROTECTED_URLS = ["/admin/", "/admin/hr/export/", "/leren/teams/overzicht.csv", "/leren/inzicht/"]
PRIVILEGED_ROLES = ["trainer", "hr", "coordinator", "staff", "superuser"]


def make_user(role, catalogue):
    organisation = make_organisation("Gemeente Test", "municipality")
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


def test_the_two_step_pages_carry_no_inline_script_or_style(client, catalogue):
    user = make_user("learner", catalogue)
    log_in_with_password(client, user)
    for url in ["/account/2fa/", "/account/2fa/totp/activate/"]:
        html = client.get(url).content.decode()
        assert "<script" not in html and "<style" not in html and "style=" not in html
    Group.objects.all()  # groups exist for the roles
