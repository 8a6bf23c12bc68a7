"""Modules as files: a module page to a TOML document and back.

Provinces exchange modules, and modules move from staging to production, as a folder with a
``module.toml`` and the images it uses (``manage.py export_module`` / ``import_module``). The demo
content is written in the same format (``demo/content/modules/*.toml``). The format is documented
in docs/module-format.md; in short, a module file holds the page's fields, ``[[steps]]`` and
``[[sources]]`` mirroring the StreamField blocks field by field, and tables that say what the
keys used inside mean: ``[images.<key>]``, ``[themes.<slug>]`` and ``[signals.<key>]``.

Blocks are converted by walking their definitions, not per step type: a struct becomes a table,
a list a list, an image a key into ``[images]``, a signal a key into ``[signals]``, and every
other value stays what it is. A new step type therefore needs no code here.

Ids. Answers refer to the ids of steps, options, items and regions, so an exported module keeps
them (``id = "…"``) and importing it again updates the same module without breaking a single
recorded answer. A hand-written file (the demo's) names each step with a ``key`` instead; its
ids are then derived from the module's slug, the key and the position, as a keyed hash under the
site's secret key (``stable_id``): the same on every import here, and telling a learner nothing.
"""

import hashlib
import io
import json
import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .models import ModulePage, Signal, Theme

FORMAT = "weerbaar-buitengebied/module/1"
MODULE_FILE = "module.toml"
IMAGE_FOLDER = "images"
PAGE_FIELDS = (
    "title",
    "theme",
    "audience",
    "estimated_minutes",
    "pass_mark",
    "image",
    "introduction",
    "learning_objectives",
    "reporting_routes",
)
REQUIRED_FIELDS = ("format", "slug", "title", "theme", "steps")


class ExchangeError(Exception):
    """A module file that cannot be imported as it is; the message says where and why."""


def stable_id(*parts):
    """The id of a block or list item a file does not give one: the same for the same module
    slug, step key and position on this installation, and a keyed hash under the site's secret
    key, so it carries no order and cannot be computed by a learner."""
    digest = salted_hmac(
        "demo.stable_id", ":".join(str(part) for part in parts), algorithm="sha256"
    ).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


# -- the keys inside a file: images and signals ---------------------------------------------------


class Library:
    """What the keys of a module file stand for on this installation. ``image(key)`` gives a
    Wagtail image, ``signal(key)`` a Signal's pk, ``theme(slug)`` a Theme."""

    def image(self, key):
        raise NotImplementedError

    def signal(self, key):
        raise NotImplementedError

    def theme(self, slug):
        theme = Theme.objects.filter(slug=slug).first()
        if theme is None:
            raise ExchangeError(f"theme {slug!r}: not on this site, and not in the file")
        return theme


