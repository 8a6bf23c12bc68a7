"""Spot the signals: the geometry of regions and how marks and ticks are scored."""

from decimal import Decimal

import pytest
from django.utils import translation

from scenarios import hotspots, scoring
from scenarios.blocks import HotspotBlock, step_block
from tests.factories import hotspot_step, make_image

# -- geometry ------------------------------------------------------------------------------------


def test_a_point_inside_a_rectangle_hits_it_and_one_outside_does_not():
    shape = hotspots.parse_shape("100,200 300,400")
    assert shape.kind == "rect"
    assert shape.contains(200, 300)
    assert shape.contains(100, 200)  # on the corner
    assert not shape.contains(99, 300)
    assert not shape.contains(200, 401)


def test_a_rectangle_drawn_from_any_corner_covers_the_same_area():
    shape = hotspots.parse_shape('{"type": "rect", "points": [[300, 400], [100, 200]]}')
    assert shape.contains(150, 250)
    assert shape.area == 200 * 200


def test_a_point_in_the_notch_of_a_concave_polygon_misses_it():
    # a U shape: the notch between the two legs is outside
    u_shape = hotspots.parse_shape("0,0 300,0 300,300 200,300 200,100 100,100 100,300 0,300")
    assert u_shape.kind == "polygon"
    assert u_shape.contains(50, 250)  # left leg
    assert u_shape.contains(250, 250)  # right leg
    assert not u_shape.contains(150, 250)  # the notch
    assert u_shape.contains(200, 200)  # on an edge


def test_a_triangle_has_the_area_of_half_its_box():
    assert hotspots.parse_shape("0,0 100,0 0,100").area == 5000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Draw the region"),
        ("100,200 1200,400", "between 0 and 1000"),
        ('{"type": "polygon", "points": [[0, 0], [10, -1], [5, 5]]}', "between 0 and 1000"),
        ("100,100 200,200 300,300", "encloses no area"),
        ('{"type": "polygon", "points": [[0, 0], [10, 10]]}', "at least three points"),
        ("100,100 100,400", "encloses no area"),
        ('{"type": "circle", "points": []}', "rectangle or a polygon"),
        ("100;200", "x,y pairs"),
        ("{not json", "draw it again"),
    ],
)
def test_unusable_shapes_are_refused_with_a_reason(text, message):
    with translation.override("en"), pytest.raises(hotspots.ShapeError, match=message):
        hotspots.parse_shape(text)


# -- scoring -------------------------------------------------------------------------------------


@pytest.fixture
def value(db):
    return HotspotBlock().to_python(hotspot_step(make_image(size=(400, 300)))["value"])


def scored(value, *chosen):
    return step_block("hotspot").score(value, list(chosen))


def items(judged):
    """The scored part of a stored answer: region ids and misses, without the mark records."""
    return tuple(hotspots.scored_items(judged.answer))


def test_marking_every_signal_earns_every_point(value):
    judged = scored(value, "p:200,150", "p:700,100", "p:500,650")
    assert judged.verdict == "right"
    assert (judged.points, judged.max_points) == (Decimal(3), Decimal(3))
    assert items(judged) == ("r-1", "r-2", "r-3")


def test_each_signal_found_earns_its_share(value):
    judged = scored(value, "p:200,150")
    assert judged.verdict == "partial"
    assert judged.points == Decimal("1.00")


def test_a_signal_marked_twice_counts_once(value):
    judged = scored(value, "p:200,150", "p:110,110")
    assert judged.points == Decimal("1.00")
    assert items(judged) == ("r-1",)


def test_a_mark_on_an_ordinary_thing_or_on_nothing_takes_a_share_off(value):
    judged = scored(value, "p:200,150", "p:700,100", "p:100,900", "p:500,400")
    # two signals found, one ordinary region and one mark on nothing: (2 - 2) / 3
    assert judged.points == Decimal(0)
    assert judged.verdict == "wrong"
    assert items(judged) == ("r-1", "r-2", "r-4", "miss")


