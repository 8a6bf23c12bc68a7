"""Logging in as a person would: a trainer with the authenticator app's code reaches the admin,
an HR user without an app is sent to set one up, and five wrong passwords lock the account."""

import pytest

from .helpers import BROWSER_TEST, axe, complete_two_step, login

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


def test_an_hr_user_without_the_app_is_sent_to_set_it_up_and_then_gets_in(new_page, live_server):
    from tests.factories import make_hr, make_organisation, totp_code

    with_password(make_hr(make_organisation("Gemeente Oss"), username="e2e-2fa-hr"))
    page = new_page()
    login(page, "e2e-2fa-hr", PASSWORD)
    page.goto("/admin/hr/export/")
    assert "/account/2fa/totp/activate/" in page.url
    assert page.locator(".messages").inner_text().strip()  # says why
    axe(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(totp_code(secret))
    with page.expect_navigation():
        page.locator("#totp-activate-form button[type=submit]").click()
    assert "/account/2fa/recovery-codes/" in page.url
    assert page.locator(".recovery-codes li").count() == 10
    axe(page)
    with page.expect_navigation():
        page.locator("#mfa-continue").click()
    assert page.url.endswith("/admin/hr/export/")


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
