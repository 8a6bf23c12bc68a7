"""The one login: allauth's form at /inloggen/ (username or e-mail), no sign-up, logout by POST,
the Wagtail admin's own login closed, and password reset by e-mail."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import UserFactory, activate_totp, make_trainer

pytestmark = pytest.mark.django_db

PASSWORD = "Ee3!veilig-wachtwoord"


@pytest.fixture
def person(db):
    user = UserFactory(username="jansen", email="p.jansen@gemeente.example")
    user.set_password(PASSWORD)
    user.save()
    return user


def test_login_page_at_inloggen_asks_for_username_or_email_and_password(client):
    response = client.get("/inloggen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="login"' in html
    assert 'name="password"' in html
    assert "/account/signup/" not in html  # nobody is invited to sign up


@pytest.mark.parametrize("login", ["jansen", "p.jansen@gemeente.example", "JANSEN"])
def test_a_person_logs_in_with_username_or_email(client, person, login):
    response = client.post("/inloggen/", {"login": login, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/leren/"
    assert client.get("/leren/").context["user"] == person


def test_a_wrong_password_is_refused_with_a_message(client, person):
    response = client.post("/inloggen/", {"login": "jansen", "password": "fout"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_nobody_can_sign_up(client):
    client.post(
        "/account/signup/",
        {"username": "nieuw", "email": "nieuw@example.org", "password1": PASSWORD},
    )
    assert not get_user_model().objects.filter(username="nieuw").exists()
    response = client.get("/account/signup/")
    assert "account/signup_closed.html" in [t.name for t in response.templates]


def test_logging_out_takes_a_post(client, person):
    client.force_login(person)
    response = client.get("/uitloggen/")
    assert response.status_code == 200  # a confirmation page, still logged in
    assert client.get("/leren/").status_code == 200
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert client.get("/leren/").status_code == 302  # back to the login


def test_the_admin_sends_an_anonymous_visitor_to_the_site_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/admin/"


def test_the_admin_login_page_sends_people_to_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=%2Fadmin%2Fpages%2F"


def test_the_admin_login_refuses_an_outside_next(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/inloggen/?next=%2Fadmin%2F"


def test_posting_to_the_admin_login_does_not_log_in_past_two_step_verification(client, catalogue):
    trainer = make_trainer(catalogue, username="trainer")
    trainer.set_password(PASSWORD)
    trainer.save()
    activate_totp(trainer)
    response = client.post("/admin/login/", {"username": "trainer", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"] == "/inloggen/?next=/admin/"


def test_a_password_login_of_a_user_with_an_authenticator_asks_for_the_code(client, person):
    activate_totp(person)
    response = client.post("/inloggen/", {"login": "jansen", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not logged in before the code


def test_password_reset_sends_a_link_by_email(client, person):
    response = client.post("/account/password/reset/", {"email": "p.jansen@gemeente.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["p.jansen@gemeente.example"]
    assert "/account/password/reset/key/" in mail.outbox[0].body


def test_the_login_pages_carry_no_inline_script_or_style(client, person):
    for url in ["/inloggen/", "/account/password/reset/"]:
        html = client.get(url).content.decode()
        assert "<script" not in html
        assert "style=" not in html
        assert "<style" not in html
