"""What every step block shares, and the interface of the steps a learner answers.

A scored step block knows everything the platform does with its kind of step: how to score an
answer and what the most is (``score``, ``max_points``), in which order its options are shown
(``presentation_order``), the answer key laid over an answer (``review`` and
``review_template``), how its answers are counted for trainers (``statistics``), what a learner
who knows or does not know the answer would give (``example_answer``) and where a branch goes
(``branch_choice``). Each one delegates to the pure functions in ``scenarios.scoring``,
``scenarios.hotspots`` and ``scenarios.item_statistics``. The player, the result page, the item
statistics and the demo only ever call these methods, so a new step type is one module in this
package (plus its template and its line in ``STEP_BLOCKS``).

Blocks render themselves: ``{% include_block step %}`` renders the block's ``template`` with the
page's context (the attempt, the response once there is one, the order) and ``block_type``.
Before an answer that template shows the form only: never an answer key.
"""

import uuid
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockAdapter, StructBlockValidationError
from wagtail.images.blocks import ImageBlock, ImageBlockAdapter, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .. import scoring, shuffle


def list_items(values):
    """Raw ListBlock data with a fixed id per item, for content made in code (tests).

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


def list_error(field_name, message):
    """A validation error shown above a block's list (options, items, regions) in the editor."""
    return StructBlockValidationError(
        block_errors={
            field_name: ListBlockValidationError(non_block_errors=[ValidationError(message)])
        }
    )


ALT_TEXT_HINT = _(
    "Describe what the image shows for someone who cannot see it, in a sentence. Do not list "
    "the answers or the signals to find. The image's title is not a description."
)


class ContentImageBlock(ImageBlock):
    """An image whose alt text is required: scene and information images carry meaning, so
    marking them decorative is refused.

    Choosing an image leaves the alt text empty (Wagtail's image block copies the image's title
    or description into it): a title is no description, and a description written for the
    image library may name what a learner has to find. The field's help text says what to
    write. Its labels are translated (Wagtail names the chooser after the field, "Image")."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        for name, block in (
            ("image", ImageChooserBlock(required=required, label=_("Image"))),
            (
                "alt_text",
                blocks.CharBlock(required=False, label=_("Alt text"), help_text=ALT_TEXT_HINT),
            ),
        ):
            block.set_name(name)
            self.child_blocks[name] = block

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft keeps what is there; publishing checks it (scenarios.validation)
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


class StepBlock(blocks.StructBlock):
    """A step of a module. Information and scene steps are read and continued."""

    is_scored = False

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["block_type"] = self.name
        return context

    def presentation_order(self, value, key):
        """The ids of what the step lists for the learner to choose from, in the order shown
        under ``key`` (see ``scenarios.shuffle``); nothing for a step without choices."""
        return []

    def branch_choice(self, value, answer):
        """The option whose branch the learner follows after this step, if any."""
        return None

    def score(self, value, chosen):
        raise scoring.InvalidAnswer("this step takes no answer")

    def prompt(self, value):
        """The step's question, prompt or heading, for lists and reviews."""
        for name in ("question", "prompt", "heading"):
            if value.get(name):
                return str(value[name])
        return str(self.label)


class ScoredStepBlock(StepBlock):
    """A step the learner answers: decisions, questions, ordering, spot the signals."""

    is_scored = True
    # The answer key over the learner's answer, for the feedback and the result page. It gets
    # ``value`` and ``review`` (what ``review`` returns).
    review_template = None

    def max_points(self, value):
        """The most a learner can earn on this step."""
        return Decimal(value["points"])

    def score(self, value, chosen):
        """Judge an answer (the values posted): a ``scoring.ScoredAnswer`` whose ``answer`` is
        what gets stored; raises ``scoring.InvalidAnswer`` for one that does not fit the step."""
        return self.judge(value, [str(item) for item in chosen])

    def judge(self, value, chosen):
        """``score`` for a list of strings."""
        raise NotImplementedError

    def review(self, value, answer, order=()):
        """The answer key with the stored ``answer`` laid over it, in the order the learner was
        shown (``order``). Only ever called once the step is answered."""
        raise NotImplementedError

    def statistics(self, value, answers):
        """Counts over every stored answer, for trainers: ``(rows, measure, misses)`` (see
        ``scenarios.item_statistics``)."""
        raise NotImplementedError

    def example_answer(self, value, good=True):
        """What a learner who knows the answer (``good``) or does not would post: for the demo's
        history and for tests."""
        raise NotImplementedError


def keyed_choices(value, key):
    """The ids of a step's ``options`` in the order shown under ``key``."""
    return shuffle.keyed_order([child.id for child in value["options"].bound_blocks], key)


class ContentImageBlockAdapter(ImageBlockAdapter):
    """The editor's form for a content image: Wagtail's image block without copying the image's
    title into the alt text (``scenarios/js/content-image-block.js``)."""

    js_constructor = "scenarios.blocks.ContentImageBlock"

    @cached_property
    def media(self):
        structblock_media = StructBlockAdapter().media
        return forms.Media(
            js=[*structblock_media._js, "scenarios/js/content-image-block.js"],
            css=structblock_media._css,
        )


register(ContentImageBlockAdapter(), ContentImageBlock)
