"""Certificates: proof that a learner passed a module, with a validity period, a PDF and a public
verification code. Issued by ``certificates.services.issue_certificate`` when an attempt passes;
the learner's name and the module's title are frozen as issued, so that a later rename or edit
never changes what a certificate said."""

import datetime
import re
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
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
    REPLACED = "replaced", _("Replaced by a newer certificate")


def newer_of_the_same(certificate_ref="pk"):
    """The learner's unrevoked certificates of the same module issued after the one referred
    to (later day, or the same day and issued later): the ones that replace it."""
    return Certificate.objects.filter(
        learner=OuterRef("learner"), module=OuterRef("module"), revoked=False
    ).filter(
        Q(issued_on__gt=OuterRef("issued_on"))
        | Q(issued_on=OuterRef("issued_on"), pk__gt=OuterRef(certificate_ref))
    )


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

    def with_replaced(self):
        """Each certificate with ``replaced_by_newer``: whether a newer unrevoked certificate of
        the same learner and module exists (a retake that passed). One query for any number."""
        return self.annotate(replaced_by_newer=Exists(newer_of_the_same()))

    def current(self):
        """The certificates that count: per learner and module only the newest unrevoked one
        (older ones stay as history, ``CertificateStatus.REPLACED``)."""
        return self.filter(revoked=False).exclude(Exists(newer_of_the_same()))


class Certificate(models.Model):
    """Proof that a learner passed a module on a given day, valid until a given day (or for
    good). One per passing attempt: a retake that passes issues a new certificate with a new
    validity; the old one stays as history, shown as replaced (``is_replaced``): a learner has
    one current certificate per module, derived from the newest, so no flag is stored."""

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
        if self.is_replaced:
            return CertificateStatus.REPLACED
        if self.is_expired(today):
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    def is_expired(self, today=None):
        today = today or timezone.localdate()
        return self.valid_until is not None and self.valid_until < today

    @property
    def is_replaced(self):
        """Whether a newer unrevoked certificate of the same learner and module exists: from
        ``with_replaced``'s annotation when the list was read with it, else one query."""
        replaced = getattr(self, "replaced_by_newer", None)
        if replaced is None:
            replaced = self.pk is not None and (
                Certificate.objects.filter(pk=self.pk).with_replaced().get().replaced_by_newer
            )
            self.replaced_by_newer = replaced
        return replaced

    def replacement(self):
        """The certificate that replaced this one (the newest of the same module), or None."""
        if not self.is_replaced:
            return None
        return (
            Certificate.objects.filter(learner_id=self.learner_id, module_id=self.module_id)
            .filter(revoked=False)
            .order_by("-issued_on", "-pk")
            .first()
        )

    @property
    def expired_since(self):
        """The first day it no longer counted."""
        return self.valid_until + datetime.timedelta(days=1) if self.valid_until else None

    @property
    def status_label(self):
        return self.status().label
