"""Platform admins find a certificate in the admin and revoke it; nobody else reaches it."""

import pytest

from certificates.models import Certificate
from tests.factories import login_with_mfa, make_hr, make_organisation, play
from training import services as training

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(learner, module):
    attempt, _created = training.start_attempt(learner, module)
    play(attempt)
    return Certificate.objects.get(attempt=attempt)


def test_admin_lists_certificates_and_revokes_one(client, superuser, certificate):
    login_with_mfa(client, superuser)

    listing = client.get("/admin/certificates/")
    response = client.post(f"/admin/certificates/edit/{certificate.pk}/", {"revoked": "on"})

    assert certificate.code in listing.content.decode()
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked is True
    assert client.get(f"/verify/{certificate.code}/").status_code == 200


def test_admin_cannot_add_or_delete_certificates(client, superuser, certificate):
    login_with_mfa(client, superuser)

    assert client.get("/admin/certificates/add/").status_code in (302, 403, 404)
    client.post(f"/admin/certificates/delete/{certificate.pk}/")
    assert Certificate.objects.filter(pk=certificate.pk).exists()


@pytest.mark.parametrize("role", ["trainer", "hr"])
def test_trainers_and_hr_do_not_reach_the_certificates(client, role, trainer, certificate):
    user = trainer if role == "trainer" else make_hr(make_organisation("Gemeente A"))
    login_with_mfa(client, user)

    response = client.get("/admin/certificates/")

    assert response.status_code in (302, 403)
    assert certificate.code not in response.content.decode()
