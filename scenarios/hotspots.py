"""Geometry and scoring of "spot the signals" steps.

A region's shape is stored as text: JSON written by the visual editor,
``{"type": "rect", "points": [[x0, y0], [x1, y1]]}`` or
``{"type": "polygon", "points": [[x, y], ...]}``, or the short form a trainer can type,
``100,200 300,400`` (two corners: a rectangle) or ``100,200 300,400 200,500`` (a polygon).
Coordinates are per mille (0-1000) of the image's width and height, so a shape fits the image at
any size it is shown.

A learner answers with marks, ``p:<x>,<y>`` in per mille, and/or ticked regions, ``r:<id>`` (the
keyboard and screen-reader alternative). A mark counts for the region it is in; a mark in no
region counts for the nearest region within ``MARK_TOLERANCE`` of the image's diagonal (a fair
click just beside a thin thing, or in the gap between two, is not punished). Regions narrower
than ``THIN_SHARE`` of the image are refused on save (``too_thin``). Pure functions: no
database, no request.
"""

import json
import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

SIGNAL = "signal"
ORDINARY = "ordinary"
MISS = "miss"  # a mark that hit no region, as stored in the answer
COORDINATE_MAX = 1000
MARK_MARGIN = 2  # marks a learner may place beyond the number of regions
MARK_TOLERANCE = 0.04  # of the image's diagonal: how far beside a region a mark still counts
THIN_SHARE = 0.03  # of the image's shorter side: the narrowest a region may be
MARK_RECORD = "m:"  # stored after the scored items: ``m:<x>,<y>:<region id or miss>``


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

    def scaled(self, scale):
        """The corners in the view box's units: x as is, y times ``scale`` (the image's height
        over its width), so that distances are true to the picture's proportions."""
        return [(x, y * scale) for x, y in self.polygon]

    def nearest_point(self, x, y, scale=1.0):
        """The point on the outline nearest to (x, y), and its distance, in view-box units
        (``x``, ``y`` in per mille)."""
        px, py = x, y * scale
        corners = self.scaled(scale)
        best = None
        for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
            dx, dy = x1 - x0, y1 - y0
            length = dx * dx + dy * dy
            t = (
                0.0
                if not length
                else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / length))
            )
            qx, qy = x0 + t * dx, y0 + t * dy
            distance = math.hypot(px - qx, py - qy)
            if best is None or distance < best[2]:
                best = (qx, qy, distance)
        return best

    def narrowest(self, scale=1.0):
        """The shape's smallest width over every direction (of its convex hull), in view-box
        units: a rectangle's shorter side, a sliver's thickness."""
        hull = convex_hull(self.scaled(scale))
        widest_gap = []
        for (x0, y0), (x1, y1) in zip(hull, hull[1:] + hull[:1], strict=True):
            length = math.hypot(x1 - x0, y1 - y0)
            if not length:
                continue
            widest_gap.append(
                max(abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length for x, y in hull)
            )
        return min(widest_gap, default=0.0)


def convex_hull(points):
    """The corners of the convex hull, counter-clockwise (Andrew's monotone chain)."""
    points = sorted(set(points))
    if len(points) <= 2:
        return points

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for point in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


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


def tolerance(height):
    """How far beside a region a mark still counts for it, in view-box units: ``MARK_TOLERANCE``
    of the diagonal of a 1000 by ``height`` view box."""
    return MARK_TOLERANCE * math.hypot(COORDINATE_MAX, height)


def region_for_mark(regions, x, y, height):
    """The region a mark at (x, y) counts for: the one it is in (``region_at``), else the
    nearest within ``tolerance`` (a signal before an ordinary region at the same distance);
    None for a mark on nothing. ``height``: the view box's height (``view_height``)."""
    region = region_at(regions, x, y)
    if region is not None:
        return region
    scale = height / COORDINATE_MAX
    reach = tolerance(height)
    nearby = [
        (region.shape.nearest_point(x, y, scale)[2], not region.is_signal, index, region)
        for index, region in enumerate(regions)
    ]
    nearby = [item for item in nearby if item[0] <= reach]
    return min(nearby, key=lambda item: item[:3])[3] if nearby else None


def too_thin(shape, height):
    """The narrowest width of ``shape`` as a share of the image's shorter side when it is under
    ``THIN_SHARE`` (a fair click would miss it), else None."""
    shorter = min(COORDINATE_MAX, height)
    share = shape.narrowest(height / COORDINATE_MAX) / shorter
    return share if share < THIN_SHARE else None


