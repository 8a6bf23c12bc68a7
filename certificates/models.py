"""Certificates: proof that a learner passed a module, with a validity period, a PDF and a public
verification code. Issued by ``certificates.services.issue_certificate`` when an attempt passes;
the learner's name and the module's title are frozen as issued, so that a later rename or edit
never changes what a certificate said."""

import datetime
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: a code read aloud or typed from paper is hard to get wrong.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4  # 12 characters of 31 symbols: about 59 bits, not guessable
CODE_PATTERN = re.compile(r"^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){2}$")


def new_code():
    """A random, unguessable, URL-safe verification code in groups: ``K7QM-3XRB-9TWD``."""
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_GROUP_LENGTH))
        for _g in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(text):
    """What a person typed (lower case, spaces, without dashes) as a stored code, or None when it
    cannot be one."""
    letters = re.sub(r"[\s-]", "", text or "").upper()
    if len(letters) != CODE_GROUPS * CODE_GROUP_LENGTH or not letters.isalnum():
        return None
    code = "-".join(
        letters[i : i + CODE_GROUP_LENGTH] for i in range(0, len(letters), CODE_GROUP_LENGTH)
    )
    return code if CODE_PATTERN.match(code) else None


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The learner sees their own certificates; HR and managers those of the people in
        their scope; admins all (``people.scope``)."""
        from people.scope import people_scope

        return self.filter(
            people_scope(user, "learner__profile__organisation__path", own_user_field="learner")
        )

    def own(self, user):
        """Only the user's own certificates, whatever their role: the learner's pages."""
        if not user.is_authenticated:
            return self.none()
        return self.visible_to(user).filter(learner=user)


class Certificate(models.Model):
    """Proof that a learner passed a module on a given day, valid until a given day (or for
    good). One per passing attempt: a retake that passes issues a new certificate with a new
    validity; the old one stays as history."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("learner"),
    )
    module = models.ForeignKey(
        "scenarios.ModulePage",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("module"),
    )
    attempt = models.OneToOneField(
        "training.Attempt",
        on_delete=models.CASCADE,
        related_name="certificate",
        verbose_name=_("attempt"),
    )
    learner_name = models.CharField(_("name as issued"), max_length=300)
    module_title = models.CharField(_("module title as issued"), max_length=255)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: it does not expire.")
    )
    code = models.CharField(
        _("verification code"), max_length=20, unique=True, default=new_code, editable=False
    )
    revoked = models.BooleanField(_("revoked"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.module_title} – {self.learner_name} ({self.issued_on:%Y-%m-%d})"

    def status(self, today=None):
        if self.revoked:
            return CertificateStatus.REVOKED
        if self.is_expired(today):
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    def is_expired(self, today=None):
        today = today or timezone.localdate()
        return self.valid_until is not None and self.valid_until < today

    @property
    def expired_since(self):
        """The first day it no longer counted."""
        return self.valid_until + datetime.timedelta(days=1) if self.valid_until else None

    @property
    def status_label(self):
        return self.status().label
