"""The learner's certificates (list and PDF download, own only), and the public verification
page that shows four facts and nothing else."""

import datetime
import io

import pypdf
import pytest
from django.utils import dateformat, timezone, translation

from certificates.models import Certificate
from people.models import Profile
from tests.factories import UserFactory, make_organisation, play
from training import services as training

pytestmark = pytest.mark.django_db


def nl(message, **values):
    with translation.override("nl"):
        text = str(translation.gettext(message))
    return text % values if values else text


def nl_date(day):
    with translation.override("nl"):
        return dateformat.format(day, "j F Y")


def passed(learner, module):
    attempt, _created = training.start_attempt(learner, module)
    play(attempt)
    return Certificate.objects.get(attempt=attempt)


@pytest.fixture
def certificate(learner, module):
    return passed(learner, module)


@pytest.fixture
def theirs(other_learner, module):
    return passed(other_learner, module)


# -- the learner's list ----------------------------------------------------------------------


def test_learner_sees_their_certificates_with_status_and_code(learner_client, certificate, theirs):
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=datetime.date(2099, 3, 1))

    response = learner_client.get("/leren/certificaten/")

    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.module_title in html
    assert certificate.code in html
    assert nl("Valid until %(date)s", date=nl_date(datetime.date(2099, 3, 1))) in html
    assert f'href="/leren/certificaten/{certificate.pk}/pdf/"' in html
    assert theirs.code not in html


def test_an_expired_certificate_says_so_and_offers_the_retake(learner_client, certificate, module):
    expired_on = timezone.localdate() - datetime.timedelta(days=10)
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=expired_on)

    html = learner_client.get("/leren/certificaten/").content.decode()

    since = nl_date(expired_on + datetime.timedelta(days=1))
    assert nl("Expired since %(date)s", date=since) in html
    assert f'action="/leren/module/{module.pk}/start/"' in html
    assert nl("Take again to recertify") in html


def test_a_valid_certificate_offers_no_retake(learner_client, certificate, module):
    html = learner_client.get("/leren/certificaten/").content.decode()

    assert nl("Valid, does not expire") in html
    assert f'action="/leren/module/{module.pk}/start/"' not in html


def test_the_retake_from_an_expired_certificate_starts_a_new_attempt(
    learner_client, learner, certificate, module
):
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=datetime.date(2000, 1, 1))

    response = learner_client.post(f"/leren/module/{module.pk}/start/")

    assert response.status_code == 302
    assert learner.attempts.filter(finished_at__isnull=True).count() == 1


def test_a_learner_without_certificates_is_told_how_to_get_one(learner_client, db):
    html = learner_client.get("/leren/certificaten/").content.decode()

    assert nl("You have no certificates yet. Pass a module to get one.") in html


# -- the PDF ---------------------------------------------------------------------------------


def pdf_of(response):
    assert response["Content-Type"] == "application/pdf"
    return pypdf.PdfReader(io.BytesIO(response.content))


def test_learner_downloads_their_certificate_as_a_tagged_accessible_pdf(
    learner_client, learner, certificate
):
    response = learner_client.get(f"/leren/certificaten/{certificate.pk}/pdf/")

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    reader = pdf_of(response)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert learner.get_full_name() in text
    assert certificate.module_title in text
    assert certificate.code in text
    assert f"http://testserver/verify/{certificate.code}/" in text
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert certificate.module_title in reader.metadata.title
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()


def verify_links_in(response):
    text = " ".join(page.extract_text() for page in pdf_of(response).pages)
    return [word for word in text.split() if "/verify/" in word]


