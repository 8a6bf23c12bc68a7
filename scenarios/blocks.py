"""StreamField blocks for the steps of a module.

Blocks describe content only: they never query the database themselves and they never render
an answer key. Which option is right, and its feedback, is read on the server by
``scenarios.scoring`` after the learner has answered.

Options are ListBlock items, so every option carries a stable id of its own (the list item id);
learners' answers refer to those ids, never to positions.
"""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class Verdict:
    """How an answer is judged: decisions right/acceptable/wrong, questions right/partial/wrong."""

    RIGHT = "right"
    ACCEPTABLE = "acceptable"
    PARTIAL = "partial"
    WRONG = "wrong"

    LABELS = {
        RIGHT: _("Right"),
        ACCEPTABLE: _("Acceptable"),
        PARTIAL: _("Partly right"),
        WRONG: _("Wrong"),
    }
    DECISION_CHOICES = [
        (RIGHT, LABELS[RIGHT]),
        (ACCEPTABLE, LABELS[ACCEPTABLE]),
        (WRONG, LABELS[WRONG]),
    ]


def list_items(values):
    """Raw ListBlock data with a fixed id per item, for content made in code (demo, tests).

    Items without an id get a new random id every time they are read, which would break the
    link between a learner's answer and the option, so code must always store ids.
    """
    return [
        {"type": "item", "value": value, "id": value.pop("id", None) or str(uuid.uuid4())}
        for value in (dict(v) for v in values)
    ]


def signals_block():
    return blocks.ListBlock(
        SnippetChooserBlock("scenarios.Signal"),
        required=False,
        default=[],
        label=_("Signals"),
        help_text=_("The signals of undermining crime this item trains, for the insight reports."),
    )


def options_error(message):
    """A validation error shown above a block's list of options in the editor."""
    return StructBlockValidationError(
        block_errors={
            "options": ListBlockValidationError(non_block_errors=[ValidationError(message)])
        }
    )


class ContentImageBlock(ImageBlock):
    """An image whose alt text is required: scene and information images carry meaning, so
    marking them decorative is refused."""

    def clean(self, value):
        value = super().clean(value)
        if value and value.decorative:
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "This image shows the situation: describe it in the alt text "
                            "instead of marking it decorative."
                        )
                    )
                }
            )
        return value


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


class InformationBlock(blocks.StructBlock):
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


class SceneBlock(blocks.StructBlock):
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


class DecisionOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Option"))
    verdict = blocks.ChoiceBlock(choices=Verdict.DECISION_CHOICES, label=_("Verdict"))
    points = blocks.IntegerBlock(min_value=0, max_value=100, default=0, label=_("Points"))
    feedback = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        label=_("Feedback"),
        help_text=_("Shown only after the learner has chosen this option."),
    )
    signals = signals_block()
    leads_to = target_block(
        _("Leads to scene"),
        _(
            "Optional: the anchor of a scene the learner sees next after choosing this option, "
            "to show the consequence of the choice. A branch-only scene is a detour: afterwards "
            "the learner goes on with the step after this decision. A regular scene is a jump: "
            "the learner goes on in order from that scene."
        ),
    )

    class Meta:
        icon = "radio-full"
        label = _("Decision option")


class DecisionBlock(blocks.StructBlock):
    """A choice in a scene: what does the learner do? Each option is judged right, acceptable or
    wrong and earns its own points; the best option's points are the maximum."""

    prompt = blocks.CharBlock(max_length=300, label=_("What must the learner decide?"))
    options = blocks.ListBlock(DecisionOptionBlock(), min_num=2, max_num=6, label=_("Options"))

    def clean(self, value):
        value = super().clean(value)
        options = list(value["options"])
        if not any(option["verdict"] == Verdict.RIGHT for option in options):
            raise options_error(_("A decision needs at least one option with the verdict ‘right’."))
        best = max(option["points"] for option in options)
        if best <= 0:
            raise options_error(
                _(
                    "Give the right option more than 0 points, otherwise the decision cannot "
                    "count towards the score."
                )
            )
        if any(o["verdict"] == Verdict.WRONG and o["points"] >= best for o in options):
            raise options_error(_("A wrong option cannot earn as many points as the best option."))
        return value

    class Meta:
        icon = "redirect"
        label = _("Decision")
        template = "blocks/question.html"  # the unanswered form: never an answer key


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Answer option"))
    correct = blocks.BooleanBlock(required=False, default=False, label=_("Correct"))
    feedback = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        required=False,
        label=_("Feedback"),
        help_text=_("Shown only after the learner has answered."),
    )

    class Meta:
        icon = "tick"
        label = _("Answer option")


class BaseQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, label=_("Question"))
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, max_num=8, label=_("Answer options"))
    points = blocks.IntegerBlock(min_value=1, max_value=100, default=1, label=_("Points"))
    explanation = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul"],
        required=False,
        label=_("Explanation"),
        help_text=_("Shown to every learner after answering."),
    )
    signals = signals_block()

    def correct_count_error(self, correct_count):
        raise NotImplementedError

    def clean(self, value):
        value = super().clean(value)
        correct_count = sum(1 for option in value["options"] if option["correct"])
        message = self.correct_count_error(correct_count)
        if message:
            raise options_error(message)
        return value


class SingleChoiceQuestionBlock(BaseQuestionBlock):
    """One correct answer: full points for it, none otherwise."""

    def correct_count_error(self, correct_count):
        if correct_count == 0:
            return _(
                "Mark the correct answer: a question without a correct option cannot be scored."
            )
        if correct_count > 1:
            return _(
                "A single-choice question has exactly one correct option; use a "
                "multiple-choice question for more."
            )
        return None

    class Meta:
        icon = "radio-empty"
        label = _("Single-choice question")
        template = "blocks/question.html"  # the unanswered form: never an answer key


class MultipleChoiceQuestionBlock(BaseQuestionBlock):
    """Several correct answers. Partial credit: each correct option chosen earns a share of the
    points, each wrong option chosen takes one share off, never below zero (see scoring)."""

    def correct_count_error(self, correct_count):
        if correct_count == 0:
            return _(
                "Mark at least one correct option: a question without a correct option "
                "cannot be scored."
            )
        return None

    class Meta:
        icon = "list-ul"
        label = _("Multiple-choice question")
        help_text = _(
            "Partial credit: with C correct options, each correct option the learner chooses "
            "earns points/C and each wrong option chosen takes points/C off, never below zero."
        )
        template = "blocks/question.html"  # the unanswered form: never an answer key


class OrderingItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Item"))
    signals = signals_block()

    class Meta:
        icon = "list-ol"
        label = _("Item")


ORDERING_RULE = _(
    "Each item in its correct position earns an equal share of the points (points divided by "
    "the number of items)."
)


class OrderingQuestionBlock(blocks.StructBlock):
    """Put items in the right order (for instance the steps of handling dumped drug waste).
    The trainer enters the items in the correct order; learners see them shuffled."""

    question = blocks.CharBlock(max_length=300, label=_("Question"))
    items = blocks.ListBlock(
        OrderingItemBlock(),
        min_num=3,
        max_num=8,
        label=_("Items, in the correct order"),
        help_text=_(
            "Enter the items in the correct order. Learners see them shuffled and put them "
            "in order."
        ),
    )
    points = blocks.IntegerBlock(min_value=1, max_value=100, default=1, label=_("Points"))
    feedback = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"],
        required=False,
        label=_("Feedback"),
        help_text=_("Shown to every learner after answering, next to the correct order."),
    )

    def clean(self, value):
        value = super().clean(value)
        texts = [item["text"].strip().casefold() for item in value["items"]]
        if len(set(texts)) != len(texts):
            raise StructBlockValidationError(
                block_errors={
                    "items": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError(
                                _("Two items have the same text: learners cannot tell them apart.")
                            )
                        ]
                    )
                }
            )
        return value

    class Meta:
        icon = "list-ol"
        label = _("Ordering question")
        help_text = ORDERING_RULE
        template = "blocks/ordering.html"  # the unanswered form: never an answer key


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=300, label=_("Title"))
    publisher = blocks.CharBlock(max_length=200, required=False, label=_("Publisher"))
    url = blocks.URLBlock(required=False, label=_("Link"))

    class Meta:
        icon = "link"
        label = _("Source")
        template = "blocks/source.html"


from .hotspot_blocks import HotspotBlock  # noqa: E402 - it builds on the blocks above

STEP_BLOCKS = [
    ("information", InformationBlock()),
    ("scene", SceneBlock()),
    ("decision", DecisionBlock()),
    ("single_choice", SingleChoiceQuestionBlock()),
    ("multiple_choice", MultipleChoiceQuestionBlock()),
    ("ordering", OrderingQuestionBlock()),
    ("hotspot", HotspotBlock()),
]

# Steps the learner answers; the rest are read and continued.
SCORED_STEP_TYPES = frozenset(
    {"decision", "single_choice", "multiple_choice", "ordering", "hotspot"}
)
