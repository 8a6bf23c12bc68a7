"""User names are unique without regard to case: the database refuses ``BOA`` beside ``boa``
(cms/migrations/0003), the migration names existing clashes before it adds the index, the
Wagtail user editor and the HR import refuse such a name with a message, and logging in with
the name in any case reaches the one account."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.factories import SuperuserFactory, UserFactory, login_with_mfa

User = get_user_model()
PASSWORD = "Ee3!veilig-wachtwoord"


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.django_db
def test_the_database_refuses_a_user_name_that_differs_only_in_case():
    UserFactory(username="boa")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="BOA")
    assert list(User.objects.filter(username__iexact="boa").values_list("username", flat=True)) == [
        "boa"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["boa", "BOA", "Boa"])
def test_the_name_in_any_case_logs_in_to_the_one_account(client, typed):
    person = with_password(UserFactory(username="boa"))
    response = client.post("/inloggen/", {"login": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


# -- the Wagtail user editor ----------------------------------------------------------------------


def user_form_data(username, **extra):
    return {
        "username": username,
        "email": f"{username.lower()}-{len(username)}@example.nl",
        "first_name": "Bo",
        "last_name": "Aa",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "is_active": "on",
        **extra,
    }


@pytest.fixture
def admin_client(client, db):
    return login_with_mfa(client, SuperuserFactory(username="beheerder"))


@pytest.mark.django_db
def test_the_user_editor_refuses_a_new_name_that_differs_only_in_case(admin_client, settings):
    settings.LANGUAGE_CODE = "en"
    UserFactory(username="boa")
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client.post(reverse("wagtailusers_users:add"), user_form_data("BOA"))
    assert response.status_code == 200
    errors = response.context["form"].errors["username"]
    assert any("“boa” already exists" in error for error in errors), errors
    assert not User.objects.filter(username="BOA").exists()


@pytest.mark.django_db
def test_the_user_editor_refuses_renaming_someone_to_another_accounts_name(admin_client):
    UserFactory(username="boa")
    other = UserFactory(username="handhaver")
    data = user_form_data("Boa", password1="", password2="")
    response = admin_client.post(reverse("wagtailusers_users:edit", args=[other.pk]), data)
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    other.refresh_from_db()
    assert other.username == "handhaver"


@pytest.mark.django_db
def test_the_user_editor_lets_a_person_keep_or_recase_their_own_name(admin_client):
    person = UserFactory(username="boa")
    data = user_form_data("Boa", password1="", password2="")
    response = admin_client.post(reverse("wagtailusers_users:edit", args=[person.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert person.username == "Boa"


@pytest.mark.django_db
def test_the_user_editor_still_creates_a_new_name(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), user_form_data("nieuw"))
    assert response.status_code == 302
    assert User.objects.filter(username="nieuw").exists()


# -- the migration --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_names_existing_clashes_and_adds_the_index_once_they_are_gone():
    call_command("migrate", "cms", "0002", verbosity=0)
    try:
        UserFactory(username="boa")
        UserFactory(username="BOA")
        UserFactory(username="Jansen")
        UserFactory(username="JANSEN")
        UserFactory(username="devries")
        with pytest.raises(CommandError) as refused:
            call_command("migrate", "cms", "0003", verbosity=0)
        message = str(refused.value)
        assert "BOA and boa" in message and "JANSEN and Jansen" in message
        assert "devries" not in message
        with pytest.raises(CommandError):  # nothing was added: it stops again
            call_command("migrate", "cms", "0003", verbosity=0)
        User.objects.filter(username__in=["BOA", "JANSEN"]).delete()
        call_command("migrate", "cms", "0003", verbosity=0)
        with pytest.raises(IntegrityError), transaction.atomic():
            User.objects.create(username="Boa")
        call_command("migrate", "cms", "0002", verbosity=0)  # the reverse drops the index
        User.objects.create(username="Boa")
        User.objects.filter(username="Boa").delete()
    finally:
        call_command("migrate", "cms", verbosity=0)
