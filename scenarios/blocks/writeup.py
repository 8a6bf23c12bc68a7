"""The write-up step: the learner writes down a signal so that others can act on it, and the
report is checked against the trainer's checklist (``scenarios.writeup``). The checklist and the
example report are shown only after answering.

Stored answer: the learner's text, then the ids of the checklist items it met.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .. import item_statistics, scoring, writeup
from ..scoring import Verdict
from .base import ScoredStepBlock, list_error, signals_block


class ChecklistKind(models.TextChoices):
    TERMS = writeup.TERMS, _("Names one of the words")
    ABSENT = writeup.ABSENT, _("Uses none of the words (no judgement, say)")
    TIME = writeup.TIME, _("Gives a clock time")
    DATE = writeup.DATE, _("Gives a date or a day")
    PLATE = writeup.PLATE, _("Gives a registration number")


class ChecklistItemBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120,
        label=_("What belongs in the report"),
        help_text=_("Shown after answering, e.g. ‘The vehicle: make, colour, registration’."),
    )
    kind = blocks.ChoiceBlock(
        choices=ChecklistKind.choices, default=ChecklistKind.TERMS, label=_("How it is checked")
    )
    terms = blocks.TextBlock(
        required=False,
        label=_("Words"),
        help_text=_(
            "For ‘names one of the words’ and ‘uses none of the words’: the words, separated by "
            "commas. A word also matches longer words it starts (‘kenteken’ matches "
            "‘kentekens’)."
        ),
    )
    explanation = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        label=_("Why"),
        help_text=_("Shown after answering: why others need this in the report."),
    )
    signals = signals_block()

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft keeps what is there; publishing checks it (scenarios.validation)
        if value["kind"] in (writeup.TERMS, writeup.ABSENT) and not writeup.terms_of(
            value["terms"]
        ):
            raise StructBlockValidationError(
                block_errors={
                    "terms": ValidationError(
                        _("Give the words this item is checked for, separated by commas.")
                    )
                }
            )
        return value

    class Meta:
        icon = "tick"
        label = _("Checklist item")


@dataclass
class ChecklistReview:
    """One checklist item of an answered write-up: met or not, and why it matters."""

    label: str
    met: bool
    explanation: object


@dataclass
class WriteUpReview:
    text: str
    items: list
    example: object

    @property
    def met(self):
        return sum(1 for item in self.items if item.met)


class WriteUpBlock(ScoredStepBlock):
    """Write down a signal: scored by the share of the checklist the report meets."""

    prompt = blocks.CharBlock(max_length=300, label=_("What must the learner write?"))
    instructions = blocks.RichTextBlock(
        features=["bold", "italic", "ul"],
        required=False,
        label=_("Instructions"),
        help_text=_(
            "Who the report is for and what it is for. Do not list what belongs in it: that is "
            "what the learner practises."
        ),
    )
    points = blocks.IntegerBlock(min_value=1, max_value=100, default=3, label=_("Points"))
    checklist = blocks.ListBlock(
        ChecklistItemBlock(),
        min_num=2,
        max_num=12,
        label=_("Checklist"),
        help_text=_(
            "What a good report contains. Each item the learner's report meets earns an equal "
            "share of the points; learners see the checklist after answering."
        ),
    )
    example = blocks.RichTextBlock(
        features=["bold", "italic", "ul"],
        label=_("Example report"),
        help_text=_("Shown after answering: a report that meets the checklist."),
    )

    review_template = "blocks/writeup_review.html"

    def items(self, value):
        return [
            writeup.Item(
                str(child.id),
                child.value["label"],
                child.value["kind"],
                writeup.terms_of(child.value["terms"]),
            )
            for child in value["checklist"].bound_blocks
        ]

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft keeps what is there; publishing checks it (scenarios.validation)
        if len(value["checklist"]) < 2:
            raise list_error("checklist", _("Give at least two checklist items."))
        return value

    def judge(self, value, chosen):
        try:
            text = writeup.clean_text(chosen)
        except writeup.WriteUpError as error:
            raise scoring.InvalidAnswer(str(error), error.learner_message) from None
        earned, possible, met = writeup.judge(self.items(value), value["points"], text)
        if earned == possible:
            verdict = Verdict.RIGHT
        elif earned > 0:
            verdict = Verdict.PARTIAL
        else:
            verdict = Verdict.WRONG
        return scoring.ScoredAnswer(verdict, earned, possible, (text, *met))

    def review(self, value, answer, order=()):
        text, met = (answer[0], set(answer[1:])) if answer else ("", set())
        items = [
            ChecklistReview(child.value["label"], str(child.id) in met, child.value["explanation"])
            for child in value["checklist"].bound_blocks
        ]
        return WriteUpReview(text, items, value["example"])

    def statistics(self, value, answers):
        return item_statistics.count_checklist(value, answers)

    def example_answer(self, value, good=True):
        return [writeup.example_text(self.items(value), good)]

    class Meta:
        icon = "edit"
        label = _("Write-up")
        help_text = _(
            "The learner writes a short report of a signal; it is checked against the checklist "
            "(each item met earns points/N). The checklist and the example are shown after "
            "answering."
        )
        template = "blocks/writeup.html"
