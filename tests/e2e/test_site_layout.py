"""The site's frame on a phone and a desktop, in Dutch: the header takes one line on a phone (the
menu collapses behind a disclosure button that works with keyboard and screen reader, and
without JavaScript the whole menu shows); words stay whole (no "toezichthouders," spilling out
of the "Voor" box, no "Positi/e"); the coordinator's wide table scrolls in its own focusable
region and says so."""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll, login

pytestmark = BROWSER_TEST

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# Every word of the page's visible text that is broken over two lines, or that sticks out of
# the box it is in (a table in a scroll region may be wider than the screen).
BROKEN_OR_OVERFLOWING_WORDS = """(root) => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  const word = /[\\p{L}\\p{N}’',.:;()!?%]{3,}/gu;
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest('.visually-hidden, script, style, svg')) continue;
    let block = el;
    while (['inline', 'contents'].includes(getComputedStyle(block).display)) {
      block = block.parentElement;
    }
    const box = block.getBoundingClientRect(), style = getComputedStyle(block);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    let m;
    while ((m = word.exec(node.textContent))) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0.5);
      if (!rects.length) continue;
      if (new Set(rects.map(r => Math.round(r.bottom))).size > 1) out.push('broken: ' + m[0]);
      else if (Math.max(...rects.map(r => r.right)) > right + 1 && !el.closest('.table-scroll'))
        out.push('sticks out: ' + m[0]);
    }
  }
  return out;
}"""


def words_not_whole(page, root="main"):
    return page.evaluate(BROKEN_OR_OVERFLOWING_WORDS, root)


@pytest.fixture
def demo(live_server):
    from tests.e2e.content import load_learning_content

    content = load_learning_content()
    if not content.from_demo:
        pytest.skip("needs the demo's modules and accounts")  # the demo is part of the project
    return content


def menu_button(page):
    return page.get_by_role("button", name="Menu")


def main_menu_link(page):
    return page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn certificaten"
    )


def test_on_a_phone_the_menu_folds_behind_a_button_that_keyboard_users_can_open(new_page, demo):
    page = new_page(viewport=PHONE)
    login(page, demo.username, demo.password)
    page.goto(demo.module.url)

    # One line: the site's name and the button, the menu folded away.
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 80, f"the header takes {header['height']} px"
    button = menu_button(page)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "site-nav-list")
    expect(main_menu_link(page)).to_be_hidden()
    axe(page)

    # Keyboard: the skip link, the site's name, then the button; Enter opens, Tab reaches the
    # links.
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(main_menu_link(page)).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Mijn modules"
    assert has_no_horizontal_scroll(page, PHONE["width"])
    axe(page)

    # Escape closes it and puts focus back on the button.
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(main_menu_link(page)).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-nav-list"

    # The menu's links work from the folded menu.
    button.click()
    main_menu_link(page).click()
    expect(page).to_have_url("/leren/certificaten/")


def test_on_a_desktop_the_menu_shows_without_a_button(new_page, demo):
    page = new_page(viewport=DESKTOP)
    login(page, demo.username, demo.password)
    expect(main_menu_link(page)).to_be_visible()
    expect(menu_button(page)).to_be_hidden()


def test_without_javascript_a_phone_shows_the_whole_menu(new_page, demo):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    login(page, demo.username, demo.password)
    expect(main_menu_link(page)).to_be_visible()
    expect(page.locator("[data-site-nav-toggle]")).to_be_hidden()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE, {"width": 320, "height": 640}])
def test_the_module_facts_keep_every_word_inside_its_box(new_page, demo, viewport):
    """ "toezichthouders," stuck out of the "Voor" box at 1280 px."""
    from scenarios.models import ModulePage

    module = ModulePage.objects.get(slug="vakantieparken")
    page = new_page(viewport=viewport)
    login(page, demo.username, demo.password)
    page.goto(module.url)
    expect(page.locator(".facts")).to_contain_text("toezichthouders")
    assert words_not_whole(page, ".facts") == []
    assert has_no_horizontal_scroll(page, viewport["width"])


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_the_ordering_review_keeps_its_headings_and_words_whole(new_page, demo, viewport):
    """ "Positie" was broken to "Positi/e" by a column too narrow for it."""
    from training.models import Attempt

    attempt = Attempt.objects.filter(
        learner__username="boa", module__slug="leegstaande-schuren-en-drugsafval", passed=True
    ).first()
    page = new_page(viewport=viewport)
    login(page, "boa", demo.password)
    page.goto(f"/leren/poging/{attempt.pk}/resultaat/")
    expect(page.locator(".order-review th").first).to_have_text("Positie")
    assert words_not_whole(page, ".order-review") == []
    assert has_no_horizontal_scroll(page, viewport["width"])


def test_the_coordinators_table_scrolls_in_a_labelled_region_with_a_hint(new_page, demo):
    from django.contrib.auth import get_user_model

    from tests.factories import activate_totp

    activate_totp(get_user_model().objects.get(username="coordinator"))
    page = new_page(viewport=PHONE)
    login(page, "coordinator", demo.password)
    page.goto("/leren/inzicht/")

    region = page.get_by_role("region", name="Trainingsstatus per organisatie").first
    expect(region).to_be_visible()
    expect(region).to_have_attribute("tabindex", "0")
    hint = region.locator(".table-scroll__hint")
    expect(hint).to_be_visible()
    expect(hint).to_have_text("(scroll opzij voor meer kolommen)")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the table should scroll"
    assert has_no_horizontal_scroll(page, PHONE["width"])

    # The keyboard scrolls it: focus the region, arrow right.
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.table-scroll').scrollLeft > 0", timeout=3000
    )
    axe(page)

    # On a desktop the table fits and no hint claims otherwise.
    page.set_viewport_size(DESKTOP)
    expect(hint).to_be_hidden()
