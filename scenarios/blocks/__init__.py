"""StreamField blocks for the steps of a module, one module per kind of step.

Blocks describe content and know what the platform does with their kind of step (see
``base.ScoredStepBlock``); they never query the database and never render an answer key before
the learner has answered.

A new kind of step: a module here with its block (a ``StepBlock``, or a ``ScoredStepBlock``
with its methods), a template in ``templates/blocks/``, and its line in ``STEP_BLOCKS``.
"""

from .base import (
    ContentImageBlock,
    ScoredStepBlock,
    StepBlock,
    list_items,
    signals_block,
)
from .choice import (
    ChoiceOptionBlock,
    DecisionBlock,
    DecisionOptionBlock,
    MultipleChoiceQuestionBlock,
    OptionReview,
    SingleChoiceQuestionBlock,
)
from .content import (
    InformationBlock,
    SceneBlock,
    SourceBlock,
    anchor_block,
    target_block,
)
from .hotspot import HotspotBlock, HotspotMode, HotspotRegionBlock
from .ordering import (
    ORDERING_RULE,
    OrderingItemBlock,
    OrderingQuestionBlock,
    OrderReview,
)
from .writeup import ChecklistItemBlock, ChecklistKind, WriteUpBlock

STEP_BLOCKS = [
    ("information", InformationBlock()),
    ("scene", SceneBlock()),
    ("decision", DecisionBlock()),
    ("single_choice", SingleChoiceQuestionBlock()),
    ("multiple_choice", MultipleChoiceQuestionBlock()),
    ("ordering", OrderingQuestionBlock()),
    ("hotspot", HotspotBlock()),
    ("writeup", WriteUpBlock()),
]

# Steps the learner answers; the rest are read and continued.
SCORED_STEP_TYPES = frozenset(name for name, block in STEP_BLOCKS if block.is_scored)
_BY_TYPE = dict(STEP_BLOCKS)
for _name, _block in STEP_BLOCKS:
    _block.set_name(_name)


def step_block(block_type):
    """The block of a kind of step, for code that has a block type and a value but no bound
    block (stored answers, tests)."""
    return _BY_TYPE[block_type]


__all__ = [
    "ORDERING_RULE",
    "SCORED_STEP_TYPES",
    "STEP_BLOCKS",
    "ChecklistItemBlock",
    "ChecklistKind",
    "ChoiceOptionBlock",
    "ContentImageBlock",
    "DecisionBlock",
    "DecisionOptionBlock",
    "HotspotBlock",
    "HotspotMode",
    "HotspotRegionBlock",
    "InformationBlock",
    "MultipleChoiceQuestionBlock",
    "OptionReview",
    "OrderReview",
    "OrderingItemBlock",
    "OrderingQuestionBlock",
    "SceneBlock",
    "ScoredStepBlock",
    "SingleChoiceQuestionBlock",
    "SourceBlock",
    "StepBlock",
    "WriteUpBlock",
    "anchor_block",
    "list_items",
    "signals_block",
    "step_block",
    "target_block",
]
