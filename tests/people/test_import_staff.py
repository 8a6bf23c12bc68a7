"""The staff-list import as a service: new people, updates, idempotence, all-or-nothing with
every error named by row and column, scope, CSV and XLSX."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from people.imports import StaffFileError, check_staff_rows, import_staff_rows, read_staff_file
from people.models import AuditEntry, Function, Profile
from tests.factories import UserFactory, make_hr, make_organisation

User = get_user_model()

HEADER = "personeelsnummer;voornaam;tussenvoegsel;achternaam;e-mail;organisatie;functie;actief"
ROWS = [
    "1001;Anna;;Jansen;anna.jansen@altena.nl;altena-handhaving;boa;ja",
    "1002;Bram;van den;Berg;bram.berg@altena.nl;altena;Beleidsmedewerker;ja",
    "1003;Cees;;Visser;cees.visser@altena.nl;altena;front_office;nee",
]


def csv_bytes(*rows, header=HEADER):
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def xlsx_bytes(header, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def tree(db):
    brabant = make_organisation("Noord-Brabant", kind="province")
    altena = make_organisation("Altena", parent=brabant)
    team = make_organisation("Altena Handhaving", kind="team", parent=altena)
    tilburg = make_organisation("Tilburg", parent=brabant)
    return {"brabant": brabant, "altena": altena, "team": team, "tilburg": tilburg}


@pytest.fixture
def hr(tree):
    return make_hr(tree["altena"])


def run(user, content, name="personeel.csv"):
    return check_staff_rows(user, read_staff_file(content, name))


def do_import(user, content, name="personeel.csv"):
    return import_staff_rows(user, read_staff_file(content, name))


def people_state():
    """Everything an import may touch, to prove that a refused import changed nothing."""
    return (
        sorted(User.objects.values_list("username", "first_name", "last_name", "email")),
        sorted(
            Profile.objects.values_list(
                "user__username", "organisation__slug", "function", "employee_number", "active"
            )
        ),
        AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).count(),
    )


def test_a_valid_file_creates_users_and_profiles(hr, tree):
    report = do_import(hr, csv_bytes(*ROWS))

    assert report.ok and report.imported
    assert (report.new, report.updated, report.unchanged) == (3, 0, 0)
    bram = Profile.objects.select_related("user", "organisation").get(employee_number="1002")
    assert bram.user.username == "1002"
    assert (bram.user.first_name, bram.user.last_name) == ("Bram", "van den Berg")
    assert bram.user.email == "bram.berg@altena.nl"
    assert not bram.user.has_usable_password()
    assert bram.organisation == tree["altena"]
    assert bram.function == Function.POLICY_OFFICER  # the Dutch label
    assert bram.active
    assert Profile.objects.get(employee_number="1001").organisation == tree["team"]
    assert Profile.objects.get(employee_number="1003").active is False


def test_the_dry_run_reports_what_would_happen_and_writes_nothing(hr):
    before = people_state()

    report = run(hr, csv_bytes(*ROWS))

    assert report.ok and not report.imported
    assert (report.total, report.new, report.updated, report.unchanged) == (3, 3, 0, 0)
    assert [row["number"] for row in report.changes] == [2, 3, 4]
    assert people_state() == before


def test_importing_the_same_file_twice_changes_nothing_the_second_time(hr):
    do_import(hr, csv_bytes(*ROWS))
    before = people_state()

    preview = run(hr, csv_bytes(*ROWS))
    report = do_import(hr, csv_bytes(*ROWS))

    for result in (preview, report):
        assert (result.new, result.updated, result.unchanged) == (0, 0, 3)
        assert result.changes == []
    assert people_state()[:2] == before[:2]


def test_a_changed_row_updates_the_person_and_shows_the_change(hr, tree):
    do_import(hr, csv_bytes(*ROWS))
    moved = ROWS[0].replace("altena-handhaving", "altena").replace(";ja", ";nee")

    report = do_import(hr, csv_bytes(moved, *ROWS[1:]))

    assert (report.new, report.updated, report.unchanged) == (0, 1, 2)
    (change,) = report.changes
    assert change["number"] == 2
    assert {item["field"] for item in change["changes"]} == {"organisation", "active"}
    anna = Profile.objects.get(employee_number="1001")
    assert anna.organisation == tree["altena"] and not anna.active


def test_an_xlsx_file_imports_like_a_csv_file(hr):
    header = ["Personeelsnummer", "Voornaam", "Achternaam", "E-mail", "Organisatie", "Functie"]
    rows = [
        [2001, "Dirk", "de Wit", "dirk@altena.nl", "altena", "BOA"],
        [2002.0, "Eva", "Smit", "eva@altena.nl", "altena-handhaving", "inspector"],
    ]

    report = do_import(hr, xlsx_bytes(header, rows), "staff.xlsx")

    assert report.ok and report.new == 2
    assert Profile.objects.get(employee_number="2002").function == Function.INSPECTOR
    again = run(hr, xlsx_bytes(header, rows), "staff.xlsx")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_english_headers_and_commas_are_accepted(hr):
    content = csv_bytes(
        "3001,Fay,Bakker,fay@altena.nl,altena,policy_officer,yes",
        header="Employee number,First name,Last name,Email,Organisation,Function,Active",
    )
    report = do_import(hr, content)
    assert report.ok and report.new == 1


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        ("4001;Gijs;;Hoek;gijs@altena.nl;nergens;boa;ja", "organisatie", "nergens"),
        ("4001;Gijs;;Hoek;gijs@altena.nl;tilburg;boa;ja", "organisatie", "tilburg"),
        ("4001;Gijs;;Hoek;geen-adres;altena;boa;ja", "e-mail", "geen-adres"),
        ("4001;Gijs;;Hoek;gijs@altena.nl;altena;brandweer;ja", "functie", "brandweer"),
        ("4001;Gijs;;Hoek;gijs@altena.nl;altena;boa;misschien", "actief", "misschien"),
        ("40 01;Gijs;;Hoek;gijs@altena.nl;altena;boa;ja", "personeelsnummer", "40 01"),
        (";Gijs;;Hoek;gijs@altena.nl;altena;boa;ja", "personeelsnummer", ""),
        ("4001;;;Hoek;gijs@altena.nl;altena;boa;ja", "voornaam", ""),
        ("4001;Gijs;;Hoek;anna.jansen@altena.nl;altena;boa;ja", "e-mail", "anna.jansen"),
    ],
    ids=[
        "unknown-organisation",
        "organisation-out-of-scope",
        "invalid-email",
        "unknown-function",
        "bad-active",
        "bad-employee-number",
        "no-employee-number",
        "no-first-name",
        "email-in-the-file-twice",
    ],
)
def test_one_bad_row_imports_nothing_and_names_row_and_column(hr, row, column, fragment):
    before = people_state()

    report = do_import(hr, csv_bytes(*ROWS, row))

    assert not report.ok and not report.imported
    assert people_state() == before
    assert [(error.row, error.column) for error in report.errors] == [(5, column)]
    assert fragment in report.errors[0].message


def test_every_error_of_every_row_is_reported(hr, tree):
    rows = [
        ROWS[0],
        "1001;Anna;;Jansen;anna2@altena.nl;altena;boa;ja",  # employee number twice
        "5002;Bo;;Ek;geen-adres;nergens;piloot;ja",  # three errors in one row
        "",  # a blank line keeps the numbering of the rows after it
        "5003;Co;;Ek;co@altena.nl;tilburg;boa;ja",
    ]
    report = do_import(hr, csv_bytes(*rows))

    assert not report.ok
    assert [(error.row, error.column) for error in report.errors] == [
        (3, "personeelsnummer"),
        (4, "e-mail"),
        (4, "functie"),
        (4, "organisatie"),
        (6, "organisatie"),
    ]
    assert "row 2" in report.errors[0].message or "rij 2" in report.errors[0].message
    assert Profile.objects.filter(employee_number__isnull=False).count() == 0
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).exists()


def test_an_email_of_someone_already_registered_is_refused(hr, tree):
    UserFactory(username="bestaand", email="anna.jansen@altena.nl")
    before = people_state()

    report = do_import(hr, csv_bytes(*ROWS))

    assert [(error.row, error.column) for error in report.errors] == [(2, "e-mail")]
    assert people_state() == before


def test_hr_of_one_municipality_cannot_import_into_another(tree):
    tilburg_hr = make_hr(tree["tilburg"])
    before = people_state()

    report = do_import(tilburg_hr, csv_bytes(*ROWS))

    assert not report.ok
    assert {error.column for error in report.errors} == {"organisatie"}
    assert sorted(error.row for error in report.errors) == [2, 3, 4]
    assert people_state() == before


def test_hr_cannot_change_a_person_of_another_municipality(hr, tree):
    stranger = UserFactory(username="tilburger")
    Profile.objects.filter(user=stranger).update(
        employee_number="1001", organisation=tree["tilburg"]
    )
    before = people_state()

    report = do_import(hr, csv_bytes(*ROWS))

    assert [(error.row, error.column) for error in report.errors] == [(2, "personeelsnummer")]
    assert people_state() == before


def test_a_superuser_imports_anywhere(tree, superuser):
    report = do_import(superuser, csv_bytes(ROWS[0].replace("altena-handhaving", "tilburg")))
    assert report.ok and report.new == 1


def test_a_successful_import_writes_an_audit_entry(hr):
    do_import(hr, csv_bytes(*ROWS), name="maart.csv")

    entry = AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).get()
    assert entry.action == AuditEntry.Action.IMPORT
    assert entry.actor == hr
    assert entry.row_count == 3 and entry.file_format == "csv"
    assert entry.details == {
        "file_name": "maart.csv",
        "rows": 3,
        "new": 3,
        "updated": 0,
        "unchanged": 0,
    }


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"a,b\n1,2\n", "lijst.csv", "personeelsnummer"),
        (b"", "lijst.csv", "empty"),
        (HEADER.encode(), "lijst.csv", "no rows"),
        (b"not a workbook", "lijst.xlsx", "xlsx"),
        (b"whatever", "lijst.pdf", ".csv"),
    ],
)
def test_an_unreadable_file_gets_a_clear_message(content, name, fragment, settings):
    settings.LANGUAGE_CODE = "en"
    from django.utils import translation

    with translation.override("en"), pytest.raises(StaffFileError) as raised:
        read_staff_file(content, name)
    assert fragment in str(raised.value)


def test_a_windows_csv_with_accents_is_read(hr):
    content = csv_bytes("6001;Zoë;;Çelik;zoe@altena.nl;altena;boa;ja").decode().encode("cp1252")
    report = do_import(hr, content)
    assert report.ok
    assert User.objects.get(username="6001").first_name == "Zoë"


def test_a_database_error_in_a_late_row_rolls_back_the_earlier_rows(hr, monkeypatch):
    """A row that passes validation but fails when saved (here: a forced IntegrityError on the
    third row, as a concurrent import taking the same employee number would cause) leaves no
    partial writes: the rows saved before it are rolled back too."""
    from django.db import IntegrityError

    from people.import_resources import StaffResource

    original = StaffResource.do_instance_save
    saved = []

    def failing_save(self, instance, is_create):
        if len(saved) == 2:
            raise IntegrityError("duplicate key value violates unique constraint")
        original(self, instance, is_create)
        saved.append(instance.employee_number)

    monkeypatch.setattr(StaffResource, "do_instance_save", failing_save)
    before = people_state()

    report = do_import(hr, csv_bytes(*ROWS))

    assert saved == ["1001", "1002"]
    assert not report.ok and [error.row for error in report.errors] == [4]
    assert people_state() == before


def test_an_employee_number_taken_as_someone_elses_user_name_is_refused(hr):
    UserFactory(username="1002")  # an account made by hand, without an employee number
    before = people_state()

    report = do_import(hr, csv_bytes(*ROWS))

    assert [(error.row, error.column) for error in report.errors] == [(3, "personeelsnummer")]
    assert people_state() == before


# -- user names are unique without regard to case -------------------------------------------------


def test_an_employee_number_that_is_someone_elses_user_name_in_another_case_is_refused(hr):
    UserFactory(username="boa")  # made by hand, without an employee number
    before = people_state()

    report = do_import(hr, csv_bytes("BOA;Bo;;Aa;bo.aa@altena.nl;altena;boa;ja"))

    assert [(error.row, error.column) for error in report.errors] == [(2, "personeelsnummer")]
    assert "“boa”" in report.errors[0].message
    assert people_state() == before
    assert not User.objects.filter(username="BOA").exists()


def test_an_employee_number_in_another_case_updates_the_same_person(hr, tree):
    do_import(hr, csv_bytes("boa;Bo;;Aa;bo.aa@altena.nl;altena;boa;ja"))
    (person,) = Profile.objects.filter(employee_number="boa")

    unchanged = do_import(hr, csv_bytes("BOA;Bo;;Aa;bo.aa@altena.nl;altena;boa;ja"))
    moved = do_import(hr, csv_bytes("BOA;Bo;;Aa;bo.aa@altena.nl;altena-handhaving;boa;ja"))

    assert unchanged.ok and (unchanged.new, unchanged.updated, unchanged.unchanged) == (0, 0, 1)
    assert moved.ok and (moved.new, moved.updated) == (0, 1)
    assert list(User.objects.filter(username__iexact="boa").values_list("username", flat=True)) == [
        "boa"
    ]
    person.refresh_from_db()
    assert person.employee_number == "boa"
    assert person.organisation == tree["team"]


def test_two_rows_whose_user_names_differ_only_in_case_are_refused(hr):
    before = people_state()

    report = do_import(
        hr,
        csv_bytes(
            "boa;Bo;;Aa;bo.aa@altena.nl;altena;boa;ja",
            "BOA;Ben;;Aa;ben.aa@altena.nl;altena;boa;ja",
        ),
    )

    assert not report.ok and not report.imported
    assert [(error.row, error.column) for error in report.errors] == [(3, "personeelsnummer")]
    assert people_state() == before


def test_an_unknown_organisation_code_lists_the_codes_the_importer_may_use(hr):
    typo = "4001;Gijs;;Hoek;gijs@altena.nl;altena-hanhaving;boa;ja"
    report = do_import(hr, csv_bytes(*ROWS, typo))

    (error,) = report.errors
    assert "altena-hanhaving" in error.message
    # The codes of HR's own organisation and the teams below it, and no others.
    assert "altena, altena-handhaving" in error.message
    assert "tilburg" not in error.message and "noord-brabant" not in error.message


def test_the_hire_date_is_imported_and_new_people_start_on_the_day_of_the_import(hr):
    header = HEADER + ";in dienst"
    rows = [ROWS[0] + ";1-3-2019", ROWS[1] + ";"]
    report = do_import(hr, csv_bytes(*rows, header=header))
    assert report.ok, report.errors
    started = dict(Profile.objects.values_list("employee_number", "started_on"))
    assert started["1001"] == datetime.date(2019, 3, 1)
    assert started["1002"] == timezone.localdate()

    # An empty cell later keeps the date; a bad one is refused by row and column.
    again = do_import(hr, csv_bytes(ROWS[0] + ";", header=header))
    assert again.ok and again.unchanged == 1
    bad = do_import(hr, csv_bytes(ROWS[0] + ";morgen", header=header))
    assert [(error.row, error.column) for error in bad.errors] == [(2, "in dienst")]


def test_the_tussenvoegsel_is_kept_apart_and_the_name_sorts_under_the_surname(hr):
    report = do_import(hr, csv_bytes(*ROWS))
    assert report.ok, report.errors
    bram = Profile.objects.select_related("user").get(employee_number="1002")
    assert (bram.infix, bram.user.last_name) == ("van den", "van den Berg")
    assert Profile.objects.get(employee_number="1001").infix == ""

    # A file without the column: read off the last name.
    content = csv_bytes(
        "3001,Ruud,van der Linden,ruud@altena.nl,altena,boa,ja",
        header="personeelsnummer,voornaam,achternaam,e-mail,organisatie,functie,actief",
    )
    assert do_import(hr, content).ok
    ruud = Profile.objects.select_related("user").get(employee_number="3001")
    assert (ruud.infix, ruud.user.last_name) == ("van der", "van der Linden")
