"""Content that trainers author: the signal taxonomy, the module catalogue and module pages."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import validation
from .blocks import STEP_BLOCKS, SourceBlock
from .forms import ModulePageForm


class Theme(models.Model):
    """A theme of undermining crime in the rural area (vacant barns, holiday parks, …). Groups the
    signals and classifies modules, so reports can say which themes people miss."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class Signal(index.Indexed, models.Model):
    """A recognisable signal (aniseed smell, taped windows, cash booking…). Decision options and
    questions are tagged with the signals they train."""

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="signals", verbose_name=_("theme")
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("theme"), FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["theme__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "name"], name="unique_signal_per_theme")
        ]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self):
        return f"{self.theme}: {self.name}"


class LoginRequiredPageMixin:
    """Learner pages show personal progress, so they are for logged-in users only."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)


class ModuleCatalogue(LoginRequiredPageMixin, Page):
    """The list of modules a learner can take; its children are the module pages."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    # Resilience scans (scan.ScanPage) live here too: the catalogue is the content trainers
    # author and publish (their page permissions are on it).
    subpage_types = ["scenarios.ModulePage", "scan.ScanPage"]
    template = "scenarios/module_catalogue.html"

    class Meta:
        verbose_name = _("module catalogue")


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", _("Professionals (BOAs, inspectors, officials)")
    MANAGEMENT = "management", _("Management teams")
    BOTH = "both", _("Professionals and management")


class ModulePage(LoginRequiredPageMixin, Page):
    """A scenario module: what it teaches, to whom, and its ordered steps. Learners take the
    published revision; each attempt pins the revision it was taken on, so editing a module never
    changes a past result."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    # Blank in a draft; publishing asks for it (scenarios.validation).
    theme = models.ForeignKey(
        Theme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="modules",
        verbose_name=_("theme"),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PROFESSIONALS
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The score, as a percentage of the points, a learner needs to pass."),
    )
    learning_objectives = RichTextField(
        _("learning objectives"),
        features=["ul", "ol", "bold", "italic"],
        help_text=_("What the learner can do after this module; one item per objective."),
    )
    reporting_routes = RichTextField(
        _("what to do with a real signal"),
        features=["ul", "ol", "bold", "italic", "link"],
        help_text=_("Reporting routes shown on the result page: who to call, what to record."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    steps = StreamField(STEP_BLOCKS, verbose_name=_("steps"), use_json_field=True)
    sources = StreamField(
        [("source", SourceBlock())], blank=True, verbose_name=_("sources"), use_json_field=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("audience"),
                FieldPanel("estimated_minutes"),
                FieldPanel("pass_mark"),
            ],
            heading=_("About this module"),
        ),
        FieldPanel("learning_objectives"),
        FieldPanel("image"),
        FieldPanel("steps"),
        FieldPanel("reporting_routes"),
        FieldPanel("sources"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["scenarios.ModuleCatalogue"]
    subpage_types = []
    template = "scenarios/module_page.html"

    base_form_class = ModulePageForm
    preview_modes = [("", _("Module overview")), ("player", _("Player, step by step"))]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    # Set by the page editor's form while Wagtail defers validation ("save draft", preview):
    # a draft keeps what is there; publishing asks for a complete module.
    is_deferred_validation = False

    def clean(self):
        super().clean()
        if self.is_deferred_validation:
            return
        errors = validation.publish_errors(self)
        if errors:
            raise ValidationError(errors)

    @cached_property
    def step_count(self):
        """The steps every learner goes through: branch-only scenes come on top for some."""
        return sum(1 for step in self.steps if not step.value.get("branch_only"))

    def scored_steps(self):
        return [step for step in self.steps if step.block.is_scored]

    def serve_preview(self, request, mode_name):
        if mode_name == "player":
            from django.template.response import TemplateResponse

            # The preview shows every step exactly as a learner meets it: no verdicts, no feedback.
            return TemplateResponse(
                request,
                "scenarios/module_page_player_preview.html",
                {
                    "page": self,
                    "steps": list(self.steps),
                    "step_total": len(self.steps),  # the preview shows branch scenes too
                    "not_ready": validation.missing(self),
                },
            )
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # The trainer's preview says what publishing will still ask for.
            context["not_ready"] = validation.missing(self)
        return context
