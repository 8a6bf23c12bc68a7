"""Turn the demo content (taxonomy, illustrations, modules, organisations, people) into rows.

Everything here is re-runnable: rows are found again by slug, title or username and updated in
place, ids inside the StreamFields are derived from the module's slug and each step's key under
the site's secret key (``stable_id``), and a module whose content did not change gets no new
revision. ``manage.py load_demo`` only calls
``load_demo()`` and prints its summary.
"""

import hashlib
import io
import json
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.images.models import Image
from wagtail.models import Page, Site

from certificates import services as certificate_services
from certificates.models import Certificate
from cms.models import HomePage
from cms.roles import COORDINATORS, HR, LEARNERS, MANAGERS, TRAINERS, ensure_groups
from scenarios import scoring
from scenarios.models import ModuleCatalogue, ModulePage, Signal, Theme
from training import services
from training.models import Assignment, Attempt, Organisation, Profile

from . import illustrations, organisations, taxonomy

# The one password of every demo account. It lives here and nowhere else (never in settings);
# the README names it so that people trying the demo can log in.
DEMO_PASSWORD = "Weerbaar-demo-2026"  # noqa: S105 - a published demo password, on purpose



class DemoContentError(Exception):
    """Demo content that the platform refuses; the message names the module and the step."""


def stable_id(*parts):
    """The id of a block or list item inside a demo module's StreamField. The same module slug,
    step key and position always give the same id on this installation, so answers recorded on
    one run still point at the same option after the next. Learners see these ids, so they are
    a keyed hash under the site's secret key (random per installation, see cms.settings.dev):
    from ``…:option:0`` anyone could otherwise compute which id belongs to the first option."""
    digest = salted_hmac(
        "demo.stable_id", ":".join(str(part) for part in parts), algorithm="sha256"
    ).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


@dataclass
class Summary:
    """What a run did, for the command to report."""

    themes: int = 0
    signals_created: int = 0
    images_created: list = field(default_factory=list)
    images_replaced: list = field(default_factory=list)
    pages_created: list = field(default_factory=list)
    pages_published: list = field(default_factory=list)
    pages_unchanged: list = field(default_factory=list)
    welcome_page_removed: bool = False
    users_created: list = field(default_factory=list)
    attempts_created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    organisations: int = 0
    organisations_created: list = field(default_factory=list)
    people: int = 0
    people_created: list = field(default_factory=list)
    assignments: int = 0
    assignments_created: list = field(default_factory=list)
    # Attempts of the learners in ``organisations.PEOPLE``: counted, not listed (dozens).
    people_attempts_created: int = 0
    certificates_issued: int = 0


# -- taxonomy ----------------------------------------------------------------------------------


def load_taxonomy(summary):
    """Themes by slug and signals by (theme, name); returns {signal key: Signal pk}."""
    signal_pks = {}
    for data in taxonomy.THEMES:
        theme, _created = Theme.objects.update_or_create(
            slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
        )
        summary.themes += 1
        for key, name in data["signals"].items():
            if key in signal_pks:
                raise DemoContentError(f"Signal key {key!r} is used in two themes.")
            signal, created = Signal.objects.get_or_create(theme=theme, name=name)
            summary.signals_created += created
            signal_pks[key] = signal.pk
    return signal_pks


# -- images ------------------------------------------------------------------------------------


def _store_file(image, key, data):
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.png")
    image.file_size = len(data)
    image.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _validate_image(image, key):
    """The checks the admin's image form makes; PostgreSQL would refuse a description longer
    than the column, SQLite silently keeps it."""
    try:
        image.full_clean()
    except ValidationError as error:
        raise DemoContentError(f"Illustration {key!r}: {'; '.join(error.messages)}") from error


def load_images(summary):
    """Each illustration once as a Wagtail image, found again by title; the file is replaced only
    when the drawing's bytes changed. Returns {illustration key: Image}."""
    images = {}
    for key, illustration in illustrations.ILLUSTRATIONS.items():
        data = illustrations.render(key)
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        image = Image.objects.filter(title=illustration.title).order_by("pk").first()
        if image is None:
            image = Image(title=illustration.title, description=illustration.alt_text)
            _store_file(image, key, data)
            _validate_image(image, key)
            image.save()
            summary.images_created.append(illustration.title)
        else:
            changed = False
            if image.get_file_hash() != digest:
                image.renditions.all().delete()
                image.file.delete(save=False)
                _store_file(image, key, data)
                summary.images_replaced.append(illustration.title)
                changed = True
            if image.description != illustration.alt_text:
                image.description = illustration.alt_text
                changed = True
            if changed:
                _validate_image(image, key)
                image.save()
        images[key] = image
    return images


