"""HR in a real browser: log in to the Wagtail admin, open the export from the HR menu, narrow
it to a team, see the number of matching rows, and download the CSV and the XLSX; both hold
only HR's own organisation, and each download is in the audit log."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from people.models import AuditEntry
from tests.e2e.helpers import BROWSER_TEST, admin_login, axe

pytestmark = BROWSER_TEST

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture
def hr_world(live_server):
    from tests.factories import make_module, site_with_catalogue
    from tests.records.export_factories import build_tree, completed, hr_of, person

    tree = build_tree()
    module = make_module(catalogue=site_with_catalogue(), title="Drugslabs herkennen")
    completed(person(tree["a1"], last_name="Aaltje"), module, on=datetime.date(2026, 2, 3))
    completed(person(tree["a"], last_name="Abel"), module, on=datetime.date(2026, 2, 4))
    completed(person(tree["b1"], last_name="Bakker"), module, on=datetime.date(2026, 2, 5))
    hr = hr_of(tree["a"], username="e2e-hr-export")
    assert not hr.is_superuser and not hr.is_staff
    return {"tree": tree, "hr": hr}


def test_hr_exports_its_organisation_as_csv_and_xlsx(new_page, hr_world):
    page = new_page()
    admin_login(page, "e2e-hr-export", PASSWORD)
    # The export is in the HR menu.
    assert page.locator("a[href='/admin/hr/export/']").count() >= 1

    page.goto("/admin/hr/export/")
    assert "2" in page.locator("[data-export-count]").inner_text()
    # Only HR's own organisation and below can be chosen.
    options = page.locator("#id_organisation option").all_inner_texts()
    assert not any("Gemeente B" in option for option in options)
    axe(page, "#main")

    page.locator("#id_organisation").select_option(value=str(hr_world["tree"]["a1"].pk))
    with page.expect_navigation():
        page.locator("button[value=count]").click()
    assert "1" in page.locator("[data-export-count]").inner_text()

    with page.expect_download() as csv_download:
        page.locator("button[value=csv]").click()
    download = csv_download.value
    assert download.suggested_filename.startswith("voortgang-")
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))  # Excel (NL), the default
    assert len(rows) == 2 and rows[1][1].endswith("Aaltje")

    page.locator("#id_organisation").select_option(index=0)  # everything HR may see
    with page.expect_download() as xlsx_download:
        page.locator("button[value=xlsx]").click()
    download = xlsx_download.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as handle:
        sheet = load_workbook(io.BytesIO(handle.read())).active
    names = sorted(row[1].split()[-1] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["Aaltje", "Abel"]

    entries = AuditEntry.objects.filter(actor=hr_world["hr"], action="export").order_by("pk")
    assert [(e.file_format, e.row_count) for e in entries] == [("csv", 1), ("xlsx", 2)]


@pytest.fixture
def assigned_world(live_server):
    """Gemeente A must take a module by a day ahead: one person passed, two never began (and
    neither did HR, who works there too)."""
    from people.models import Assignment
    from tests.factories import make_module, site_with_catalogue
    from tests.records.export_factories import build_tree, completed, hr_of, person

    tree = build_tree()
    module = make_module(catalogue=site_with_catalogue(), title="Drugslabs herkennen")
    Assignment.objects.create(
        module=module,
        organisation=tree["a"],
        due_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    completed(person(tree["a1"], last_name="Aaltje"), module, on=datetime.date.today())
    person(tree["a1"], last_name="Nooit")
    person(tree["a"], last_name="Straks")
    hr_of(tree["a"], username="e2e-hr-assigned")
    return tree


def test_hr_exports_the_people_who_never_started_with_commas(new_page, assigned_world):
    page = new_page()
    admin_login(page, "e2e-hr-assigned", PASSWORD)
    page.goto("/admin/hr/export/")

    page.get_by_label("Status").select_option(label="Niet begonnen")
    with page.expect_navigation():
        page.locator("button[value=count]").click()
    # The two who never began, and HR itself: it works in Gemeente A too.
    assert "3 rijen" in page.locator("[data-export-count]").inner_text()
    axe(page, "#main")

    page.get_by_label("Scheidingsteken CSV").select_option(value=",")
    with page.expect_download() as csv_download:
        page.locator("button[value=csv]").click()
    with open(csv_download.value.path(), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    status = rows[0].index("Status")
    found = [(row[1].split()[-1], row[status]) for row in rows[1:]]
    assert ("Nooit", "Niet begonnen") in found and ("Straks", "Niet begonnen") in found
    assert len(found) == 3 and not any(name == "Aaltje" for name, _status in found)
