"""Turn the demo content (``demo/data.py`` reads it from ``demo/content``) into rows: taxonomy,
illustrations, home page and catalogue, modules, organisations, people, assignments and a
training history.

Everything here is re-runnable: rows are found again by slug, title or username and updated in
place; modules are imported with ``scenarios.exchange`` as any module file is, so their ids are
derived from the module's slug and each step's key under the site's secret key, and a module
whose content did not change gets no new revision. ``manage.py load_demo`` only calls
``load_demo()`` and prints its summary.
"""

import hashlib
import io
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
from wagtail.images.models import Image
from wagtail.models import Page, Site

from certificates import services as certificate_services
from certificates.models import Certificate
from cms.models import HomePage
from people.models import Assignment, Organisation, Profile
from people.names import split_infix
from people.roles import COORDINATORS, HR, LEARNERS, MANAGERS, TRAINERS, ensure_groups
from records.insight import refresh as insight_refresh
from scan import services as scan_services
from scan.models import ScanPage, ScanRound
from scenarios import exchange, scoring
from scenarios.models import ModuleCatalogue, ModulePage, Signal, Theme
from training import services
from training.models import Attempt

from . import data, illustrations

# The one password of every demo account. It lives here and nowhere else (never in settings);
# the README names it so that people trying the demo can log in.
DEMO_PASSWORD = "Weerbaar-demo-2026"  # noqa: S105 - a published demo password, on purpose


class DemoContentError(Exception):
    """Demo content that the platform refuses; the message names the module and the step."""


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
    # Attempts of the demo learners (``people`` in organisations.toml): counted, not listed.
    people_attempts_created: int = 0
    # The anonymous cohorts of insight.toml: learners and attempts made, and the insight refresh.
    cohort_learners_created: int = 0
    cohort_attempts_created: int = 0
    insight_outcomes: int = 0
    certificates_issued: int = 0
    # The resilience scan: its rounds made on this run (organisation names).
    scan_rounds_created: list = field(default_factory=list)


# -- taxonomy ----------------------------------------------------------------------------------


def load_taxonomy(summary):
    """Themes by slug and signals by (theme, name); returns {signal key: Signal pk}."""
    taxonomy = data.taxonomy()
    themes = {}
    for slug, theme_data in taxonomy["themes"].items():
        themes[slug], _created = Theme.objects.update_or_create(
            slug=slug,
            defaults={"name": theme_data["name"], "description": theme_data["description"]},
        )
        summary.themes += 1
    signal_pks = {}
    for key, signal_data in taxonomy["signals"].items():
        if signal_data["theme"] not in themes:
            raise DemoContentError(f"Signal {key!r}: unknown theme {signal_data['theme']!r}.")
        signal, created = Signal.objects.get_or_create(
            theme=themes[signal_data["theme"]], name=signal_data["name"]
        )
        summary.signals_created += created
        signal_pks[key] = signal.pk
    return signal_pks


# -- images ------------------------------------------------------------------------------------


def _store_file(image, key, png):
    image.file = ImageFile(io.BytesIO(png), name=f"demo-{key}.png")
    image.file_size = len(png)
    image.file_hash = hashlib.sha1(png, usedforsecurity=False).hexdigest()


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
        png = illustrations.render(key)
        digest = hashlib.sha1(png, usedforsecurity=False).hexdigest()
        image = Image.objects.filter(title=illustration.title).order_by("pk").first()
        if image is None:
            image = Image(title=illustration.title, description=illustration.alt_text)
            _store_file(image, key, png)
            _validate_image(image, key)
            image.save()
            summary.images_created.append(illustration.title)
        else:
            changed = False
            if image.get_file_hash() != digest:
                image.renditions.all().delete()
                image.file.delete(save=False)
                _store_file(image, key, png)
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


# -- modules -----------------------------------------------------------------------------------


class DemoLibrary(exchange.Library):
    """The keys inside the demo's module files: illustrations (drawn in code, not files next to
    the module) and the signals of ``taxonomy.toml``."""

    def __init__(self, images, signal_pks):
        self.images = images
        self.signal_pks = signal_pks

    def image(self, key):
        if key not in self.images:
            raise exchange.ExchangeError(f"unknown illustration {key!r}")
        return self.images[key]

    def signal(self, key):
        if key not in self.signal_pks:
            raise exchange.ExchangeError(f"unknown signal key {key!r}")
        return self.signal_pks[key]


