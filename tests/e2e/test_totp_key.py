"""The key for typing into an authenticator app by hand, on the set-up page of two-step
verification: shown whole (it was cut off after 21 of 32 characters), in groups of four, as
selectable text, with a copy button that copies it without the spaces. Checked on a phone and a
desktop, with axe, and without JavaScript (no button, the key still whole)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll, login

pytestmark = BROWSER_TEST

PASSWORD = "Ee3!e2e-wachtwoord"
BASE32_IN_FOURS = re.compile(r"^[A-Z2-7]{4}( [A-Z2-7]{4})*( [A-Z2-7]{1,3})?$")


@pytest.fixture
def new_hr(live_server):
    from tests.factories import make_hr, make_organisation

    user = make_hr(make_organisation("Gemeente Oss"), username="e2e-key-hr")
    user.set_password(PASSWORD)
    user.save()
    return user


def key_is_whole_in_view(page):
    return page.locator("#authenticator_secret").evaluate(
        """el => {
            const box = el.getBoundingClientRect();
            return el.scrollWidth <= el.clientWidth && box.left >= 0
                && box.right <= document.documentElement.clientWidth;
        }"""
    )


@pytest.mark.parametrize(
    "viewport", [{"width": 375, "height": 800}, {"width": 1280, "height": 900}]
)
def test_the_key_shows_whole_in_fours_and_copies_without_spaces(new_page, new_hr, viewport):
    from tests.factories import totp_code

    page = new_page(viewport=viewport, permissions=["clipboard-read", "clipboard-write"])
    login(page, "e2e-key-hr", PASSWORD)
    assert "/account/2fa/totp/activate/" in page.url

    key = page.locator("#authenticator_secret")
    shown = key.inner_text().strip()
    assert BASE32_IN_FOURS.match(shown), shown
    secret = shown.replace(" ", "")
    assert len(secret) == 32, f"the whole key, not {len(secret)} characters"
    assert key_is_whole_in_view(page)
    assert has_no_horizontal_scroll(page, viewport["width"])
    axe(page)

    # The copy button copies the key without spaces and says so.
    page.get_by_role("button", name="Kopieer de sleutel").click()
    expect(page.locator(".totp-key [role=status]")).to_have_text(
        "Sleutel gekopieerd. Plak hem in je authenticator-app."
    )
    assert page.evaluate("navigator.clipboard.readText()") == secret
    axe(page)

    # The key as read is the one the app needs: its code activates two-step verification.
    page.locator("#id_code").fill(totp_code(secret))
    with page.expect_navigation():
        page.locator("#totp-activate-form button[type=submit]").click()
    assert "/account/2fa/recovery-codes/" in page.url


def test_without_javascript_the_key_is_whole_selectable_text_and_no_button(new_page, new_hr):
    page = new_page(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    login(page, "e2e-key-hr", PASSWORD)
    key = page.locator("#authenticator_secret")
    assert BASE32_IN_FOURS.match(key.inner_text().strip())
    assert key_is_whole_in_view(page)
    assert key.evaluate("el => getComputedStyle(el).userSelect") != "none"
    expect(page.get_by_role("button", name="Kopieer de sleutel")).to_be_hidden()
