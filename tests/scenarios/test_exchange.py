"""Modules as files (manage.py export_module / import_module): exported with every id, imported
elsewhere as the same module, images and signals included; a file that is refused changes
nothing and says where it is wrong."""

import hashlib
import tomllib

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from wagtail.models import Revision

from scenarios import exchange, hotspots
from scenarios.models import ModulePage, Signal, Theme
from tests.factories import (
    decision_step,
    hotspot_step,
    information_step,
    make_image,
    make_module,
    ordering_step,
    play,
    scene_step,
    single_choice_step,
)
from training import services

pytestmark = pytest.mark.django_db


def ids_of(page):
    """Every id inside the module's steps: steps, options, items and regions."""
    found = []
    for step in page.steps:
        found.append(step.id)
        for name in ("options", "items", "regions"):
            if name in step.value:
                found.extend(child.id for child in step.value[name].bound_blocks)
    return found


@pytest.fixture
def module(catalogue):
    image = make_image(title="Schuur bij avond", description="Een schuur met afgeplakte ramen")
    theme = Theme.objects.create(name="Drugs in het buitengebied", slug="drugs")
    smell = Signal.objects.create(theme=theme, name="Anijsgeur")
    decision = decision_step()
    decision["value"]["options"][0]["value"]["signals"] = [
        {"type": "item", "value": smell.pk, "id": "signal-item-1"}
    ]
    return make_module(
        catalogue=catalogue,
        theme=theme,
        steps=[
            information_step(),
            scene_step(image),
            decision,
            single_choice_step(),
            ordering_step(),
            hotspot_step(image),
        ],
    )


def export_to(folder, page, **options):
    call_command("export_module", page.slug, "--output", str(folder), **options)
    with (folder / "module.toml").open("rb") as file:
        return tomllib.load(file)


def test_the_export_names_every_id_image_and_signal(module, tmp_path):
    data = export_to(tmp_path / "out", module)
    assert data["format"] == exchange.FORMAT and data["slug"] == module.slug
    assert [step["id"] for step in data["steps"]] == [step.id for step in module.steps]
    decision = data["steps"][2]
    assert [option["id"] for option in decision["options"]] == [
        child.id for child in module.steps[2].value["options"].bound_blocks
    ]
    signal_key = decision["options"][0]["signals"][0]
    assert data["signals"][signal_key] == {"theme": "drugs", "name": "Anijsgeur"}
    assert data["themes"]["drugs"]["name"] == "Drugs in het buitengebied"
    (image_key,) = data["images"]
    image_file = tmp_path / "out" / data["images"][image_key]["file"]
    image = Image.objects.get(title="Schuur bij avond")
    with image.open_file() as stored:
        assert image_file.read_bytes() == stored.read()
    scene_image = data["steps"][1]["image"]
    assert scene_image == image_key or scene_image["image"] == image_key


def test_importing_the_export_elsewhere_gives_the_same_module(module, tmp_path):
    """Staging to production: another installation has no module, image, theme or signal yet;
    the import brings all of them, and every id, so the module is the same module."""
    export_to(tmp_path / "out", module)
    ids, slug = ids_of(module), module.slug
    (image_file,) = tmp_path.joinpath("out", "images").iterdir()
    image_hash = hashlib.sha1(image_file.read_bytes(), usedforsecurity=False).hexdigest()
    catalogue = module.get_parent()
    module.delete()
    Image.objects.all().delete()
    Signal.objects.all().delete()
    Theme.objects.all().delete()

    call_command("import_module", str(tmp_path / "out"))

    imported = ModulePage.objects.get(slug=slug)
    assert imported.live and imported.get_parent().pk == catalogue.pk
    assert ids_of(imported) == ids
    assert Image.objects.get().file_hash == image_hash
    assert Signal.objects.get().name == "Anijsgeur"
    assert imported.theme.slug == "drugs"


def test_importing_an_unchanged_export_again_makes_no_revision(module, tmp_path):
    export_to(tmp_path / "out", module)
    before = Revision.objects.filter(object_id=str(module.pk)).count()
    call_command("import_module", str(tmp_path / "out" / "module.toml"))
    call_command("import_module", str(tmp_path / "out"))
    assert Revision.objects.filter(object_id=str(module.pk)).count() == before
    assert Image.objects.count() == 1  # found again by its contents, not added twice


def test_a_changed_file_updates_the_module_and_past_answers_keep_their_meaning(
    module, tmp_path, learner
):
    attempt, _created = services.start_attempt(learner, module)
    finished = play(attempt)
    text = (tmp_path / "out").joinpath("module.toml")
    export_to(tmp_path / "out", module)
    text.write_text(text.read_text().replace("Wat je moet weten", "Wat je vooraf moet weten"))

    call_command("import_module", str(tmp_path / "out"))

    module.refresh_from_db()
    assert module.steps[0].value["heading"] == "Wat je vooraf moet weten"
    # The attempt was scored on its own revision, and the new one has the same option ids.
    new_ids = ids_of(module)
    assert all(r.block_id in new_ids for r in finished.responses.all())
    assert all(
        option in new_ids
        for r in finished.responses.all()
        for option in hotspots.scored_items(r.chosen_options)
        if not option.startswith("miss")
    )


