"""Steps a learner reads and continues (information, scene), and a module's sources. Scenes and
information steps can carry an anchor, the target of a branch (see ``scenarios.branching``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import ContentImageBlock, StepBlock


def anchor_block():
    return blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=50,
        required=False,
        label=_("Anchor"),
        help_text=_(
            "A short name for this step, unique within the module (lower-case letters, digits "
            "and hyphens, e.g. ‘danger-at-the-door’), so that a decision option can lead here "
            "or a scene can continue here."
        ),
        error_messages={
            "invalid": _(
                "Use lower-case letters, digits and single hyphens only, e.g. ‘at-the-door’."
            )
        },
    )


def target_block(label, help_text):
    """A reference to the anchor of another step. A CharBlock rather than a choice: the choices
    (the anchors of this module) are not known inside the block; the module validates them
    (see ``scenarios.branching``)."""
    return blocks.CharBlock(max_length=50, required=False, label=label, help_text=help_text)


class InformationBlock(StepBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    body = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "ol", "ul", "link"], label=_("Text")
    )
    image = ContentImageBlock(required=False, label=_("Image"))
    anchor = anchor_block()

    class Meta:
        icon = "doc-full"
        label = _("Information")
        template = "blocks/information.html"


class SceneBlock(StepBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    situation = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul"],
        label=_("Situation"),
        help_text=_("What the learner sees, hears and smells. Do not give away the answer here."),
    )
    image = ContentImageBlock(required=True, label=_("Image"))
    anchor = anchor_block()
    branch_only = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Branch only"),
        help_text=_(
            "Show this scene only when a decision option leads here. Learners who go through "
            "the steps in order skip it. After a branch-only scene the learner goes on with the "
            "step after the decision that led here, unless ‘Continue with’ is filled in."
        ),
    )
    continue_to = target_block(
        _("Continue with"),
        _(
            "Optional: the anchor of the step that comes after this scene (a scene or an "
            "information step). Leave empty to go on as usual. The path must not lead back "
            "to a step the learner has already seen."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Scene")
        template = "blocks/scene.html"


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=300, label=_("Title"))
    publisher = blocks.CharBlock(max_length=200, required=False, label=_("Publisher"))
    url = blocks.URLBlock(required=False, label=_("Link"))

    class Meta:
        icon = "link"
        label = _("Source")
        template = "blocks/source.html"