# -- module content as raw StreamField data ----------------------------------------------------


def _image_value(key, images, where, alt_text=None):
    if not key:
        # What the admin stores for an empty image. Not a bare None: Wagtail's
        # ImageBlock.bulk_to_python fails on a stream that mixes None with image dicts.
        return {"image": None, "decorative": False, "alt_text": ""}
    if key not in images:
        raise DemoContentError(f"{where}: unknown illustration {key!r}.")
    return {
        "image": images[key].pk,
        "decorative": False,
        "alt_text": alt_text or illustrations.ILLUSTRATIONS[key].alt_text,
    }


def _signal_items(keys, signal_pks, id_prefix, where):
    items = []
    for index, key in enumerate(keys):
        if key not in signal_pks:
            raise DemoContentError(f"{where}: unknown signal key {key!r}.")
        items.append(
            {"type": "item", "value": signal_pks[key], "id": stable_id(id_prefix, "signal", index)}
        )
    return items


def _step_value(step, prefix, images, signal_pks, where):
    kind = step["type"]
    if kind == "information":
        return {
            "heading": step["heading"],
            "body": step["body"],
            "image": _image_value(step.get("image"), images, where, step.get("alt_text")),
            "anchor": step.get("anchor", ""),
        }
    if kind == "scene":
        return {
            "heading": step["heading"],
            "situation": step["situation"],
            "image": _image_value(step["image"], images, where, step.get("alt_text")),
            "anchor": step.get("anchor", ""),
            "branch_only": step.get("branch_only", False),
            "continue_to": step.get("continue_to", ""),
        }
    if kind == "ordering":
        return {
            "question": step["question"],
            "points": step["points"],
            "feedback": step.get("feedback", ""),
            "items": [
                {
                    "type": "item",
                    "id": stable_id(prefix, "item", index),
                    "value": {
                        "text": item["text"],
                        "signals": _signal_items(
                            item.get("signals", []), signal_pks, f"{prefix}:item:{index}", where
                        ),
                    },
                }
                for index, item in enumerate(step["items"])
            ],
        }
    if kind == "decision":
        return {
            "prompt": step["prompt"],
            "options": [
                {
                    "type": "item",
                    "id": stable_id(prefix, "option", index),
                    "value": {
                        "text": option["text"],
                        "verdict": option["verdict"],
                        "points": option["points"],
                        "feedback": option["feedback"],
                        "signals": _signal_items(
                            option.get("signals", []), signal_pks, f"{prefix}:option:{index}", where
                        ),
                        "leads_to": option.get("leads_to", ""),
                    },
                }
                for index, option in enumerate(step["options"])
            ],
        }
    if kind in ("single_choice", "multiple_choice"):
        return {
            "question": step["question"],
            "points": step["points"],
            "explanation": step.get("explanation", ""),
            "signals": _signal_items(step.get("signals", []), signal_pks, prefix, where),
            "options": [
                {
                    "type": "item",
                    "id": stable_id(prefix, "option", index),
                    "value": {
                        "text": option["text"],
                        "correct": option["correct"],
                        "feedback": option.get("feedback", ""),
                    },
                }
                for index, option in enumerate(step["options"])
            ],
        }
    if kind == "hotspot":
        return {
            "image": _image_value(step["image"], images, where, step.get("alt_text")),
            "question": step["question"],
            "mode": step.get("mode", "count"),
            "points": step["points"],
            "feedback": step.get("feedback", ""),
            "regions": [
                {
                    "type": "item",
                    "id": stable_id(prefix, "region", index),
                    "value": {
                        "label": region["label"],
                        "kind": region["kind"],
                        "shape": region["shape"],
                        "explanation": region["explanation"],
                        "signals": _signal_items(
                            region.get("signals", []), signal_pks, f"{prefix}:region:{index}", where
                        ),
                    },
                }
                for index, region in enumerate(step["regions"])
            ],
        }
    raise DemoContentError(f"{where}: unknown step type {kind!r}.")


