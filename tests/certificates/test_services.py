"""Issuing certificates: once per passing attempt, never on a fail, a new one on a passing
retake, validity from the learner's assignment, and the status that follows from it."""

import datetime

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, CertificateStatus, new_code, normalise_code
from people.models import Assignment, Profile
from people.status import add_months
from tests.factories import make_organisation, play, worst_answer
from training import services as training
from training.models import Attempt

pytestmark = pytest.mark.django_db


def take(learner, module, **kwargs):
    attempt, _created = training.start_attempt(learner, module)
    return play(attempt, **kwargs)


def place(learner, organisation):
    Profile.objects.filter(user=learner).update(organisation=organisation)


def test_passing_a_module_issues_one_certificate_with_the_name_and_title(learner, module):
    attempt = take(learner, module)

    certificate = Certificate.objects.get()
    assert certificate.attempt == attempt
    assert certificate.learner == learner
    assert certificate.learner_name == learner.get_full_name()
    assert certificate.module_title == module.title
    assert certificate.issued_on == timezone.localdate()
    assert certificate.valid_until is None  # no assignment: it does not expire
    assert certificate.status() == CertificateStatus.VALID


def test_failing_a_module_issues_no_certificate(learner, module):
    attempt = take(learner, module, choose=worst_answer)

    assert attempt.passed is False
    assert not Certificate.objects.exists()


def test_finishing_twice_or_issuing_again_keeps_one_certificate(learner, module):
    attempt = take(learner, module)

    training.finish_attempt(attempt)
    again, created = services.issue_certificate(attempt)

    assert created is False
    assert Certificate.objects.count() == 1
    assert again == Certificate.objects.get()


def test_a_passing_retake_issues_a_new_certificate_with_a_new_validity(learner, module):
    node = make_organisation("Gemeente Oisterwijk")
    place(learner, node)
    Assignment.objects.create(
        module=module, organisation=node, due_date="2030-01-01", validity_months=12
    )
    first = take(learner, module)
    Attempt.objects.filter(pk=first.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=400)
    )
    services.redate_certificate(Attempt.objects.get(pk=first.pk))

    second = take(learner, module)

    old, new = Certificate.objects.order_by("issued_on")
    assert (old.attempt_id, new.attempt_id) == (first.pk, second.pk)
    assert old.code != new.code
    assert old.is_expired()
    assert old.status() == CertificateStatus.REPLACED  # history now: the new one counts
    assert new.status() == CertificateStatus.VALID
    assert new.valid_until > old.valid_until


def test_validity_comes_from_the_assignment_of_the_learner(learner, module):
    province = make_organisation("Provincie", "province")
    team = make_organisation("Team Toezicht", "team", province)
    place(learner, team)
    Assignment.objects.create(
        module=module, organisation=province, due_date="2030-06-01", validity_months=36
    )
    # The assignment with the earliest due date applies, as in the learner's status.
    Assignment.objects.create(
        module=module, organisation=team, due_date="2030-01-01", validity_months=24
    )

    take(learner, module)

    assert Certificate.objects.get().valid_until == add_months(timezone.localdate(), 24)


def test_an_assignment_without_a_validity_period_gives_a_certificate_that_never_expires(
    learner, module
):
    node = make_organisation("Gemeente Bernheze")
    place(learner, node)
    Assignment.objects.create(module=module, organisation=node, due_date="2030-01-01")

    take(learner, module)

    assert Certificate.objects.get().valid_until is None


def test_status_is_valid_until_the_last_day_then_expired_and_revoked_overrides():
    certificate = Certificate(
        issued_on=datetime.date(2024, 1, 10), valid_until=datetime.date(2026, 1, 10)
    )
    assert certificate.status(datetime.date(2026, 1, 10)) == CertificateStatus.VALID
    assert certificate.status(datetime.date(2026, 1, 11)) == CertificateStatus.EXPIRED
    assert certificate.expired_since == datetime.date(2026, 1, 11)
    certificate.revoked = True
    assert certificate.status(datetime.date(2025, 1, 1)) == CertificateStatus.REVOKED


def test_issue_missing_gives_old_passes_a_certificate_once(learner, module):
    take(learner, module)
    Certificate.objects.all().delete()

    assert services.issue_missing() == 1
    assert services.issue_missing() == 0
    assert Certificate.objects.count() == 1


def test_codes_are_random_grouped_and_typed_codes_are_normalised():
    codes = {new_code() for _i in range(200)}
    assert len(codes) == 200
    assert all(normalise_code(code) == code for code in codes)
    code = next(iter(codes))
    assert normalise_code(f" {code.replace('-', '').lower()} ") == code
    assert normalise_code("ABC") is None
    assert normalise_code("<script>alert") is None


def test_the_learner_sees_only_their_own_certificates(learner, other_learner, module):
    take(learner, module)
    take(other_learner, module)

    assert [c.learner for c in Certificate.objects.visible_to(learner)] == [learner]
    assert [c.learner for c in Certificate.objects.own(other_learner)] == [other_learner]
