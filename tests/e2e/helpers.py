"""What the browser tests do with a page: log in, run axe, move focus with the keyboard."""

import json
from pathlib import Path

import pytest

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Every browser test module sets ``pytestmark = BROWSER_TEST``: the ``browser`` marker, and a
# transactional database (the live server runs in another thread) restored from the serialized
# migration data before each test, so Wagtail's root page, site and collection are always there.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def login(page, username, password, *, keyboard=False, start="/inloggen/"):
    """Log in through the real login form at /inloggen/, as a person would. A user with an
    authenticator app then gets the two-step page: the code is computed from the app's secret,
    as the phone would (``complete_two_step``)."""
    page.goto(start)
    assert "/inloggen/" in page.url, f"expected the login page, got {page.url}"
    if keyboard:
        # The username field has autofocus; the rest is Tab, typing and Enter.
        page.locator("#id_login").wait_for()
        assert page.evaluate("document.activeElement.id") == "id_login"
        page.keyboard.type(username)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "id_password"
        page.keyboard.type(password)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.locator("#id_login").fill(username)
        page.locator("#id_password").fill(password)
        with page.expect_navigation():
            page.locator("#login-form button[type=submit]").click()
    if "/account/2fa/authenticate/" in page.url:
        complete_two_step(page, totp_secret_of(username))
    assert "/inloggen/" not in page.url, f"login as {username} failed: still on {page.url}"


def totp_secret_of(username):
    """The secret of the user's authenticator app (what the phone holds)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user__username=username, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def complete_two_step(page, secret):
    """Type the authenticator app's current code on the two-step page."""
    from tests.factories import totp_code

    assert "/account/2fa/authenticate/" in page.url, page.url
    page.locator("#id_code").fill(totp_code(secret))
    with page.expect_navigation():
        page.locator("#mfa-form button[type=submit]").click()
    assert "/account/2fa/authenticate/" not in page.url, "the two-step code was refused"


def admin_login(page, username, password):
    """Open /admin/ as a visitor and log in through the site's one login, with the code of the
    authenticator app that trainers, HR and admins must have (set up here if missing)."""
    from django.contrib.auth import get_user_model

    from tests.factories import activate_totp

    activate_totp(get_user_model().objects.get(username=username))
    page.goto("/admin/")
    assert "/inloggen/?next=/admin/" in page.url, page.url
    login(page, username, password, start=page.url)
    assert page.url.endswith("/admin/"), f"admin login failed: {page.url}"


def axe(page, context="document"):
    """Run axe-core (WCAG 2.0/2.1 levels A and AA) on the page and fail on any violation,
    listing each violation's rule, help text and the offending nodes."""
    import axe_playwright_python

    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's DevTools protocol rather than added as a <script>:
        # the pages' Content Security Policy rightly refuses inline scripts.
        source = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
        page.evaluate(source)
    results = page.evaluate(
        """async ([context, tags]) => {
            const r = await axe.run(context === "document" ? document : context,
                {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return {violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))};
        }""",
        [context, WCAG_TAGS],
    )
    violations = results["violations"]
    if violations:
        lines = [f"axe found {len(violations)} WCAG violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']}"
                f" <{violation['helpUrl']}>"
            )
            for node in violation["nodes"]:
                lines.append(f"    at {json.dumps(node['target'])}: {node['summary']}")
        pytest.fail("\n".join(lines), pytrace=False)
    return results


def focus_is_visible(page):
    """Whether the focused element shows a focus indicator (an outline or a box shadow)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow && style.boxShadow !== "none";
            return el.matches(":focus-visible") && (outline || shadow);
        }"""
    )


def describe_focus(page):
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return el ? el.outerHTML.slice(0, 160) : null; }"""
    )


def tab_to(page, matches, *, max_presses=60, backwards=False):
    """Press Tab until the focused element satisfies ``matches`` (a JS function body receiving
    ``el``, e.g. ``"return el.value === 'abc'"``). Every element reached must show visible focus."""
    key = "Shift+Tab" if backwards else "Tab"
    predicate = f"(el) => {{ {matches} }}"
    for _press in range(max_presses):
        page.keyboard.press(key)
        assert focus_is_visible(page), f"focus is not visible on {describe_focus(page)}"
        if page.evaluate(f"({predicate})(document.activeElement)"):
            return
    pytest.fail(f"Tab never reached an element where {matches!r} on {page.url}", pytrace=False)


def has_no_horizontal_scroll(page, width):
    return page.evaluate("document.documentElement.scrollWidth") <= width