def build_steps(module, images, signal_pks):
    """The raw data of the module's ``steps`` StreamField, with a fixed id on every step, every
    option and every signal."""
    raw, keys = [], set()
    for position, step in enumerate(module["steps"], start=1):
        where = f"Module {module['slug']!r}, step {position} ({step['key']!r})"
        if step["key"] in keys:
            raise DemoContentError(f"{where}: the key is used twice.")
        keys.add(step["key"])
        prefix = f"{module['slug']}:{step['key']}"
        raw.append(
            {
                "type": step["type"],
                "id": stable_id(prefix),
                "value": _step_value(step, prefix, images, signal_pks, where),
            }
        )
    return raw


def build_sources(module):
    return [
        {
            "type": "source",
            "id": stable_id(module["slug"], "source", index),
            "value": {"title": title, "publisher": publisher or "", "url": url or ""},
        }
        for index, (title, publisher, url) in enumerate(module["sources"])
    ]


def _error_text(error):
    if hasattr(error, "as_json_data"):
        return json.dumps(error.as_json_data(), ensure_ascii=False)
    return "; ".join(error.messages)


def validated_steps(module, raw):
    """Run the blocks' own validation on the raw steps, as the admin does for a trainer; an error
    names the module and the step."""
    stream_block = ModulePage._meta.get_field("steps").stream_block
    value = stream_block.to_python(raw)
    try:
        stream_block.clean(value)
    except ValidationError as error:
        block_errors = getattr(error, "block_errors", None) or {}
        if not block_errors:
            raise DemoContentError(f"Module {module['slug']!r}: {_error_text(error)}") from error
        lines = []
        for index, step_error in sorted(block_errors.items()):
            step = module["steps"][int(index)]
            lines.append(
                f"Module {module['slug']!r}, step {int(index) + 1} ({step['key']!r}, "
                f"{step['type']}): {_error_text(step_error)}"
            )
        raise DemoContentError("\n".join(lines)) from error
    return value


# -- pages -------------------------------------------------------------------------------------

HOME = {
    "title": "Weerbaar Buitengebied",
    "introduction": (
        "<p>Criminelen zoeken het buitengebied op: lege stallen worden drugslabs, drugsafval "
        "belandt in sloten en bossen, vakantieparken worden schuilplaats of werkplaats, en boeren "
        "krijgen geld geboden voor hun schuur. Wie er werkt, ziet de signalen vaak als eerste.</p>"
        "<p>Op dit platform oefen je met korte modules vol situaties uit de Brabantse praktijk. "
        "Je herkent signalen, neemt beslissingen en krijgt direct uitleg. De modules zijn "
        "bedoeld voor <b>boa's, toezichthouders en gemeentelijke medewerkers</b>, en voor "
        "<b>managementteams</b> die bepalen wat de organisatie met die signalen doet.</p>"
        "<p>Log in om te beginnen. Je voortgang wordt bewaard, zodat je later verder kunt "
        "gaan waar je gebleven was.</p>"
    ),
}
CATALOGUE = {
    "title": "Modules",
    "slug": "modules",
    "introduction": (
        "<p>Kies een module. Elke module duurt ongeveer een kwartier tot twintig minuten en "
        "sluit af met je score en wat je doet met een echt signaal. Je kunt een module zo vaak "
        "maken als je wilt.</p>"
    ),
}


def _publish(page, summary, label):
    """Validate the page as the admin would, then save a revision and publish it."""
    try:
        page.full_clean()
    except ValidationError as error:
        raise DemoContentError(f"{label}: {'; '.join(error.messages)}") from error
    page.save_revision().publish()
    summary.pages_published.append(label)


def _create(parent, page, summary, label):
    try:
        parent.add_child(instance=page)  # Page.save validates a live page (full_clean)
    except ValidationError as error:
        raise DemoContentError(f"{label}: {'; '.join(error.messages)}") from error
    page.save_revision().publish()
    summary.pages_created.append(label)
    return page


def _update(page, values, summary, label, same=None):
    """Set the values and publish a new revision, or leave the page alone when nothing changed
    (``same(page)`` may compare what a plain ``==`` cannot)."""
    unchanged = all(
        getattr(page, name) == value
        for name, value in values.items()
        if name not in ("steps", "sources")
    )
    if unchanged and (same is None or same(page)):
        summary.pages_unchanged.append(label)
        return page
    for name, value in values.items():
        setattr(page, name, value)
    _publish(page, summary, label)
    return page