def test_draft_import_saves_a_revision_without_publishing(module, tmp_path):
    export_to(tmp_path / "out", module)
    text = tmp_path / "out" / "module.toml"
    text.write_text(text.read_text().replace("Wat je moet weten", "Nog niet gepubliceerd"))
    call_command("import_module", str(tmp_path / "out"), "--draft")
    module.refresh_from_db()
    assert module.steps[0].value["heading"] == "Wat je moet weten"  # the live page
    assert module.has_unpublished_changes


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: [o.update(correct=False) for o in d["steps"][3]["options"]], "step 4"),
        (lambda d: d["steps"].append({"type": "video", "key": "x"}), "unknown type 'video'"),
        (lambda d: d["steps"][0].pop("id"), "give the step an id or a key"),
        (lambda d: d["steps"][0].update(colour="red"), "unknown field colour"),
        (lambda d: d["steps"][2]["options"][0].update(signals=["onbekend"]), "signal 'onbekend'"),
        (lambda d: d.update(format="iets/anders"), "format"),
    ],
    ids=[
        "no-correct-option",
        "unknown-type",
        "no-id-or-key",
        "unknown-field",
        "unknown-signal",
        "format",
    ],
)
def test_a_refused_file_changes_nothing_and_says_where(module, tmp_path, change, message):
    data = export_to(tmp_path / "out", module)
    change(data)
    (tmp_path / "out" / "module.toml").write_text(exchange.dumps(data))
    before = Revision.objects.filter(object_id=str(module.pk)).count()
    with pytest.raises(CommandError) as refused:
        call_command("import_module", str(tmp_path / "out"))
    assert message in str(refused.value)
    assert Revision.objects.filter(object_id=str(module.pk)).count() == before


def test_an_image_that_is_not_an_image_or_lies_outside_the_folder_is_refused(module, tmp_path):
    data = export_to(tmp_path / "out", module)
    (image_key,) = data["images"]
    module.delete()
    Image.objects.all().delete()
    image_file = tmp_path / "out" / data["images"][image_key]["file"]
    image_file.write_bytes(b"not a picture at all")
    with pytest.raises(CommandError, match=f"image '{image_key}'"):
        call_command("import_module", str(tmp_path / "out"))
    data["images"][image_key]["file"] = "../../secret.png"
    (tmp_path / "secret.png").write_bytes(b"x")
    (tmp_path / "out" / "module.toml").write_text(exchange.dumps(data))
    with pytest.raises(CommandError, match="no file"):
        call_command("import_module", str(tmp_path / "out"))
    assert not Image.objects.exists() and not ModulePage.objects.filter(slug=data["slug"]).exists()


def test_a_file_that_is_not_toml_gets_a_message_not_a_traceback(catalogue, tmp_path):
    (tmp_path / "module.toml").write_text('title = "no closing quote\n')
    with pytest.raises(CommandError, match="not valid TOML"):
        call_command("import_module", str(tmp_path))


def test_a_hand_written_module_gets_stable_keyed_ids(catalogue, tmp_path, settings):
    """The demo's files give each step a key instead of an id: the same key gives the same id
    on every import here, and another installation (another secret key) another one."""
    theme = Theme.objects.create(name="Vakantieparken", slug="vakantieparken")
    data = {
        "format": exchange.FORMAT,
        "slug": "met-de-hand",
        "title": "Met de hand geschreven",
        "theme": theme.slug,
        "introduction": "<p>Inleiding</p>",
        "learning_objectives": "<ul><li>Doel</li></ul>",
        "reporting_routes": "<p>Bel 112 bij gevaar.</p>",
        "steps": [
            {
                "key": "vraag",
                "type": "single_choice",
                "question": "Wat doe je?",
                "points": 1,
                "options": [
                    {"text": "Bellen", "correct": True},
                    {"text": "Niets", "correct": False},
                ],
            }
        ],
    }
    library = exchange.Library()
    page = exchange.import_module(data, library, catalogue).page
    option_ids = [c.id for c in page.steps[0].value["options"].bound_blocks]
    assert page.steps[0].id == exchange.stable_id("met-de-hand", "vraag")
    assert option_ids == [exchange.stable_id("met-de-hand", "vraag", "options", n) for n in (0, 1)]
    settings.SECRET_KEY = "another-installation"  # noqa: S105
    assert exchange.stable_id("met-de-hand", "vraag") != page.steps[0].id
