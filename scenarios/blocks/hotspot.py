"""The "spot the signals" step: an image with regions the learner has to find.

Each region is a ListBlock item, so it carries a stable id of its own; learners' answers and the
item statistics refer to those ids. The shapes are drawn in the page editor with the visual
editor in ``scenarios/static/scenarios/js/hotspot-editor.js`` (a Telepath block definition), or
typed as coordinates. Geometry, scoring and the review live in ``scenarios.hotspots``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockAdapter, StructBlockValidationError

from .. import hotspots, item_statistics, scoring, shuffle
from .base import ContentImageBlock, ScoredStepBlock, list_error, signals_block

HOTSPOT_RULE = _(
    "Scoring: with S signals in the picture, each signal the learner finds earns points/S; each "
    "mark on something that is not a signal (an ordinary thing or nothing) takes points/S off. "
    "A mark in no region counts for the nearest region within 4 percent of the picture's "
    "diagonal. A signal marked twice counts once; the score is never below zero. Regions must "
    "be at least 3 percent of the picture wide and high."
)


class HotspotMode(models.TextChoices):
    COUNT = "count", _("Say how many signals there are")
    ALL = "all", _("Mark all you see")


class HotspotShapeBlock(blocks.CharBlock):
    """A region's shape as text (see ``scenarios.hotspots``): written by the visual editor, or
    typed by a trainer who does not use a mouse."""

    def __init__(self, **kwargs):
        super().__init__(
            max_length=4000,
            required=False,
            label=_("Shape"),
            help_text=_(
                "Draw the region on the image above. Without a mouse, type the corners as x,y "
                "pairs in per mille of the image's width and height (0–1000): two corners make "
                "a rectangle (“100,200 300,400”), three or more a polygon."
            ),
            form_classname="hotspot-shape",
            **kwargs,
        )


class HotspotRegionBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120,
        required=False,
        label=_("Label"),
        help_text=_(
            "A neutral description of what is there, e.g. ‘Windows on the long side’. Learners "
            "who use the list instead of the picture see every label, so do not give away "
            "whether it is a signal."
        ),
    )
    kind = blocks.ChoiceBlock(
        choices=[
            (hotspots.SIGNAL, _("Signal")),
            (hotspots.ORDINARY, _("Ordinary (something normal, to tell apart from signals)")),
        ],
        default=hotspots.SIGNAL,
        label=_("Kind"),
    )
    shape = HotspotShapeBlock()
    explanation = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        required=False,
        label=_("Explanation"),
        help_text=_("Shown after answering: why this is a signal, or why it is normal here."),
    )
    signals = signals_block()

    def clean(self, value):
        value = super().clean(value)
        # A draft keeps what is there (an empty label, a region not drawn yet); publishing
        # checks it (scenarios.validation). A shape that is there must make sense, draft or not.
        complete = not self.is_deferred_validation
        errors = {}
        if complete and not (value["label"] or "").strip():
            errors["label"] = ValidationError(
                _("Give the region a label: learners without a mouse choose from the labels.")
            )
        if complete and not strip_tags(getattr(value["explanation"], "source", "") or "").strip():
            errors["explanation"] = ValidationError(
                _("Explain why this is (or is not) a signal: learners see it after answering.")
            )
        if complete or (value["shape"] or "").strip():
            try:
                hotspots.parse_shape(value["shape"])
            except hotspots.ShapeError as error:
                errors["shape"] = ValidationError(str(error))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "crosshairs"
        label = _("Region")


def regions_error(message):
    return list_error("regions", message)


class HotspotBlock(ScoredStepBlock):
    """Spot the signals: the learner marks on the image what they see as signals. Ordinary
    regions are the normal things in the picture a learner might mistake for signals; at least
    two are needed so that the list of labels (the alternative to the picture) does not give
    the signals away."""

    image = ContentImageBlock(required=True, label=_("Image"))
    question = blocks.CharBlock(
        max_length=300,
        label=_("Question"),
        default=_("Which signals do you see in this picture?"),
    )
    mode = blocks.ChoiceBlock(
        choices=HotspotMode.choices, default=HotspotMode.COUNT, label=_("Mode")
    )
    points = blocks.IntegerBlock(min_value=1, max_value=100, default=2, label=_("Points"))
    feedback = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul"],
        required=False,
        label=_("Feedback"),
        help_text=_("Shown to every learner after answering, below the signals."),
    )
    regions = blocks.ListBlock(
        HotspotRegionBlock(),
        min_num=1,
        max_num=20,
        label=_("Regions"),
        help_text=_(
            "The signals to find, and at least two ordinary things in the picture. Choose an "
            "image first; then select a region and drag a rectangle on the image, or click "
            "the corners of a polygon and double-click (or press ‘Close polygon’)."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft keeps what is there; publishing checks it (scenarios.validation)
        kinds = [region["kind"] for region in value["regions"]]
        if hotspots.SIGNAL not in kinds:
            raise regions_error(
                _("Add at least one region of the kind ‘signal’: there is nothing to find.")
            )
        if kinds.count(hotspots.ORDINARY) < 2:
            raise regions_error(
                _(
                    "Add at least two ordinary regions (normal things in the picture): learners "
                    "who use the list of labels instead of the picture would otherwise see "
                    "which labels are the signals."
                )
            )
        thin = self.thin_regions(value)
        if thin:
            raise StructBlockValidationError(
                block_errors={"regions": ListBlockValidationError(block_errors=thin)}
            )
        return value

    def thin_regions(self, value):
        """Errors for the regions so thin that a fair click on the thing beside them misses
        (``hotspots.too_thin``), by their position in the list."""
        height = hotspots.view_height(value["image"])
        errors = {}
        for index, region in enumerate(value["regions"]):
            try:
                shape = hotspots.parse_shape(region["shape"])
            except hotspots.ShapeError:
                continue  # the region's own clean has said why
            share = hotspots.too_thin(shape, height)
            if share is None:
                continue
            message = _(
                "The region ‘%(label)s’ is too thin: at its narrowest it is %(width)s%% of the "
                "picture. Draw it at least %(least)s%% wide and high, so that a learner who "
                "clicks on the thing itself does not miss it."
            ) % {
                "label": region["label"] or _("(no label yet)"),
                "width": number_format(round(share * 100, 1)),
                "least": number_format(round(hotspots.THIN_SHARE * 100)),
            }
            errors[index] = StructBlockValidationError(
                block_errors={"shape": ValidationError(message)}
            )
        return errors

    review_template = "blocks/hotspot_review.html"

    def judge(self, value, chosen):
        return scoring.score_hotspot(value, chosen)

    def presentation_order(self, value, key):
        """The regions' neutral labels in "describe what you see", signals and ordinary ones
        mixed in a keyed order."""
        return shuffle.keyed_order([str(child.id) for child in value["regions"].bound_blocks], key)

    def review(self, value, answer, order=()):
        return hotspots.review(value, answer)

    def statistics(self, value, answers):
        return item_statistics.count_hotspot(value, answers)

    def example_answer(self, value, good=True):
        regions = list(value["regions"].bound_blocks)
        kind = hotspots.SIGNAL if good else hotspots.ORDINARY
        chosen = [f"r:{child.id}" for child in regions if child.value["kind"] == kind]
        return chosen if good else chosen[:1]

    class Meta:
        icon = "view"
        label = _("Spot the signals")
        help_text = HOTSPOT_RULE
        template = "blocks/hotspot.html"  # the unanswered form: never an answer key
        form_classname = "hotspot-block"


class HotspotBlockAdapter(StructBlockAdapter):
    """The page editor's form for a hotspot step, with the drawing tool added."""

    js_constructor = "scenarios.blocks.HotspotBlock"

    def js_args(self, block):
        name, children, meta = super().js_args(block)
        meta = {
            **meta,
            "hotspotImageUrl": reverse("hotspot_image", args=[0]),
            "hotspotText": {
                "title": _("Draw the regions on the image"),
                "help": _(
                    "Select a region in the list below the image and draw its shape; press "
                    "‘Draw a new region’ to add one. Rectangle: drag on the image. "
                    "Polygon: click each corner, then double-click or press ‘Close polygon’. "
                    "Without a mouse, type the coordinates in a region's shape field."
                ),
                "rect": _("Rectangle"),
                "polygon": _("Polygon"),
                "close": _("Close polygon"),
                "new": _("Draw a new region"),
                "drawNew": _("Draw the new region on the image."),
                "noImage": _("Choose an image first; then you can draw the regions on it."),
                "unnamed": _("(no label yet)"),
                "signal": _("signal"),
                "ordinary": _("ordinary"),
                "noShape": _("not drawn yet"),
                "select": _("Select to draw"),
                "selected": _("Selected: draw this region on the image."),
                "delete": _("Delete"),
                "polygonHint": _(
                    "Click the next corner; double-click or press ‘Close polygon’ to finish."
                ),
                "needThree": _("A polygon needs at least three corners."),
                "drawn": _("The shape is stored in the region's shape field."),
            },
        }
        return [name, children, meta]

    @cached_property
    def media(self):
        structblock_media = super().media
        return forms.Media(
            js=[*structblock_media._js, "scenarios/js/hotspot-editor.js"],
            css={"all": ["scenarios/css/hotspot-editor.css"]},
        )


register(HotspotBlockAdapter(), HotspotBlock)