class FileLibrary(Library):
    """The keys as the file's own tables define them: ``[images.<key>]`` with a file next to the
    module file (made a Wagtail image, or found again by its contents), ``[themes.<slug>]`` and
    ``[signals.<key>]`` (found again by theme and name, or created)."""

    def __init__(self, data, folder):
        self.data = data
        self.folder = Path(folder)
        self._images = {}
        self._signals = {}

    def image(self, key):
        if key not in self._images:
            self._images[key] = self._load_image(key)
        return self._images[key]

    def _load_image(self, key):
        entry = self.data.get("images", {}).get(key)
        if not isinstance(entry, dict) or not entry.get("file"):
            raise ExchangeError(f"image {key!r}: not described under [images.{key}] with a file")
        path = (self.folder / entry["file"]).resolve()
        if self.folder.resolve() not in path.parents or not path.is_file():
            raise ExchangeError(f"image {key!r}: no file {entry['file']!r} next to the module")
        content = path.read_bytes()
        image_model = get_image_model()
        digest = hashlib.sha1(content, usedforsecurity=False).hexdigest()
        existing = image_model.objects.filter(file_hash=digest).order_by("pk").first()
        if existing is None:
            # Images saved without a hash (made in code): compare those of the same or no size.
            unhashed = image_model.objects.filter(file_hash="").filter(
                Q(file_size=len(content)) | Q(file_size__isnull=True)
            )
            existing = next((i for i in unhashed if i.get_file_hash() == digest), None)
        if existing is not None:
            return existing
        from scenarios.uploads import HeaderCheckedImageField

        try:  # the checks an upload in the admin gets: format, file size, pixels
            HeaderCheckedImageField().clean(SimpleUploadedFile(path.name, content))
        except ValidationError as error:
            raise ExchangeError(f"image {key!r}: {' '.join(error.messages)}") from None
        image = image_model(
            title=entry.get("title") or key,
            description=entry.get("alt_text", ""),
            file=ImageFile(io.BytesIO(content), name=path.name),
        )
        image.file_size = len(content)
        image.file_hash = digest
        image.save()
        return image

    def theme(self, slug):
        entry = self.data.get("themes", {}).get(slug)
        if entry is None:
            return super().theme(slug)
        defaults = {"name": entry.get("name") or slug, "description": entry.get("description", "")}
        theme, _created = Theme.objects.get_or_create(slug=slug, defaults=defaults)
        return theme

    def signal(self, key):
        if key not in self._signals:
            entry = self.data.get("signals", {}).get(key)
            if not isinstance(entry, dict) or not entry.get("theme") or not entry.get("name"):
                raise ExchangeError(
                    f"signal {key!r}: not described under [signals] with a theme and a name"
                )
            signal, _created = Signal.objects.get_or_create(
                theme=self.theme(entry["theme"]), name=entry["name"]
            )
            self._signals[key] = signal.pk
        return self._signals[key]


# -- blocks: file values to stored (raw) values ----------------------------------------------------


@dataclass
class _Reader:
    slug: str
    library: Library

    def value(self, block, data, where, id_parts):
        """The raw StreamField value of ``block`` for the file value ``data``."""
        if isinstance(block, ImageBlock):
            return self.image_block(data, where)
        if isinstance(block, ImageChooserBlock):
            return self.library.image(data).pk if data else None
        if isinstance(block, SnippetChooserBlock):
            if block.target_model is not Signal:
                raise ExchangeError(f"{where}: cannot read a {block.target_model.__name__}")
            return self.library.signal(data)
        if isinstance(block, blocks.StructBlock):
            return self.struct(block, data, where, id_parts)
        if isinstance(block, blocks.ListBlock):
            return self.list(block, data, where, id_parts)
        return data

    def image_block(self, data, where):
        if not data:
            # What the admin stores for no image (a bare None breaks ImageBlock.bulk_to_python).
            return {"image": None, "decorative": False, "alt_text": ""}
        entry = {"image": data} if isinstance(data, str) else dict(data)
        if not isinstance(entry.get("image"), str):
            raise ExchangeError(f'{where}: an image is a key, or a table with image = "key"')
        image = self.library.image(entry["image"])
        alt_text = entry.get("alt_text")
        return {
            "image": image.pk,
            "decorative": bool(entry.get("decorative", False)),
            "alt_text": image.description if alt_text is None else alt_text,
        }

    def struct(self, block, data, where, id_parts):
        if not isinstance(data, dict):
            raise ExchangeError(f"{where}: expected a table of {', '.join(block.child_blocks)}")
        unknown = set(data) - set(block.child_blocks) - {"id"}
        if unknown:
            raise ExchangeError(
                f"{where}: unknown field {', '.join(sorted(unknown))} "
                f"(this block has: {', '.join(block.child_blocks)})"
            )
        return {
            name: self.value(child, data[name], f"{where}, {name}", [*id_parts, name])
            for name, child in block.child_blocks.items()
            if name in data
        }

    def list(self, block, data, where, id_parts):
        if not isinstance(data, list):
            raise ExchangeError(f"{where}: expected a list")
        items = []
        for index, item in enumerate(data):
            item_id = item.get("id") if isinstance(item, dict) else None
            items.append(
                {
                    "type": "item",
                    "id": item_id or stable_id(*id_parts, index),
                    "value": self.value(
                        block.child_block, item, f"{where} {index + 1}", [*id_parts, index]
                    ),
                }
            )
        return items

    def stream(self, stream_block, data, what):
        """Raw StreamField data from a list of tables with a ``type`` (a step or a source)."""
        if not isinstance(data, list):
            raise ExchangeError(f"{what}: expected a list of tables")
        raw, keys = [], set()
        for position, entry in enumerate(data, start=1):
            entry = dict(entry) if isinstance(entry, dict) else {}
            kind = entry.pop("type", None) or (what if what == "source" else None)
            key = entry.pop("key", None)
            block_id = entry.pop("id", None)
            where = f"{what} {position}" + (f" ({key})" if key else "")
            if kind not in stream_block.child_blocks:
                raise ExchangeError(
                    f"{where}: unknown type {kind!r} "
                    f"(known: {', '.join(stream_block.child_blocks)})"
                )
            if key is not None and key in keys:
                raise ExchangeError(f"{where}: the key {key!r} is used twice")
            keys.add(key)
            if block_id is None and key is None and what != "source":
                raise ExchangeError(
                    f"{where}: give the step an id or a key, so answers to it "
                    "still point at it after the next import"
                )
            id_parts = [self.slug, key] if key is not None else [self.slug, what, position]
            raw.append(
                {
                    "type": kind,
                    "id": block_id or stable_id(*id_parts),
                    "value": self.value(stream_block.child_blocks[kind], entry, where, id_parts),
                }
            )
        return raw


