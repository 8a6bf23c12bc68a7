"""A learner passes a module in the browser, finds the certificate on "My certificates",
downloads the PDF, and anyone (not logged in) checks it at /verify/<code>/; axe on both pages,
and the verification page at 320 px."""

import io
import re

import pypdf

from certificates.models import Certificate
from people.models import Assignment, Profile
from tests.e2e.content import right_option_ids, steps_of
from tests.e2e.helpers import BROWSER_TEST, axe, has_no_horizontal_scroll, login
from tests.factories import (
    UserFactory,
    decision_step,
    information_step,
    make_module,
    make_organisation,
    single_choice_step,
    site_with_catalogue,
)

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password


def make_learner_with_a_module():
    catalogue = site_with_catalogue()
    module = make_module(
        title="Drugsafval in het buitengebied",
        catalogue=catalogue,
        steps=[information_step(), decision_step(), single_choice_step()],
    )
    team = make_organisation("Team Toezicht", "team")
    Assignment.objects.create(
        module=module, organisation=team, due_date="2030-01-01", validity_months=24
    )
    learner = UserFactory(username="certificaathouder", first_name="Sanne", last_name="Brabant")
    Profile.objects.filter(user=learner).update(organisation=team)
    return learner, module


def take_the_module(page, module):
    steps = steps_of(module)
    page.locator(f"form[action$='/leren/module/{module.pk}/start/'] button").click()
    while "/resultaat/" not in page.url:
        number = int(re.search(r"/stap/(\d+)/", page.url).group(1))
        step = steps[number - 1]
        if right_option_ids(step) and page.locator("#feedback").count() == 0:
            for option in right_option_ids(step):
                page.locator(f"input[name=option][value='{option}']").check()
            with page.expect_navigation():
                page.locator("form.answer-form button[type=submit]").click()
        with page.expect_navigation():
            page.locator(
                "form[action$='/verder/'] button, form[action$='/afronden/'] button"
            ).first.click()


def test_learner_downloads_their_certificate_and_anyone_can_verify_it(page, new_page):
    learner, module = make_learner_with_a_module()
    login(page, learner.username, PASSWORD)
    take_the_module(page, module)
    assert page.locator(".result--passed").count() == 1

    # "My certificates" from the main navigation.
    page.get_by_role("navigation").get_by_role("link", name=re.compile("certifica", re.I)).click()
    page.wait_for_url("**/leren/certificaten/")
    certificate = Certificate.objects.get(learner=learner)
    item = page.locator("li.certificate")
    assert item.count() == 1
    assert module.title in item.inner_text()
    assert certificate.code in item.inner_text()
    axe(page)

    with page.expect_download() as downloading:
        item.locator(f"a[href$='/leren/certificaten/{certificate.pk}/pdf/']").click()
    download = downloading.value
    assert download.suggested_filename.endswith(".pdf")
    data = open(download.path(), "rb").read()  # noqa: SIM115 - read once, closed by the GC
    assert data.startswith(b"%PDF")
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Sanne Brabant" in text and certificate.code in text

    # Anyone, not logged in, on a phone: the code from the certificate shows it is valid.
    visitor = new_page(viewport={"width": 320, "height": 640})
    visitor.goto("/verify/")
    axe(visitor)
    visitor.get_by_label(re.compile("code", re.I)).fill(certificate.code.lower())
    with visitor.expect_navigation():
        visitor.locator("form.verify-form button[type=submit]").click()
    assert visitor.url.endswith(f"/verify/{certificate.code}/")
    result = visitor.locator(".verification").inner_text()
    assert "Sanne Brabant" in result
    assert module.title in result
    assert visitor.locator("#verification-result .status--valid").count() == 1
    assert learner.email not in visitor.content()
    assert has_no_horizontal_scroll(visitor, 320)
    axe(visitor)
