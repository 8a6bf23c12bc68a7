"""A trainer authors and publishes modules in the Wagtail admin, and sees nothing of learners'
training records: not their attempts, not their answers, not the list of users."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.models import Revision

from cms.models import HomePage
from scenarios.models import ModulePage
from tests.admin_forms import module_form_data, raw_steps
from tests.factories import (
    ThemeFactory,
    best_answer,
    decision_step,
    information_step,
    login_with_mfa,
    make_image,
    play,
    scene_step,
    single_choice_step,
)
from training import services


@pytest.fixture
def trainer_client(client, trainer):
    login_with_mfa(client, trainer)
    return client


def new_module_data(**kwargs):
    steps = [
        information_step("Waar gaat het over?"),
        scene_step(make_image()),
        decision_step("Wat doe je bij de loods?"),
        single_choice_step(),
    ]
    return module_form_data(
        title="Drugsafval in het buitengebied",
        slug="drugsafval",
        theme=ThemeFactory(name="Drugsafval", slug="drugsafval"),
        steps=steps,
        **kwargs,
    )


def test_trainer_reaches_the_admin(trainer_client):
    response = trainer_client.get("/admin/")
    assert response.status_code == 200


def test_trainer_saves_a_new_module_as_draft_then_publishes_it(
    trainer_client, trainer, catalogue, learner, client
):
    add_url = f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/"
    assert trainer_client.get(add_url).status_code == 200

    response = trainer_client.post(add_url, new_module_data())
    assert response.status_code == 302, response.content.decode()[-2000:]
    module = ModulePage.objects.get(slug="drugsafval")
    assert not module.live
    assert module.owner == trainer
    assert Revision.objects.filter(object_id=str(module.pk), user=trainer).count() == 1
    assert [step.block_type for step in module.get_latest_revision_as_object().steps] == [
        "information",
        "scene",
        "decision",
        "single_choice",
    ]
    assert services.modules_for(learner).filter(pk=module.pk).count() == 0  # a draft is hidden

    steps = [dict(item) for item in module.get_latest_revision_as_object().steps.raw_data]
    response = trainer_client.post(
        f"/admin/pages/{module.pk}/edit/",
        module_form_data(
            title=module.title, slug=module.slug, theme=module.theme, steps=steps, publish=True
        ),
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    module.refresh_from_db()
    assert module.live and module.live_revision.user == trainer

    # A learner now finds it in the catalogue and can take it on the trainer's revision.
    client.force_login(learner)
    assert "Drugsafval in het buitengebied" in client.get(catalogue.url).content.decode()
    attempt, _ = services.start_attempt(learner, module)
    assert attempt.revision_id == module.live_revision_id
    assert play(attempt, choose=best_answer).score == 100


def test_trainer_publishes_a_new_module_in_one_go(trainer_client, catalogue):
    response = trainer_client.post(
        f"/admin/pages/add/scenarios/modulepage/{catalogue.pk}/", new_module_data(publish=True)
    )
    assert response.status_code == 302
    assert ModulePage.objects.live().filter(slug="drugsafval").exists()


def test_trainer_previews_a_module_step_by_step_without_answers(trainer_client, module):
    preview_url = f"/admin/pages/{module.pk}/edit/preview/"
    data = module_form_data(
        title=module.title, slug=module.slug, theme=module.theme, steps=raw_steps(module)
    )
    assert trainer_client.post(preview_url, data).json()["is_valid"] is True
    response = trainer_client.get(preview_url, {"mode": "player"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stap 5 van 5" in html and "Noteer kenteken en meld het" in html
    assert "FEEDBACK-" not in html and "verdict--" not in html


def test_trainer_cannot_edit_pages_outside_the_catalogue(trainer_client, catalogue):
    home = HomePage.objects.get()
    response = trainer_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code in (302, 403)
    response = trainer_client.post(f"/admin/pages/{home.pk}/edit/", {"title": "Overgenomen"})
    assert response.status_code in (302, 403)
    home.refresh_from_db()
    assert home.title != "Overgenomen"


# -- no personal training records -----------------------------------------------------------------


@pytest.fixture
def learner_with_a_record(learner, module):
    learner.last_name = "Jansen-Verborgen"
    learner.save()
    return play(services.start_attempt(learner, module)[0])


def test_django_admin_is_not_installed(trainer_client, learner_with_a_record):
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    for url in ("/django-admin/", "/admin/training/", "/admin/training/attempt/"):
        assert trainer_client.get(url).status_code == 404


def test_user_list_that_a_platform_admin_sees_is_closed_to_a_trainer(
    trainer_client, superuser, learner_with_a_record
):
    platform_admin = Client()
    login_with_mfa(platform_admin, superuser)
    assert "Jansen-Verborgen" in platform_admin.get("/admin/users/").content.decode()
    response = trainer_client.get("/admin/users/", follow=True)
    assert response.redirect_chain or response.status_code == 403
    assert "Jansen-Verborgen" not in response.content.decode()


def test_trainer_cannot_open_a_learners_result(trainer_client, learner_with_a_record):
    attempt = learner_with_a_record
    assert trainer_client.get(f"/leren/poging/{attempt.pk}/resultaat/").status_code == 404
    assert trainer_client.get(f"/leren/poging/{attempt.pk}/stap/1/").status_code == 404


def admin_urls_of(app_label):
    """Every admin URL that lists records of an app: index views of admin viewsets on its models,
    and any parameterless admin route whose view lives in the app."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and "<" not in route:
                view_module = getattr(pattern.callback, "__module__", "") or ""
                view_class = getattr(pattern.callback, "view_class", None)
                model = getattr(view_class, "model", None)
                if view_module.startswith(app_label) or (
                    isinstance(model, type)
                    and issubclass(model, models.Model)
                    and model._meta.app_label == app_label
                ):
                    found.append("/" + route)

    walk(get_resolver().url_patterns, "")
    for viewset in admin_viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if isinstance(model, str):
            model = apps.get_model(model)
        if isinstance(model, type) and model._meta.app_label == app_label:
            found.append(f"/admin/{viewset.url_prefix}/")
    return sorted({url for url in found if url.startswith("/admin/")})


def test_the_url_walk_finds_admin_views_by_app():
    assert "/admin/snippets/scenarios/signal/" in admin_urls_of("scenarios")


def test_trainer_reaches_no_admin_view_of_people_or_training_records(
    trainer_client, learner_with_a_record
):
    for url in ["/admin/users/", "/admin/groups/", *admin_urls_of("training")]:
        response = trainer_client.get(url, follow=True)
        assert "Jansen-Verborgen" not in response.content.decode(), url
        assert response.redirect_chain or response.status_code in (403, 404), url
