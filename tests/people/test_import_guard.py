"""HR's staff import may not change the e-mail address, name, function or active status of a
privileged account (staff, superuser, trainer, HR, programme coordinator): taking over an
admin's login starts with its e-mail address. Such a row is refused with a clear message, and
the whole file imports nothing (all or nothing)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from people import roles
from people.imports import import_staff_rows, read_staff_file
from people.models import Profile
from tests.factories import UserFactory, make_hr, make_organisation

User = get_user_model()

HEADER = "personeelsnummer;voornaam;achternaam;e-mail;organisatie;functie;actief"
NEWCOMER = "2001;Nina;Nieuw;nina@altena.nl;altena;boa;ja"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def altena(db):
    return make_organisation("Altena", kind="municipality")


@pytest.fixture
def hr(altena):
    return make_hr(altena)


def colleague(altena, number, *, group=None, **flags):
    user = UserFactory(
        username=f"user{number}",
        first_name="Petra",
        last_name="Beheer",
        email=f"user{number}@altena.nl",
        **flags,
    )
    Profile.objects.filter(user=user).update(
        organisation=altena, employee_number=number, function="boa"
    )
    if group:
        roles.ensure_groups()
        user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)


def do_import(user, *rows):
    content = ("\n".join([HEADER, *rows]) + "\n").encode()
    return import_staff_rows(user, read_staff_file(content, "personeel.csv"))


def state():
    return sorted(
        User.objects.values_list("username", "first_name", "last_name", "email", "is_active")
    ), sorted(Profile.objects.values_list("employee_number", "function", "active"), key=str)


PRIVILEGED = [
    pytest.param({"group": roles.TRAINERS}, id="trainer"),
    pytest.param({"group": roles.HR}, id="hr"),
    pytest.param({"group": roles.COORDINATORS}, id="coordinator"),
    pytest.param({"is_staff": True}, id="staff"),
    pytest.param({"is_superuser": True}, id="superuser"),
]
CHANGES = [
    pytest.param("1500;Petra;Beheer;attacker@evil.example;altena;boa;ja", id="e-mail"),
    pytest.param("1500;Piet;Beheer;user1500@altena.nl;altena;boa;ja", id="first-name"),
    pytest.param("1500;Petra;Anders;user1500@altena.nl;altena;boa;ja", id="last-name"),
    pytest.param("1500;Petra;Beheer;user1500@altena.nl;altena;mt_member;ja", id="function"),
    pytest.param("1500;Petra;Beheer;user1500@altena.nl;altena;boa;nee", id="active"),
]


@pytest.mark.parametrize("row", CHANGES)
@pytest.mark.parametrize("kind", PRIVILEGED)
def test_an_import_that_changes_a_privileged_account_is_refused_and_imports_nothing(
    hr, altena, kind, row
):
    colleague(altena, "1500", **kind)
    before = state()

    report = do_import(hr, NEWCOMER, row)

    assert not report.imported
    (error,) = report.errors
    assert error.row == 3
    assert "privileged account" in error.message
    assert state() == before
    assert not User.objects.filter(email="nina@altena.nl").exists()


def test_an_unchanged_row_of_a_privileged_account_is_fine(hr, altena):
    colleague(altena, "1500", group=roles.HR)

    report = do_import(hr, NEWCOMER, "1500;Petra;Beheer;user1500@altena.nl;altena;boa;ja")

    assert report.ok and report.imported
    assert (report.new, report.unchanged) == (1, 1)


@pytest.mark.parametrize("group", [roles.LEARNERS, roles.MANAGERS])
def test_the_e_mail_of_an_ordinary_account_may_still_be_changed_by_import(hr, altena, group):
    colleague(altena, "1500", group=group)

    report = do_import(hr, "1500;Petra;Beheer;petra.nieuw@altena.nl;altena;boa;ja")

    assert report.imported
    assert User.objects.get(username="user1500").email == "petra.nieuw@altena.nl"