def ensure_module(module, catalogue, library, summary):
    """Create the module page, or publish a new revision when its content changed."""
    label = f"Module {module['slug']!r}"
    try:
        result = exchange.import_module(module, library, catalogue)
    except exchange.ExchangeError as error:
        raise DemoContentError(str(error)) from error
    if result.created:
        summary.pages_created.append(label)
    elif result.published:
        summary.pages_published.append(label)
    else:
        summary.pages_unchanged.append(label)
    return result.page


# -- pages -------------------------------------------------------------------------------------


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
    home_values = data.site()["home"]
    catalogue_values = data.site()["catalogue"]
    if home is None:
        home = _create(
            root, HomePage(slug="weerbaar-buitengebied", **home_values), summary, "Home page"
        )
    else:
        home = _update(home, home_values, summary, "Home page")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=home_values["title"],
        )
    elif site.root_page_id != home.pk or site.site_name != home_values["title"]:
        site.root_page = home
        site.site_name = home_values["title"]
        site.save()

    # Wagtail's "Welcome to your new Wagtail site!": a plain Page at depth 2 made by its
    # migrations. Removed once nothing points at it and nothing was built under it.
    plain = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain):
        if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
            page.delete()
            summary.welcome_page_removed = True

    slug = catalogue_values["slug"]
    catalogue = ModuleCatalogue.objects.child_of(home).filter(slug=slug).first()
    values = {"title": catalogue_values["title"], "introduction": catalogue_values["introduction"]}
    if catalogue is None:
        catalogue = _create(home, ModuleCatalogue(slug=slug, **values), summary, "Catalogue")
    else:
        catalogue = _update(catalogue, values, summary, "Catalogue")
    return catalogue


# -- organisations -----------------------------------------------------------------------------


def ensure_organisations(summary):
    """The demo tree (``organisations.toml``), each node found again by its slug and renamed in
    place. Returns {slug: Organisation}, read after all additions: with ``node_order_by`` adding
    a node can move its siblings' paths, so no node object is kept across an addition."""
    slugs = []
    for node_data in data.organisations()["organisations"]:
        slug, name, kind = node_data["slug"], node_data["name"], node_data["kind"]
        slugs.append(slug)
        node = Organisation.objects.filter(slug=slug).first()
        if node is None:
            parent_slug = node_data.get("parent")
            if parent_slug is None:
                Organisation.add_root(name=name, slug=slug, kind=kind)
            else:
                parent = Organisation.objects.filter(slug=parent_slug).first()
                if parent is None:
                    raise DemoContentError(
                        f"Organisation {slug!r}: its parent {parent_slug!r} must come first."
                    )
                parent.add_child(name=name, slug=slug, kind=kind)
            summary.organisations_created.append(name)
        elif (node.name, node.kind) != (name, kind):
            node.name, node.kind = name, kind
            node.save(update_fields=["name", "kind"])
    nodes = {node.slug: node for node in Organisation.objects.filter(slug__in=slugs)}
    summary.organisations = len(nodes)
    return nodes


# -- people ------------------------------------------------------------------------------------

ROLE_GROUPS = {
    "learner": LEARNERS,
    "trainer": TRAINERS,
    "manager": MANAGERS,
    "hr": HR,
    "coordinator": COORDINATORS,
}


def demo_accounts():
    """The named demo accounts of ``organisations.toml``, one per role to try."""
    return data.organisations()["accounts"]


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
    for account in demo_accounts():
        username, role = account["username"], account["role"]
        user, created = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = account["first_name"], account["last_name"]
        user.email = f"{username}@demo.example"
        user.is_staff = user.is_superuser = role == "admin"
        user.is_active = True
        if created:
            password.set_on(user)
            summary.users_created.append(username)
        user.save()
        profile = {"function": account["function"], "infix": split_infix(user.last_name)[0]}
        if "organisation" in account:
            profile.update(
                organisation=nodes[account["organisation"]],
                employee_number=account["employee_number"],
                active=True,
            )
        Profile.objects.update_or_create(user=user, defaults=profile)
        if role in ROLE_GROUPS:
            user.groups.add(groups[ROLE_GROUPS[role]])
        users[username] = user
    for account in demo_accounts():
        if account.get("manages"):
            users[account["username"]].managed_organisations.add(
                *[nodes[slug] for slug in account["manages"]]
            )
    return users


