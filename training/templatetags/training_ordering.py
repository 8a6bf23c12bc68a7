"""The shuffled items of an ordering question, as the learner first sees them."""

from django import template

from scenarios import scoring

register = template.Library()


@register.simple_tag
def shuffled_items(step, attempt=None):
    """The items of ``step`` in the order the learner starts from: shuffled the same way for the
    same attempt and step (a reload does not reshuffle), never in the correct order."""
    texts = {child.id: child.value["text"] for child in step.value["items"].bound_blocks}
    seed = f"{attempt.pk if attempt else 'preview'}:{step.id}"
    return [
        {"id": item_id, "text": texts[item_id], "position": position}
        for position, item_id in enumerate(scoring.shuffled_order(step.value, seed), start=1)
    ]
