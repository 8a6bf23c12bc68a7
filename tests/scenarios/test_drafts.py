"""Drafts save with what is there; publishing asks for a complete module, in the editor, in bulk
and in code; the preview says what is still missing ("Nog niet klaar")."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import rich_text

from scenarios import validation
from scenarios.blocks import DecisionBlock
from scenarios.models import ModulePage
from tests.admin_forms import module_form_data, raw_steps
from tests.factories import (
    ThemeFactory,
    decision_step,
    hotspot_step,
    information_step,
    login_with_mfa,
    make_image,
    make_module,
)


@pytest.fixture
def trainer_client(client, trainer):
    return login_with_mfa(client, trainer)


def first_draft_data(catalogue, **overrides):
    """What the editor posts for a module with a title and nothing else filled in."""
    data = module_form_data(
        title="Eerste opzet", slug="eerste-opzet", theme=ThemeFactory(), steps=[]
    )
    data.update(
        {
            "theme": "",
            "introduction": rich_text(""),
            "learning_objectives": rich_text(""),
            "reporting_routes": rich_text(""),
        }
    )
    data.update(overrides)
    return data


def incomplete_draft(catalogue, title):
    """A module never published whose latest draft has no scored step, saved as Wagtail's
    editor saves drafts (without the publishing checks)."""
    module = make_module(title=title, catalogue=catalogue, publish=False)
    draft = module.get_latest_revision_as_object()
    draft.steps = [information_step()]
    draft.save_revision(clean=False)
    module.refresh_from_db()
    return module


def messages_in(html):
    return html.replace("&#x27;", "'").replace("&quot;", '"')


def test_a_first_draft_with_only_a_title_is_saved(trainer_client, catalogue):
    response = trainer_client.post(
        f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/", first_draft_data(catalogue)
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    module = ModulePage.objects.get(slug="eerste-opzet")
    assert not module.live
    assert module.theme is None
    assert Revision.objects.filter(object_id=str(module.pk)).count() == 1


def test_publishing_that_first_draft_is_refused_field_by_field(trainer_client, catalogue):
    data = first_draft_data(catalogue, **{"action-publish": "action-publish"})
    response = trainer_client.post(f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"theme", "introduction", "learning_objectives", "steps"}
    with translation.override("nl"):
        assert translation.gettext("Write an introduction: what the module is about.") in str(
            form.errors["introduction"]
        )
    assert not ModulePage.objects.filter(slug="eerste-opzet").exists()


def test_a_draft_keeps_an_unfinished_decision_and_a_region_not_drawn_yet(trainer_client, module):
    steps = raw_steps(module)
    position = next(i for i, item in enumerate(steps) if item["type"] == "decision")
    decision = steps[position]
    for option in decision["value"]["options"]:
        option["value"]["verdict"] = "acceptable"  # no right option yet
    hotspot = hotspot_step(make_image())
    hotspot["value"]["regions"][0]["value"].update(shape="", label="", explanation="")
    steps.append(hotspot)
    live_revision = module.live_revision_id
    data = module_form_data(title=module.title, slug=module.slug, theme=module.theme, steps=steps)

    response = trainer_client.post(f"/admin/pages/{module.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[-3000:]
    module.refresh_from_db()
    assert module.live_revision_id == live_revision  # learners still get the published one
    draft = module.get_latest_revision_as_object()
    assert draft.steps[-1].value["regions"][0]["shape"] == ""
    assert {o["verdict"] for o in draft.steps[position].value["options"]} == {"acceptable"}
    # The preview lists both, at their steps; publishing refuses the same.
    missing = [str(item) for item in validation.missing(draft)]
    with translation.override("nl"):
        assert any(
            item.startswith(f"Stap {position + 1} (Beslissing)") and "‘goed’" in item
            for item in missing
        ), missing
        assert any(
            item.startswith(f"Stap {len(steps)} (Signalen herkennen), Gebieden 1 › Label")
            for item in missing
        ), missing

    data["action-publish"] = "action-publish"
    response = trainer_client.post(f"/admin/pages/{module.pk}/edit/", data)
    assert response.status_code == 200
    module.refresh_from_db()
    assert module.live_revision_id == live_revision


def test_a_malformed_shape_is_refused_even_in_a_draft(trainer_client, module):
    steps = raw_steps(module)
    hotspot = hotspot_step(make_image())
    hotspot["value"]["regions"][0]["value"]["shape"] = "100,200 1001,300"
    steps.append(hotspot)
    response = trainer_client.post(
        f"/admin/pages/{module.pk}/edit/",
        module_form_data(title=module.title, slug=module.slug, theme=module.theme, steps=steps),
    )
    assert response.status_code == 200
    assert "1000" in messages_in(response.content.decode())


def test_the_preview_says_what_is_not_ready_yet(trainer_client, catalogue):
    trainer_client.post(
        f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/", first_draft_data(catalogue)
    )
    module = ModulePage.objects.get(slug="eerste-opzet")
    data = first_draft_data(catalogue)
    preview_url = f"/admin/pages/{module.pk}/edit/preview/"
    state = trainer_client.post(preview_url, data).json()
    assert state["is_valid"], state

    for mode in ("", "player"):
        page = trainer_client.get(preview_url, {"mode": mode})
        assert page.status_code == 200
        html = page.content.decode()
        assert "Nog niet klaar" in html, html[html.find("<main") :][:3000]
        assert "Kies een thema" in html, html
        assert "beslissing of vraag" in html


def test_the_preview_of_a_complete_module_has_no_such_list(trainer_client, module):
    preview_url = f"/admin/pages/{module.pk}/edit/preview/"
    data = module_form_data(
        title=module.title, slug=module.slug, theme=module.theme, steps=raw_steps(module)
    )
    assert trainer_client.post(preview_url, data).json()["is_valid"]
    assert "Nog niet klaar" not in trainer_client.get(preview_url).content.decode()


def test_missing_is_empty_for_a_complete_module_and_lists_each_gap(module):
    assert validation.missing(module) == []
    module.theme = None
    module.introduction = "<p> </p>"
    module.steps = [information_step()]
    with translation.override("en"):
        messages = [str(item) for item in validation.missing(module)]
    assert messages == [
        "Write an introduction: what the module is about.",
        "Choose a theme: the reports group modules and signals by theme.",
        "Add at least one decision or question: a module needs something to score before a "
        "learner can pass it.",
    ]


def test_publishing_an_incomplete_draft_in_code_is_refused(catalogue):
    draft = incomplete_draft(catalogue, "Half af")
    with pytest.raises(ValidationError):
        draft.get_latest_revision().publish()
    draft.refresh_from_db()
    assert not draft.live


def test_bulk_publish_refuses_incomplete_modules_and_publishes_nothing(trainer_client, catalogue):
    incomplete = incomplete_draft(catalogue, "Half af")
    complete = make_module(title="Klaar", catalogue=catalogue, publish=False)
    url = "/admin/bulk/wagtailcore/page/publish/"
    query = f"?id={incomplete.pk}&id={complete.pk}&next=/admin/pages/{catalogue.pk}/"

    response = trainer_client.post(url + query, {"include_descendants": ""}, follow=True)

    assert response.status_code == 200
    html = messages_in(response.content.decode())
    assert "Half af" in html and "beslissing of vraag" in html
    assert not Page.objects.filter(pk__in=[incomplete.pk, complete.pk], live=True).exists()

    response = trainer_client.post(
        f"{url}?id={complete.pk}&next=/admin/pages/{catalogue.pk}/", {"include_descendants": ""}
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=complete.pk).live


def test_bulk_publishing_the_catalogue_with_its_drafts_checks_the_drafts(
    superuser_client, catalogue
):
    incomplete_draft(catalogue, "Half af")
    url = f"/admin/bulk/wagtailcore/page/publish/?id={catalogue.pk}&next=/admin/"
    response = superuser_client.post(url, {"include_descendants": "on"}, follow=True)
    assert "Half af" in messages_in(response.content.decode())
    assert not ModulePage.objects.filter(title="Half af", live=True).exists()


def test_block_rules_apply_again_once_validation_is_restored():
    """Deferring is per save: the same block refuses the same value when publishing."""
    value = decision_step()["value"]
    for item in value["options"]:
        item["value"]["verdict"] = "wrong"
    block = DecisionBlock()
    block.clean_deferred(block.to_python(value))
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(value))
    assert "right" in json.dumps(refused.value.as_json_data()) or refused.value