# -- import ------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    page: ModulePage
    created: bool = False
    published: bool = False  # a new revision was made (and published unless it is a draft)
    messages: list = field(default_factory=list)


def read_module_file(path):
    """The module file at ``path`` (a ``module.toml``, or a folder holding one) as data."""
    path = Path(path)
    if path.is_dir():
        path = path / MODULE_FILE
    try:
        with path.open("rb") as file:
            return tomllib.load(file), path.parent
    except FileNotFoundError:
        raise ExchangeError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as error:
        raise ExchangeError(f"{path.name}: not valid TOML: {error}") from None


def _stream_field_block(name):
    return ModulePage._meta.get_field(name).stream_block


def _errors_text(error, data):
    """A StreamField validation error as lines that name each step."""
    block_errors = getattr(error, "block_errors", None) or {}
    if not block_errors:
        messages = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
        return json.dumps(messages, ensure_ascii=False)
    lines = []
    for index, step_error in sorted(block_errors.items()):
        step = data["steps"][int(index)]
        detail = (
            json.dumps(step_error.as_json_data(), ensure_ascii=False)
            if hasattr(step_error, "as_json_data")
            else "; ".join(step_error.messages)
        )
        lines.append(f"step {int(index) + 1} ({step.get('key') or step.get('type')}): {detail}")
    return "\n".join(lines)


def _canonical(stream_block, raw):
    """Stream data in one canonical JSON form, to tell whether the content really changed. The
    ids of list items that are plain values (the signals of an option) are left out: a file does
    not carry them, answers never refer to them. An empty text is the same as a missing one."""

    def without_plain_item_ids(value):
        if value is None:
            return ""
        if isinstance(value, list):
            return [without_plain_item_ids(item) for item in value]
        if isinstance(value, dict):
            if value.get("type") == "item" and not isinstance(value.get("value"), dict):
                return {"type": "item", "value": value["value"]}
            return {key: without_plain_item_ids(item) for key, item in value.items()}
        return value

    value = stream_block.to_python(raw)
    prepared = without_plain_item_ids([child.get_prep_value() for child in value])
    return json.dumps(prepared, sort_keys=True, default=str)


