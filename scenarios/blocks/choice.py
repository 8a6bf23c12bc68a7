"""Steps where the learner chooses from options: a decision in a scene (options judged right,
acceptable or wrong, each with its own points; an option may lead to a scene), and single- and
multiple-choice questions (options correct or not).

Options are ListBlock items, so every option carries a stable id of its own (the list item id);
learners' answers refer to those ids, never to positions.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .. import item_statistics, scoring, shuffle
from ..scoring import Verdict
from .base import ScoredStepBlock, keyed_choices, list_error, signals_block
from .content import target_block

# Only in a review, never stored: a correct option of a multiple-choice question that the
# learner did not choose (they missed it), as against a wrong option they rightly left alone.
MISSED = "missed"


@dataclass
class OptionReview:
    """One option of an answered step: whether the learner chose it and whether it is right."""

    text: str
    chosen: bool
    correct: bool
    verdict: str | None
    feedback: object


class ChoiceStepBlock(ScoredStepBlock):
    """What decisions and choice questions share: options shown in a keyed order, reviewed
    option by option, counted per option."""

    review_template = "blocks/option_review.html"

    def presentation_order(self, value, key):
        return keyed_choices(value, key)

    def option_is_right(self, option):
        raise NotImplementedError

    def review(self, value, answer, order=()):
        chosen = set(answer)
        reviews = []
        for child in shuffle.arranged(value["options"].bound_blocks, order):
            option = child.value
            right = self.option_is_right(option)
            verdict = option.get("verdict") or (Verdict.RIGHT if right else Verdict.WRONG)
            reviews.append(
                OptionReview(option["text"], child.id in chosen, right, verdict, option["feedback"])
            )
        return reviews

    def statistics(self, value, answers):
        return item_statistics.count_choices(value, answers, self.option_is_right, self.key_label)


class DecisionOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Option"))
    verdict = blocks.ChoiceBlock(choices=Verdict.decision_choices(), label=_("Verdict"))
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


class DecisionBlock(ChoiceStepBlock):
    """A choice in a scene: what does the learner do? Each option is judged right, acceptable or
    wrong and earns its own points; the best option's points are the maximum."""

    prompt = blocks.CharBlock(max_length=300, label=_("What must the learner decide?"))
    options = blocks.ListBlock(DecisionOptionBlock(), min_num=2, max_num=6, label=_("Options"))

    key_label = _("Right")

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft keeps what is there; publishing checks it (scenarios.validation)
        options = list(value["options"])
        if not any(option["verdict"] == Verdict.RIGHT for option in options):
            raise list_error(
                "options", _("A decision needs at least one option with the verdict ‘right’.")
            )
        best = max(option["points"] for option in options)
        if best <= 0:
            raise list_error(
                "options",
                _(
                    "Give the right option more than 0 points, otherwise the decision cannot "
                    "count towards the score."
                ),
            )
        if any(o["verdict"] == Verdict.WRONG and o["points"] >= best for o in options):
            raise list_error(
                "options", _("A wrong option cannot earn as many points as the best option.")
            )
        return value

    def max_points(self, value):
        return scoring.decision_max_points(value)

    def judge(self, value, chosen):
        return scoring.score_decision(value, chosen)

    def option_is_right(self, option):
        return option.get("verdict") == Verdict.RIGHT

    def branch_choice(self, value, answer):
        return answer[0] if answer else None

    def example_answer(self, value, good=True):
        options = list(value["options"].bound_blocks)
        points = [child.value["points"] for child in options]
        target = max(points) if good else min(points)
        return [next(child.id for child in options if child.value["points"] == target)]

    class Meta:
        icon = "redirect"
        label = _("Decision")
        template = "blocks/question.html"


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


class BaseQuestionBlock(ChoiceStepBlock):
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

    key_label = _("Correct")

    def correct_count_error(self, correct_count):
        raise NotImplementedError

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft keeps what is there; publishing checks it (scenarios.validation)
        correct_count = sum(1 for option in value["options"] if option["correct"])
        message = self.correct_count_error(correct_count)
        if message:
            raise list_error("options", message)
        return value

    def option_is_right(self, option):
        return bool(option.get("correct"))

    def example_answer(self, value, good=True):
        options = list(value["options"].bound_blocks)
        if good:
            return [child.id for child in options if child.value["correct"]]
        return [next(child.id for child in options if not child.value["correct"])]


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

    def judge(self, value, chosen):
        return scoring.score_single_choice(value, chosen)

    class Meta:
        icon = "radio-empty"
        label = _("Single-choice question")
        template = "blocks/question.html"


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

    def judge(self, value, chosen):
        return scoring.score_multiple_choice(value, chosen)

    def review(self, value, answer, order=()):
        """As for every choice step, but a correct option the learner did not choose is
        ``MISSED`` ("Gemist"): with several right answers, leaving one out is a mistake too."""
        reviews = super().review(value, answer, order)
        for option in reviews:
            if option.correct and not option.chosen:
                option.verdict = MISSED
        return reviews

    class Meta:
        icon = "list-ul"
        label = _("Multiple-choice question")
        help_text = _(
            "Partial credit: with C correct options, each correct option the learner chooses "
            "earns points/C and each wrong option chosen takes points/C off, never below zero."
        )
        template = "blocks/question.html"
