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
from people.models import Function, Profile
from scenarios.blocks import list_items
from scenarios.models import ModuleCatalogue, ModulePage, Theme

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


def hotspot_step(image, question="Welke signalen zie je bij deze schuur?", mode="count", points=3):
    """A "spot the signals" step: three signals (two rectangles and a triangle) and two ordinary
    regions, with fixed region ids r-1 … r-5 and marker strings in the explanations."""

    def region(number, label, kind, shape):
        return {
            "id": f"r-{number}",
            "label": label,
            "kind": kind,
            "shape": shape,
            "explanation": f"<p>EXPLANATION-REGION-{number}-{kind.upper()}</p>",
            "signals": [],
        }

    return {
        "type": "hotspot",
        "value": {
            "image": {"image": image.pk, "decorative": False, "alt_text": "Schuur op een erf"},
            "question": question,
            "mode": mode,
            "points": points,
            "feedback": "<p>FEEDBACK-HOTSPOT</p>",
            "regions": list_items(
                [
                    region(1, "Ramen aan de lange zijde", "signal", "100,100 300,200"),
                    region(2, "Pijpen op het dak", "signal", "600,50 800,150"),
                    region(3, "Busje bij de deur", "signal", "400,600 600,600 500,800"),
                    region(4, "Hekpalen langs het pad", "ordinary", "0,850 300,950"),
                    region(5, "Bomenrij achter de schuur", "ordinary", "700,500 950,700"),
                ]
            ),
        },
    }


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
    """A trainer as ``people.roles`` makes one: in the Trainers group, which edits the catalogue."""
    from people.roles import TRAINERS, ensure_groups

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
    if step.block_type == "ordering":
        return [child.id for child in step.value["items"].bound_blocks]
    if step.block_type == "hotspot":
        return hotspot_marks(step, lambda region: region["kind"] == "signal")
    if step.block_type == "writeup":
        return step.block.example_answer(step.value, good=True)
    return option_ids(step, lambda option: option["correct"])


def worst_answer(step):
    """A wrong answer: a decision option with the verdict wrong, or one incorrect option."""
    if step.block_type == "decision":
        return option_ids(step, lambda option: option["verdict"] == "wrong")[:1]
    if step.block_type == "ordering":
        return [child.id for child in step.value["items"].bound_blocks][::-1]
    if step.block_type == "hotspot":
        return hotspot_marks(step, lambda region: region["kind"] != "signal")[:1]
    if step.block_type == "writeup":
        return step.block.example_answer(step.value, good=False)
    return option_ids(step, lambda option: not option["correct"])[:1]


def hotspot_marks(step, predicate=lambda region: True):
    """A mark (``p:x,y``) in the middle of each region of a hotspot step for which
    ``predicate(region_value)`` holds, as a learner clicking the picture posts them."""
    from scenarios import hotspots

    marks = []
    for child in step.value["regions"].bound_blocks:
        if predicate(child.value):
            x, y = hotspots.parse_shape(child.value["shape"]).centre
            marks.append(f"p:{x:g},{y:g}")
    return marks


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

    index = 0
    while True:  # along the learner's path: a decision may branch
        step = services.step_at(attempt, index)
        response = None
        if services.is_scored(step):
            response, _created = services.record_response(attempt, index, choose(step))
        if services.next_on_path(attempt, index, response) is None:
            break
        services.continue_after(attempt, index)
        index += 1
    if finish:
        return services.finish_attempt(attempt)
    return attempt


# -- organisations and staff (HR import and the training admin) ------------------------------


def make_organisation(name, kind="municipality", parent=None, slug=None):
    """A node of the organisation tree, under ``parent`` or as a root."""
    from django.utils.text import slugify

    from people.models import Organisation

    organisation = Organisation(name=name, slug=slug or slugify(name), kind=kind)
    if parent is None:
        return Organisation.add_root(instance=organisation)
    # treebeard counts children on the parent row: a parent object from before a sibling was
    # added would give this node a path that is already taken
    parent = Organisation.objects.get(pk=parent.pk)
    return parent.add_child(instance=organisation)


