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


def test_marking_every_signal_earns_every_point(value):
    judged = scored(value, "p:200,150", "p:700,100", "p:500,650")
    assert judged.verdict == "right"
    assert (judged.points, judged.max_points) == (Decimal(3), Decimal(3))
    assert judged.answer == ("r-1", "r-2", "r-3")


def test_each_signal_found_earns_its_share(value):
    judged = scored(value, "p:200,150")
    assert judged.verdict == "partial"
    assert judged.points == Decimal("1.00")


def test_a_signal_marked_twice_counts_once(value):
    judged = scored(value, "p:200,150", "p:110,110")
    assert judged.points == Decimal("1.00")
    assert judged.answer == ("r-1",)


def test_a_mark_on_an_ordinary_thing_or_on_nothing_takes_a_share_off(value):
    judged = scored(value, "p:200,150", "p:700,100", "p:100,900", "p:500,400")
    # two signals found, one ordinary region and one mark on nothing: (2 - 2) / 3
    assert judged.points == Decimal(0)
    assert judged.verdict == "wrong"
    assert judged.answer == ("r-1", "r-2", "r-4", "miss")


def test_the_score_is_never_below_zero(value):
    judged = scored(value, "p:100,900", "p:800,600", "p:10,10", "p:990,990")
    assert judged.points == Decimal(0)
    assert judged.answer == ("r-4", "r-5", "miss", "miss")


def test_ticking_regions_in_the_list_scores_like_marking_them(value):
    by_list = scored(value, "r:r-1", "r:r-2", "r:r-4")
    by_marks = scored(value, "p:200,150", "p:700,100", "p:100,900")
    assert by_list == by_marks
    assert by_list.points == Decimal("1.00")


def test_a_mark_and_a_tick_of_the_same_signal_count_once(value):
    assert scored(value, "p:200,150", "r:r-1").answer == ("r-1",)


def test_a_point_where_a_signal_overlaps_an_ordinary_region_hits_the_signal(db):
    step = hotspot_step(make_image())
    step["value"]["regions"][4]["value"]["shape"] = "150,120 250,180"  # inside region 1
    value = HotspotBlock().to_python(step["value"])
    assert scored(value, "p:200,150").answer == ("r-1",)
    assert scored(value, "r:r-5").answer == ("r-5",)


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
    assert judged.answer == ("miss",) * 7


def test_the_review_numbers_the_signals_and_lists_wrongly_marked_ordinary_things(value):
    review = hotspots.review(value, ("r-1", "r-4", "miss"))
    assert [(item.number, item.marked) for item in review.signals] == [
        (1, True),
        (2, False),
        (3, False),
    ]
    assert [item.region.id for item in review.wrongly_marked] == ["r-4"]
    assert (review.found, review.missed, review.misses) == (1, 2, 1)
    assert review.view_height == 750  # a 400 × 300 image