def module_values(data, library):
    """The page field values of the module file ``data``, validated as the admin validates a
    trainer's module (the blocks' own checks); raises ExchangeError naming the step."""
    missing = [name for name in REQUIRED_FIELDS if name not in data]
    if missing:
        raise ExchangeError(f"missing {', '.join(missing)}")
    if data["format"] != FORMAT:
        raise ExchangeError(f"format {data['format']!r} is not {FORMAT!r}")
    reader = _Reader(data["slug"], library)
    steps = reader.stream(_stream_field_block("steps"), data["steps"], "step")
    sources = reader.stream(_stream_field_block("sources"), data.get("sources", []), "source")
    steps_block = _stream_field_block("steps")
    try:
        steps_block.clean(steps_block.to_python(steps))
    except ValidationError as error:
        raise ExchangeError(_errors_text(error, data)) from None
    values = {name: data[name] for name in PAGE_FIELDS if name in data}
    values["theme"] = library.theme(data["theme"])
    values["image"] = library.image(data["image"]) if data.get("image") else None
    values["steps"] = steps
    values["sources"] = sources
    return values


def _page_is_unchanged(page, values):
    same_fields = all(
        getattr(page, name) == value
        for name, value in values.items()
        if name not in ("steps", "sources")
    )
    return same_fields and all(
        _canonical(_stream_field_block(name), getattr(page, name).get_prep_value())
        == _canonical(_stream_field_block(name), values[name])
        for name in ("steps", "sources")
    )


@transaction.atomic
def import_module(data, library, catalogue, *, publish=True, user=None):
    """Create the module under ``catalogue`` or update the one with the same slug there: a new
    revision, published unless ``publish`` is False, and none at all when nothing changed. Runs
    in one transaction: a module that is refused leaves nothing behind (images included)."""
    try:
        values = module_values(data, library)
    except ExchangeError as error:
        raise ExchangeError(f"module {data.get('slug', '?')!r}: {error}") from None
    page = ModulePage.objects.child_of(catalogue).filter(slug=data["slug"]).first()
    created = page is None
    if created:
        page = ModulePage(slug=data["slug"], live=publish, **values)
        try:
            catalogue.add_child(instance=page)
        except ValidationError as error:
            raise ExchangeError(f"module {data['slug']!r}: {'; '.join(error.messages)}") from None
    else:
        page = page.get_latest_revision_as_object()
        if _page_is_unchanged(page, values):
            return ImportResult(page)
        for name, value in values.items():
            setattr(page, name, value)
        try:
            page.full_clean()
        except ValidationError as error:
            raise ExchangeError(f"module {data['slug']!r}: {'; '.join(error.messages)}") from None
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return ImportResult(page, created=created, published=True)


# -- export ------------------------------------------------------------------------------------


