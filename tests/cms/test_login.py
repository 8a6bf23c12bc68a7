"""The one login: allauth's form at /inloggen/ (username or e-mail), no sign-up, logout by POST
(the admin's too), the Wagtail admin's own login closed, a 403 page at /admin/ for people
without admin access, and password reset by e-mail."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import UserFactory, activate_totp, login_with_mfa, make_trainer

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


# -- the admin for people without admin access, and logging out of it -------------------------


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/hr/export/", "/admin/login/"])
def test_a_logged_in_learner_at_the_admin_gets_a_403_page_not_a_redirect_loop(client, person, url):
    client.post("/inloggen/", {"login": "jansen", "password": PASSWORD})
    client.cookies["django_language"] = "nl"
    response = client.get(url, follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2
    html = response.content.decode()
    assert 'lang="nl"' in html
    assert 'id="admin-forbidden-message"' in html
    assert "trainers, HR" in response.content.decode() or "trainers, hr" in html.lower()
    assert 'href="/leren/"' in html
    assert "site-header" in html  # the site's layout, not Wagtail's


def test_the_admin_403_page_is_in_english_when_chosen(client, person):
    client.force_login(person)
    client.cookies["django_language"] = "en"
    html = client.get("/admin/").content.decode()
    assert "The admin is for trainers, HR and platform admins." in html
    assert "Go to my modules" in html


def test_get_on_the_admin_logout_answers_405_and_keeps_the_session(client, catalogue):
    trainer = make_trainer(catalogue, username="trainer")
    login_with_mfa(client, trainer)
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert 'action="/uitloggen/"' in response.content.decode()  # a button that posts
    assert client.session.get("_auth_user_id") == str(trainer.pk)
    assert client.get("/admin/").status_code == 200


def test_the_admin_log_out_button_posts_and_lands_on_the_login_page(client, catalogue):
    trainer = make_trainer(catalogue, username="trainer")
    login_with_mfa(client, trainer)
    html = client.get("/admin/").content.decode()
    # The sidebar's account menu (drawn by Wagtail's script from this data) posts to the logout.
    assert '"action": "/admin/logout/", "method": "POST"' in html
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"] == "/inloggen/?next=/admin/"


def test_logging_out_of_the_admin_needs_the_csrf_token(catalogue):
    from django.test import Client

    trainer = make_trainer(catalogue, username="trainer")
    client = login_with_mfa(Client(enforce_csrf_checks=True), trainer)
    assert client.post("/admin/logout/").status_code == 403
    assert client.session.get("_auth_user_id") == str(trainer.pk)
