"""What a trainer is told when a "spot the signals" step cannot work, on the block and through
the Wagtail page editor."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Revision

from scenarios.blocks import HotspotBlock, HotspotRegionBlock
from tests.admin_forms import module_form_data, raw_steps
from tests.factories import hotspot_step, make_image, make_module, scene_step


def refusal(block, raw_value):
    """The messages (in English) with which ``block`` refuses ``raw_value``."""
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(raw_value))
    with translation.override("en"):
        return json.dumps(refused.value.as_json_data(), ensure_ascii=False)


def regions(value):
    return [item["value"] for item in value["regions"]]


@pytest.fixture
def value(db):
    return hotspot_step(make_image())["value"]


def test_the_factory_hotspot_step_is_valid(value):
    HotspotBlock().clean(HotspotBlock().to_python(value))


def test_a_step_without_a_signal_region_is_refused(value):
    for region in regions(value):
        region["kind"] = "ordinary"
    assert "Add at least one region of the kind ‘signal’" in refusal(HotspotBlock(), value)


def test_a_step_with_fewer_than_two_ordinary_regions_is_refused(value):
    regions(value)[3]["kind"] = "signal"
    message = refusal(HotspotBlock(), value)
    assert "Add at least two ordinary regions" in message
    assert "list of labels" in message


def test_a_region_without_label_or_explanation_is_refused_with_both_reasons(value):
    region = regions(value)[0]
    region["label"] = " "
    region["explanation"] = "<p></p>"
    message = refusal(HotspotRegionBlock(), region)
    assert "Give the region a label" in message
    assert "Explain why this is (or is not) a signal" in message


@pytest.mark.parametrize(
    ("shape", "reason"),
    [
        ("", "Draw the region on the image"),
        ("100,200 1001,300", "between 0 and 1000"),
        ("100,100 200,200 300,300", "encloses no area"),
        ('{"type": "polygon", "points": [[1, 1], [5, 5]]}', "at least three points"),
    ],
)
def test_a_region_with_an_unusable_shape_is_refused(value, shape, reason):
    region = regions(value)[2]
    region["shape"] = shape
    assert reason in refusal(HotspotRegionBlock(), region)


def test_a_region_too_thin_for_a_fair_click_is_refused_by_name(value):
    # make_image() is 4:3, so the view box is 1000 × 750: 20 wide is 2.7% of the shorter side.
    regions(value)[1]["shape"] = "600,50 620,300"
    message = refusal(HotspotBlock(), value)
    assert "The region ‘Pijpen op het dak’ is too thin" in message
    assert "2.7%" in message and "at least 3%" in message
    assert "Ramen aan de lange zijde" not in message  # only the thin one is named


def test_a_region_three_percent_wide_is_accepted(value):
    regions(value)[1]["shape"] = "600,50 630,300"
    HotspotBlock().clean(HotspotBlock().to_python(value))


def test_the_image_needs_alt_text(value):
    value["image"]["alt_text"] = ""
    value["image"]["decorative"] = True
    assert "alt text" in refusal(HotspotBlock(), value)


# -- through the page editor ----------------------------------------------------------------------


@pytest.fixture
def hotspot_module(catalogue):
    image = make_image()
    return make_module(catalogue=catalogue, steps=[scene_step(image), hotspot_step(image)])


def post_edit(client, module, steps):
    return client.post(
        f"/admin/pages/{module.pk}/edit/",
        module_form_data(
            title=module.title, slug=module.slug, theme=module.theme, steps=steps, publish=True
        ),
    )


def test_editor_refuses_a_degenerate_polygon_and_says_why(superuser_client, hotspot_module):
    steps = raw_steps(hotspot_module)
    steps[1]["value"]["regions"][2]["value"]["shape"] = "400,600 500,700 600,800"
    revisions_before = Revision.objects.filter(object_id=str(hotspot_module.pk)).count()

    response = post_edit(superuser_client, hotspot_module, steps)

    assert response.status_code == 200
    with translation.override("nl"):
        problem = translation.gettext("The shape encloses no area: its points lie on one line.")
    assert json.dumps(problem)[1:-1] in response.content.decode()
    assert Revision.objects.filter(object_id=str(hotspot_module.pk)).count() == revisions_before


def test_editor_refuses_a_region_too_thin_to_click_and_names_it(superuser_client, hotspot_module):
    steps = raw_steps(hotspot_module)
    steps[1]["value"]["regions"][1]["value"]["shape"] = "600,50 610,300"
    revisions_before = Revision.objects.filter(object_id=str(hotspot_module.pk)).count()

    response = post_edit(superuser_client, hotspot_module, steps)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Pijpen op het dak" in page and "te dun" in page
    assert Revision.objects.filter(object_id=str(hotspot_module.pk)).count() == revisions_before


def test_editor_refuses_a_step_with_one_ordinary_region(superuser_client, hotspot_module):
    steps = raw_steps(hotspot_module)
    steps[1]["value"]["regions"][4]["value"]["kind"] = "signal"
    response = post_edit(superuser_client, hotspot_module, steps)
    assert response.status_code == 200
    assert "Add at least two ordinary regions" in response.content.decode() or (
        "gewone" in response.content.decode()
    )


def test_editor_saves_typed_coordinates_and_keeps_the_region_ids(superuser_client, hotspot_module):
    steps = raw_steps(hotspot_module)
    steps[1]["value"]["regions"][0]["value"]["shape"] = "50,50 250,60 150,250"
    response = post_edit(superuser_client, hotspot_module, steps)
    assert response.status_code == 302, response.content.decode()[-3000:]
    hotspot_module.refresh_from_db()
    stored = hotspot_module.steps[1].value["regions"]
    assert [child.id for child in stored.bound_blocks] == [f"r-{n}" for n in range(1, 6)]
    assert stored[0]["shape"] == "50,50 250,60 150,250"


def test_the_editor_page_loads_the_drawing_tool(superuser_client, hotspot_module):
    page = superuser_client.get(f"/admin/pages/{hotspot_module.pk}/edit/").content.decode()
    assert "scenarios/js/hotspot-editor.js" in page
    assert "scenarios.blocks.HotspotBlock" in page


def test_the_drawing_tool_gets_a_rendition_of_the_chosen_image(superuser_client, db):
    image = make_image(size=(400, 300))
    data = superuser_client.get(f"/admin/scenarios/hotspot-image/{image.pk}/").json()
    assert (data["width"], data["height"]) == (400, 300)
    assert data["url"].endswith(".png")


def test_a_learner_cannot_fetch_the_drawing_tools_image(learner_client, db):
    image = make_image()
    response = learner_client.get(f"/admin/scenarios/hotspot-image/{image.pk}/")
    assert response.status_code in (302, 403, 404)