def ensure_site(summary):
    """A cms.HomePage as the root of the default site, in place of Wagtail's welcome page, with
    the module catalogue under it. Returns the catalogue."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2).order_by("path").first()
    if home is None:
        home = _create(root, HomePage(slug="weerbaar-buitengebied", **HOME), summary, "Home page")
    else:
        home = _update(home, HOME, summary, "Home page")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=HOME["title"],
        )
    elif site.root_page_id != home.pk or site.site_name != HOME["title"]:
        site.root_page = home
        site.site_name = HOME["title"]
        site.save()

    # Wagtail's "Welcome to your new Wagtail site!": a plain Page at depth 2 made by its
    # migrations. Removed once nothing points at it and nothing was built under it.
    plain = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain):
        if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
            page.delete()
            summary.welcome_page_removed = True

    catalogue = ModuleCatalogue.objects.child_of(home).filter(slug=CATALOGUE["slug"]).first()
    values = {"title": CATALOGUE["title"], "introduction": CATALOGUE["introduction"]}
    if catalogue is None:
        catalogue = _create(
            home, ModuleCatalogue(slug=CATALOGUE["slug"], **values), summary, "Catalogue"
        )
    else:
        catalogue = _update(catalogue, values, summary, "Catalogue")
    return catalogue


def _normalised(stream_block, raw):
    """Stream data in one canonical JSON form, to tell whether the content really changed."""
    value = stream_block.to_python(raw)
    return json.dumps([child.get_prep_value() for child in value], sort_keys=True, default=str)


def ensure_module(module, catalogue, images, signal_pks, summary):
    """Create the module page, or publish a new revision when its content changed."""
    label = f"Module {module['slug']!r}"
    steps_raw = build_steps(module, images, signal_pks)
    validated_steps(module, steps_raw)
    sources_raw = build_sources(module)
    values = {
        "title": module["title"],
        "introduction": module["introduction"],
        "theme": Theme.objects.get(slug=module["theme"]),
        "audience": module["audience"],
        "estimated_minutes": module["estimated_minutes"],
        "pass_mark": module["pass_mark"],
        "learning_objectives": module["learning_objectives"],
        "reporting_routes": module["reporting_routes"],
        "image": images[module["image"]] if module.get("image") else None,
        "steps": steps_raw,
        "sources": sources_raw,
    }
    page = ModulePage.objects.child_of(catalogue).filter(slug=module["slug"]).first()
    if page is None:
        return _create(catalogue, ModulePage(slug=module["slug"], **values), summary, label)
    steps_block = ModulePage._meta.get_field("steps").stream_block
    sources_block = ModulePage._meta.get_field("sources").stream_block

    def same_streams(page):
        return _normalised(steps_block, page.steps.get_prep_value()) == _normalised(
            steps_block, steps_raw
        ) and _normalised(sources_block, page.sources.get_prep_value()) == _normalised(
            sources_block, sources_raw
        )

    return _update(page, values, summary, label, same=same_streams)


# -- organisations -----------------------------------------------------------------------------


def ensure_organisations(summary):
    """The demo tree (``organisations.TREE``), each node found again by its slug and renamed in
    place. Returns {slug: Organisation}, read after all additions: with ``node_order_by`` adding
    a node can move its siblings' paths, so no node object is kept across an addition."""
    slugs = []
    for parent_slug, slug, name, kind in organisations.iter_tree():
        slugs.append(slug)
        node = Organisation.objects.filter(slug=slug).first()
        if node is None:
            if parent_slug is None:
                Organisation.add_root(name=name, slug=slug, kind=kind)
            else:
                Organisation.objects.get(slug=parent_slug).add_child(
                    name=name, slug=slug, kind=kind
                )
            summary.organisations_created.append(name)
        elif (node.name, node.kind) != (name, kind):
            node.name, node.kind = name, kind
            node.save(update_fields=["name", "kind"])
    nodes = {node.slug: node for node in Organisation.objects.filter(slug__in=slugs)}
    summary.organisations = len(nodes)
    return nodes


# -- people ------------------------------------------------------------------------------------

