"""The staff-list import in the Wagtail admin: upload → dry-run preview → confirm, as HR; the
errors page; who may reach it; the audit entry."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from people.models import AuditEntry, Profile
from tests.factories import UserFactory, login_with_mfa, make_hr, make_organisation
from tests.people.test_import_staff import ROWS, csv_bytes, people_state, xlsx_bytes

UPLOAD_URL = "/admin/hr/import/"


@pytest.fixture
def tree(db):
    brabant = make_organisation("Noord-Brabant", kind="province")
    altena = make_organisation("Altena", parent=brabant)
    make_organisation("Altena Handhaving", kind="team", parent=altena)
    make_organisation("Tilburg", parent=brabant)
    return altena


@pytest.fixture
def hr_client(client, tree):
    login_with_mfa(client, make_hr(tree))
    return client


def upload(client, content, name="personeel.csv"):
    return client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, content)})


def test_hr_uploads_previews_and_confirms(hr_client):
    page = hr_client.get(UPLOAD_URL)
    assert page.status_code == 200
    assert "personeelsnummer" in page.content.decode()
    assert 'enctype="multipart/form-data"' in page.content.decode()

    response = upload(hr_client, csv_bytes(*ROWS))
    assert response.status_code == 302
    preview_url = response["Location"]
    assert not Profile.objects.filter(employee_number__isnull=False).exists()

    preview = hr_client.get(preview_url)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert re.search(r'data-count="new">\s*3<', html)
    assert re.search(r'data-count="unchanged">\s*0<', html)
    assert "Bram" in html and "van den Berg" in html
    assert not Profile.objects.filter(employee_number__isnull=False).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).exists()
    (confirm_url,) = re.findall(
        r'<form action="([^"]+)" method="post"[^>]*data-import-confirm', html
    )

    done = hr_client.post(confirm_url)
    assert done.status_code == 302 and done["Location"] == UPLOAD_URL
    assert Profile.objects.filter(employee_number__in=["1001", "1002", "1003"]).count() == 3
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).get()
    assert entry.action == "import" and entry.row_count == 3
    assert entry.details["file_name"] == "personeel.csv" and entry.details["new"] == 3

    # The stored upload is used once: confirming again finds nothing.
    assert hr_client.post(confirm_url).status_code == 404
    assert AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).count() == 1


def test_uploading_the_same_file_again_previews_no_changes(hr_client):
    hr_client.post(
        reverse(
            "training_import_confirm",
            args=[upload(hr_client, csv_bytes(*ROWS))["Location"].rstrip("/").rsplit("/", 1)[-1]],
        )
    )
    preview = hr_client.get(upload(hr_client, csv_bytes(*ROWS))["Location"])
    html = preview.content.decode()
    assert re.search(r'data-count="new">\s*0<', html)
    assert re.search(r'data-count="updated">\s*0<', html)
    assert re.search(r'data-count="unchanged">\s*3<', html)
    assert "data-import-changes" not in html


def test_a_file_with_errors_shows_every_error_and_offers_no_confirmation(hr_client):
    before = people_state()
    rows = [*ROWS, "4001;Gijs;;Hoek;geen-adres;tilburg;boa;ja"]

    response = upload(
        hr_client,
        xlsx_bytes(
            [
                "personeelsnummer",
                "voornaam",
                "tussenvoegsel",
                "achternaam",
                "e-mail",
                "organisatie",
                "functie",
                "actief",
            ],
            [row.split(";") for row in rows],
        ),
        "personeel.xlsx",
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "data-import-errors" in html and "data-import-confirm" not in html
    assert re.search(r"<td>5</td>\s*<td>e-mail</td>", html)
    assert re.search(r"<td>5</td>\s*<td>organisatie</td>", html)
    assert people_state() == before


def test_a_confirmation_validates_again(hr_client, tree):
    preview_url = upload(hr_client, csv_bytes(*ROWS))["Location"]
    UserFactory(username="sneller", email="anna.jansen@altena.nl")  # meanwhile, elsewhere
    before = people_state()

    response = hr_client.post(preview_url + "confirm/")

    assert response.status_code == 400
    assert "anna.jansen@altena.nl" in response.content.decode()
    assert people_state() == before


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("lijst.pdf", b"%PDF-1.4", "is geen .csv- of .xlsx-bestand"),
        ("lijst.csv", b"a;b\n1;2\n", "personeelsnummer"),
        ("lijst.xlsx", b"not a workbook", ".xlsx"),
    ],
)
def test_a_wrong_file_gets_a_clear_message(hr_client, name, content, fragment):
    response = hr_client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert fragment in response.content.decode()


def test_a_file_over_5_mb_is_refused(hr_client):
    content = csv_bytes(*ROWS) + b"#" * (5 * 1024 * 1024)
    response = upload(hr_client, content)
    assert response.status_code == 400
    assert "5 MB" in response.content.decode()


def test_someone_elses_preview_is_not_found(hr_client, client, tree):
    preview_url = upload(hr_client, csv_bytes(*ROWS))["Location"]
    other = make_hr(tree)
    login_with_mfa(client, other)  # a new session: the token is not in it
    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url + "confirm/").status_code == 404


@pytest.mark.parametrize("role", ["learner", "trainer"])
def test_only_hr_and_platform_admins_may_import(client, tree, role, request):
    user = request.getfixturevalue(role)
    login_with_mfa(client, user)
    response = client.get(UPLOAD_URL)
    assert response.status_code in (302, 403)
    response = client.post(UPLOAD_URL, {"file": SimpleUploadedFile("a.csv", csv_bytes(*ROWS))})
    assert response.status_code in (302, 403)
    assert not Profile.objects.filter(employee_number__isnull=False).exists()


def test_a_trainer_is_sent_back_to_the_admin_home(client, trainer):
    # A trainer reaches the admin, but not the import: Wagtail turns the PermissionDenied of
    # an admin view into a redirect to the dashboard with a message.
    login_with_mfa(client, trainer)
    response = client.get(UPLOAD_URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_superuser_may_import(superuser_client, tree):
    assert superuser_client.get(UPLOAD_URL).status_code == 200


def test_the_menu_shows_the_import_to_hr_only(hr_client, client, trainer):
    assert UPLOAD_URL in hr_client.get("/admin/").content.decode()
    login_with_mfa(client, trainer)
    assert UPLOAD_URL not in client.get("/admin/").content.decode()


def test_posts_need_the_csrf_token(tree):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    login_with_mfa(client, make_hr(tree))
    response = client.post(UPLOAD_URL, {"file": SimpleUploadedFile("a.csv", csv_bytes(*ROWS))})
    assert response.status_code == 403


def test_the_upload_page_lists_the_organisation_codes_hr_may_import_into(hr_client):
    html = hr_client.get(UPLOAD_URL).content.decode()
    start = html.index("data-organisation-codes")
    table = html[start : html.index("</table>", start)]
    assert "<code>altena</code>" in table and "<code>altena-handhaving</code>" in table
    assert "Altena Handhaving" in table
    assert "tilburg" not in table and "noord-brabant" not in table