def make_hr(organisation, username=None):
    """An HR user of ``organisation`` as ``people.roles`` sets one up: in the HR group, with a
    profile in that node."""
    from people.roles import HR, ensure_groups

    groups = ensure_groups()
    hr = UserFactory(username=username or f"hr{next(_counter)}", function=Function.OTHER)
    Profile.objects.filter(user=hr).update(organisation=organisation)
    hr.groups.add(groups[HR])
    hr.refresh_from_db()
    return hr


# -- two-step verification (allauth.mfa) ---------------------------------------------------------


def activate_totp(user):
    """Give ``user`` an authenticator app (TOTP) with recovery codes, as setting it up on the
    site does. Returns the TOTP secret, from which ``totp_code`` computes the current code."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is not None:
        from allauth.mfa.utils import decrypt

        return decrypt(existing.data["secret"])
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret, offset=0):
    """The authenticator app's current 6-digit code for ``secret`` (``offset`` periods on)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def login_with_mfa(client, user):
    """Log ``client`` in as ``user`` as if through the login page with password and
    authenticator code: ``force_login`` plus the session records allauth keeps of the
    password and two-step steps, which the two-step check (``cms.mfa``) reads."""
    import time

    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.mfa.models import Authenticator

    activate_totp(user)
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    client.force_login(user)
    session = client.session
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "username": user.username},
        {"method": "mfa", "at": now, "id": authenticator.pk, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


# -- branching scenes and ordering questions ------------------------------------------------------

ORDERING_TEXTS = [
    "Afstand houden met de wind in de rug",
    "Niets aanraken",
    "Details noteren",
    "De politie bellen",
    "Het signaal registreren",
]


def ordering_step(question="Zet de stappen in de goede volgorde", texts=None, points=5):
    """An ordering question; its items are given in the correct order."""
    return {
        "type": "ordering",
        "value": {
            "question": question,
            "items": list_items(
                [{"text": text, "signals": []} for text in (texts or ORDERING_TEXTS)]
            ),
            "points": points,
            "feedback": "<p>FEEDBACK-ORDERING eerst je eigen veiligheid.</p>",
        },
    }


def writeup_step(prompt="Schrijf je melding voor OOV", points=4):
    """A write-up with a checklist of five items, one of each kind of check, with fixed ids
    c-1 … c-5 and marker strings in the labels and explanations."""

    def item(number, label, kind, terms=""):
        return {
            "id": f"c-{number}",
            "label": f"CHECK-{number} {label}",
            "kind": kind,
            "terms": terms,
            "explanation": f"<p>WHY-CHECK-{number}</p>",
            "signals": [],
        }

    return {
        "type": "writeup",
        "value": {
            "prompt": prompt,
            "instructions": "<p>Je melding gaat naar de adviseur OOV.</p>",
            "points": points,
            "checklist": list_items(
                [
                    item(1, "De plek", "terms", "schuur, stal, adres, locatie"),
                    item(2, "Het tijdstip", "time"),
                    item(3, "Het voertuig", "plate"),
                    item(4, "Wat je rook", "terms", "anijs, geur, lucht"),
                    item(5, "Geen oordeel", "absent", "crimineel, tuig, boef"),
                ]
            ),
            "example": "<p>EXAMPLE-REPORT Op 4 december om 22:15 zag ik bij de stal …</p>",
        },
    }


def branch_scene(image, anchor, heading=None, branch_only=True, continue_to=""):
    """A scene a decision option can lead to (branch-only unless told otherwise)."""
    step = scene_step(image, heading or f"Scène {anchor}")
    step["value"].update(anchor=anchor, branch_only=branch_only, continue_to=continue_to)
    return step


def branching_decision(leads_to, prompt="Wat doe je bij de deur?", text="Klop aan en kijk binnen"):
    """The factory decision whose option ``text`` leads to the scene with anchor ``leads_to``."""
    step = decision_step(prompt)
    for item in step["value"]["options"]:
        if item["value"]["text"] == text:
            item["value"]["leads_to"] = leads_to
    return step


def branching_steps(image):
    """information, scene, decision (knocking leads to "gevaar"), the branch-only scene
    "gevaar", single choice, multiple choice: the path is 5 steps, or 6 with the branch."""
    return [
        information_step(),
        scene_step(image),
        branching_decision("gevaar"),
        branch_scene(image, "gevaar", heading="Gevaar achter de deur"),
        single_choice_step(),
        multiple_choice_step(),
    ]
