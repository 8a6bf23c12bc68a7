"""The blocks of a scan: themes, each with statements on a maturity scale (a description per
level) and handreikingen (advice with sources) for teams that score low. Blocks never query the
database."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from scenarios.blocks import SourceBlock

# The maturity scale: 1 (not in place) to 4 (anchored and reviewed). Every statement describes
# each level in its own words, so a respondent chooses a description, not a bare number.
LEVELS = (1, 2, 3, 4)


class StatementBlock(blocks.StructBlock):
    """One statement of a theme with a description per maturity level."""

    text = blocks.CharBlock(max_length=300, label=_("Statement"))
    level_1 = blocks.CharBlock(max_length=300, label=_("Level 1 (not in place)"))
    level_2 = blocks.CharBlock(max_length=300, label=_("Level 2 (starting)"))
    level_3 = blocks.CharBlock(max_length=300, label=_("Level 3 (in place)"))
    level_4 = blocks.CharBlock(max_length=300, label=_("Level 4 (anchored and reviewed)"))

    class Meta:
        icon = "list-ul"
        label = _("Statement")


class AdviceBlock(blocks.StructBlock):
    """A handreiking: what a team that scores low on the theme can do, with its sources."""

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "ul", "ol", "link"], label=_("Advice"))
    sources = blocks.ListBlock(SourceBlock(), min_num=1, label=_("Sources"))

    class Meta:
        icon = "help"
        label = _("Handreiking")


class ThemeBlock(blocks.StructBlock):
    """A theme of the study with its statements and handreikingen. Identified by its block id,
    so results of rounds on different revisions of the scan compare theme by theme."""

    title = blocks.CharBlock(max_length=150, label=_("Theme"))
    introduction = blocks.TextBlock(
        required=False, label=_("Introduction"), help_text=_("One or two sentences: what and why.")
    )
    statements = blocks.ListBlock(StatementBlock(), min_num=1, label=_("Statements"))
    advice = blocks.ListBlock(
        AdviceBlock(),
        min_num=1,
        label=_("Handreikingen"),
        help_text=_("Shown on the result page when the team scores low on this theme."),
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Theme")

    def clean(self, value):
        value = super().clean(value)
        texts = [statement["text"].strip().lower() for statement in value["statements"]]
        if len(set(texts)) != len(texts):
            raise StructBlockValidationError(
                block_errors={
                    "statements": ValidationError(_("Two statements of this theme are the same."))
                }
            )
        return value


SCAN_BLOCKS = [("theme", ThemeBlock())]


def statement_levels(statement):
    """[(level, description)] of a statement value, lowest first."""
    return [(level, statement[f"level_{level}"]) for level in LEVELS]
