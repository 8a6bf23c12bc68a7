"""Points and percentages in templates, by the one rule of ``scenarios.numbers``."""

from django import template

from scenarios import numbers

register = template.Library()


@register.simple_tag
def points_of(points, max_points):
    """``{% points_of response.points response.max_points %}``: "1,2 van 2 punten"."""
    return numbers.points_of(points, max_points)


@register.filter
def percent_of(part, whole):
    """``{{ found|percent_of:total }}``: a whole percentage, rounded half up."""
    return numbers.percent(part, whole)
