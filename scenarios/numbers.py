"""One rule for the numbers people read: percentages and points.

Every percentage on the platform (a learner's score, a team's completion rate, the coordinators'
figures, the item statistics) is ``percent``: rounded half up, so 3 of 7 is 43% on every page,
and never 0% or 100% unless it is exactly that (999 of 1000 is 99%: "100%" would say everyone).
Points are written without trailing zeros in the active language's notation ("1,2", "1") and
with the singular or plural the count needs ("1 van 1 punt", "1,2 van 2 punten").
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import ngettext


def percent(part, whole, empty=0):
    """``part`` as a whole percentage of ``whole``: rounded half up, and 0 or 100 only when it
    is exactly that. ``empty`` when ``whole`` is 0 (nothing to count)."""
    part, whole = Decimal(part), Decimal(whole)
    if not whole:
        return empty
    value = int((part * 100 / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if 0 < part < whole:
        value = min(max(value, 1), 99)
    return value


def plain(number):
    """A number of points as written: no trailing zeros (1.20 is "1,2", 2.00 is "2"), in the
    active language's notation."""
    number = Decimal(number).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if number == number.to_integral_value():
        return number_format(int(number))
    return number_format(number.normalize(), use_l10n=True)


def points_of(points, max_points):
    """ "1,2 of 2 points", "1 of 1 point": the singular or plural follows the maximum."""
    maximum = Decimal(max_points)
    count = int(maximum) if maximum == maximum.to_integral_value() else 2
    return ngettext("%(points)s of %(max)s point", "%(points)s of %(max)s points", count) % {
        "points": plain(points),
        "max": plain(maximum),
    }