def test_the_score_is_never_below_zero(value):
    judged = scored(value, "p:100,900", "p:800,600", "p:10,10", "p:990,990")
    assert judged.points == Decimal(0)
    assert items(judged) == ("r-4", "r-5", "miss", "miss")


def test_ticking_regions_in_the_list_scores_like_marking_them(value):
    by_list = scored(value, "r:r-1", "r:r-2", "r:r-4")
    by_marks = scored(value, "p:200,150", "p:700,100", "p:100,900")
    assert (by_list.verdict, by_list.points) == (by_marks.verdict, by_marks.points)
    assert items(by_list) == items(by_marks) == ("r-1", "r-2", "r-4")
    assert by_list.points == Decimal("1.00")


def test_a_mark_and_a_tick_of_the_same_signal_count_once(value):
    assert items(scored(value, "p:200,150", "r:r-1")) == ("r-1",)


def test_a_point_where_a_signal_overlaps_an_ordinary_region_hits_the_signal(db):
    step = hotspot_step(make_image())
    step["value"]["regions"][4]["value"]["shape"] = "150,120 250,180"  # inside region 1
    value = HotspotBlock().to_python(step["value"])
    assert items(scored(value, "p:200,150")) == ("r-1",)
    assert items(scored(value, "r:r-5")) == ("r-5",)


@pytest.mark.parametrize(
    "chosen",
    [
        [],
        ["p:abc"],
        ["p:12,"],
        ["p:1001,5"],
        ["p:-5,5"],
        ["r:no-such-region"],
        ["q:1,2"],
        ["r-1"],
        ["p:10,10"] * 8,  # 5 regions + 2 is the most marks allowed
    ],
)
def test_answers_that_do_not_fit_the_step_are_refused(value, chosen):
    with pytest.raises(scoring.InvalidAnswer) as refused:
        step_block("hotspot").score(value, chosen)
    assert refused.value.learner_message


def test_as_many_marks_as_regions_plus_two_are_accepted(value):
    judged = scored(value, *(["p:10,10"] * 7))
    assert items(judged) == ("miss",) * 7


def test_the_review_letters_the_signals_and_lists_wrongly_marked_ordinary_things(value):
    review = hotspots.review(value, ("r-1", "r-4", "miss"))
    assert [(item.letter, item.marked) for item in review.signals] == [
        ("A", True),
        ("B", False),
        ("C", False),
    ]
    assert [(item.region.id, item.letter) for item in review.wrongly_marked] == [("r-4", "D")]
    assert (review.found, review.missed, review.misses) == (1, 2, 1)
    assert review.view_height == 750  # a 400 × 300 image
    assert review.marks == []  # an answer stored before marks were recorded: no dots


# -- a mark just beside a region (issue 13, item 8) ---------------------------------------------
# The fixture's image is 400 × 300: the view box is 1000 × 750, its diagonal 1250, so a mark
# counts for a region up to 50 view-box units (4%) beside it. Region 1 is 100,100 300,200.


def test_a_mark_just_beside_a_signal_counts_for_it(value):
    judged = scored(value, "p:330,150")  # 30 beside region 1
    assert items(judged) == ("r-1",)
    assert judged.points == Decimal("1.00")
    assert hotspots.marks_of(judged.answer) == [(330, 150, "r-1")]


def test_a_mark_further_away_than_the_tolerance_is_on_nothing(value):
    judged = scored(value, "p:360,150")  # 60 beside region 1
    assert items(judged) == ("miss",)
    assert hotspots.marks_of(judged.answer) == [(360, 150, None)]


def test_the_tolerance_follows_the_pictures_proportions(value):
    # 60 per mille of the height below region 1 is 45 view-box units on a 4:3 picture: counts
    assert items(scored(value, "p:200,260")) == ("r-1",)
    # 70 per mille of the height is 52.5 units: too far
    assert items(scored(value, "p:200,270")) == ("miss",)


