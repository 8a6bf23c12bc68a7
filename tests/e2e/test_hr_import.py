"""HR in a real browser: log in to the Wagtail admin, upload a staff list, read the dry-run
preview (nothing imported yet), confirm, and find the people imported; and a file with a bad
row shows the error by row and column and imports nobody."""

import re

import pytest

from people.models import AuditEntry, Profile
from tests.e2e.helpers import BROWSER_TEST, admin_login, axe

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password
STAFF_CSV = (
    "personeelsnummer;voornaam;tussenvoegsel;achternaam;e-mail;organisatie;functie;actief\n"
    "7001;Anouk;;Verhoeven;anouk.verhoeven@altena.nl;altena-handhaving;boa;ja\n"
    "7002;Bas;van der;Heijden;bas.vanderheijden@altena.nl;altena;toezichthouder;ja\n"
)


@pytest.fixture
def hr_setup(live_server):
    from tests.factories import make_hr, make_organisation

    brabant = make_organisation("Noord-Brabant", kind="province")
    altena = make_organisation("Altena", parent=brabant)
    make_organisation("Altena Handhaving", kind="team", parent=altena)
    make_organisation("Tilburg", parent=brabant)
    hr = make_hr(altena, username="e2e-hr")
    assert not hr.is_superuser and not hr.is_staff
    return hr


def upload(page, content, name="personeel.csv"):
    page.goto("/admin/hr/import/")
    page.locator("#id_file").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content.encode("utf-8")}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Bestand controleren").click()


def test_hr_uploads_a_staff_list_previews_it_and_confirms(new_page, hr_setup):
    page = new_page()
    admin_login(page, "e2e-hr", PASSWORD)
    # The import is in the HR menu.
    assert page.locator("a[href='/admin/hr/import/']").count() >= 1

    page.goto("/admin/hr/import/")
    axe(page, "#main")
    upload(page, STAFF_CSV)

    assert re.search(r"/admin/hr/import/[\w-]+/$", page.url), page.url
    assert page.locator("[data-count=new]").inner_text().strip() == "2"
    assert page.locator("[data-count=unchanged]").inner_text().strip() == "0"
    changes = page.locator("[data-import-changes]")
    assert "Verhoeven" in changes.inner_text() and "van der Heijden" in changes.inner_text()
    assert not Profile.objects.filter(employee_number__in=["7001", "7002"]).exists()
    axe(page, "#main")

    with page.expect_navigation():
        page.get_by_role("button", name="Import bevestigen").click()

    assert page.url.endswith("/admin/hr/import/")
    assert "2 nieuw" in page.locator(".messages").inner_text()
    bas = Profile.objects.select_related("user").get(employee_number="7002")
    assert bas.user.last_name == "van der Heijden" and bas.organisation.slug == "altena"
    assert AuditEntry.objects.filter(action="import", actor=hr_setup).count() == 1

    # The same file again: nothing would change.
    upload(page, STAFF_CSV)
    assert page.locator("[data-count=new]").inner_text().strip() == "0"
    assert page.locator("[data-count=unchanged]").inner_text().strip() == "2"


def test_a_bad_row_is_shown_by_row_and_column_and_nothing_is_imported(new_page, hr_setup):
    page = new_page()
    admin_login(page, "e2e-hr", PASSWORD)

    upload(page, STAFF_CSV + "7003;Cor;;Pijnenburg;cor@tilburg.nl;tilburg;boa;ja\n")

    errors = page.locator("[data-import-errors] tbody tr")
    assert errors.count() == 1
    cells = errors.first.locator("td")
    assert cells.nth(0).inner_text().strip() == "4"
    assert cells.nth(1).inner_text().strip() == "organisatie"
    assert page.get_by_role("button", name="Import bevestigen").count() == 0
    assert not Profile.objects.filter(employee_number__startswith="700").exists()
    axe(page, "#main")


def test_a_mistyped_organisation_code_shows_the_codes_hr_may_use(new_page, hr_setup):
    page = new_page()
    admin_login(page, "e2e-hr", PASSWORD)

    page.goto("/admin/hr/import/")
    codes = page.locator("[data-organisation-codes]")
    assert "altena-handhaving" in codes.inner_text()
    assert "tilburg" not in codes.inner_text()

    upload(page, STAFF_CSV.replace("altena-handhaving", "altena-hanhaving"))

    errors = page.locator("[data-import-errors] tbody tr")
    assert errors.count() == 1
    message = errors.first.inner_text()
    assert "geen organisatie met de code “altena-hanhaving”" in message
    assert "altena, altena-handhaving" in message
    assert not Profile.objects.filter(employee_number__startswith="700").exists()
    axe(page, "#main")
