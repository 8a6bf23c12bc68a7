"""The public verification page: no login; for a known code only name, module, date and
validity; for an unknown code a helpful page that reveals nothing."""

import datetime

import pytest
from django.utils import dateformat, translation

from certificates.models import Certificate
from people.models import Profile
from tests.factories import make_organisation, play
from training import services as training

pytestmark = pytest.mark.django_db


def nl(message, **values):
    with translation.override("nl"):
        text = str(translation.gettext(message))
    return text % values if values else text


def nl_date(day):
    with translation.override("nl"):
        return dateformat.format(day, "j F Y")


@pytest.fixture
def certificate(learner, module):
    organisation = make_organisation("Gemeente Geheimstad")
    Profile.objects.filter(user=learner).update(
        organisation=organisation, employee_number="EMP-98765"
    )
    attempt, _created = training.start_attempt(learner, module)
    play(attempt)
    certificate = Certificate.objects.get(attempt=attempt)
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=datetime.date(2099, 5, 4))
    certificate.refresh_from_db()
    return certificate


def test_anyone_sees_the_four_facts_of_a_valid_certificate_and_nothing_else(
    client, certificate, learner
):
    response = client.get(f"/verify/{certificate.code}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert learner.get_full_name() in html
    assert certificate.module_title in html
    assert nl_date(certificate.issued_on) in html
    assert nl("Valid until %(date)s", date=nl_date(datetime.date(2099, 5, 4))) in html
    attempt = certificate.attempt
    for secret in (learner.email, "Geheimstad", "EMP-98765", learner.username):
        assert secret not in html
    assert f"{attempt.score}%" not in html and nl("Score") not in html


def test_the_verification_page_is_not_indexed(client, certificate):
    response = client.get(f"/verify/{certificate.code}/")

    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_an_expired_certificate_shows_since_when(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=datetime.date(2020, 2, 29))

    html = client.get(f"/verify/{certificate.code}/").content.decode()

    assert nl("Expired since %(date)s", date=nl_date(datetime.date(2020, 3, 1))) in html


def test_a_revoked_certificate_says_it_no_longer_counts(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(revoked=True)

    html = client.get(f"/verify/{certificate.code}/").content.decode()

    assert nl("This certificate has been revoked and no longer counts.") in html


def test_an_unknown_code_says_so_and_reveals_nothing(client, certificate, learner):
    response = client.get("/verify/ZZZZ-ZZZZ-ZZZZ/")

    html = response.content.decode()
    assert response.status_code == 404
    assert nl("No certificate with this code") in html
    assert learner.get_full_name() not in html
    assert certificate.module_title not in html
    assert 'name="code"' in html  # a form to type the code again


def test_garbage_in_the_address_gets_the_not_found_page_never_an_error(client, db):
    response = client.get("/verify/%3Cscript%3E/")

    assert response.status_code == 404
    assert "<script>" not in response.content.decode()


def test_the_form_takes_a_typed_code_in_any_case_and_with_spaces(client, certificate):
    typed = certificate.code.replace("-", " ").lower()

    response = client.get("/verify/", {"code": typed})

    assert (response.status_code, response["Location"]) == (302, f"/verify/{certificate.code}/")


def test_the_form_refuses_what_cannot_be_a_code(client, db):
    response = client.get("/verify/", {"code": "abc"})

    assert response.status_code == 200
    assert nl("This is not a certificate code.") in response.content.decode()


def test_the_empty_form_asks_for_a_code(client, db):
    html = client.get("/verify/").content.decode()

    assert '<label for="verify-code">' in html
    assert nl("Verification code") in html


def test_many_lookups_from_one_address_are_slowed_down(client, db, settings):
    settings.CERTIFICATE_VERIFY_PER_MINUTE = 3
    statuses = [client.get("/verify/ZZZZ-ZZZZ-ZZZ2/").status_code for _i in range(5)]

    assert statuses[:3] == [404, 404, 404]
    assert statuses[3:] == [429, 429]


def test_every_certificate_url_is_covered_by_these_tests():
    from certificates.urls import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == {"list", "pdf", "verify", "verify_code"}