def mark_record(x, y, region):
    """What is stored for one mark: where it was and the region it counted for."""
    return f"{MARK_RECORD}{x:g},{y:g}:{region.id if region is not None else MISS}"


def scored_items(answer):
    """The items of a stored answer that score: region ids and misses, without the records of
    where the marks were."""
    return [item for item in answer if not str(item).startswith(MARK_RECORD)]


def marks_of(answer):
    """(x, y, region id or None) of every mark recorded in a stored answer, in the order they
    were placed. Answers stored before marks were recorded have none."""
    marks = []
    for item in answer:
        item = str(item)
        if not item.startswith(MARK_RECORD):
            continue
        point, _sep, target = item[len(MARK_RECORD) :].rpartition(":")
        try:
            x, y = (float(value) for value in point.split(","))
        except ValueError:
            continue
        marks.append((x, y, None if target == MISS else target))
    return marks


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
    or ticked (each once) plus one ``miss`` per mark on nothing, then a record of each mark
    (``mark_record``: where it was and what it counted for, for the feedback). Raises
    AnswerError when the input does not fit the step."""
    regions = regions_of(value)
    height = view_height(value["image"])
    by_id = {region.id: region for region in regions}
    hit, misses, marks = set(), 0, []
    for item in chosen:
        kind, _sep, rest = str(item).partition(":")
        if kind == "p":
            x, y = parse_mark(rest)
            region = region_for_mark(regions, x, y, height)
            marks.append(mark_record(x, y, region))
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
    if len(marks) > max_marks(regions):
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
    return tuple(sorted(hit)) + (MISS,) * misses + tuple(marks)


def judge(value, answer):
    """(earned points, maximum) for a stored answer. With S signal regions each signal region
    found earns points/S and each ordinary region or mark on nothing takes points/S off; never
    below zero."""
    regions = regions_of(value)
    points = Decimal(value["points"])
    signal_ids = {region.id for region in regions if region.is_signal}
    if not signal_ids:
        return Decimal(0), points
    answer = scored_items(answer)
    found = sum(1 for item in set(answer) if item in signal_ids)
    wrong = sum(1 for item in answer if item not in signal_ids)
    share = max(found - wrong, 0) / Decimal(len(signal_ids))
    return (points * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), points


# -- what the learner is shown after answering ------------------------------------------------


LABEL_SIZE = 40  # a region's letter badge, in view-box units, as drawn on a wide screen
LABEL_ROOM = 72  # the room a badge needs on a phone, where the stylesheet draws it larger
DOT_ROOM = 36  # the room a mark's dot needs on a phone

FOUND_BY_MARK = "mark"  # how a region was found: a mark in it,
FOUND_NEAR = "near"  # a mark just beside it (within the tolerance),
FOUND_IN_LIST = "list"  # or ticked in the list of descriptions


@dataclass(frozen=True)
class RegionReview:
    region: Region
    marked: bool
    letter: str  # A, B, ...: signals first in the trainer's order, then what was wrongly marked
    outline: str  # the SVG ``points`` of the outline, in the review's view box
    label_x: float  # the centre of the letter badge
    label_y: float
    how: str = ""  # FOUND_BY_MARK, FOUND_NEAR, FOUND_IN_LIST, or "" (not marked, or not known)
    # Where a short line from a badge outside its region meets the outline (None: no line).
    anchor: tuple | None = None

    @property
    def label_corner(self):
        half = LABEL_SIZE / 2
        return self.label_x - half, self.label_y - half


@dataclass(frozen=True)
class MarkReview:
    """One of the learner's marks, where it was placed, and the region it counted for."""

    x: float  # in view-box units
    y: float
    letter: str  # of the region it counted for; "" for a mark on nothing
    near: bool  # beside the region, counted by the tolerance: a line leads to the region
    to_x: float  # the nearest point of the region's outline (for a mark beside it)
    to_y: float


@dataclass(frozen=True)
class HotspotReview:
    view_height: float  # the view box is 1000 wide and as high as the image's proportions give
    signals: list
    wrongly_marked: list  # ordinary regions the learner marked or ticked
    misses: int  # marks that hit nothing
    marks: list = field(default_factory=list)  # MarkReview, in the order they were placed

    label_size = LABEL_SIZE

    @property
    def found(self):
        return sum(1 for item in self.signals if item.marked)

    @property
    def missed(self):
        return len(self.signals) - self.found

    @property
    def marks_near(self):
        return sum(1 for mark in self.marks if mark.near)

    @property
    def marks_on_nothing(self):
        return sum(1 for mark in self.marks if not mark.letter)


