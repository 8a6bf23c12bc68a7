"""A trainer who saves branches that cannot work is told why, at the step concerned: a branch to a
missing anchor or to something that is not a scene, two steps with one anchor, a branch-only
scene nothing leads to, and a loop. Checked on the page model and through the page editor."""

import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Revision

from tests.admin_forms import module_form_data
from tests.factories import (
    branch_scene,
    branching_decision,
    branching_steps,
    information_step,
    login_with_mfa,
    make_image,
    make_module,
    single_choice_step,
)


def missing_anchor(image):
    return [branching_decision("nergens"), single_choice_step()]


def not_a_scene(image):
    info = information_step("Feiten over drugsafval")
    info["value"]["anchor"] = "feiten"
    return [branching_decision("feiten"), single_choice_step(), info]


def duplicate_anchor(image):
    return [
        branch_scene(image, "schuur", heading="Eerste schuur", branch_only=False),
        branching_decision("schuur"),
        branch_scene(image, "schuur", heading="Tweede schuur", branch_only=False),
    ]


def orphan_branch_scene(image):
    return [single_choice_step(), branch_scene(image, "vergeten", heading="Vergeten scène")]


def loop(image):
    return [
        branch_scene(image, "begin", heading="Begin", branch_only=False),
        branching_decision("terug"),
        branch_scene(image, "terug", heading="Terug", continue_to="begin"),
        single_choice_step(),
    ]


# (content maker, the message fragment the trainer reads, in English source text)
REFUSALS = {
    "missing anchor": (
        missing_anchor,
        "The option ‘Klop aan en kijk binnen’ leads to ‘nergens’, but no scene in this module "
        "has that anchor.",
    ),
    "not a scene": (
        not_a_scene,
        "The option ‘Klop aan en kijk binnen’ leads to step 3 ‘Feiten over drugsafval’, which "
        "is not a scene. An option can only lead to a scene.",
    ),
    "duplicate anchor": (
        duplicate_anchor,
        "The anchor ‘schuur’ is already used by step 1 ‘Eerste schuur’. Give every step its own "
        "anchor.",
    ),
    "orphan branch scene": (
        orphan_branch_scene,
        "This scene is shown only when a decision leads here, but no decision option leads to it.",
    ),
    "loop": (
        loop,
        "These steps form a loop: step 1 ‘Begin’ → step 2 ‘Wat doe je bij de deur?’ → step 3 "
        "‘Terug’ → step 1 ‘Begin’.",
    ),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_the_page_model_refuses_a_broken_branch_with_a_message(catalogue, case):
    make_steps, message = REFUSALS[case]
    module = make_module(catalogue=catalogue)
    module.steps = make_steps(make_image())
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        module.full_clean()
    with translation.override("en"):
        assert message in json.dumps(
            refused.value.error_dict["steps"][0].as_json_data(), ensure_ascii=False
        )


def test_a_module_with_a_working_branch_is_accepted(catalogue):
    module = make_module(catalogue=catalogue, steps=branching_steps(make_image()))
    module.full_clean()


@pytest.fixture
def editor_client(client, superuser):
    """A platform admin in the page editor (admins sign in with two-step verification)."""
    return login_with_mfa(client, superuser)


@pytest.mark.parametrize("case", REFUSALS)
def test_the_editor_refuses_to_publish_a_broken_branch_and_says_why(editor_client, module, case):
    make_steps, message = REFUSALS[case]
    revisions_before = Revision.objects.filter(object_id=str(module.pk)).count()
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the messages are in English
    with translation.override("en"):
        response = editor_client.post(
            f"/admin/pages/{module.pk}/edit/",
            module_form_data(
                title=module.title,
                slug=module.slug,
                theme=module.theme,
                steps=make_steps(make_image()),
                publish=True,
            ),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200  # the form again, with the errors
    html = response.content.decode()
    # The message is in the editor's JSON error data, at the step concerned.
    assert json.dumps(message)[1:-1] in html
    assert Revision.objects.filter(object_id=str(module.pk)).count() == revisions_before


def test_the_editor_publishes_a_module_with_a_working_branch(editor_client, module):
    response = editor_client.post(
        f"/admin/pages/{module.pk}/edit/",
        module_form_data(
            title=module.title,
            slug=module.slug,
            theme=module.theme,
            steps=branching_steps(make_image()),
            publish=True,
        ),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    module.refresh_from_db()
    assert [step.block_type for step in module.steps][3] == "scene"
    assert module.steps[3].value["branch_only"] is True