# username, first name, last name, profile function, role (learner, trainer, manager, hr,
# coordinator or admin). Where they work: ``organisations.ACCOUNT_PLACES``.
DEMO_USERS = [
    ("boa", "Ruud", "van den Heuvel", "boa", "learner"),
    ("ambtenaar", "Ingrid", "Smulders", "policy_officer", "learner"),
    ("mt", "Marieke", "van der Linden", "mt_member", "learner"),
    ("manager", "Hanneke", "Roelofs", "other", "manager"),
    ("hr", "Monique", "Aarts", "other", "hr"),
    ("coordinator", "Frank", "de Laat", "other", "coordinator"),
    ("trainer", "Joris", "Verhoeven", "other", "trainer"),
    ("admin", "Anouk", "Bakker", "other", "admin"),
]
ROLE_LABELS = {
    "boa": "leerling, boa (Oisterwijk, Team Toezicht en Handhaving)",
    "ambtenaar": "leerling, beleidsmedewerker (Oisterwijk, Team OOV)",
    "mt": "leerling, lid managementteam (Bernheze)",
    "manager": "manager van de twee teams van Gemeente Oisterwijk",
    "hr": "HR van Gemeente Bernheze: import en export op /admin/",
    "coordinator": "programmacoördinator (provincie): alleen totalen",
    "trainer": "trainer (groep Trainers), beheer op /admin/",
    "admin": "platformbeheerder (superuser)",
}
ROLE_GROUPS = {
    "learner": LEARNERS,
    "trainer": TRAINERS,
    "manager": MANAGERS,
    "hr": HR,
    "coordinator": COORDINATORS,
}


class DemoPassword:
    """The demo password, hashed once per run: hashing is slow on purpose, and hashing it again
    for each of some fifty new accounts would take many seconds."""

    def __init__(self):
        self._hash = None

    def set_on(self, user):
        if self._hash is None:
            self._hash = make_password(DEMO_PASSWORD)
        user.password = self._hash


def ensure_users(groups, nodes, summary, password=None):
    """The demo accounts, found by username and updated in place. The password is set only when
    an account is created, so a password changed while trying the demo survives a re-run."""
    password = password or DemoPassword()
    user_model = get_user_model()
    users = {}
    for username, first_name, last_name, function, role in DEMO_USERS:
        user, created = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first_name, last_name
        user.email = f"{username}@demo.example"
        user.is_staff = user.is_superuser = role == "admin"
        user.is_active = True
        if created:
            password.set_on(user)
            summary.users_created.append(username)
        user.save()
        profile = {"function": function}
        if username in organisations.ACCOUNT_PLACES:
            slug, employee_number = organisations.ACCOUNT_PLACES[username]
            profile.update(organisation=nodes[slug], employee_number=employee_number, active=True)
        Profile.objects.update_or_create(user=user, defaults=profile)
        if role in ROLE_GROUPS:
            user.groups.add(groups[ROLE_GROUPS[role]])
        users[username] = user
    for username, slugs in organisations.MANAGED.items():
        users[username].managed_organisations.add(*[nodes[slug] for slug in slugs])
    return users


