"""The order a learner sees options, ordering items and hotspot labels in (scenarios.shuffle):
fixed by a key, the same every time for that key, and without the key not to be predicted from
the ids, the texts or the authored order."""

import secrets
import string
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios import shuffle
from scenarios.blocks import DecisionBlock, HotspotBlock, OrderingQuestionBlock, step_block
from tests.factories import ORDERING_TEXTS, decision_step, hotspot_step, make_image, ordering_step

# Ids a learner could see: any distinct strings (uuids in practice, but nothing relies on it).
visible_ids = st.lists(
    st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=36),
    min_size=2,
    max_size=8,
    unique=True,
)


@given(ids=visible_ids, key=st.text(min_size=1, max_size=64))
def test_the_same_key_gives_the_same_order_of_the_same_ids(ids, key):
    order = shuffle.keyed_order(ids, key)
    assert sorted(order) == sorted(ids)
    assert shuffle.keyed_order(ids, key) == order
    assert shuffle.keyed_order(list(reversed(ids)), key) == order  # not the order they came in


@settings(max_examples=40, deadline=None)
@given(ids=visible_ids)
def test_without_the_key_every_id_can_come_first(ids):
    """Everything visible fixed (the ids, their authored order): the first place still goes to
    each of them for some keys, so no rule over what is visible picks out the first option."""
    firsts = Counter(shuffle.keyed_order(ids, secrets.token_hex(16))[0] for _ in range(300))
    assert set(firsts) == set(ids)  # with 8 ids, one missed in 300 draws: p < 10^-16


def test_over_many_keys_the_authored_first_option_is_first_about_one_time_in_n():
    ids = [f"option-{n}" for n in range(4)]
    firsts = Counter(shuffle.keyed_order(ids, f"seed-{n}")[0] for n in range(4000))
    for option in ids:
        assert 850 < firsts[option] < 1150  # 1000 expected; 5 standard deviations is ±137


@pytest.fixture
def ordering_value():
    return OrderingQuestionBlock().to_python(ordering_step()["value"])


def test_an_ordering_question_never_starts_in_the_correct_order():
    value = OrderingQuestionBlock().to_python(ordering_step(texts=ORDERING_TEXTS[:3])["value"])
    correct = [child.id for child in value["items"].bound_blocks]
    starts = [shuffle.ordering_start(value, f"key-{n}") for n in range(300)]
    assert all(sorted(start) == sorted(correct) for start in starts)
    assert all(start != correct for start in starts)
    assert len({tuple(start) for start in starts}) == 5  # all 3! orders but the correct one


def test_the_presentation_order_of_each_step_type_names_what_it_lists(db, ordering_value):
    decision = DecisionBlock().to_python(decision_step()["value"])
    hotspot = HotspotBlock().to_python(hotspot_step(make_image())["value"])
    option_ids = [child.id for child in decision["options"].bound_blocks]
    region_ids = [str(child.id) for child in hotspot["regions"].bound_blocks]
    item_ids = [child.id for child in ordering_value["items"].bound_blocks]

    assert sorted(step_block("decision").presentation_order(decision, "k")) == sorted(option_ids)
    assert sorted(step_block("hotspot").presentation_order(hotspot, "k")) == sorted(region_ids)
    ordering_order = step_block("ordering").presentation_order(ordering_value, "k")
    assert sorted(ordering_order) == sorted(item_ids)
    assert step_block("information").presentation_order({}, "k") == []


def test_arranged_puts_list_items_in_the_given_order(ordering_value):
    children = list(ordering_value["items"].bound_blocks)
    order = [child.id for child in reversed(children)]
    assert [child.id for child in shuffle.arranged(children, order)] == order
