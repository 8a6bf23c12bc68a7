"""Issuing certificates and rendering them. ``issue_certificate`` receives training's
``attempt_passed`` signal, sent inside ``finish_attempt``'s transaction when an attempt passes
(connected in ``CertificatesConfig.ready``); it is idempotent (one certificate per passing
attempt)."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from people.models import Assignment, AssignmentIndex, Profile
from people.status import add_months, local_date
from training.models import Attempt

from .models import Certificate, new_code

# weasyprint reports every rendering step at INFO: not worth a log line per download.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def learner_name(user):
    return user.get_full_name().strip() or user.get_username()


def validity_months_for(learner, module_id):
    """The validity period of the assignment that applies to the learner for this module: the
    one with the earliest due date, as the learner's status uses it (``training.services.
    assignments_for``, ``people.status``). None when no assignment applies or it sets no
    period: then the certificate does not expire."""
    profile = Profile.objects.select_related("organisation").filter(user=learner).first()
    candidates = (
        Assignment.objects.for_profile(profile)
        .filter(module_id=module_id)
        .select_related("organisation")
    )
    assignment = AssignmentIndex(candidates).for_profile(profile).get(module_id)
    return assignment.validity_months if assignment else None


def _dates(attempt):
    issued_on = local_date(attempt.finished_at) or timezone.localdate()
    months = validity_months_for(attempt.learner, attempt.module_id)
    return issued_on, add_months(issued_on, months) if months is not None else None


def issue_certificate(attempt, module_title=None):
    """The certificate for a passed attempt, issued now if it has none yet. Returns
    (certificate, created); (None, False) for an attempt that is not passed."""
    if not attempt.passed or attempt.finished_at is None:
        return None, False
    existing = Certificate.objects.filter(attempt=attempt).first()
    if existing is not None:
        return existing, False
    issued_on, valid_until = _dates(attempt)
    values = {
        "learner": attempt.learner,
        "module_id": attempt.module_id,
        "learner_name": learner_name(attempt.learner),
        "module_title": module_title or attempt.module.title,
        "issued_on": issued_on,
        "valid_until": valid_until,
    }
    for _try in range(3):
        try:
            with transaction.atomic():
                return Certificate.objects.create(attempt=attempt, code=new_code(), **values), True
        except IntegrityError:
            # Either the attempt got its certificate at the same moment, or (once in 10^17) the
            # random code was taken: look again, then draw a new code.
            existing = Certificate.objects.filter(attempt=attempt).first()
            if existing is not None:
                return existing, False
    raise IntegrityError("could not draw a free verification code")


def on_attempt_passed(sender, attempt, module_title=None, **kwargs):
    """training's ``attempt_passed``: the certificate of the pass, in the same transaction."""
    issue_certificate(attempt, module_title=module_title)


def redate_certificate(attempt):
    """Set the dates of the attempt's certificate from its finish date again (the demo backdates
    attempts after finishing them)."""
    issued_on, valid_until = _dates(attempt)
    Certificate.objects.filter(attempt=attempt).update(issued_on=issued_on, valid_until=valid_until)


def issue_missing():
    """Certificates for passed attempts that have none (attempts from before certificates
    existed). Returns how many were issued; running it again issues none."""
    attempts = Attempt.objects.filter(passed=True, finished_at__isnull=False, certificate=None)
    count = 0
    for attempt in attempts.select_related("learner", "module").order_by("finished_at", "pk"):
        _certificate, created = issue_certificate(attempt)
        count += created
    return count


# -- showing a certificate -------------------------------------------------------------------


def verification_path(certificate):
    return reverse("certificates:verify_code", args=[certificate.code])


def verification_url(certificate, request=None):
    """The absolute public address where anyone can check the certificate: the site's public
    address (``SITE_URL``), or, when none is set (development), the host the request came to."""
    path = verification_path(certificate)
    base = (settings.SITE_URL or "").rstrip("/")
    if base:
        return base + path
    return request.build_absolute_uri(path) if request is not None else path


def render_pdf(certificate, request=None, language=None):
    """The certificate as a tagged PDF/UA-1 document in the given (or the active) language."""
    from weasyprint import HTML

    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string(
            "certificates/certificate_pdf.html",
            {
                "certificate": certificate,
                "verification_url": verification_url(certificate, request),
                "language": translation.get_language(),
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_identifier=certificate.code.encode(),
    )
