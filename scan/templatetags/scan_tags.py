"""Template helpers of the scan: the navigation link for coordinators and the width of a bar."""

from django import template
from django.template.defaultfilters import floatformat

from scan import services

register = template.Library()

BAR_WIDTH = 400
SCALE_MAX = 4


@register.simple_tag
def coordinates_scans(user):
    """Whether the "Scan" link belongs in the navigation. What rounds a page shows is decided by
    the querysets, never here."""
    return services.may_coordinate(user)


@register.filter
def bar_width(score):
    """The width of a score (1 to 4) on a bar of ``BAR_WIDTH`` units, as an SVG attribute: a
    string with a decimal point in every language."""
    if score is None:
        return "0"
    return f"{float(score) / SCALE_MAX * BAR_WIDTH:.1f}"


@register.filter
def score(value):
    """A score with one decimal, or "–" when there is none."""
    if value is None:
        return "–"
    return floatformat(value, 1)


@register.filter
def signed(value):
    """A change with its sign: +0,4 or -0,2."""
    if value is None:
        return "–"
    text = floatformat(value, 1)
    return f"+{text}" if value > 0 else text


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None
