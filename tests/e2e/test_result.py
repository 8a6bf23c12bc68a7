"""The result page on a phone (issue 13, item 11, and items 13 and 15 as a learner sees them): a
learner finishes a module at 375 px, finds the link to their new certificate, reads what to do
with a real signal before the long review, sees a correct option they left out marked "Gemist"
and points as "1 van 1 punt"; after a passed retake "My certificates" shows one valid
certificate and the old one as history. axe on every page."""

from playwright.sync_api import expect

from certificates.models import Certificate
from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll
from tests.e2e.test_hotspot import sign_in
from tests.factories import (
    UserFactory,
    advance_to,
    best_answer,
    make_module,
    option_id,
    play,
    site_with_catalogue,
)
from training import services

pytestmark = BROWSER_TEST

PHONE = {"width": 375, "height": 800}


def one_correct_option_only(step):
    """The best answer everywhere, but only one of the correct options of the multiple choice."""
    if step.block_type == "multiple_choice":
        return [option_id(step, "Afgeplakte ramen")]
    return best_answer(step)


def test_a_learner_finishes_on_a_phone_and_finds_the_certificate_and_the_routes(
    new_page, live_server
):
    module = make_module(title="Signalen bij een schuur", catalogue=site_with_catalogue())
    learner = UserFactory(username="e2e-resultaat")
    attempt, _created = services.start_attempt(learner, module)
    last = services.path_total(attempt) - 1
    advance_to(attempt, last, choose=one_correct_option_only)
    services.record_response(
        attempt, last, one_correct_option_only(services.step_at(attempt, last))
    )

    page = new_page(viewport=PHONE)
    sign_in(page, live_server, "e2e-resultaat")
    page.goto(f"/leren/poging/{attempt.pk}/stap/{last + 1}/")
    with page.expect_navigation():
        page.locator(".step-nav button[type=submit]").click()  # finish
    assert "/resultaat/" in page.url
    expect(page.locator(".result__verdict")).to_contain_text("Geslaagd")

    # The new certificate, linked from the result.
    certificate = Certificate.objects.get(attempt=attempt)
    download = page.get_by_role("link", name="Download je certificaat (PDF)")
    expect(download).to_have_attribute("href", f"/leren/certificaten/{certificate.pk}/pdf/")

    # What to do with a real signal comes before the long review, on the phone's one column.
    routes = page.locator("#routes-heading").bounding_box()
    review = page.locator("#review-heading").bounding_box()
    assert routes["y"] < review["y"]
    expect(page.locator("#routes-heading")).to_have_text("Wat doe je met een echt signaal?")

    # The multiple choice: the two correct options left out are "Gemist", not "Goed".
    missed = page.locator(".review .verdict--missed")
    expect(missed).to_have_count(2)
    expect(missed.first).to_contain_text("Gemist")
    main = page.locator("main")
    expect(main).to_contain_text("(1 van 1 punt)")
    expect(main).to_contain_text("(0,67 van 2 punten)")
    assert has_no_horizontal_scroll(page, 375)
    axe(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Naar mijn certificaten").click()
    expect(page.locator(f"#certificate-{certificate.pk}")).to_contain_text("Geldig")
    axe(page)

    # A retake that passes: one valid certificate, the earlier one kept as history.
    retake, _created = services.start_attempt(learner, module)
    play(retake)
    page.reload()
    expect(page.locator("ul.certificates:not(.certificates--history) > li")).to_have_count(1)
    expect(page.locator(".certificates--history > li")).to_have_count(1)
    expect(page.locator(".certificates--history")).to_contain_text(
        "Vervangen door een nieuwer certificaat"
    )
    expect(page.locator("main")).to_contain_text("Eerdere certificaten")
    assert page.locator("main").inner_text().count("Geldig") == 1
    assert has_no_horizontal_scroll(page, 375)
    axe(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    axe(page)