class _Writer:
    """Raw StreamField values to file values, collecting the images and signals they use."""

    def __init__(self):
        self.images = {}  # key → Image
        self._image_keys = {}  # pk → key
        self.signals = {}  # key → Signal
        self._signal_keys = {}  # pk → key

    def image_key(self, pk):
        if pk in self._image_keys:
            return self._image_keys[pk]
        image = get_image_model().objects.filter(pk=pk).first()
        if image is None:
            return None
        key = base = slugify(image.title) or f"image-{pk}"
        number = 2
        while key in self.images:
            key, number = f"{base}-{number}", number + 1
        self.images[key] = image
        self._image_keys[pk] = key
        return key

    def signal_key(self, pk):
        if pk in self._signal_keys:
            return self._signal_keys[pk]
        signal = Signal.objects.select_related("theme").filter(pk=pk).first()
        if signal is None:
            return None
        key = base = slugify(signal.name)[:60] or f"signal-{pk}"
        number = 2
        while key in self.signals:
            key, number = f"{base}-{number}", number + 1
        self.signals[key] = signal
        self._signal_keys[pk] = key
        return key

    def value(self, block, raw):
        if isinstance(block, ImageBlock):
            key = self.image_key(raw.get("image")) if raw and raw.get("image") else None
            if key is None:
                return None
            entry = {"image": key}
            if raw.get("alt_text") != self.images[key].description:
                entry["alt_text"] = raw.get("alt_text") or ""
            if raw.get("decorative"):
                entry["decorative"] = True
            return key if len(entry) == 1 else entry
        if isinstance(block, ImageChooserBlock):
            return self.image_key(raw) if raw else None
        if isinstance(block, SnippetChooserBlock):
            return self.signal_key(raw) if raw else None
        if isinstance(block, blocks.StructBlock):
            out = {}
            for name, child in block.child_blocks.items():
                converted = self.value(child, (raw or {}).get(name))
                if converted not in (None, "", []):
                    out[name] = converted
            return out
        if isinstance(block, blocks.ListBlock):
            items = []
            for item in raw or []:
                if isinstance(item, dict) and item.get("type") == "item":
                    item_id, item_raw = item.get("id"), item.get("value")
                else:  # a list stored in the old format, without ids
                    item_id, item_raw = None, item
                converted = self.value(block.child_block, item_raw)
                if isinstance(converted, dict) and item_id:
                    converted = {"id": item_id, **converted}
                if converted is not None:
                    items.append(converted)
            return items
        return raw

    def stream(self, stream_block, raw, with_type=True):
        entries = []
        for child in raw:
            block = stream_block.child_blocks[child["type"]]
            entry = {"type": child["type"]} if with_type else {}
            entry["id"] = child["id"]
            entry.update(self.value(block, child["value"]))
            entries.append(entry)
        return entries


def export_module(page, *, draft=False):
    """The module as file data (a dict for ``tomli_w``) and the images it uses ({key: Image}).
    The published content, or with ``draft`` the latest saved revision."""
    if draft or not page.live:
        page = page.get_latest_revision_as_object()
    else:
        page = page.specific
        live = page.live_revision
        if live is not None:
            page = live.as_object()
    writer = _Writer()
    data = {"format": FORMAT, "slug": page.slug}
    for name in PAGE_FIELDS:
        if name == "theme":
            if page.theme is not None:  # a draft may have none yet
                data["theme"] = page.theme.slug
        elif name == "image":
            if page.image_id:
                data["image"] = writer.image_key(page.image_id)
        else:
            value = getattr(page, name)
            data[name] = value if isinstance(value, str | int) else str(value)
    data["steps"] = writer.stream(_stream_field_block("steps"), page.steps.get_prep_value())
    data["sources"] = writer.stream(
        _stream_field_block("sources"), page.sources.get_prep_value(), with_type=False
    )
    themes = {page.theme.slug: page.theme} if page.theme is not None else {}
    themes.update({signal.theme.slug: signal.theme for signal in writer.signals.values()})
    data["themes"] = {
        slug: {"name": theme.name, "description": theme.description}
        for slug, theme in sorted(themes.items())
    }
    if writer.signals:
        data["signals"] = {
            key: {"theme": signal.theme.slug, "name": signal.name}
            for key, signal in writer.signals.items()
        }
    if writer.images:
        data["images"] = {
            key: {
                "file": f"{IMAGE_FOLDER}/{key}{Path(image.file.name).suffix.lower()}",
                "title": image.title,
                "alt_text": image.description,
            }
            for key, image in writer.images.items()
        }
    return data, writer.images


def write_module_folder(folder, data, images):
    """``module.toml`` and the image files in ``folder`` (made when missing)."""
    folder = Path(folder)
    (folder / IMAGE_FOLDER).mkdir(parents=True, exist_ok=True)
    for key, image in images.items():
        with image.open_file() as source:
            (folder / data["images"][key]["file"]).write_bytes(source.read())
    (folder / MODULE_FILE).write_text(dumps(data), encoding="utf-8")
    return folder / MODULE_FILE


def dumps(data):
    """TOML text of a module: long texts as multi-line strings, one table per step."""
    header = "# A module of Weerbaar Buitengebied (docs/module-format.md).\n"
    return header + tomli_w.dumps(data, multiline_strings=True)