def test_a_mark_in_the_gap_between_two_regions_counts_for_the_nearest(db):
    step = hotspot_step(make_image(size=(400, 300)))
    step["value"]["regions"][4]["value"]["shape"] = "320,100 420,200"  # ordinary, beside 1
    value = HotspotBlock().to_python(step["value"])
    assert items(scored(value, "p:305,150")) == ("r-1",)
    assert items(scored(value, "p:316,150")) == ("r-5",)


def test_a_mark_in_a_region_counts_for_it_whatever_is_nearer(db):
    step = hotspot_step(make_image(size=(400, 300)))
    step["value"]["regions"][4]["value"]["shape"] = "300,100 400,200"  # ordinary, touching 1
    value = HotspotBlock().to_python(step["value"])
    assert items(scored(value, "p:301,150")) == ("r-5",)


def test_marks_are_recorded_in_the_order_placed_and_do_not_score(value):
    judged = scored(value, "p:700,100", "p:200,150", "p:10,10")
    assert hotspots.marks_of(judged.answer) == [
        (700, 100, "r-2"),
        (200, 150, "r-1"),
        (10, 10, None),
    ]
    earned, _possible = hotspots.judge(value, judged.answer)
    assert earned == judged.points == Decimal("1.00")  # (2 - 1) / 3 of 3 points


def test_the_review_shows_where_each_mark_counted(value):
    judged = scored(value, "p:330,150", "p:700,100", "p:10,10")
    review = hotspots.review(value, judged.answer)
    first, second, third = review.marks
    assert (first.x, first.y, first.letter, first.near) == (330, 112.5, "A", True)
    assert (first.to_x, first.to_y) == (300, 112.5)  # the line ends on region 1's edge
    assert (second.letter, second.near) == ("B", False)
    assert (third.letter, third.near) == ("", False)  # on nothing: an open dot
    signals = {item.letter: item for item in review.signals}
    assert (signals["A"].how, signals["B"].how, signals["C"].how) == ("near", "mark", "")
    assert (review.marks_near, review.marks_on_nothing) == (1, 1)


def test_a_region_ticked_in_the_list_says_so_beside_marks(value):
    review = hotspots.review(value, scored(value, "p:700,100", "r:r-1").answer)
    assert [item.how for item in review.signals] == ["list", "mark", ""]


def test_letter_badges_keep_clear_of_each_other_and_of_the_marks(value):
    judged = scored(value, "p:200,150", "p:700,100", "p:500,650")
    review = hotspots.review(value, judged.answer)
    half = hotspots.LABEL_ROOM / 2
    boxes = [
        (item.label_x - half, item.label_y - half, item.label_x + half, item.label_y + half)
        for item in review.signals
    ]
    for index, box in enumerate(boxes):
        assert box[0] >= 0 and box[2] <= 1000 and box[1] >= 0 and box[3] <= 750
        for other in boxes[index + 1 :]:
            assert hotspots._overlap(box, other) == 0
        for mark in review.marks:
            assert not (box[0] <= mark.x <= box[2] and box[1] <= mark.y <= box[3])


def test_letters_go_on_past_z():
    assert [hotspots.letter(n) for n in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


# -- regions too thin for a fair click ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "height", "thin"),
    [
        ("100,100 300,200", 750, False),
        ("100,100 120,400", 750, True),  # 20 wide: 2.7% of the shorter side (750)
        ("100,100 125,400", 750, False),  # 25 wide: 3.3%
        ("100,100 400,125", 750, True),  # 25 per mille of the height is 18.75 units: 2.5%
        ("100,100 400,125", 1500, False),  # on a portrait picture the same is 37.5 of 1000
        ("100,100 900,900 890,905", 750, True),  # a diagonal sliver, 9 units thick
    ],
)
def test_a_region_thinner_than_three_percent_of_the_picture_is_too_thin(text, height, thin):
    assert (hotspots.too_thin(hotspots.parse_shape(text), height) is not None) is thin
