"""What a trainer is told when authored content cannot work: every refusal names the problem.
Checked on the blocks and the page model, and once through the Wagtail page editor itself."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Revision

from scenarios.blocks import (
    DecisionBlock,
    InformationBlock,
    MultipleChoiceQuestionBlock,
    SceneBlock,
    SingleChoiceQuestionBlock,
)
from scenarios.models import ModulePage
from tests.admin_forms import module_form_data, raw_steps
from tests.factories import (
    decision_step,
    information_step,
    make_image,
    make_module,
    multiple_choice_step,
    scene_step,
    single_choice_step,
)


def refusal(block, raw_value):
    """The messages (in English) with which ``block`` refuses ``raw_value``."""
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(raw_value))
    with translation.override("en"):
        return json.dumps(refused.value.as_json_data(), ensure_ascii=False)


def accepts(block, raw_value):
    block.clean(block.to_python(raw_value))
    return True


def with_options(step, **changes_by_text):
    """A copy of a factory step whose options with the given texts get the given changes."""
    value = step["value"]
    for item in value["options"]:
        item["value"].update(changes_by_text.get(item["value"]["text"], {}))
    return value


# -- questions ------------------------------------------------------------------------------------


def test_factory_questions_are_valid():
    assert accepts(SingleChoiceQuestionBlock(), single_choice_step()["value"])
    assert accepts(MultipleChoiceQuestionBlock(), multiple_choice_step()["value"])
    assert accepts(DecisionBlock(), decision_step()["value"])


def test_single_choice_without_a_correct_option_is_refused():
    value = with_options(single_choice_step(), XTC={"correct": False})
    assert "a question without a correct option cannot be scored" in refusal(
        SingleChoiceQuestionBlock(), value
    )


def test_single_choice_with_two_correct_options_is_refused():
    value = with_options(single_choice_step(), Hennep={"correct": True})
    message = refusal(SingleChoiceQuestionBlock(), value)
    assert "exactly one correct option" in message
    assert "use a multiple-choice question" in message


def test_multiple_choice_without_a_correct_option_is_refused():
    step = multiple_choice_step()
    for item in step["value"]["options"]:
        item["value"]["correct"] = False
    message = refusal(MultipleChoiceQuestionBlock(), step["value"])
    assert "Mark at least one correct option" in message


def test_multiple_choice_with_a_single_correct_option_is_accepted():
    step = multiple_choice_step()
    for index, item in enumerate(step["value"]["options"]):
        item["value"]["correct"] = index == 0
    assert accepts(MultipleChoiceQuestionBlock(), step["value"])


def test_decision_without_a_right_option_is_refused():
    value = with_options(
        decision_step(), **{"Noteer kenteken en meld het": {"verdict": "acceptable"}}
    )
    assert "at least one option with the verdict ‘right’" in refusal(DecisionBlock(), value)


def test_decision_whose_options_earn_no_points_is_refused():
    value = decision_step()["value"]
    for item in value["options"]:
        item["value"]["points"] = 0
    assert "more than 0 points" in refusal(DecisionBlock(), value)


def test_decision_where_a_wrong_option_earns_as_much_as_the_best_is_refused():
    value = with_options(decision_step(), **{"Klop aan en kijk binnen": {"points": 2}})
    assert "A wrong option cannot earn as many points as the best option" in refusal(
        DecisionBlock(), value
    )


# -- images ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_scene_image_without_alt_text_is_refused():
    step = scene_step(make_image())
    step["value"]["image"]["alt_text"] = ""
    assert "Please add some alt text for your image" in refusal(SceneBlock(), step["value"])


@pytest.mark.django_db
def test_scene_image_marked_decorative_is_refused():
    step = scene_step(make_image())
    step["value"]["image"].update(decorative=True, alt_text="")
    assert "describe it in the alt text instead of marking it decorative" in refusal(
        SceneBlock(), step["value"]
    )


@pytest.mark.django_db
def test_scene_image_with_alt_text_is_accepted():
    assert accepts(SceneBlock(), scene_step(make_image())["value"])


@pytest.mark.django_db
def test_information_image_marked_decorative_is_refused_but_no_image_is_fine():
    value = information_step()["value"]
    assert accepts(InformationBlock(), value)
    value["image"] = {"image": make_image().pk, "decorative": True, "alt_text": ""}
    assert "instead of marking it decorative" in refusal(InformationBlock(), value)


def test_module_image_without_description_is_refused(module):
    module.image = make_image(title="Schuur", description="")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        module.full_clean()
    with translation.override("en"):
        messages = refused.value.message_dict
    assert list(messages) == ["image"]
    assert "The image ‘Schuur’ has no alt text" in messages["image"][0]


def test_module_image_with_description_is_accepted(module):
    module.image = make_image(description="Een schuur met afgeplakte ramen")
    module.full_clean()


def test_module_without_a_scored_step_is_refused(catalogue):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        make_module(catalogue=catalogue, steps=[information_step(), information_step("Meer")])
    with translation.override("en"):
        messages = refused.value.message_dict
    assert "Add at least one decision or question" in messages["steps"][0]
    assert not ModulePage.objects.exists()


# -- through the page editor ----------------------------------------------------------------------


def test_editor_refuses_to_publish_a_decision_without_a_right_option_and_says_why(
    superuser_client, module
):
    steps = raw_steps(module)
    decision = next(item for item in steps if item["type"] == "decision")
    for option in decision["value"]["options"]:
        if option["value"]["verdict"] == "right":
            option["value"]["verdict"] = "acceptable"
    revisions_before = Revision.objects.filter(object_id=str(module.pk)).count()
    live_revision = module.live_revision_id

    response = superuser_client.post(
        f"/admin/pages/{module.pk}/edit/",
        module_form_data(
            title=module.title, slug=module.slug, theme=module.theme, steps=steps, publish=True
        ),
    )

    assert response.status_code == 200  # the form again, not a redirect to the page listing
    html = response.content.decode()
    with translation.override("nl"):
        summary = translation.gettext("The page could not be saved due to validation errors.")
        problem = translation.gettext(
            "A decision needs at least one option with the verdict ‘right’."
        )
    assert summary in html
    # The block's own message, next to the decision, in the editor's JSON error data.
    assert json.dumps(problem)[1:-1] in html
    assert Revision.objects.filter(object_id=str(module.pk)).count() == revisions_before
    module.refresh_from_db()
    assert module.live_revision_id == live_revision


def test_a_valid_edit_in_the_editor_publishes_a_new_revision(superuser_client, module):
    """The counterpart of the refusal above: the same form, without the mistake, is saved."""
    steps = raw_steps(module)
    revisions_before = Revision.objects.filter(object_id=str(module.pk)).count()
    response = superuser_client.post(
        f"/admin/pages/{module.pk}/edit/",
        module_form_data(
            title="Nieuwe titel", slug=module.slug, theme=module.theme, steps=steps, publish=True
        ),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    module.refresh_from_db()
    assert module.title == "Nieuwe titel"
    assert Revision.objects.filter(object_id=str(module.pk)).count() == revisions_before + 1
    assert [step.id for step in module.steps] == [item["id"] for item in steps]