def ensure_people(groups, nodes, summary, password=None):
    """The forty-odd learners of ``organisations.PEOPLE``, found by username and updated in
    place, with a profile in their team; a few queries for all of them, plus one per change."""
    password = password or DemoPassword()
    user_model = get_user_model()
    people = list(organisations.iter_people())
    existing = {
        user.username: user
        for user in user_model.objects.filter(username__in=[person[0] for person in people])
    }
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.filter(user__in=list(existing.values()))
    }
    learners = []
    for username, first_name, last_name, function, number, active, team, _history in people:
        values = {
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo.example",
            "is_active": active,
        }
        user = existing.get(username)
        if user is None:
            user = user_model(username=username, **values)
            password.set_on(user)
            user.save()
            summary.people_created.append(username)
        elif any(getattr(user, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(user, name, value)
            user.save(update_fields=list(values))
        wanted = {
            "organisation_id": nodes[team].pk,
            "function": function,
            "employee_number": number,
            "active": active,
        }
        profile = profiles.get(user.pk)
        if profile is None:
            Profile.objects.create(user=user, **wanted)
        elif any(getattr(profile, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(profile, name, value)
            profile.save(update_fields=[name.removesuffix("_id") for name in wanted])
        learners.append(user)
    groups[LEARNERS].user_set.add(*learners)
    summary.people = Profile.objects.filter(organisation__in=list(nodes.values())).count()
    return {user.username: user for user in learners}


def ensure_assignments(pages_by_slug, nodes, summary):
    """The assignments of ``organisations.ASSIGNMENTS``, found again by module, node and
    function; their due dates are set relative to today on every run."""
    today = timezone.localdate()
    for module_slug, node_slug, function, due_in_days, validity in organisations.ASSIGNMENTS:
        page = pages_by_slug.get(module_slug)
        if page is None:
            summary.skipped.append(f"assignment to {node_slug}: no demo module {module_slug!r}")
            continue
        node = nodes[node_slug]
        values = {"due_date": today + timedelta(days=due_in_days), "validity_months": validity}
        assignment = (
            Assignment.objects.filter(module=page, organisation=node, function=function)
            .order_by("pk")
            .first()
        )
        if assignment is None:
            Assignment.objects.create(module=page, organisation=node, function=function, **values)
            summary.assignments_created.append(f"{page.title} → {node.name}")
        elif any(getattr(assignment, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(assignment, name, value)
            assignment.save(update_fields=list(values))
        summary.assignments += 1


# -- training history --------------------------------------------------------------------------

# Who took which module (found by its theme, so a module file may still be missing), how it went,
# and how many days ago: "pass", "fail", or "progress" (stopped after reading three steps).
DEMO_HISTORY = [
    ("boa", "leegstand-en-drugsafval", [("pass", 12)]),
    ("boa", "vakantieparken", [("progress", 2)]),
    ("ambtenaar", "benadering-ondernemers", [("fail", 20), ("pass", 18)]),
    ("mt", "bestuurlijke-weerbaarheid", [("pass", 7)]),
]
PROGRESS_STEPS = 3  # an attempt in progress resumes at step 4


def _choice(step, good):
    """Option ids a learner who knows (``good``) or does not know the answer would choose."""
    if step.block_type == "ordering":
        order = scoring.correct_order(step.value)
        return order if good else order[::-1]
    if step.block_type == "hotspot":
        regions = list(step.value["regions"].bound_blocks)
        kind = "signal" if good else "ordinary"
        chosen = [f"r:{child.id}" for child in regions if child.value["kind"] == kind]
        return chosen if good else chosen[:1]
    options = list(step.value["options"].bound_blocks)
    if step.block_type == "decision":
        points = [child.value["points"] for child in options]
        target = max(points) if good else min(points)
        return [next(child.id for child in options if child.value["points"] == target)]
    if good:
        return [child.id for child in options if child.value["correct"]]
    return [next(child.id for child in options if not child.value["correct"])]


def _answers(steps, pass_mark, passing):
    """Answers per scored step index. A failing learner knows the first few answers and then
    goes wrong: the most answers right that still stay under the pass mark."""
    scored = [step for step in steps if services.is_scored(step)]
    for known in range(len(scored), -1, -1):
        answers = {
            step.id: _choice(step, good=position < known) for position, step in enumerate(scored)
        }
        if passing:
            return answers
        judged = [scoring.score(step.block_type, step.value, answers[step.id]) for step in scored]
        score = scoring.percentage(sum(j.points for j in judged), sum(j.max_points for j in judged))
        if score < pass_mark:
            return answers
    raise DemoContentError("No failing set of answers exists for this module.")


def _take(user, page, outcome, days_ago):
    attempt, _created = services.start_attempt(user, page)
    content = services.attempt_content(attempt)
    steps = content.steps
    answers = _answers(steps, content.pass_mark, passing=outcome != "fail")
    last = PROGRESS_STEPS if outcome == "progress" else len(steps)
    index = 0
    while index < last:  # along the learner's path: a decision may lead to a branch scene
        step = services.step_at(attempt, index)
        response = None
        if step.id in answers:
            response, _created = services.record_response(attempt, index, answers[step.id])
        if services.next_on_path(attempt, index, response) is None:
            break
        services.continue_after(attempt, index)
        index += 1
    if outcome != "progress":
        attempt = services.finish_attempt(attempt)
    # Spread the history over the past weeks, then derive the completion again from it.
    finished = timezone.now() - timedelta(days=days_ago)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=finished - timedelta(minutes=18),
        finished_at=finished if outcome != "progress" else None,
    )
    attempt.responses.update(answered_at=finished - timedelta(minutes=5))
    services.update_completion(user, page)
    if outcome not in ("fail", "progress"):
        # The certificate of the pass carries the backdated day, and a validity from it.
        attempt.refresh_from_db()
        certificate_services.redate_certificate(attempt)
    return attempt


def ensure_history(users, pages_by_theme, summary):
    """Demo attempts through the training services, only for a learner who has not taken that
    module yet; a module that is not in the demo (yet) is skipped."""
    for username, theme_slug, runs in DEMO_HISTORY:
        page = pages_by_theme.get(theme_slug)
        if page is None:
            summary.skipped.append(f"{username}: no demo module on theme {theme_slug!r}")
            continue
        page = ModulePage.objects.get(pk=page.pk)  # with the live revision just published
        user = users[username]
        if Attempt.objects.filter(learner=user, module=page).exists():
            continue
        for outcome, days_ago in runs:
            _take(user, page, outcome, days_ago)
            summary.attempts_created.append(f"{username}: {page.title} ({outcome})")


def ensure_people_history(people, pages_by_slug, summary):
    """The history of each learner in ``organisations.PEOPLE``, through the training services
    and backdated like ``ensure_history``; only for a module the person has no attempt on yet."""
    pages = {slug: ModulePage.objects.get(pk=page.pk) for slug, page in pages_by_slug.items()}
    taken = set(
        Attempt.objects.filter(learner__in=list(people.values())).values_list(
            "learner_id", "module_id"
        )
    )
    missing = set()
    for username, *_person, history in organisations.iter_people():
        user = people[username]
        runs_by_module = {}
        for module_slug, outcome, days_ago in history:
            runs_by_module.setdefault(module_slug, []).append((outcome, days_ago))
        for module_slug, runs in runs_by_module.items():
            page = pages.get(module_slug)
            if page is None:
                missing.add(module_slug)
                continue
            if (user.pk, page.pk) in taken:
                continue
            for outcome, days_ago in runs:
                _take(user, page, outcome, days_ago)
                summary.people_attempts_created += 1
    for module_slug in sorted(missing):
        summary.skipped.append(f"history of the demo learners: no demo module {module_slug!r}")


# A fixed verification code for the certificate of ``boa``, so that the README can name a
# verification address (/verify/DEMO-BOAA-2026/). Real certificates get random codes.
DEMO_CERTIFICATE = ("boa", "DEMO-BOAA-2026")


def ensure_certificates(users, summary):
    """A certificate for every passed demo attempt (also for a demo loaded before certificates
    existed), and the fixed demo code on the latest certificate of ``boa``."""
    summary.certificates_issued = certificate_services.issue_missing()
    username, code = DEMO_CERTIFICATE
    if username not in users or Certificate.objects.filter(code=code).exists():
        return
    latest = Certificate.objects.filter(learner=users[username]).first()  # newest first
    if latest is not None:
        latest.code = code
        latest.save(update_fields=["code"])


# -- all of it ---------------------------------------------------------------------------------


def load_demo(modules=None):
    """Load or refresh the whole demo in one transaction; returns a Summary."""
    if modules is None:
        from .modules import MODULES

        modules = MODULES
    slugs = [module["slug"] for module in modules]
    if len(set(slugs)) != len(slugs):
        raise DemoContentError(f"Two demo modules share a slug: {slugs}")
    summary = Summary()
    with transaction.atomic():
        signal_pks = load_taxonomy(summary)
        images = load_images(summary)
        catalogue = ensure_site(summary)
        pages_by_theme, pages_by_slug = {}, {}
        for module in modules:
            page = ensure_module(module, catalogue, images, signal_pks, summary)
            pages_by_theme.setdefault(module["theme"], page)
            pages_by_slug[module["slug"]] = page
        groups = ensure_groups(catalogue)
        nodes = ensure_organisations(summary)
        password = DemoPassword()
        users = ensure_users(groups, nodes, summary, password)
        people = ensure_people(groups, nodes, summary, password)
        # Assignments before any attempt: they decide which modules a learner may start.
        ensure_assignments(pages_by_slug, nodes, summary)
        ensure_history(users, pages_by_theme, summary)
        ensure_people_history(people, pages_by_slug, summary)
        ensure_certificates(users, summary)
    summary.catalogue = catalogue
    summary.modules = [pages_by_theme[t] for t in dict.fromkeys(m["theme"] for m in modules)]
    return summary
