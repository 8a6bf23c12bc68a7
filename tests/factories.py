"""Factories for tests: users, and modules with any number and kind of steps, built the way a
trainer would publish them (a live page with a published revision)."""

import io
import itertools

import factory
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from cms.models import HomePage
from scenarios.blocks import list_items
from scenarios.models import ModuleCatalogue, ModulePage, Theme
from training.models import Function, Profile

_counter = itertools.count(1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"learner{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Learner {n}")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def function(self, create, extracted, **kwargs):
        if create:
            Profile.objects.update_or_create(
                user=self, defaults={"function": extracted or Function.BOA}
            )
            self.save()


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


def make_image(title="Test image", description="A barn with taped windows", size=(80, 60)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (120, 90, 60)).save(buffer, format="PNG")
    return Image.objects.create(
        title=title,
        description=description,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"test-{next(_counter)}.png"),
    )


def information_step(heading="Wat je moet weten"):
    return {
        "type": "information",
        "value": {
            "heading": heading,
            "body": "<p>Uitleg.</p>",
            # an empty ImageBlock as the admin saves it (a bare None next to image
            # dicts in one stream trips Wagtail's bulk loading)
            "image": {"image": None, "decorative": False, "alt_text": ""},
        },
    }


def scene_step(image, heading="Avondronde"):
    return {
        "type": "scene",
        "value": {
            "heading": heading,
            "situation": "<p>Je rijdt langs een leegstaande schuur.</p>",
            "image": {
                "image": image.pk,
                "decorative": False,
                "alt_text": "Schuur met afgeplakte ramen",
            },
        },
    }


def decision_step(prompt="Wat doe je?"):
    return {
        "type": "decision",
        "value": {
            "prompt": prompt,
            "options": list_items(
                [
                    {
                        "text": "Noteer kenteken en meld het",
                        "verdict": "right",
                        "points": 2,
                        "feedback": "<p>FEEDBACK-RIGHT-DECISION</p>",
                        "signals": [],
                    },
                    {
                        "text": "Bel eerst je teamleider",
                        "verdict": "acceptable",
                        "points": 1,
                        "feedback": "<p>FEEDBACK-ACCEPTABLE-DECISION</p>",
                        "signals": [],
                    },
                    {
                        "text": "Klop aan en kijk binnen",
                        "verdict": "wrong",
                        "points": 0,
                        "feedback": "<p>FEEDBACK-WRONG-DECISION</p>",
                        "signals": [],
                    },
                ]
            ),
        },
    }


def single_choice_step(question="Waar wijst anijslucht op?"):
    return {
        "type": "single_choice",
        "value": {
            "question": question,
            "points": 1,
            "explanation": "<p>EXPLANATION-SINGLE</p>",
            "signals": [],
            "options": list_items(
                [
                    {
                        "text": "Hennep",
                        "correct": False,
                        "feedback": "<p>FEEDBACK-WRONG-SINGLE</p>",
                    },
                    {"text": "XTC", "correct": True, "feedback": "<p>FEEDBACK-RIGHT-SINGLE</p>"},
                    {
                        "text": "Kuilvoer",
                        "correct": False,
                        "feedback": "<p>FEEDBACK-WRONG-SINGLE-2</p>",
                    },
                ]
            ),
        },
    }


def multiple_choice_step(question="Welke signalen passen bij een drugslab?"):
    return {
        "type": "multiple_choice",
        "value": {
            "question": question,
            "points": 2,
            "explanation": "",
            "signals": [],
            "options": list_items(
                [
                    {
                        "text": "Afgeplakte ramen",
                        "correct": True,
                        "feedback": "<p>FEEDBACK-MC-1</p>",
                    },
                    {
                        "text": "Constant gezoem",
                        "correct": True,
                        "feedback": "<p>FEEDBACK-MC-2</p>",
                    },
                    {
                        "text": "Koeien in de wei",
                        "correct": False,
                        "feedback": "<p>FEEDBACK-MC-3</p>",
                    },
                    {
                        "text": "Busje met de achterkant tegen de deur",
                        "correct": True,
                        "feedback": "<p>FEEDBACK-MC-4</p>",
                    },
                ]
            ),
        },
    }


def default_steps(image):
    return [
        information_step(),
        scene_step(image),
        decision_step(),
        single_choice_step(),
        multiple_choice_step(),
    ]