def ensure_people(groups, nodes, summary, password=None):
    """The forty-odd demo learners (``people`` in organisations.toml), found by username and
    updated in place, with a profile in their team; a few queries for all of them, plus one per
    change."""
    password = password or DemoPassword()
    user_model = get_user_model()
    people = data.people()
    existing = {
        user.username: user
        for user in user_model.objects.filter(username__in=[person.username for person in people])
    }
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.filter(user__in=list(existing.values()))
    }
    learners = []
    for person in people:
        values = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": f"{person.username}@demo.example",
            "is_active": person.active,
        }
        user = existing.get(person.username)
        if user is None:
            user = user_model(username=person.username, **values)
            password.set_on(user)
            user.save()
            summary.people_created.append(person.username)
        elif any(getattr(user, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(user, name, value)
            user.save(update_fields=list(values))
        wanted = {
            "organisation_id": nodes[person.team].pk,
            "function": person.function,
            "employee_number": person.employee_number,
            "active": person.active,
            "infix": split_infix(person.last_name)[0],
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
    """The assignments of organisations.toml, found again by module, node and function; their
    due dates are set relative to today on every run."""
    today = timezone.localdate()
    for entry in data.organisations()["assignments"]:
        module_slug, node_slug = entry["module"], entry["organisation"]
        function, due_in_days = entry.get("function", ""), entry["due_in_days"]
        validity = entry["validity_months"]
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

PROGRESS_STEPS = 3  # an attempt in progress resumes at step 4


def _answers(steps, pass_mark, passing):
    """Answers per scored step index. A failing learner knows the first few answers and then
    goes wrong: the most answers right that still stay under the pass mark."""
    scored = [step for step in steps if services.is_scored(step)]
    for known in range(len(scored), -1, -1):
        answers = {
            step.id: step.block.example_answer(step.value, good=position < known)
            for position, step in enumerate(scored)
        }
        if passing:
            return answers
        judged = [step.block.score(step.value, answers[step.id]) for step in scored]
        score = scoring.percentage(sum(j.points for j in judged), sum(j.max_points for j in judged))
        if score < pass_mark:
            return answers
    raise DemoContentError("No failing set of answers exists for this module.")


def _take(user, page, outcome, days_ago, choose=None):
    """One attempt through the training services, backdated. ``choose(step)``: the answer to
    a scored step (default: a passing or failing set of answers, by ``outcome``)."""
    attempt, _created = services.start_attempt(user, page)
    content = services.attempt_content(attempt)
    steps = content.steps
    if choose is not None:
        answers = {step.id: choose(step) for step in steps if services.is_scored(step)}
        outcome = "cohort"
    else:
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
    attempt.refresh_from_db()
    if outcome not in ("fail", "progress") and attempt.passed:
        # The certificate of the pass carries the backdated day, and a validity from it.
        certificate_services.redate_certificate(attempt)
    return attempt


def ensure_history(users, pages_by_slug, summary):
    """The history of the demo accounts, through the training services (see ``_take``), only
    for a module the account has not taken yet; a module that is not in the demo is skipped."""
    for account in demo_accounts():
        user = users[account["username"]]
        for module_slug, runs in _runs_by_module(account.get("history", [])).items():
            page = pages_by_slug.get(module_slug)
            if page is None:
                summary.skipped.append(f"{user.username}: no demo module {module_slug!r}")
                continue
            page = ModulePage.objects.get(pk=page.pk)  # with the live revision just published
            if Attempt.objects.filter(learner=user, module=page).exists():
                continue
            for outcome, days_ago in runs:
                _take(user, page, outcome, days_ago)
                summary.attempts_created.append(f"{user.username}: {page.title} ({outcome})")


def _runs_by_module(history):
    runs = {}
    for entry in history:
        runs.setdefault(entry["module"], []).append((entry["outcome"], entry["days_ago"]))
    return runs


def ensure_people_history(people, pages_by_slug, summary):
    """The history of each demo learner, through the training services and backdated like
    ``ensure_history``; only for a module the person has no attempt on yet."""
    pages = {slug: ModulePage.objects.get(pk=page.pk) for slug, page in pages_by_slug.items()}
    taken = set(
        Attempt.objects.filter(learner__in=list(people.values())).values_list(
            "learner_id", "module_id"
        )
    )
    missing = set()
    for person in data.people():
        user = people[person.username]
        for module_slug, runs in _runs_by_module(person.history).items():
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


def _draw(*parts):
    """A number in [0, 1) from the parts only: the same demo gives the same answers."""
    digest = hashlib.sha256(":".join(str(part) for part in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _cohort_chooser(username, run, shares, default, signal_keys):
    """``choose(step)`` for one cohort learner's run: right when the draw is under the smallest
    share of the signals the step tests (``default`` for a step without them)."""
    from scenarios import signal_tags

    def choose(step):
        raw = {"type": step.block_type, "value": step.block.get_prep_value(step.value)}
        tested = signal_tags.tested_signals(raw)
        share = min(
            (shares.get(signal_keys.get(signal), default) for signal in tested), default=default
        )
        good = _draw(username, step.id, run) < share
        return step.block.example_answer(step.value, good=good)

    return choose


def ensure_insight_cohorts(groups, nodes, pages_by_slug, signal_pks, summary, password):
    """The anonymous learners of ``insight.toml`` and their answers (only for a learner who
    has no attempt on the cohort's module yet), so the signal insight has something to show."""
    cohorts = data.insight_cohorts()
    default = cohorts.get("default_share", 0.85)
    signal_keys = {pk: key for key, pk in signal_pks.items()}
    user_model = get_user_model()
    for cohort in cohorts.get("cohorts", []):
        page = pages_by_slug.get(cohort["module"])
        if page is None:
            summary.skipped.append(f"insight cohort {cohort['prefix']}: no demo module")
            continue
        page = ModulePage.objects.get(pk=page.pk)
        for number in range(1, cohort["count"] + 1):
            username = f"{cohort['prefix']}-{number:02d}"
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model(
                    username=username,
                    first_name="Deelnemer",
                    last_name=f"{cohort['prefix']} {number}",
                    email=f"{username}@demo.example",
                )
                password.set_on(user)
                user.save()
                summary.cohort_learners_created += 1
            Profile.objects.update_or_create(
                user=user,
                defaults={
                    "organisation": nodes[cohort["team"]],
                    "function": cohort["function"],
                    "employee_number": f"IC-{username}".upper(),
                },
            )
            groups[LEARNERS].user_set.add(user)
            if Attempt.objects.filter(learner=user, module=page).exists():
                continue
            runs = [(cohort["first_days_ago"], cohort.get("first", {}))]
            if "retake_days_ago" in cohort and _draw(username, "retake") < cohort.get(
                "retake_share", 1
            ):
                runs.append((cohort["retake_days_ago"], cohort.get("later", {})))
            for run, (days_ago, shares) in enumerate(runs):
                choose = _cohort_chooser(username, run, shares, default, signal_keys)
                _take(user, page, "cohort", days_ago + _draw(username, run) * 20, choose)
                summary.cohort_attempts_created += 1


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


# -- the resilience scan -----------------------------------------------------------------------


def scan_block_id(slug, key):
    """A block id of the demo scan, the same on every run, derived from the scan's and the
    item's keys. Nothing to hide here (a scan has no answer key), so a plain name-based UUID."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"weerbaar-buitengebied/scan/{slug}/{key}"))


def _scan_themes(scan_data):
    """The scan's themes as StreamField data, with stable ids."""
    slug = scan_data["slug"]
    themes = []
    for theme in scan_data["themes"]:
        statements = []
        for statement in theme["statements"]:
            levels = statement["levels"]
            if len(levels) != 4:
                raise DemoContentError(
                    f"Scan statement {statement['key']!r}: give four level descriptions."
                )
            value = {"text": statement["text"]}
            value.update({f"level_{n}": text for n, text in enumerate(levels, start=1)})
            statements.append(
                {"type": "item", "id": scan_block_id(slug, statement["key"]), "value": value}
            )
        advice = [
            {
                "type": "item",
                "id": scan_block_id(slug, item["key"]),
                "value": {
                    "title": item["title"],
                    "text": item["text"].strip(),
                    "sources": [
                        {
                            "type": "item",
                            "id": scan_block_id(slug, f"{item['key']}/source/{number}"),
                            "value": {
                                "title": source["title"],
                                "publisher": source.get("publisher", ""),
                                "url": source.get("url", ""),
                            },
                        }
                        for number, source in enumerate(item["sources"])
                    ],
                },
            }
            for item in theme["advice"]
        ]
        themes.append(
            {
                "type": "theme",
                "id": scan_block_id(slug, theme["key"]),
                "value": {
                    "title": theme["title"],
                    "introduction": theme.get("introduction", ""),
                    "statements": statements,
                    "advice": advice,
                },
            }
        )
    return themes


def _scan_sources(scan_data):
    return [
        {
            "type": "source",
            "id": scan_block_id(scan_data["slug"], f"source/{number}"),
            "value": {
                "title": source["title"],
                "publisher": source.get("publisher", ""),
                "url": source.get("url", ""),
            },
        }
        for number, source in enumerate(scan_data.get("sources", []))
    ]


def _stream_json(page, name):
    field_value = getattr(page, name)
    return field_value.stream_block.get_prep_value(field_value)


def ensure_scan(catalogue, summary):
    """The resilience scan page in the catalogue, republished only when its content changed."""
    scan_data = data.scan()
    label = f"Scan {scan_data['slug']!r}"
    values = {
        "title": scan_data["title"],
        "introduction": scan_data["introduction"].strip(),
        "advice_below": scan_data.get("advice_below", 3),
        "themes": _scan_themes(scan_data),
        "sources": _scan_sources(scan_data),
    }
    scan = ScanPage.objects.child_of(catalogue).filter(slug=scan_data["slug"]).first()
    if scan is None:
        scan = _create(catalogue, ScanPage(slug=scan_data["slug"], **values), summary, label)
        scan.refresh_from_db()  # published through a copy: read its live revision
        return scan
    wanted = ScanPage(**values)
    unchanged = (
        scan.title == values["title"]
        and scan.introduction == values["introduction"]
        and float(scan.advice_below) == float(values["advice_below"])
        and all(
            _stream_json(scan, name) == _stream_json(wanted, name) for name in ("themes", "sources")
        )
    )
    if unchanged:
        summary.pages_unchanged.append(label)
        return scan
    for name, value in values.items():
        setattr(scan, name, value)
    _publish(scan, summary, label)
    scan.refresh_from_db()
    return scan


def ensure_scan_rounds(scan, nodes, users, summary):
    """One filled-in, closed round per organisation in ``scan.toml``, found again by its title:
    a round that exists is left as it is (its answers are never added twice)."""
    scan_data = data.scan()
    themes = {theme["key"]: theme for theme in scan_data["themes"]}
    coordinator = users.get("coordinator")
    for round_data in scan_data.get("rounds", []):
        organisation = nodes.get(round_data["organisation"])
        if organisation is None:
            raise DemoContentError(
                f"Scan round: unknown organisation {round_data['organisation']!r}"
            )
        if ScanRound.objects.filter(
            scan=scan, organisation=organisation, title=round_data["title"]
        ).exists():
            continue
        scan_round = ScanRound.objects.create(
            scan=scan,
            revision=scan.live_revision,
            organisation=organisation,
            title=round_data["title"],
            created_by=coordinator,
        )
        for number, respondent in enumerate(round_data["respondents"], start=1):
            answers = {}
            for key, theme in themes.items():
                levels = respondent.get(key, [])
                if len(levels) != len(theme["statements"]):
                    raise DemoContentError(
                        f"Scan round {round_data['title']!r}, respondent {number}: theme {key!r} "
                        f"needs {len(theme['statements'])} levels."
                    )
                for statement, level in zip(theme["statements"], levels, strict=True):
                    answers[f"s-{scan_block_id(scan_data['slug'], statement['key'])}"] = str(level)
            try:
                scan_services.submit(scan_round, uuid.uuid4(), answers)
            except scan_services.ScanError as error:
                raise DemoContentError(
                    f"Scan round {round_data['title']!r}, respondent {number}: {error.message}"
                ) from error
        if round_data.get("closed", True):
            scan_services.close_round(scan_round)
        summary.scan_rounds_created.append(organisation.name)


# -- all of it ---------------------------------------------------------------------------------


def load_demo(modules=None):
    """Load or refresh the whole demo in one transaction; returns a Summary. ``modules``: the
    module files' data (default: every file in ``demo/content/modules``)."""
    if modules is None:
        modules = data.modules()
    slugs = [module["slug"] for module in modules]
    if len(set(slugs)) != len(slugs):
        raise DemoContentError(f"Two demo modules share a slug: {slugs}")
    summary = Summary()
    with transaction.atomic():
        signal_pks = load_taxonomy(summary)
        images = load_images(summary)
        catalogue = ensure_site(summary)
        library = DemoLibrary(images, signal_pks)
        pages_by_slug = {}
        for module in modules:
            pages_by_slug[module["slug"]] = ensure_module(module, catalogue, library, summary)
        groups = ensure_groups(catalogue)
        nodes = ensure_organisations(summary)
        password = DemoPassword()
        users = ensure_users(groups, nodes, summary, password)
        people = ensure_people(groups, nodes, summary, password)
        # Assignments before any attempt: they decide which modules a learner may start.
        ensure_assignments(pages_by_slug, nodes, summary)
        ensure_history(users, pages_by_slug, summary)
        ensure_people_history(people, pages_by_slug, summary)
        ensure_insight_cohorts(groups, nodes, pages_by_slug, signal_pks, summary, password)
        ensure_certificates(users, summary)
        scan = ensure_scan(catalogue, summary)
        ensure_scan_rounds(scan, nodes, users, summary)
        # The coordinators' signal insight, from everything above (the task worker keeps it
        # fresh afterwards).
        summary.insight_outcomes = insight_refresh.refresh().outcomes
    summary.catalogue = catalogue
    summary.scan = scan
    summary.modules = list(pages_by_slug.values())
    return summary
