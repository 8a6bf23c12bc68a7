"""django-axes: five failed logins for one username from one address lock that combination out
for 15 minutes, on every login path, with a message in the site's own page (status 429). It is
the only counter of failed passwords: allauth's own per-username and per-address limits would let
a guesser elsewhere lock a colleague out, or lock out an office behind one address."""

import pytest
from django.contrib.auth import authenticate
from django.test import Client, RequestFactory

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


# -- one lockout rule: django-axes, username + address; no second counter to abuse ---------------

ADDRESS_A = "192.0.2.10"
ADDRESS_B = "198.51.100.20"


def test_many_wrong_passwords_from_one_address_do_not_lock_the_account_elsewhere(client, person):
    """allauth counted failures per username from every address: twelve guesses from elsewhere
    would keep the real person out of their own account."""
    for _ in range(12):
        client.post("/inloggen/", {"login": "devries", "password": "fout"}, REMOTE_ADDR=ADDRESS_A)

    elsewhere = Client()
    response = elsewhere.post(
        "/inloggen/", {"login": "devries", "password": PASSWORD}, REMOTE_ADDR=ADDRESS_B
    )
    assert response.status_code == 302
    assert elsewhere.session["_auth_user_id"] == str(person.pk)

    response = client.post(
        "/inloggen/", {"login": "devries", "password": PASSWORD}, REMOTE_ADDR=ADDRESS_A
    )
    assert response.status_code == 429  # the guessing address stays locked
    assert "_auth_user_id" not in client.session


def test_forty_colleagues_behind_one_address_all_log_in(db):
    """An office behind one address: every colleague logs in, each after one typing error."""
    colleagues = []
    for number in range(40):
        user = UserFactory(username=f"collega{number}")
        user.set_password(PASSWORD)
        user.save()
        colleagues.append(user)
    for user in colleagues:
        browser = Client()
        wrong = browser.post(
            "/inloggen/", {"login": user.username, "password": "fout"}, REMOTE_ADDR=ADDRESS_A
        )
        assert wrong.status_code == 200
        right = browser.post(
            "/inloggen/", {"login": user.username, "password": PASSWORD}, REMOTE_ADDR=ADDRESS_A
        )
        assert right.status_code == 302, f"{user.username} was refused"
        assert browser.session["_auth_user_id"] == str(user.pk)


def test_wrong_two_step_codes_are_still_limited_per_user(client, person):
    from tests.factories import activate_totp, totp_code

    secret = activate_totp(person)
    client.post("/inloggen/", {"login": "devries", "password": PASSWORD})
    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    for _ in range(10):
        assert client.post("/account/2fa/authenticate/", {"code": wrong}).status_code == 200
    response = client.post("/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert "_auth_user_id" not in client.session  # the eleventh try is refused, even right
    assert response.status_code in (200, 429)
