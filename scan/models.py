"""The resilience self-scan: the scan page trainers author, the rounds a coordinator opens for an
organisation, and the answers of its respondents.

Anonymity is built into the tables: a response has a random id and nothing else (no user, no
time, no address), its answers have random ids too, so not even the order in which people
answered can be read back. Results are only ever computed per round, and only shown from
``SCAN_PRIVACY_THRESHOLD`` respondents on (``scan.services``)."""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from scenarios.blocks import SourceBlock
from scenarios.models import LoginRequiredPageMixin

from .blocks import LEVELS, SCAN_BLOCKS


class ScanPage(LoginRequiredPageMixin, Page):
    """A self-scan: themes, each with statements on a maturity scale and handreikingen for teams
    that score low. A round pins the revision it was opened on, so editing the scan never
    changes a round's questions or results."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    advice_below = models.DecimalField(
        _("show handreikingen below"),
        max_digits=3,
        decimal_places=1,
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_(
            "The weakest themes (at most three) whose score (1 to 4) is below this get their "
            "handreikingen on the result page."
        ),
    )
    themes = StreamField(SCAN_BLOCKS, verbose_name=_("themes"), use_json_field=True)
    sources = StreamField(
        [("source", SourceBlock())], blank=True, verbose_name=_("sources"), use_json_field=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("advice_below"),
        FieldPanel("themes"),
        FieldPanel("sources"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    # Under the catalogue: the content trainers author and publish (``people.roles``).
    parent_page_types = ["scenarios.ModuleCatalogue"]
    subpage_types = []
    template = "scan/scan_page.html"

    class Meta:
        verbose_name = _("resilience scan")
        verbose_name_plural = _("resilience scans")

    def clean(self):
        super().clean()
        if self.themes is None or not len(self.themes):
            raise ValidationError({"themes": _("Add at least one theme with statements.")})
        titles = [theme.value["title"].strip().lower() for theme in self.themes]
        if len(set(titles)) != len(titles):
            raise ValidationError({"themes": _("Two themes have the same title.")})

    def statement_count(self):
        return sum(len(theme.value["statements"]) for theme in self.themes)


def new_token():
    """The unguessable part of a round's link (192 random bits)."""
    return secrets.token_urlsafe(24)


class ScanRoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rounds of the organisations the user coordinates: a programme coordinator's own node
        and below, everything for platform admins, nothing for anyone else."""
        from people import roles

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        if not roles.has_role(user, roles.COORDINATORS):
            return self.none()
        profile = getattr(user, "profile", None)
        if profile is None or profile.organisation_id is None:
            return self.none()
        return self.filter(organisation__path__startswith=profile.organisation.path)


class ScanRound(models.Model):
    """One time an organisation's management team or college takes the scan. The coordinator
    shares its link; the round pins the scan's revision, so everyone answers the same
    statements and the results stay as they were when the scan is edited later."""

    scan = models.ForeignKey(
        ScanPage, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("scan")
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("scan revision"),
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.PROTECT,
        related_name="scan_rounds",
        verbose_name=_("organisation"),
    )
    title = models.CharField(
        _("name of the round"), max_length=120, help_text=_("For example ‘College, spring 2026’.")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = ScanRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("scan round")
        verbose_name_plural = _("scan rounds")
        indexes = [models.Index(fields=["scan", "organisation", "created_at"])]

    def __str__(self):
        return f"{self.organisation} – {self.title}"

    @property
    def is_closed(self):
        return self.closed_at is not None


class ScanResponse(models.Model):
    """One respondent's answers in a round. A random id and the round: nothing that says who
    answered, or when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        ScanRound, on_delete=models.CASCADE, related_name="responses", verbose_name=_("round")
    )

    class Meta:
        verbose_name = _("scan response")
        verbose_name_plural = _("scan responses")

    def __str__(self):
        return str(self.round)


class ScanAnswer(models.Model):
    """The level a respondent chose on one statement, identified by the statement's block id in
    the round's revision (and its theme's, so that rounds compare theme by theme)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        ScanResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    theme_id = models.CharField(_("theme block id"), max_length=64)
    statement_id = models.CharField(_("statement block id"), max_length=64)
    level = models.PositiveSmallIntegerField(_("level"))

    class Meta:
        verbose_name = _("scan answer")
        verbose_name_plural = _("scan answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement_id"], name="one_scan_answer_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=min(LEVELS)) & Q(level__lte=max(LEVELS)),
                name="scan_answer_level_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.statement_id}: {self.level}"


class AgreedAction(models.Model):
    """What the team agreed to do on a theme after discussing the round's results."""

    round = models.ForeignKey(
        ScanRound, on_delete=models.CASCADE, related_name="actions", verbose_name=_("round")
    )
    theme_id = models.CharField(_("theme block id"), max_length=64)
    text = models.TextField(_("agreed actions"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        constraints = [
            models.UniqueConstraint(fields=["round", "theme_id"], name="one_action_per_theme")
        ]

    def __str__(self):
        return f"{self.round}: {self.theme_id}"