def view_height(image):
    """The height of a 1000-wide view box with the image's proportions."""
    width, height = getattr(image, "width", 0), getattr(image, "height", 0)
    if not width or not height:
        return 750.0
    return round(1000 * height / width, 2)


def letter(index):
    """A, B, ... Z, then AA, AB, ...: a region's name in the feedback, unlike a mark's dot."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _overlap(a, b):
    """The area two boxes (x0, y0, x1, y1) share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0


def place_labels(boxes, dots, height):
    """Centres for the letter badges of regions with bounding ``boxes`` (x0, y0, x1, y1, in
    view-box units), each at a corner of its region, chosen so that badges cover each other and
    the learner's ``dots`` as little as they can at the size a phone draws them."""
    half = LABEL_ROOM / 2
    taken = [
        (x - DOT_ROOM / 2, y - DOT_ROOM / 2, x + DOT_ROOM / 2, y + DOT_ROOM / 2) for x, y in dots
    ]
    placed = []
    for x0, y0, x1, y1 in boxes:
        candidates = [
            (x0, y0 - half),  # above the top left corner
            (x0 - half, y0),  # left of it
            (x0 + half, y0 + half),  # just inside it
            (x1, y0 - half),  # above the top right corner
            (x1 + half, y0),  # right of it
            (x0, y1 + half),  # below the bottom left corner
            (x1, y1 + half),  # below the bottom right corner
        ]
        best = None
        for order, (cx, cy) in enumerate(candidates):
            cx = min(max(cx, half), COORDINATE_MAX - half)
            cy = min(max(cy, half), height - half)
            box = (cx - half, cy - half, cx + half, cy + half)
            cost = sum(_overlap(box, other) for other in taken)
            if best is None or (cost, order) < best[0]:
                best = ((cost, order), (cx, cy), box)
        placed.append(best[1])
        taken.append(best[2])
    return [(round(x, 1), round(y, 1)) for x, y in placed]


def review(value, answer):
    """The answer key with the learner's answer laid over it. Only for an answered step."""
    height = view_height(value["image"])
    scale = height / COORDINATE_MAX
    chosen = set(scored_items(answer))
    recorded = marks_of(answer)
    regions = regions_of(value)
    by_id = {region.id: region for region in regions}
    # What the feedback draws: every signal, and the ordinary regions the learner marked.
    shown = [r for r in regions if r.is_signal] + [
        r for r in regions if not r.is_signal and r.id in chosen
    ]
    letters = {region.id: letter(index) for index, region in enumerate(shown)}
    marks = []
    for x, y, region_id in recorded:
        region = by_id.get(region_id)
        near = region is not None and not region.shape.contains(x, y)
        to_x, to_y, _distance = (
            region.shape.nearest_point(x, y, scale) if near else (x, y * scale, 0)
        )
        marks.append(
            MarkReview(
                round(x, 1),
                round(y * scale, 1),
                letters.get(region_id, "") if region is not None else "",
                near,
                round(to_x, 1),
                round(to_y, 1),
            )
        )
    boxes = []
    for region in shown:
        xs = [x for x, _y in region.shape.scaled(scale)]
        ys = [y for _x, y in region.shape.scaled(scale)]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    centres = place_labels(boxes, [(mark.x, mark.y) for mark in marks], height)
    signals, wrong = [], []
    for region, (label_x, label_y) in zip(shown, centres, strict=True):
        outline = " ".join(f"{x:g},{y * scale:.1f}" for x, y in region.shape.polygon)
        counted = [mark for mark in marks if mark.letter == letters[region.id]]
        if region.id not in chosen:
            how = ""
        elif any(not mark.near for mark in counted):
            how = FOUND_BY_MARK
        elif counted:
            how = FOUND_NEAR
        else:
            how = FOUND_IN_LIST if recorded else ""
        anchor = None
        if not region.shape.contains(label_x, label_y / scale):
            to_x, to_y, _distance = region.shape.nearest_point(label_x, label_y / scale, scale)
            anchor = (round(to_x, 1), round(to_y, 1))
        item = RegionReview(
            region, region.id in chosen, letters[region.id], outline, label_x, label_y, how, anchor
        )
        (signals if region.is_signal else wrong).append(item)
    misses = sum(1 for item in scored_items(answer) if item == MISS)
    return HotspotReview(height, signals, wrong, misses, marks)
