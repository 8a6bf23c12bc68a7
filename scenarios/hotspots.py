"""Geometry and scoring of "spot the signals" steps.

A region's shape is stored as text: JSON written by the visual editor,
``{"type": "rect", "points": [[x0, y0], [x1, y1]]}`` or
``{"type": "polygon", "points": [[x, y], ...]}``, or the short form a trainer can type,
``100,200 300,400`` (two corners: a rectangle) or ``100,200 300,400 200,500`` (a polygon).
Coordinates are per mille (0-1000) of the image's width and height, so a shape fits the image at
any size it is shown.

A learner answers with marks, ``p:<x>,<y>`` in per mille, and/or ticked regions, ``r:<id>`` (the
keyboard and screen-reader alternative). Pure functions: no database, no request.
"""

import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

SIGNAL = "signal"
ORDINARY = "ordinary"
MISS = "miss"  # a mark that hit no region, as stored in the answer
COORDINATE_MAX = 1000
MARK_MARGIN = 2  # marks a learner may place beyond the number of regions


class ShapeError(ValueError):
    """A shape that cannot be used; the message is for the trainer."""


@dataclass(frozen=True)
class Shape:
    kind: str  # "rect" or "polygon"
    points: tuple  # ((x, y), ...): two corners for a rectangle, the corners of a polygon

    @property
    def polygon(self):
        """The corners, a rectangle's four included."""
        if self.kind == "rect":
            (x0, y0), (x1, y1) = self.points
            return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
        return self.points

    def contains(self, x, y):
        if self.kind == "rect":
            (x0, y0), (x1, y1) = self.points
            return min(x0, x1) <= x <= max(x0, x1) and min(y0, y1) <= y <= max(y0, y1)
        return point_in_polygon(x, y, self.points)

    @property
    def area(self):
        return polygon_area(self.polygon)

    @property
    def centre(self):
        xs = [x for x, _y in self.polygon]
        ys = [y for _x, y in self.polygon]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2

    def to_json(self):
        return json.dumps({"type": self.kind, "points": [list(p) for p in self.points]})


def polygon_area(points):
    """The area enclosed by the corners (shoelace formula), always positive."""
    total = 0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def point_in_polygon(x, y, points):
    """Whether (x, y) lies inside or on the edge of the polygon (even-odd rule)."""
    inside = False
    count = len(points)
    for i in range(count):
        (x0, y0), (x1, y1) = points[i], points[(i + 1) % count]
        if _on_segment(x, y, x0, y0, x1, y1):
            return True
        if (y0 > y) != (y1 > y):
            crossing = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            if x < crossing:
                inside = not inside
    return inside


def _on_segment(x, y, x0, y0, x1, y1):
    cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)
    if abs(cross) > 1e-9:
        return False
    return min(x0, x1) <= x <= max(x0, x1) and min(y0, y1) <= y <= max(y0, y1)


