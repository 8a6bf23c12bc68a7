"""The POST data the Wagtail page editor sends for a module, built from block values the way the
editor's JavaScript would serialise them, so tests can create, edit and publish modules through
the real admin views (Wagtail's own tests use the same helpers from ``wagtail.test.utils``)."""

import copy

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from scenarios.models import ModulePage


def block_form_data(block, value):
    """The editor's form data for one block value, as a nested dict for ``nested_form_data``."""
    if isinstance(block, ImageBlock):
        if value is None:
            return {"image": "", "alt_text": ""}
        data = {"image": str(value.pk), "alt_text": value.contextual_alt_text or ""}
        if value.decorative:
            data["decorative"] = "on"
        return data
    if isinstance(block, blocks.StreamBlock):
        data = {
            str(i): {
                "type": child.block_type,
                "id": child.id or "",
                "order": str(i),
                "deleted": "",
                "value": block_form_data(child.block, child.value),
            }
            for i, child in enumerate(value)
        }
        data["count"] = str(len(value))
        return data
    if isinstance(block, blocks.ListBlock):
        children = value.bound_blocks
        data = {
            str(i): {
                "id": child.id or "",
                "order": str(i),
                "deleted": "",
                "value": block_form_data(block.child_block, child.value),
            }
            for i, child in enumerate(children)
        }
        data["count"] = str(len(children))
        return data
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_form_data(child, value[name])
            for name, child in block.child_blocks.items()
            if not (isinstance(child, blocks.BooleanBlock) and not value[name])
        }
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if isinstance(value, RichText) else (value or ""))
    if isinstance(block, blocks.BooleanBlock):
        return "on"
    if isinstance(block, blocks.ChooserBlock):
        return "" if value is None else str(value.pk)
    return "" if value is None else str(value)


def stream_form_data(field_name, raw_items):
    """Form data for a StreamField of ``ModulePage`` from raw items (as the factories make them)."""
    stream_block = ModulePage._meta.get_field(field_name).stream_block
    return block_form_data(stream_block, stream_block.to_python(raw_items))


def module_form_data(
    *,
    title,
    slug,
    theme,
    steps,
    pass_mark=70,
    audience="professionals",
    image=None,
    publish=False,
    **overrides,
):
    """Everything the module editor posts. ``steps`` are raw step items (tests.factories)."""
    data = {
        "title": title,
        "slug": slug,
        "introduction": rich_text("<p>Inleiding</p>"),
        "theme": str(theme.pk),
        "audience": audience,
        "estimated_minutes": "10",
        "pass_mark": str(pass_mark),
        "learning_objectives": rich_text("<ul><li>Signalen herkennen</li></ul>"),
        "image": str(image.pk) if image else "",
        "steps": stream_form_data("steps", steps),
        "reporting_routes": rich_text("<p>Meld Misdaad Anoniem: 0800-7000</p>"),
        "sources": stream_form_data("sources", []),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def raw_steps(page):
    """The page's steps as raw items with their ids, ready to change and post back."""
    return copy.deepcopy(list(page.steps.raw_data))
