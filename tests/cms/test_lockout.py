"""django-axes: five failed logins for one username from one address lock that combination out
for 15 minutes, on every login path, with a message in the site's own page (status 429)."""

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Ee3!veilig-wachtwoord"


@pytest.fixture
def person(db):
    user = UserFactory(username="devries", email="devries@gemeente.example")
    user.set_password(PASSWORD)
    user.save()
    return user


def fail(client, login, times, url="/inloggen/"):
    return [client.post(url, {"login": login, "password": "fout"}) for _ in range(times)]


def test_five_wrong_passwords_lock_the_account_with_a_message(client, person):
    responses = fail(client, "devries", 5)
    assert [r.status_code for r in responses[:4]] == [200] * 4
    locked = responses[4]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert 'id="lockout-message"' in html
    assert "15" in html  # minutes to wait
    assert "<script" not in html and "style=" not in html


def test_the_right_password_is_refused_while_locked_out(client, person):
    fail(client, "devries", 5)
    response = client.post("/inloggen/", {"login": "devries", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_holds_for_the_email_address_in_another_case_too(client, person):
    fail(client, "DeVries", 5)
    response = client.post("/inloggen/", {"login": "devries", "password": PASSWORD})
    assert response.status_code == 429


def test_the_lockout_holds_on_allauths_other_login_address(client, person):
    fail(client, "devries", 5)
    response = client.post("/account/login/", {"login": "devries", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_on_the_other_login_address_count_too(client, person):
    fail(client, "devries", 3, url="/account/login/")
    responses = fail(client, "devries", 2)
    assert responses[-1].status_code == 429


def test_the_lockout_holds_for_djangos_authenticate(client, person):
    fail(client, "devries", 5)
    request = RequestFactory().post("/elders/", REMOTE_ADDR="127.0.0.1")
    assert authenticate(request, username="devries", password=PASSWORD) is None


def test_failures_through_djangos_authenticate_lock_the_login_page(client, person):
    for _ in range(5):
        request = RequestFactory().post("/elders/", REMOTE_ADDR="127.0.0.1")
        assert authenticate(request, username="devries", password="fout") is None
    response = client.post("/inloggen/", {"login": "devries", "password": PASSWORD})
    assert response.status_code == 429


def test_a_colleague_at_the_same_address_is_not_locked_out(client, person):
    colleague = UserFactory(username="bakker")
    colleague.set_password(PASSWORD)
    colleague.save()
    fail(client, "devries", 5)
    response = client.post("/inloggen/", {"login": "bakker", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(colleague.pk)


def test_the_same_account_from_another_address_is_not_locked_out(client, person):
    fail(client, "devries", 5)
    response = client.post(
        "/inloggen/", {"login": "devries", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 302


def test_a_successful_login_resets_the_count(client, person):
    fail(client, "devries", 4)
    assert client.post("/inloggen/", {"login": "devries", "password": PASSWORD}).status_code == 302
    client.post("/uitloggen/")
    responses = fail(client, "devries", 4)
    assert [r.status_code for r in responses] == [200] * 4
    assert client.post("/inloggen/", {"login": "devries", "password": PASSWORD}).status_code == 302


def test_a_login_without_a_request_is_not_counted_nor_refused(client, person):
    """``Client.login`` and shell code call ``authenticate`` without a request: no address to
    count, so the lockout check passes it on rather than failing with an error."""
    assert client.login(username="devries", password=PASSWORD)
