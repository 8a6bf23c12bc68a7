"""What the "spot the signals" form needs before answering: every region's neutral label in a
stable mixed order, how many signals there are (stated when the step's mode says so) and how
many marks a learner may place. Never the shapes, kinds or explanations."""

from dataclasses import dataclass

from django import template

from scenarios import hotspots

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
def hotspot_form(value, step_id):
    regions = hotspots.regions_of(value)
    return HotspotForm(
        [Choice(r.id, r.label) for r in hotspots.shuffled_labels(step_id, regions)],
        sum(1 for region in regions if region.is_signal),
        hotspots.max_marks(regions),
        hotspots.view_height(value["image"]),
    )
