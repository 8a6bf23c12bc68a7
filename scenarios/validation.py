"""What a module still needs before learners can take it: one list, used where it is published
and where it is previewed.

A trainer saves a draft with whatever is there (Wagtail defers the required fields on "save
draft", and the step blocks skip their completeness rules while ``is_deferred_validation`` is
set). Publishing asks for everything that makes a module scorable and fair: an introduction, a
theme, learning objectives, reporting routes, at least one scored step, every step complete
(a correct option, regions drawn, alt text, …) and branches that lead somewhere. ``missing``
lists what is not there yet, for the preview ("Nog niet klaar") and for bulk publishing;
``publish_errors`` gives the same rules as form errors, placed at the field concerned, for
``ModulePage.clean``.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from . import branching


def branch_errors(problems):
    """The branching problems of a module as an error on its steps, shown at the step concerned
    (and at the field: the option list, the anchor, …) in the page editor; None when all is well."""
    if not problems:
        return None
    from wagtail.blocks.list_block import ListBlockValidationError
    from wagtail.blocks.stream_block import StreamBlockValidationError
    from wagtail.blocks.struct_block import StructBlockValidationError

    by_step, general = {}, []
    for problem in problems:
        if problem.position is None:
            general.append(ValidationError(problem.message))
        else:
            fields = by_step.setdefault(problem.position, {})
            fields.setdefault(problem.field or "", []).append(problem.message)
    block_errors = {}
    for position, fields in by_step.items():
        child_errors = {}
        for name, messages in fields.items():
            if name == "options":
                child_errors[name] = ListBlockValidationError(
                    non_block_errors=[ValidationError(message) for message in messages]
                )
            elif name:
                child_errors[name] = ValidationError(messages)
            else:
                general.extend(ValidationError(message) for message in messages)
        block_errors[position] = StructBlockValidationError(block_errors=child_errors)
    return StreamBlockValidationError(block_errors=block_errors, non_block_errors=general)


NO_SCORED_STEP = _(
    "Add at least one decision or question: a module needs something to score before a "
    "learner can pass it."
)


@dataclass(frozen=True)
class Missing:
    """Something a module needs before it can be published."""

    field: str  # the page field it concerns
    message: str  # what is missing, for the trainer
    step: int | None = None  # the step's number (from 1) when it concerns a step
    kind: str = ""  # the kind of step ("Decision")
    where: str = ""  # the field within the step ("Options 2 › Text")

    def __str__(self):
        if self.step is None:
            return self.message
        place = _("Step %(number)s (%(kind)s)") % {"number": self.step, "kind": self.kind}
        if self.where:
            place = f"{place}, {self.where}"
        return f"{place}: {self.message}"


def _is_blank(rich_text):
    return not strip_tags(str(rich_text or "")).replace("\xa0", " ").strip()


def _field_rules(page):
    """(field, message) for the page's own fields."""
    if _is_blank(page.introduction):
        yield "introduction", _("Write an introduction: what the module is about.")
    if page.theme_id is None:
        yield "theme", _("Choose a theme: the reports group modules and signals by theme.")
    if _is_blank(page.learning_objectives):
        yield "learning_objectives", _("Write the learning objectives.")
    if _is_blank(page.reporting_routes):
        yield (
            "reporting_routes",
            _("Write what to do with a real signal: learners see it on the result page."),
        )
    if page.image_id and not (page.image.description or "").strip():
        yield (
            "image",
            _(
                "The image ‘%(title)s’ has no alt text. Add a description to the image "
                "(Images → edit) so that screen-reader users know what it shows."
            )
            % {"title": page.image.title},
        )


def _step_error(page):
    """The steps' own problems as the editor shows them (a StreamBlockValidationError), or
    None. The same ``clean`` the editor runs on "publish": one set of rules."""
    if not page.steps:
        return None  # nothing yet: NO_SCORED_STEP says what to add
    stream_block = page.steps.stream_block
    try:
        stream_block.clean(page.steps)
    except ValidationError as error:
        return error
    return None


def _located(block, data, where=()):
    """(where, message) for every message in a block error's JSON data (``as_json_data``),
    ``where`` naming the field inside the step by its labels (“Options 2 › Text”)."""
    from wagtail import blocks

    for message in data.get("messages", []):
        yield " › ".join(where), message
    block_errors = data.get("blockErrors") or {}
    if isinstance(block_errors, list):
        block_errors = dict(enumerate(block_errors))
    for key, child in block_errors.items():
        if not child:
            continue
        if isinstance(block, blocks.StructBlock) and key in block.child_blocks:
            child_block = block.child_blocks[key]
            yield from _located(child_block, child, (*where, str(child_block.label)))
        elif isinstance(block, blocks.ListBlock):
            numbered = (*where[:-1], f"{where[-1]} {int(key) + 1}") if where else where
            yield from _located(block.child_block, child, numbered)
        else:
            yield from _located(block, child, where)


def _step_rules(page, step_error):
    """``Missing`` items for the steps; the structured error comes separately."""
    if step_error is not None:
        data = step_error.as_json_data()
        for message in data.get("messages", []):
            yield Missing("steps", str(message))
        steps = list(page.steps)
        for position, child in sorted((data.get("blockErrors") or {}).items()):
            block = steps[int(position)].block
            for where, message in dict.fromkeys(_located(block, child)):
                yield Missing("steps", str(message), int(position) + 1, str(block.label), where)
        return
    if not page.steps or not any(step.block.is_scored for step in page.steps):
        yield Missing("steps", str(NO_SCORED_STEP))
        return
    steps = list(page.steps)
    for problem in branching.problems(branching.nodes_from_steps(page.steps)):
        if problem.position is None:
            yield Missing("steps", str(problem.message))
        else:
            block = steps[problem.position].block
            yield Missing("steps", str(problem.message), problem.position + 1, str(block.label))


def missing(page):
    """What ``page`` (a ModulePage, as saved or as being edited) needs before it can be
    published, in the order of the editor: a list of ``Missing``; empty when it is ready."""
    found = [Missing(field, str(message)) for field, message in _field_rules(page)]
    found += list(_step_rules(page, _step_error(page)))
    order = [
        "title",
        "introduction",
        "theme",
        "learning_objectives",
        "image",
        "steps",
        "reporting_routes",
    ]
    return sorted(found, key=lambda item: order.index(item.field) if item.field in order else 99)


def publish_errors(page):
    """The rules of ``missing`` as errors for ``ModulePage.clean``: {field: error}, each shown at
    its field in the editor (a step's problem at the step)."""
    errors = {}
    for field, message in _field_rules(page):
        errors.setdefault(field, []).append(ValidationError(message))
    step_error = _step_error(page)
    if step_error is not None:
        errors["steps"] = step_error
    elif not page.steps or not any(step.block.is_scored for step in page.steps):
        errors["steps"] = ValidationError(NO_SCORED_STEP)
    else:
        branch_error = branch_errors(branching.problems(branching.nodes_from_steps(page.steps)))
        if branch_error is not None:
            errors["steps"] = branch_error
    return errors