def sized_steps(image, count):
    """``count`` steps in a repeating mix of every kind, for tests that grow a module."""
    makers = [
        information_step,
        lambda: scene_step(image),
        decision_step,
        single_choice_step,
        multiple_choice_step,
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def site_with_catalogue():
    """The home page and catalogue, created once per test database."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Weerbaar Buitengebied", slug="start"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": "Weerbaar Buitengebied",
            },
        )
    catalogue = ModuleCatalogue.objects.first()
    if catalogue is None:
        catalogue = home.add_child(instance=ModuleCatalogue(title="Modules", slug="modules"))
        catalogue.save_revision().publish()
    return catalogue


def make_module(
    title=None,
    steps=None,
    audience="professionals",
    pass_mark=70,
    catalogue=None,
    theme=None,
    publish=True,
):
    catalogue = catalogue or site_with_catalogue()
    title = title or f"Module {next(_counter)}"
    if steps is None:
        steps = default_steps(make_image())
    module = ModulePage(
        title=title,
        slug=f"module-{next(_counter)}",
        introduction="<p>Inleiding</p>",
        theme=theme or ThemeFactory(),
        audience=audience,
        estimated_minutes=10,
        pass_mark=pass_mark,
        learning_objectives="<ul><li>Signalen herkennen</li></ul>",
        reporting_routes="<p>Bel 0900-8844 of anoniem 0800-7000.</p>",
        steps=steps,
        sources=[{"type": "source", "value": {"title": "Bron", "publisher": "", "url": ""}}],
        live=publish,  # an unpublished module is a draft: not live, no published revision
    )
    catalogue.add_child(instance=module)
    revision = module.save_revision()
    if publish:
        revision.publish()
        module.refresh_from_db()
    return module


# -- people in other roles -------------------------------------------------------------------


class SuperuserFactory(UserFactory):
    """A platform admin: every permission, every module audience."""

    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


def make_trainer(catalogue, username=None):
    """A trainer as ``cms.roles`` sets one up: in the Trainers group, which edits the catalogue."""
    from cms.roles import TRAINERS, ensure_groups

    groups = ensure_groups(catalogue)
    trainer = UserFactory(username=username or f"trainer{next(_counter)}", function=Function.OTHER)
    trainer.groups.add(groups[TRAINERS])
    return trainer


# -- reading and answering a module the way a learner would --------------------------------------


def option_ids(step, predicate=lambda option: True):
    """The ids of a step's options for which ``predicate(option_value)`` holds, in order."""
    return [child.id for child in step.value["options"].bound_blocks if predicate(child.value)]


def option_id(step, text):
    """The id of the option with exactly this text."""
    (found,) = option_ids(step, lambda option: option["text"] == text)
    return found


def best_answer(step):
    """What a learner who knows the answer chooses: the highest-scoring decision option, the
    correct single-choice option, or every correct multiple-choice option."""
    if step.block_type == "decision":
        best = max(child.value["points"] for child in step.value["options"].bound_blocks)
        return option_ids(step, lambda option: option["points"] == best)[:1]
    return option_ids(step, lambda option: option["correct"])


def worst_answer(step):
    """A wrong answer: a decision option with the verdict wrong, or one incorrect option."""
    if step.block_type == "decision":
        return option_ids(step, lambda option: option["verdict"] == "wrong")[:1]
    return option_ids(step, lambda option: not option["correct"])[:1]


def step_at(attempt, index):
    """Step ``index`` of the revision the attempt pinned."""
    from training import services

    return services.attempt_content(attempt).steps[index]


def advance_to(attempt, index, choose=best_answer):
    """Bring the attempt to step ``index`` (not yet answered): read and answer every step
    before it with ``choose(step)``, as a learner would."""
    from training import services

    for earlier in range(index):
        step = step_at(attempt, earlier)
        if services.is_scored(step):
            services.record_response(attempt, earlier, choose(step))
        services.continue_after(attempt, earlier)
    attempt.refresh_from_db()
    return attempt


def play(attempt, choose=best_answer, finish=True):
    """Take every step of the attempt through the services: answer scored steps with
    ``choose(step)`` and move on; finish at the end unless ``finish`` is False."""
    from training import services

    steps = services.attempt_content(attempt).steps
    for index, step in enumerate(steps):
        if services.is_scored(step):
            services.record_response(attempt, index, choose(step))
        if index + 1 < len(steps):
            services.continue_after(attempt, index)
    if finish:
        return services.finish_attempt(attempt)
    return attempt


# -- organisations and staff (HR import and the training admin) ------------------------------


def make_organisation(name, kind="municipality", parent=None, slug=None):
    """A node of the organisation tree, under ``parent`` or as a root."""
    from django.utils.text import slugify

    from training.models import Organisation

    organisation = Organisation(name=name, slug=slug or slugify(name), kind=kind)
    if parent is None:
        return Organisation.add_root(instance=organisation)
    # treebeard counts children on the parent row: a parent object from before a sibling was
    # added would give this node a path that is already taken
    parent = Organisation.objects.get(pk=parent.pk)
    return parent.add_child(instance=organisation)


def make_hr(organisation, username=None):
    """An HR user of ``organisation`` as ``cms.roles`` sets one up: in the HR group, with a
    profile in that node."""
    from cms.roles import HR, ensure_groups

    groups = ensure_groups()
    hr = UserFactory(username=username or f"hr{next(_counter)}", function=Function.OTHER)
    Profile.objects.filter(user=hr).update(organisation=organisation)
    hr.groups.add(groups[HR])
    hr.refresh_from_db()
    return hr