def _number(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ShapeError(_("Coordinates must be numbers."))
    if not 0 <= value <= COORDINATE_MAX:
        raise ShapeError(
            _("Coordinates must lie between 0 and 1000 (per mille of the image's size).")
        )
    return round(value, 1)


def parse_shape(text):
    """A Shape from its stored text; raises ShapeError with a message for the trainer."""
    text = (text or "").strip()
    if not text:
        raise ShapeError(_("Draw the region on the image, or type its coordinates."))
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            raise ShapeError(_("The shape is not valid: draw it again.")) from None
        if not isinstance(data, dict) or not isinstance(data.get("points"), list):
            raise ShapeError(_("The shape is not valid: draw it again."))
        kind, raw_points = data.get("type"), data["points"]
        if kind not in ("rect", "polygon"):
            raise ShapeError(_("A shape is a rectangle or a polygon."))
    else:
        raw_points = []
        for pair in text.replace(";", " ").split():
            match = re.fullmatch(r"(-?[\d.]+),(-?[\d.]+)", pair)
            if not match:
                raise ShapeError(
                    _(
                        "Type the corners as x,y pairs separated by spaces, for example "
                        "“100,200 300,400” for a rectangle."
                    )
                )
            try:
                raw_points.append([float(match[1]), float(match[2])])
            except ValueError:
                raise ShapeError(_("Coordinates must be numbers.")) from None
        kind = "rect" if len(raw_points) == 2 else "polygon"
    points = []
    for point in raw_points:
        if not isinstance(point, list | tuple) or len(point) != 2:
            raise ShapeError(_("The shape is not valid: draw it again."))
        points.append((_number(point[0]), _number(point[1])))
    if kind == "rect":
        if len(points) != 2:
            raise ShapeError(_("A rectangle has two corners."))
    elif len(points) < 3:
        raise ShapeError(_("A polygon needs at least three points."))
    shape = Shape(kind, tuple(points))
    if shape.area <= 0:
        raise ShapeError(_("The shape encloses no area: its points lie on one line."))
    return shape


# -- the regions of a step -------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    id: str
    label: str
    kind: str
    shape: Shape
    explanation: object = None
    signals: tuple = field(default=(), compare=False)

    @property
    def is_signal(self):
        return self.kind == SIGNAL


def regions_of(value):
    """The regions of a hotspot step's block value, in the trainer's order."""
    found = []
    for child in value["regions"].bound_blocks:
        region = child.value
        try:
            shape = parse_shape(region["shape"])
        except ShapeError:
            continue  # validation refuses these on save; an old revision is still playable
        found.append(
            Region(
                str(child.id),
                region["label"],
                region["kind"],
                shape,
                region["explanation"],
                tuple(region["signals"] or ()),
            )
        )
    return found


def max_marks(regions):
    return len(regions) + MARK_MARGIN


def region_at(regions, x, y):
    """The region a mark at (x, y) hits: a signal region before an ordinary one where they
    overlap, else the first in the trainer's order; None for a mark on nothing."""
    for wanted in (SIGNAL, ORDINARY):
        for region in regions:
            if region.kind == wanted and region.shape.contains(x, y):
                return region
    return None


class AnswerError(ValueError):
    """Marks or ticks that do not fit the step: the reason for the log, and a message for the
    learner."""

    def __init__(self, reason, learner_message):
        super().__init__(reason)
        self.learner_message = learner_message


def _mark_error(reason):
    return AnswerError(
        reason, _("A mark could not be read. Place your marks on the picture and try again.")
    )


def parse_mark(text):
    """(x, y) from ``<x>,<y>`` in per mille; raises AnswerError for anything else."""
    match = re.fullmatch(r"(\d{1,4}(?:\.\d{1,3})?),(\d{1,4}(?:\.\d{1,3})?)", text)
    if not match:
        raise _mark_error("not a point")
    x, y = float(match[1]), float(match[2])
    if not (0 <= x <= COORDINATE_MAX and 0 <= y <= COORDINATE_MAX):
        raise _mark_error("point outside the image")
    return x, y


def normalise_answer(value, chosen):
    """The stored answer for the learner's marks and ticks: the sorted ids of every region hit
    or ticked (each once) plus one ``miss`` per mark on nothing. Raises AnswerError when the
    input does not fit the step."""
    regions = regions_of(value)
    by_id = {region.id: region for region in regions}
    hit, misses, marks = set(), 0, 0
    for item in chosen:
        kind, _sep, rest = str(item).partition(":")
        if kind == "p":
            marks += 1
            x, y = parse_mark(rest)
            region = region_at(regions, x, y)
            if region is None:
                misses += 1
            else:
                hit.add(region.id)
        elif kind == "r":
            if rest not in by_id:
                raise AnswerError(
                    "unknown region", _("Choose from the descriptions of this picture.")
                )
            hit.add(rest)
        else:
            raise _mark_error("not a mark or a region")
    if marks > max_marks(regions):
        raise AnswerError(
            "too many marks",
            _("You placed more than %(count)s marks. Remove the marks you are unsure of.")
            % {"count": max_marks(regions)},
        )
    if not hit and not misses:
        raise AnswerError(
            "nothing marked",
            _("Mark at least one thing on the picture, or tick it in the list."),
        )
    return tuple(sorted(hit)) + (MISS,) * misses


def judge(value, answer):
    """(earned points, maximum) for a stored answer. With S signal regions each signal region
    found earns points/S and each ordinary region or mark on nothing takes points/S off; never
    below zero."""
    regions = regions_of(value)
    points = Decimal(value["points"])
    signal_ids = {region.id for region in regions if region.is_signal}
    if not signal_ids:
        return Decimal(0), points
    found = sum(1 for item in set(answer) if item in signal_ids)
    wrong = sum(1 for item in answer if item not in signal_ids)
    share = max(found - wrong, 0) / Decimal(len(signal_ids))
    return (points * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), points


# -- what the learner is shown after answering ------------------------------------------------


@dataclass(frozen=True)
class RegionReview:
    region: Region
    marked: bool
    number: int  # signals are numbered 1..S in the trainer's order; ordinary regions after them
    outline: str  # the SVG ``points`` of the outline, in the review's view box
    label_x: float
    label_y: float


@dataclass(frozen=True)
class HotspotReview:
    view_height: float  # the view box is 1000 wide and as high as the image's proportions give
    signals: list
    wrongly_marked: list  # ordinary regions the learner marked or ticked
    misses: int  # marks that hit nothing

    @property
    def found(self):
        return sum(1 for item in self.signals if item.marked)

    @property
    def missed(self):
        return len(self.signals) - self.found


def view_height(image):
    """The height of a 1000-wide view box with the image's proportions."""
    width, height = getattr(image, "width", 0), getattr(image, "height", 0)
    if not width or not height:
        return 750.0
    return round(1000 * height / width, 2)


def review(value, answer):
    """The answer key with the learner's answer laid over it. Only for an answered step."""
    height = view_height(value["image"])
    scale = height / COORDINATE_MAX
    chosen = set(answer)
    signals, wrong = [], []
    regions = regions_of(value)
    ordered = [r for r in regions if r.is_signal] + [r for r in regions if not r.is_signal]
    for number, region in enumerate(ordered, start=1):
        outline = " ".join(f"{x:g},{y * scale:.1f}" for x, y in region.shape.polygon)
        xs = [x for x, _y in region.shape.polygon]
        ys = [y for _x, y in region.shape.polygon]
        item = RegionReview(
            region,
            region.id in chosen,
            number,
            outline,
            min(max(min(xs) + 14, 14), 986),
            min(max(min(ys) * scale + 14, 14), height - 14),
        )
        if region.is_signal:
            signals.append(item)
        elif item.marked:
            wrong.append(item)
    return HotspotReview(height, signals, wrong, sum(1 for item in answer if item == MISS))
