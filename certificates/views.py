"""The learner's certificates (list and PDF, own only) and the public verification page."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from training import services as training_services

from . import services
from .models import Certificate, CertificateStatus, normalise_code


@login_required
@require_GET
def my_certificates(request):
    """The learner's current certificate of each module, newest first, with its status as
    text; an expired one whose module they can still take offers the recertification retake.
    Below them the certificates that a retake replaced, as history."""
    certificates = list(
        Certificate.objects.own(request.user).with_replaced().select_related("module")
    )
    available = set(
        training_services.modules_for(request.user)
        .filter(pk__in={c.module_id for c in certificates})
        .values_list("pk", flat=True)
    )
    newest_per_module = {}
    for certificate in certificates:  # newest first: the first unrevoked one per module
        if not certificate.revoked:
            newest_per_module.setdefault(certificate.module_id, certificate)
    rows, history = [], []
    for certificate in certificates:
        status = certificate.status()
        row = {
            "certificate": certificate,
            "status": status,
            "can_retake": status == CertificateStatus.EXPIRED
            and certificate.module_id in available,
            "replaced_by": newest_per_module.get(certificate.module_id)
            if status == CertificateStatus.REPLACED
            else None,
        }
        (history if status == CertificateStatus.REPLACED else rows).append(row)
    return render(request, "certificates/my_certificates.html", {"rows": rows, "history": history})


@login_required
@require_GET
@cache_control(private=True, no_store=True)  # a personal document: kept in no cache
def certificate_pdf(request, pk):
    """The PDF of the learner's own certificate; another person's certificate is a 404."""
    certificate = get_object_or_404(Certificate.objects.own(request.user), pk=pk)
    pdf = services.render_pdf(certificate, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
    return response


# Lookups per address are counted over this many seconds from the first one.
LOOKUP_WINDOW = 60


def _too_many_lookups(request):
    """A light limit on code lookups per address and minute (in the shared cache), on top of
    codes that are unguessable anyway."""
    limit = getattr(settings, "CERTIFICATE_VERIFY_PER_MINUTE", 30)
    return _count_lookup(f"certificates.verify.{request.META.get('REMOTE_ADDR', '')}") > limit


def _count_lookup(key):
    """This lookup's number in its address's window. The cache's add and incr are atomic (the
    in-process cache, Redis, and cms.cache's database cache), so simultaneous lookups each get
    a number of their own; incr keeps the expiry add set, so the window is the same
    ``LOOKUP_WINDOW`` seconds on every backend."""
    for _attempt in range(3):
        if cache.add(key, 1, timeout=LOOKUP_WINDOW):
            return 1  # the first lookup opens the window
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add and incr: open a new one
            continue
        if count == 1:
            # Redis's incr checks the key exists, then INCRs: if it expired in between, INCR
            # makes a new key without expiry, which would count forever.
            cache.touch(key, LOOKUP_WINDOW)
        return count
    return 0  # a cache that keeps failing: the lookup is not held up (codes are unguessable)


@require_GET
def verify(request, code=None):
    """Public: anyone with a code sees whether the certificate is valid. Only four facts are
    shown (name, module, date of issue, validity); an unknown code reveals nothing."""
    if code is None and "code" in request.GET:
        typed = normalise_code(request.GET["code"])
        if typed:
            return redirect("certificates:verify_code", typed)
        return _verify_page(
            request, typed_code=request.GET["code"], error=_("This is not a certificate code.")
        )
    if code is None:
        return _verify_page(request)
    if _too_many_lookups(request):
        return _verify_page(
            request,
            error=_("Too many codes checked from your address. Try again in a minute."),
            status=429,
        )
    normalised = normalise_code(code)
    if normalised and normalised != code:
        return redirect("certificates:verify_code", normalised)
    certificate = Certificate.objects.filter(code=code).first() if normalised else None
    if certificate is None:
        return _verify_page(request, typed_code=code, not_found=True, status=404)
    return _verify_page(request, certificate=certificate, status_value=certificate.status())


def _verify_page(request, status=200, **context):
    context.setdefault("typed_code", "")
    response = render(request, "certificates/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # It shows a person's name: no proxy or shared browser keeps it.
    response["Cache-Control"] = "private, no-store"
    return response
