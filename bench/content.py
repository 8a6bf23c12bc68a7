"""The content of the bench data set: a site with a catalogue and modules of any number of steps,
built the way a trainer publishes them (live pages with a published revision).

Block and option ids come from the seeded random generator, so the same seed gives the same
content. (The tests have their own factories; bench code does not import from ``tests/``.)
"""

import uuid

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from cms.models import HomePage
from scenarios.models import ModuleCatalogue, ModulePage, Signal, Theme

THEMES = (
    ("Leegstaande schuren", "leegstaande-schuren"),
    ("Drugsafval", "drugsafval"),
    ("Vakantieparken", "vakantieparken"),
    ("Ondermijning in het agrarisch bedrijf", "agrarisch-bedrijf"),
)


def seeded_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _items(rng, values):
    return [{"type": "item", "value": value, "id": seeded_id(rng)} for value in values]


def information_step(rng, number):
    return {
        "type": "information",
        "id": seeded_id(rng),
        "value": {
            "heading": f"Wat je moet weten ({number})",
            "body": "<p>Leegstaande schuren worden soms verhuurd voor de productie van drugs. "
            "Let op afgeplakte ramen, een sterke anijslucht en veel verkeer 's nachts.</p>",
            "image": {"image": None, "decorative": False, "alt_text": ""},
        },
    }


# Signals per theme, tagged on the scored steps (the right decision option, the questions) for
# the signal insight; chosen by position, not by the random generator, so that the rest of
# the data set stays what the seed makes it.
SIGNALS_PER_THEME = 4


def decision_step(rng, number, signals=()):
    return {
        "type": "decision",
        "id": seeded_id(rng),
        "value": {
            "prompt": f"Je ziet een busje bij een leegstaande schuur. Wat doe je? ({number})",
            "options": _items(
                rng,
                [
                    {
                        "text": "Noteer het kenteken en meld het",
                        "verdict": "right",
                        "points": 2,
                        "feedback": "<p>Goed: vastleggen en melden, niet zelf ingrijpen.</p>",
                        "signals": list(signals),
                    },
                    {
                        "text": "Bel eerst je teamleider",
                        "verdict": "acceptable",
                        "points": 1,
                        "feedback": "<p>Kan, maar leg ook vast wat je ziet.</p>",
                        "signals": [],
                    },
                    {
                        "text": "Klop aan en kijk binnen",
                        "verdict": "wrong",
                        "points": 0,
                        "feedback": "<p>Gevaarlijk: ga nooit zelf naar binnen.</p>",
                        "signals": [],
                    },
                ],
            ),
        },
    }


def _choice_question(rng, kind, number, correct_flags, points, signals=()):
    texts = ["Hennep", "Synthetische drugs (amfetamine)", "Mestverwerking", "Bestrijdingsmiddel"]
    return {
        "type": kind,
        "id": seeded_id(rng),
        "value": {
            "question": f"Waar kan een sterke anijslucht op wijzen? ({number})",
            "points": points,
            "explanation": "<p>Anijslucht hoort bij de productie van synthetische drugs.</p>",
            "signals": list(signals),
            "options": _items(
                rng,
                [
                    {"text": text, "correct": flag, "feedback": ""}
                    for text, flag in zip(texts, correct_flags, strict=True)
                ],
            ),
        },
    }


def single_choice_step(rng, number, signals=()):
    return _choice_question(rng, "single_choice", number, [False, True, False, False], 1, signals)


def multiple_choice_step(rng, number, signals=()):
    return _choice_question(rng, "multiple_choice", number, [True, True, False, False], 2, signals)


SCORED_MAKERS = (decision_step, single_choice_step, multiple_choice_step)


def module_steps(rng, count, scored, signals=()):
    """``count`` steps of which ``scored`` are decisions or questions; the first step is a
    question (the answer benchmark posts to step 1), the information steps are spread out."""
    scored = max(1, min(scored, count))
    is_scored = [False] * count
    is_scored[0] = True
    spread = [round(i * count / scored) for i in range(scored)]
    for position in spread:
        is_scored[min(position, count - 1)] = True
    position = count - 1
    while sum(is_scored) < scored:
        if not is_scored[position]:
            is_scored[position] = True
        position -= 1
    steps = []
    scored_number = 0
    for number in range(1, count + 1):
        if is_scored[number - 1]:
            tagged = [signals[scored_number % len(signals)]] if signals else []
            steps.append(SCORED_MAKERS[scored_number % len(SCORED_MAKERS)](rng, number, tagged))
            scored_number += 1
        else:
            steps.append(information_step(rng, number))
    return steps


def ensure_wagtail_root():
    """After a flush (PostgreSQL re-generation) the locale, root page and root collection
    Wagtail's migrations made are gone; put them back."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def make_site():
    """The home page (the plain Wagtail page the benchmarks compare with) and the catalogue."""
    root = ensure_wagtail_root()
    for child in root.get_children():
        if not isinstance(child.specific, HomePage):
            child.delete()  # Wagtail's welcome page
    home = root.add_child(
        instance=HomePage(
            title="Weerbaar Buitengebied",
            slug="start",
            introduction="<p>Trainingen over ondermijning in het buitengebied.</p>",
        )
    )
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Weerbaar Buitengebied",
    )
    catalogue = home.add_child(instance=ModuleCatalogue(title="Modules", slug="modules"))
    catalogue.save_revision().publish()
    return home, catalogue


def make_themes():
    return [Theme.objects.create(name=name, slug=slug) for name, slug in THEMES]


def make_signals(themes):
    """{theme pk: [signal pks]}: ``SIGNALS_PER_THEME`` signals per theme."""
    return {
        theme.pk: [
            Signal.objects.create(theme=theme, name=f"Signaal {number} ({theme.name})").pk
            for number in range(1, SIGNALS_PER_THEME + 1)
        ]
        for theme in themes
    }


def make_module(
    rng, catalogue, theme, number, step_count, scored, audience="professionals", signals=()
):
    module = ModulePage(
        title=f"Module {number:02d}: signalen herkennen ({step_count} stappen)",
        slug=f"module-{number:02d}",
        introduction="<p>Herken de signalen van ondermijning in het buitengebied.</p>",
        theme=theme,
        audience=audience,
        estimated_minutes=max(5, step_count),
        pass_mark=70,
        learning_objectives="<ul><li>Signalen herkennen</li><li>Weten waar je meldt</li></ul>",
        reporting_routes="<p>Meld het bij je teamleider of anoniem bij Meld Misdaad Anoniem.</p>",
        steps=module_steps(rng, step_count, scored, signals),
        sources=[
            {
                "type": "source",
                "id": seeded_id(rng),
                "value": {"title": "Ondermijning in beeld", "publisher": "RIEC", "url": ""},
            }
        ],
    )
    catalogue.add_child(instance=module)
    module.save_revision().publish()
    module.refresh_from_db()
    return module
