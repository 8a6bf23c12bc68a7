"""Logging in as a person would: a trainer with the authenticator app's code reaches the admin,
an HR user's first login goes to setting up the app before anything else, a later login without
an app sets it up through an e-mailed link, a learner at /admin/ gets a page that leads to the
modules, the admin logs out by its button only, and five wrong passwords lock the account."""

import pytest

from tests.e2e.helpers import BROWSER_TEST, admin_login, axe, complete_two_step, login

pytestmark = BROWSER_TEST

PASSWORD = "Ee3!e2e-wachtwoord"


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def trainer_with_app(live_server):
    from tests.factories import activate_totp, make_trainer, site_with_catalogue

    trainer = with_password(make_trainer(site_with_catalogue(), username="e2e-2fa-trainer"))
    return trainer, activate_totp(trainer)


def test_a_trainer_logs_in_with_the_code_from_the_app_and_reaches_the_admin(
    new_page, trainer_with_app
):
    page = new_page()
    page.goto("/admin/")
    assert "/inloggen/?next=/admin/" in page.url
    axe(page)
    page.locator("#id_login").fill("e2e-2fa-trainer")
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#login-form button[type=submit]").click()
    assert "/account/2fa/authenticate/" in page.url
    axe(page)
    # A wrong code is refused with a message tied to the field.
    page.locator("#id_code").fill("12345x")
    with page.expect_navigation():
        page.locator("#mfa-form button[type=submit]").click()
    assert "/account/2fa/authenticate/" in page.url
    assert page.locator("#id_code").get_attribute("aria-invalid") == "true"
    axe(page)
    complete_two_step(page, trainer_with_app[1])
    assert page.url.endswith("/admin/")


def set_up_the_app(page):
    """On the set-up page: type the code of the key shown, save the recovery codes, continue."""
    secret = page.locator("#authenticator_secret").inner_text().replace(" ", "")
    page.locator("#id_code").fill(totp_code(secret))
    with page.expect_navigation():
        page.locator("#totp-activate-form button[type=submit]").click()
    assert "/account/2fa/recovery-codes/" in page.url
    assert page.locator(".recovery-codes li").count() == 10
    axe(page)
    with page.expect_navigation():
        page.locator("#mfa-continue").click()


def totp_code(secret):
    from tests.factories import totp_code as code

    return code(secret)


def test_the_first_login_of_an_hr_user_goes_to_the_set_up_before_anything_else(
    new_page, live_server
):
    from tests.factories import make_hr, make_organisation

    with_password(make_hr(make_organisation("Gemeente Oss"), username="e2e-2fa-hr"))
    page = new_page()
    login(page, "e2e-2fa-hr", PASSWORD)
    # Straight from the login to the set-up, with a message that says why.
    assert "/account/2fa/totp/activate/" in page.url
    assert page.locator(".messages").inner_text().strip()
    axe(page)
    for elsewhere in ("/leren/teams/", "/admin/hr/export/", "/leren/"):
        page.goto(elsewhere)
        assert "/account/2fa/totp/activate/" in page.url, elsewhere
    set_up_the_app(page)
    assert page.url.endswith("/leren/")  # where the last page they tried was
    page.goto("/admin/hr/export/")
    assert page.url.endswith("/admin/hr/export/")


def test_a_later_login_without_the_app_sets_it_up_through_the_e_mailed_link(new_page, live_server):
    import re

    from django.core import mail
    from django.utils import timezone

    from tests.factories import make_hr, make_organisation

    hr = with_password(make_hr(make_organisation("Gemeente Uden"), username="e2e-2fa-later"))
    hr.last_login = timezone.now()  # has logged in before; the admin removed a lost app since
    hr.save(update_fields=["last_login"])
    page = new_page()
    login(page, "e2e-2fa-later", PASSWORD)
    page.goto("/leren/teams/")
    assert "/account/2fa/totp/activate/" in page.url
    assert page.locator("#authenticator_secret").count() == 0  # no key without the link
    assert page.locator("#setup-link-explanation").is_visible()
    axe(page)
    with page.expect_navigation():
        page.locator("#setup-link-form button[type=submit]").click()
    assert page.locator(".messages").inner_text().strip()
    axe(page)
    (message,) = mail.outbox
    assert message.to == [hr.email]
    link = re.search(r"https?://\S+/account/2fa/totp/link/\S+/", message.body).group(0)
    page.goto(link)
    assert "/account/2fa/totp/activate/" in page.url
    set_up_the_app(page)
    assert page.url.endswith("/leren/teams/")


def test_a_learner_at_the_admin_gets_a_page_that_leads_to_the_modules(new_page, live_server):
    from tests.factories import UserFactory

    with_password(UserFactory(username="e2e-admin-learner"))
    page = new_page()
    login(page, "e2e-admin-learner", PASSWORD)
    response = page.goto("/admin/")
    assert response.status == 403
    assert page.url.endswith("/admin/")  # no redirect loop
    assert page.locator("#admin-forbidden-message").is_visible()
    axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Naar mijn modules").click()
    assert page.url.endswith("/leren/")


def test_the_admin_log_out_button_logs_out_and_a_get_does_not(new_page, trainer_with_app):
    page = new_page()
    admin_login(page, "e2e-2fa-trainer", PASSWORD)
    # Opening the logout address (a link, an image) leaves the session alone.
    response = page.goto("/admin/logout/")
    assert response.status == 405
    page.goto("/admin/")
    assert page.url.endswith("/admin/")
    page.locator(".sidebar-footer__account").click()  # the account menu, bottom left
    with page.expect_navigation():
        page.locator("form[action='/admin/logout/'] button").click()
    assert "/inloggen/" in page.url
    page.goto("/admin/")
    assert "/inloggen/?next=/admin/" in page.url


def test_five_wrong_passwords_lock_the_account_with_a_message(new_page, live_server):
    from tests.factories import UserFactory

    with_password(UserFactory(username="e2e-locked"))
    page = new_page()
    page.goto("/inloggen/")
    statuses = []
    for _attempt in range(5):
        page.locator("#id_login").fill("e2e-locked")
        page.locator("#id_password").fill("fout-wachtwoord")
        with page.expect_navigation() as navigation:
            page.locator("#login-form button[type=submit]").click()
        statuses.append(navigation.value.status)
    assert statuses == [200, 200, 200, 200, 429]
    assert page.locator("#lockout-message").is_visible()
    axe(page)
    # The right password does not lift the lockout.
    page.goto("/inloggen/")
    page.locator("#id_login").fill("e2e-locked")
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation() as navigation:
        page.locator("#login-form button[type=submit]").click()
    assert navigation.value.status == 429
    assert page.locator("#lockout-message").is_visible()


def test_the_login_page_works_at_320_pixels(new_page, live_server):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto("/inloggen/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe(page)


def test_a_learner_sets_up_the_app_on_a_phone_sized_screen(new_page, live_server):
    from tests.factories import UserFactory

    with_password(UserFactory(username="e2e-2fa-learner"))
    page = new_page(viewport={"width": 320, "height": 640})
    login(page, "e2e-2fa-learner", PASSWORD)
    page.goto("/account/2fa/")
    axe(page)
    with page.expect_navigation():
        page.locator("a[href='/account/2fa/totp/activate/']").last.click()
    assert "/account/2fa/totp/activate/" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe(page)