def test_without_a_site_address_the_pdf_links_to_the_host_the_learner_used(
    learner_client, certificate, settings
):
    """Development: no SITE_URL, so the verify link follows the request (the old default,
    127.0.0.1:8000, was wrong everywhere else)."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["leren.gemeente.example"]
    response = learner_client.get(
        f"/leren/certificaten/{certificate.pk}/pdf/", HTTP_HOST="leren.gemeente.example:8001"
    )

    assert verify_links_in(response) == [
        f"http://leren.gemeente.example:8001/verify/{certificate.code}/"
    ]


def test_with_a_site_address_the_pdf_links_there_whatever_host_was_asked(
    learner_client, certificate, settings
):
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = "https://training.example.org"
    response = learner_client.get(
        f"/leren/certificaten/{certificate.pk}/pdf/", HTTP_HOST="10.0.0.5:8000"
    )

    assert verify_links_in(response) == [f"https://training.example.org/verify/{certificate.code}/"]


def test_the_pdf_is_in_english_for_a_learner_who_chose_english(learner_client, certificate):
    learner_client.cookies["django_language"] = "en"
    response = learner_client.get(f"/leren/certificaten/{certificate.pk}/pdf/")

    reader = pdf_of(response)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Verification code" in reader.pages[0].extract_text()


def test_another_persons_certificate_cannot_be_downloaded(learner_client, certificate, theirs):
    assert learner_client.get(f"/leren/certificaten/{theirs.pk}/pdf/").status_code == 404


def test_a_manager_downloads_only_their_own_certificate_not_their_teams(client, certificate):
    from people import roles

    team = make_organisation("Team", "team")
    Profile.objects.filter(user=certificate.learner).update(organisation=team)
    manager = UserFactory(username="chef")
    manager.groups.add(roles.ensure_groups()[roles.MANAGERS])
    team.managers.add(manager)
    assert Certificate.objects.visible_to(manager).filter(pk=certificate.pk).exists()
    client.force_login(manager)

    assert client.get(f"/leren/certificaten/{certificate.pk}/pdf/").status_code == 404
    assert certificate.code not in client.get("/leren/certificaten/").content.decode()


@pytest.mark.parametrize("url", ["/leren/certificaten/", "/leren/certificaten/1/pdf/"])
def test_anonymous_visitor_is_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/inloggen/?next={url}")


@pytest.mark.parametrize("url", ["/leren/certificaten/", "/verify/", "/verify/ABCD-EFGH-JKMN/"])
def test_certificate_pages_refuse_post(learner_client, db, url):
    assert learner_client.post(url).status_code == 405


def test_the_list_takes_the_same_queries_for_one_certificate_or_many(
    learner_client, learner, catalogue
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_module

    passed(learner, make_module(catalogue=catalogue))
    learner_client.get("/leren/certificaten/")
    with CaptureQueriesContext(connection) as one:
        learner_client.get("/leren/certificaten/")
    for _i in range(3):
        passed(learner, make_module(catalogue=catalogue))
    with CaptureQueriesContext(connection) as four:
        html = learner_client.get("/leren/certificaten/").content.decode()

    assert html.count('class="certificate"') == 4
    assert len(four) == len(one)


def test_my_data_download_lists_my_certificates_and_no_one_elses(
    learner_client, certificate, theirs
):
    import json

    data = json.loads(learner_client.get("/leren/mijn-gegevens.json").content)

    assert [c["verification_code"] for c in data["certificates"]] == [certificate.code]
    assert data["certificates"][0]["module"] == certificate.module_title


# -- a retake that passes replaces the certificate (issue 13, item 15) -----------------------


def test_a_passed_retake_shows_one_valid_certificate_and_keeps_the_old_one_as_history(
    learner_client, learner, certificate, module
):
    newer = passed(learner, module)

    html = learner_client.get("/leren/certificaten/").content.decode()

    assert html.count('class="certificate"') == 1  # the current one
    assert html.count('class="certificate certificate--replaced"') == 1
    assert html.count(nl("Valid, does not expire")) == 1
    current, earlier = html.split(nl("Earlier certificates"), 1)
    assert newer.code in current and certificate.code not in current
    assert certificate.code in earlier
    assert nl("Replaced by a newer certificate") in earlier
    assert f'href="/leren/certificaten/{certificate.pk}/pdf/"' in earlier  # still downloadable
    assert list(Certificate.objects.current()) == [newer]


def test_the_verification_page_says_an_old_certificate_was_replaced(client, learner, module):
    older = passed(learner, module)
    newer = passed(learner, module)

    old_page = client.get(f"/verify/{older.code}/").content.decode()
    new_page = client.get(f"/verify/{newer.code}/").content.decode()

    assert nl("Replaced by a newer certificate") in old_page
    assert nl("Valid, does not expire") not in old_page
    assert nl("Valid, does not expire") in new_page
    assert nl("Replaced by a newer certificate") not in new_page


def test_a_revoked_newer_certificate_replaces_nothing(learner, certificate, module):
    newer = passed(learner, module)
    Certificate.objects.filter(pk=newer.pk).update(revoked=True)

    certificate.refresh_from_db()
    assert certificate.status() == "valid"
    assert list(Certificate.objects.current()) == [certificate]


def test_the_list_with_history_takes_the_same_queries(learner_client, learner, catalogue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_module

    module = make_module(catalogue=catalogue)
    passed(learner, module)
    learner_client.get("/leren/certificaten/")
    with CaptureQueriesContext(connection) as one:
        learner_client.get("/leren/certificaten/")
    for _i in range(3):
        passed(learner, module)
    with CaptureQueriesContext(connection) as four:
        html = learner_client.get("/leren/certificaten/").content.decode()

    assert html.count('class="certificate certificate--replaced"') == 3
    assert len(four) == len(one)


def test_my_data_download_says_which_certificate_a_retake_replaced(
    learner_client, learner, certificate, module
):
    import json

    newer = passed(learner, module)
    data = json.loads(learner_client.get("/leren/mijn-gegevens.json").content)

    replaced = {c["verification_code"]: c["replaced_by_a_newer_one"] for c in data["certificates"]}
    assert replaced == {certificate.code: True, newer.code: False}
