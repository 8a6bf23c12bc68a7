"""Ordering questions: put the items in the right order (the steps of handling dumped drug
waste, say). The trainer enters the items in the correct order; learners start from a keyed
shuffle that is never the correct order (``scenarios.shuffle``)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .. import item_statistics, scoring, shuffle
from .base import ScoredStepBlock, list_error, signals_block


@dataclass
class OrderReview:
    """One position of an answered ordering question: the learner's item and the right one."""

    position: int
    text: str
    correct: bool
    correct_text: str


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


class OrderingQuestionBlock(ScoredStepBlock):
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

    review_template = "blocks/order_review.html"

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft keeps what is there; publishing checks it (scenarios.validation)
        texts = [item["text"].strip().casefold() for item in value["items"]]
        if len(set(texts)) != len(texts):
            raise list_error(
                "items", _("Two items have the same text: learners cannot tell them apart.")
            )
        return value

    def judge(self, value, chosen):
        return scoring.score_ordering(value, chosen)

    def presentation_order(self, value, key):
        return shuffle.ordering_start(value, key)

    def review(self, value, answer, order=()):
        """The learner's order next to the correct order, position by position."""
        texts = {child.id: child.value["text"] for child in value["items"].bound_blocks}
        correct = scoring.correct_order(value)
        given = [item_id for item_id in answer if item_id in texts]
        return [
            OrderReview(position, texts[item_id], item_id == right, texts[right])
            for position, (item_id, right) in enumerate(zip(given, correct, strict=False), start=1)
        ]

    def statistics(self, value, answers):
        return item_statistics.count_ordering(value, answers)

    def example_answer(self, value, good=True):
        order = scoring.correct_order(value)
        return order if good else order[::-1]

    class Meta:
        icon = "list-ol"
        label = _("Ordering question")
        help_text = ORDERING_RULE
        template = "blocks/ordering.html"  # the unanswered form: never an answer key
