"""What the "spot the signals" form needs before answering: every region's neutral label in the
order the learner is shown (``order``: keyed per attempt, see ``scenarios.shuffle``), how many
signals there are (stated when the step's mode says so) and how many marks a learner may place.
Never the shapes, kinds or explanations."""

import secrets
from dataclasses import dataclass

from django import template

from scenarios import hotspots, shuffle

register = template.Library()


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class HotspotForm:
    choices: list
    signal_count: int
    max_marks: int
    view_height: float


@register.simple_tag
def hotspot_form(value, order):
    regions = hotspots.regions_of(value)
    if not order:  # a preview: a random order, never the trainer's (signals tend to come first)
        order = shuffle.keyed_order([region.id for region in regions], secrets.token_hex(16))
    position = {str(region_id): index for index, region_id in enumerate(order or ())}
    shown = sorted(regions, key=lambda region: position.get(region.id, len(position)))
    return HotspotForm(
        [Choice(r.id, r.label) for r in shown],
        sum(1 for region in regions if region.is_signal),
        hotspots.max_marks(regions),
        hotspots.view_height(value["image"]),
    )
