"""The demo (``manage.py load_demo``): re-runnable without duplicates, content that passes the
same validation a trainer's content gets, pages that are served, accounts that can log in.

The demo is loaded twice once for the whole file (drawing the illustrations takes seconds), inside
a transaction that is rolled back afterwards, so no other test sees it. Each test runs in a
savepoint inside that transaction.
"""

import copy
import uuid
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

from certificates.models import Certificate
from cms.models import HomePage
from demo import data
from demo.loader import DEMO_PASSWORD, DemoContentError, demo_accounts, load_demo
from people.models import Assignment, Organisation, Profile
from people.roles import COORDINATORS, HR, LEARNERS, MANAGERS, TRAINERS
from people.status import TrainingStatus, status_for_assignment
from scan import services as scan_services
from scan.models import ScanAnswer, ScanPage, ScanResponse, ScanRound
from scenarios.exchange import stable_id
from scenarios.models import ModuleCatalogue, ModulePage, Signal, Theme
from training import services
from training.models import Attempt, Completion, CompletionStatus, Response

from .factories import login_with_mfa

QUESTION_TYPES = {"single_choice", "multiple_choice"}
MODULES = data.modules()
BARNS = "leegstaande-schuren-en-drugsafval"


def option_ids():
    """Every id inside the steps of every live module: steps, options and signal items."""
    ids = {}
    for page in ModulePage.objects.order_by("path"):
        for step in page.steps:
            ids[step.id] = step.block_type
            if "options" in step.value:
                for option in step.value["options"].bound_blocks:
                    ids[option.id] = "option"
    return ids


def counts():
    module_revisions = {
        page.slug: Revision.objects.filter(object_id=str(page.pk)).count()
        for page in ModulePage.objects.all()
    }
    return {
        "pages": Page.objects.count(),
        "module_revisions": module_revisions,
        "all_revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "themes": Theme.objects.count(),
        "signals": Signal.objects.count(),
        "users": get_user_model().objects.count(),
        "attempts": Attempt.objects.count(),
        "responses": Response.objects.count(),
        "completions": Completion.objects.count(),
        "certificates": sorted(Certificate.objects.values_list("code", flat=True)),
        "organisations": Organisation.objects.count(),
        "organisation_paths": sorted(Organisation.objects.values_list("slug", "path")),
        "profiles": Profile.objects.count(),
        "employee_numbers": sorted(
            Profile.objects.exclude(employee_number=None).values_list("employee_number", flat=True)
        ),
        "assignments": Assignment.objects.count(),
        "managed": sorted(Organisation.managers.through.objects.values_list("pk", flat=True)),
        "memberships": get_user_model().groups.through.objects.count(),
        "scan_rounds": sorted(ScanRound.objects.values_list("organisation__slug", "title")),
        "scan_responses": ScanResponse.objects.count(),
        "scan_answers": ScanAnswer.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            first = {"counts": counts(), "ids": option_ids()}
            call_command("load_demo", verbosity=0)
            second = {"counts": counts(), "ids": option_ids()}
            yield {"first": first, "second": second}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def live_modules():
    return [page.specific for page in ModulePage.objects.live().order_by("path")]


# -- re-running --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_second_run_creates_no_duplicates_and_no_new_revisions(demo):
    first, second = demo["first"]["counts"], demo["second"]["counts"]
    assert first == second
    assert first["module_revisions"], "the demo made no modules"
    assert all(count == 1 for count in first["module_revisions"].values())
    assert first["attempts"] > 0 and first["completions"] > 0


@pytest.mark.django_db
def test_second_run_keeps_every_step_and_option_id(demo):
    assert demo["first"]["ids"] == demo["second"]["ids"]
    assert "option" in demo["first"]["ids"].values()


@pytest.mark.django_db
def test_ids_learners_see_are_keyed_with_the_sites_secret_and_carry_no_order(demo, settings):
    """Option ids are in every answer form. Made from public strings in order (``slug:key:
    option:0``) they would tell which option the trainer wrote first; keyed with the site's
    secret they are random to anyone without it, and still the same on every run here."""
    page = live_modules()[0]
    step = next(step for step in page.steps if step.block_type == "decision")
    module = next(module for module in MODULES if module["slug"] == page.slug)
    key = next(s["key"] for s in module["steps"] if s["type"] == "decision")
    shown = [option.id for option in step.value["options"].bound_blocks]
    public = uuid.UUID("6f1d2c1e-7a4b-5c8e-9a3f-2b4d6e8f0a1c")  # the namespace the demo used
    for index, option_id in enumerate(shown):
        assert option_id == stable_id(page.slug, key, "options", index)
        assert option_id != str(uuid.uuid5(public, f"{page.slug}:{key}:option:{index}"))
    settings.SECRET_KEY = "another-installation"  # noqa: S105
    assert stable_id(page.slug, key, "option", 0) != shown[0]


@pytest.mark.django_db
def test_changed_module_is_republished_once_with_the_same_ids(demo):
    changed = copy.deepcopy(MODULES)
    changed[0]["steps"][0]["heading"] += " (bijgewerkt)"
    before_ids = option_ids()
    page = ModulePage.objects.get(slug=changed[0]["slug"])
    before = Revision.objects.filter(object_id=str(page.pk)).count()

    load_demo(modules=changed)
    load_demo(modules=changed)

    page.refresh_from_db()
    assert Revision.objects.filter(object_id=str(page.pk)).count() == before + 1
    assert page.steps[0].value["heading"].endswith("(bijgewerkt)")
    assert option_ids() == before_ids


@pytest.mark.django_db
def test_every_demo_module_exports_and_imports_again_unchanged(demo, tmp_path):
    """The demo's files and ``export_module`` write the same format: what the demo made goes out
    with every id, image and signal, and comes back in as the same module."""
    for page in live_modules():
        folder = tmp_path / page.slug
        call_command("export_module", page.slug, "--output", str(folder), verbosity=0)
        before = Revision.objects.filter(object_id=str(page.pk)).count()
        call_command("import_module", str(folder), verbosity=0)
        assert Revision.objects.filter(object_id=str(page.pk)).count() == before, page.slug
        assert any((folder / "images").iterdir()), page.slug


@pytest.mark.django_db
def test_refused_content_names_the_module_and_the_step(demo):
    broken = copy.deepcopy(MODULES[0])
    question = next(step for step in broken["steps"] if step["type"] == "single_choice")
    for option in question["options"]:
        option["correct"] = False
    with pytest.raises(DemoContentError) as refused:
        load_demo(modules=[broken])
    assert broken["slug"] in str(refused.value)
    assert question["key"] in str(refused.value)


# -- the content -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_module_has_enough_steps_scenes_questions_and_sources(demo):
    modules = live_modules()
    assert len(modules) == len(MODULES)
    for module in modules:
        kinds = [step.block_type for step in module.steps]
        assert len(kinds) >= 8, module.slug
        scenes_then_decisions = sum(
            1
            for kind, following in zip(kinds, kinds[1:], strict=False)
            if kind == "scene" and following == "decision"
        )
        assert scenes_then_decisions >= 2, module.slug
        assert sum(kind in QUESTION_TYPES for kind in kinds) >= 4, module.slug
        assert any(kind == "multiple_choice" for kind in kinds), module.slug
        assert len(module.sources) > 0, module.slug
        assert "<ul>" in module.learning_objectives, module.slug


@pytest.mark.django_db
def test_every_image_has_alt_text(demo):
    for module in live_modules():
        assert module.image is not None, module.slug
        assert module.image.description.strip(), module.slug
        for step in module.steps:
            image = step.value.get("image") if step.block_type in ("scene", "information") else None
            if step.block_type == "scene":
                assert image is not None, f"{module.slug}: scene without image"
            if image is not None:
                assert not image.decorative, f"{module.slug}/{step.id}"
                assert (image.contextual_alt_text or "").strip(), f"{module.slug}/{step.id}"
    assert all(image.description.strip() for image in Image.objects.all())


@pytest.mark.django_db
def test_demo_content_passes_the_validation_trainers_get(demo):
    stream_block = ModulePage._meta.get_field("steps").stream_block
    for module in live_modules():
        stream_block.clean(module.steps)
        module.full_clean()
        for step in module.steps:
            if step.block_type == "decision":
                verdicts = {option["verdict"] for option in step.value["options"]}
                assert {"right", "wrong"} <= verdicts, f"{module.slug}/{step.id}"


# -- the site and the people -------------------------------------------------------------------


@pytest.mark.django_db
def test_home_page_replaces_the_welcome_page_as_site_root(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()
    catalogue = ModuleCatalogue.objects.get()
    assert catalogue.get_parent().pk == site.root_page_id and catalogue.live


@pytest.mark.django_db
def test_home_and_catalogue_are_served_with_the_modules(demo, client):
    assert client.get("/").status_code == 200
    assert client.login(username="admin", password=DEMO_PASSWORD)
    # A platform admin sees every page only after two-step verification (cms.mfa).
    assert client.get("/")["Location"] == "/account/2fa/totp/activate/"
    login_with_mfa(client, get_user_model().objects.get(username="admin"))
    home = client.get("/")
    assert home.status_code == 200 and "Weerbaar Buitengebied" in home.content.decode()
    catalogue = client.get("/modules/")
    assert catalogue.status_code == 200
    for module in live_modules():
        assert module.title in catalogue.content.decode()
        assert client.get(module.url).status_code == 200


@pytest.mark.django_db
def test_demo_accounts_log_in_with_the_demo_password(demo, client):
    users = get_user_model().objects
    for username in (account["username"] for account in demo_accounts()):
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()
    trainer = users.get(username="trainer")
    assert trainer.groups.filter(name=TRAINERS).exists()
    assert not trainer.is_staff and not trainer.is_superuser
    assert users.get(username="admin").is_superuser
    assert users.get(username="boa").profile.function == "boa"
    assert users.get(username="mt").profile.function == "mt_member"


def demo_module(theme_slug):
    return ModulePage.objects.filter(theme__slug=theme_slug).order_by("path").first()


@pytest.mark.django_db
def test_demo_learners_have_a_history(demo):
    users = get_user_model().objects
    boa = users.get(username="boa")
    barns = demo_module("leegstand-en-drugsafval")
    completion = Completion.objects.get(learner=boa, module=barns)
    assert completion.status == CompletionStatus.COMPLETED and completion.attempt_count == 1

    parks = demo_module("vakantieparken")
    if parks is not None:
        attempt = Attempt.objects.get(learner=boa, module=parks)
        assert attempt.finished_at is None and 2 <= attempt.reached_step <= 3

    farmers = demo_module("benadering-ondernemers")
    if farmers is not None:
        ambtenaar = users.get(username="ambtenaar")
        attempts = list(
            Attempt.objects.filter(learner=ambtenaar, module=farmers).order_by("started_at")
        )
        assert [a.passed for a in attempts] == [False, True]
        assert Completion.objects.get(learner=ambtenaar, module=farmers).status == "completed"

    management = demo_module("bestuurlijke-weerbaarheid")
    if management is not None:
        mt = users.get(username="mt")
        assert Completion.objects.get(learner=mt, module=management).status == "completed"


@pytest.mark.django_db
def test_every_demo_pass_has_one_certificate_dated_on_the_pass(demo):
    passed = Attempt.objects.filter(passed=True).select_related("certificate")
    assert passed.exists()
    for attempt in passed:
        assert attempt.certificate.issued_on == timezone.localtime(attempt.finished_at).date()
    assert Certificate.objects.count() == passed.count()
    assert not Certificate.objects.filter(attempt__passed=False).exists()


@pytest.mark.django_db
def test_boas_certificate_has_the_demo_verification_code_and_is_valid(demo, client):
    certificate = Certificate.objects.get(code="DEMO-BOAA-2026")
    assert certificate.learner.username == "boa"

    response = client.get("/verify/DEMO-BOAA-2026/")

    assert response.status_code == 200
    assert certificate.learner_name in response.content.decode()
    assert certificate.status() == "valid"


# -- the organisation tree, its people and their statuses --------------------------------------


def statuses_in_scope(user):
    """{status: number} over every active person ``user`` may see (not the user), one per
    assignment that applies to them, computed the way dashboards do."""
    mix = Counter()
    profiles = Profile.objects.visible_to(user).exclude(user=user).select_related("user")
    for profile in profiles:
        person = profile.user
        completions = {c.module_id: c for c in Completion.objects.filter(learner=person)}
        for module_id, assignment in services.assignments_for(person).items():
            mix[status_for_assignment(assignment, completions.get(module_id)).status] += 1
    return mix


@pytest.mark.django_db
def test_second_run_adds_no_organisations_people_assignments_or_roles(demo):
    first, second = demo["first"]["counts"], demo["second"]["counts"]
    for key in ("organisations", "profiles", "assignments", "managed", "memberships"):
        assert first[key] == second[key], key
    assert first["organisation_paths"] == second["organisation_paths"]
    assert first["organisations"] >= 7 + 4 and first["assignments"] >= 3


@pytest.mark.django_db
def test_tree_has_a_province_two_regions_four_municipalities_with_teams(demo):
    province = Organisation.objects.get(slug="provincie-noord-brabant")
    assert province.is_root() and province.kind == "province"
    assert province.name == "Provincie Noord-Brabant"
    regions = list(province.get_children())
    assert len(regions) == 2 and {region.kind for region in regions} == {"region"}
    municipalities = province.subtree().filter(kind="municipality")
    assert municipalities.count() == 4
    assert all(node.get_parent().kind == "region" for node in municipalities)
    for municipality in municipalities:
        teams = municipality.get_children()
        assert 1 <= teams.count() <= 2, municipality.name
        assert {team.kind for team in teams} <= {"team", "department"}
    partner = province.subtree().get(kind="partner")
    assert partner.get_children().exists()


@pytest.mark.django_db
def test_about_forty_learners_work_in_teams_with_unique_employee_numbers(demo):
    province = Organisation.objects.get(slug="provincie-noord-brabant")
    learners = Profile.objects.filter(
        organisation__path__startswith=province.path,
        organisation__kind__in=["team", "department"],
    ).select_related("user")
    for cohort in data.insight_cohorts()["cohorts"]:  # the anonymous groups of insight.toml
        learners = learners.exclude(user__username__startswith=f"{cohort['prefix']}-")
    assert 35 <= learners.count() <= 45
    numbers = [profile.employee_number for profile in learners]
    assert all(numbers) and len(set(numbers)) == len(numbers)
    assert {profile.function for profile in learners} >= {
        "boa",
        "inspector",
        "policy_officer",
        "front_office",
        "mt_member",
    }
    assert all(profile.user.email.endswith("@demo.example") for profile in learners)
    inactive = [profile for profile in learners if not profile.active]
    assert 1 <= len(inactive) <= 3
    assert all(not profile.user.is_active for profile in inactive)
    assert all(
        profile.user.groups.filter(name=LEARNERS).exists() for profile in learners if profile.active
    )
    for username in ("boa", "ambtenaar", "mt"):
        assert learners.filter(user__username=username).exists(), username


@pytest.mark.django_db
def test_new_learners_log_in_with_the_demo_password(demo, client):
    person = next(p for p in data.people() if p.team == "bernheze-managementteam")
    username = person.username
    assert client.login(username=username, password=DEMO_PASSWORD)


@pytest.mark.django_db
def test_manager_sees_a_mix_of_statuses_in_the_managed_teams(demo):
    manager = get_user_model().objects.get(username="manager")
    assert manager.groups.filter(name=MANAGERS).exists()
    managed = list(manager.managed_organisations.all())
    assert managed and all(node.kind in ("team", "department") for node in managed)
    mix = statuses_in_scope(manager)
    assert {
        TrainingStatus.NOT_STARTED,
        TrainingStatus.IN_PROGRESS,
        TrainingStatus.COMPLETED,
        TrainingStatus.OVERDUE,
        TrainingStatus.EXPIRED,
    } <= set(mix), mix
    # Nobody outside the managed teams.
    visible = Profile.objects.visible_to(manager).exclude(user=manager)
    assert all(
        any(profile.organisation.path.startswith(node.path) for node in managed)
        for profile in visible.select_related("organisation")
    )


@pytest.mark.django_db
def test_hr_sees_its_municipality_with_a_mix_of_statuses(demo):
    hr = get_user_model().objects.get(username="hr")
    assert hr.groups.filter(name=HR).exists()
    assert hr.profile.organisation.kind == "municipality"
    visible = Profile.objects.visible_to(hr).exclude(user=hr)
    assert visible.count() >= 5
    mix = statuses_in_scope(hr)
    assert {
        TrainingStatus.NOT_STARTED,
        TrainingStatus.IN_PROGRESS,
        TrainingStatus.COMPLETED,
        TrainingStatus.OVERDUE,
        TrainingStatus.EXPIRED,
    } <= set(mix), mix


@pytest.mark.django_db
def test_coordinator_sees_no_individual_records(demo):
    coordinator = get_user_model().objects.get(username="coordinator")
    assert coordinator.groups.filter(name=COORDINATORS).exists()
    assert coordinator.profile.organisation.kind == "province"
    assert list(Profile.objects.visible_to(coordinator)) == [coordinator.profile]
    assert not Group.objects.get(name=COORDINATORS).permissions.exists()


@pytest.mark.django_db
def test_due_dates_lie_behind_in_one_region_and_ahead_in_the_other(demo):
    today = timezone.localdate()
    barns = Assignment.objects.filter(module__slug=BARNS)
    behind = barns.filter(organisation__slug="regio-hart-van-brabant")
    ahead = barns.filter(organisation__slug="regio-noordoost-brabant")
    assert behind.exists() and all(a.due_date < today for a in behind)
    assert ahead.exists() and all(a.due_date > today for a in ahead)
    assert {a.function for a in barns} == {"boa", "inspector"}
    assert all(a.validity_months == 24 for a in barns)


@pytest.mark.django_db
def test_every_completion_is_what_the_completion_service_derives(demo):
    completions = list(Completion.objects.select_related("learner", "module"))
    assert len(completions) >= 30
    for completion in completions:
        derived = services.update_completion(completion.learner, completion.module)
        assert (
            derived.status,
            derived.best_score,
            derived.first_completed_at,
            derived.last_completed_at,
            derived.attempt_count,
        ) == (
            completion.status,
            completion.best_score,
            completion.first_completed_at,
            completion.last_completed_at,
            completion.attempt_count,
        ), completion


@pytest.mark.django_db
def test_knocking_on_the_barn_door_leads_to_the_scene_about_the_danger(demo):
    from scenarios import branching

    module = ModulePage.objects.get(slug="leegstaande-schuren-en-drugsafval")
    steps = list(module.steps)
    graph = branching.Graph.from_steps(steps)
    assert branching.problems(graph) == []
    decision, knock = next(
        (step, option)
        for step in steps
        if step.block_type == "decision"
        for option in step.value["options"].bound_blocks
        if "klopt op de schuifdeur" in option.value["text"]
    )
    (danger,) = [step for step in steps if step.value.get("anchor") == knock.value["leads_to"]]
    assert danger.block_type == "scene" and danger.value["branch_only"]
    knocked = graph.route(
        choose=lambda node: knock.id if node.id == decision.id else node.best_option
    )
    assert knocked[knocked.index(decision.id) + 1] == danger.id
    assert danger.id not in graph.recommended_path()
    assert any(step.block_type == "ordering" for step in steps)


# -- what a domain expert checks in the content (issue 12) ---------------------------------------

EMERGENCY = ("112", "0900-8844", "0800-7000")
SSIB_LINE = "0900-9965432"
# Words that say where something is, not what it is: they may appear in any label.
PLACE_WORDS = {
    "achter",
    "achteraan",
    "boven",
    "langs",
    "links",
    "midden",
    "naast",
    "onder",
    "rechts",
    "rechtsboven",
    "tussen",
    "vooraan",
    "voorgrond",
}


def module_data(slug):
    return next(module for module in MODULES if module["slug"] == slug)


def texts_of(value):
    """Every string in a module's data (steps, options, regions, sources), for searching."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts_of(item)


def module_text(module):
    return " ".join(texts_of(module))


def steps_of_type(module, kind):
    return [step for step in module["steps"] if step["type"] == kind]


def hotspot_alt_text(step):
    from demo.illustrations import ILLUSTRATIONS

    image = step["image"]
    if isinstance(image, dict):
        return image.get("alt_text") or ILLUSTRATIONS[image["image"]].alt_text
    return ILLUSTRATIONS[image].alt_text


def words(text):
    import re

    return {word for word in re.findall(r"\w+", text.casefold()) if len(word) >= 5}


def signal_only_words(step):
    """Words of the signal regions' labels that no ordinary region's label has: what would tell
    a learner which labels (or which parts of the alt text) are the signals."""
    ordinary = set()
    for region in step["regions"]:
        if region["kind"] == "ordinary":
            ordinary |= words(region["label"])
    per_label = [
        words(region["label"]) - ordinary - PLACE_WORDS
        for region in step["regions"]
        if region["kind"] == "signal"
    ]
    return per_label


def test_every_modules_reporting_routes_give_the_one_rule_for_numbers():
    """112 for danger or activity now, 0900-8844 or 0800-7000 for a suspicion, SSiB for rural
    signals without urgency; BuitenBeter as well where a module deals with dumped drug waste."""
    for module in MODULES:
        routes = module["reporting_routes"]
        for number in (*EMERGENCY, SSIB_LINE):
            assert number in routes, f"{module['slug']}: {number} missing in the reporting routes"
        assert "SSiB" in routes, module["slug"]
        if "dumping" in module_text(module).casefold():
            assert "BuitenBeter" in routes, module["slug"]


def test_activity_now_means_112_in_the_decisions():
    """The van loading at the lab and the men at the farmer's shed are activity now: the
    option that calls 112 is the right one, the one that calls 0900-8844 is not."""
    for slug, key in (
        (BARNS, "besluit-avondronde"),
        ("benaderd-door-criminelen", "loods-nacht-besluit"),
        (BARNS, "besluit-bospad"),
    ):
        step = next(s for s in module_data(slug)["steps"] if s["key"] == key)
        right = [o for o in step["options"] if o["verdict"] == "right"]
        assert right and all("112" in o["text"] for o in right), (slug, key)
        for option in step["options"]:
            if "0900-8844" in option["text"]:
                assert option["verdict"] != "right", (slug, key, option["text"])


def test_every_source_has_a_link_and_a_title_that_says_what_it_is():
    import re

    for module in MODULES:
        assert module["sources"], module["slug"]
        for source in module["sources"]:
            title, url = source.get("title", ""), source.get("url", "")
            assert url.startswith("https://"), f"{module['slug']}: {title!r} has no link"
            assert not re.fullmatch(r"\s*nieuwsbericht\s*\d+\s*", title.casefold()), title
            assert len(title) >= 10 and source.get("publisher"), title


def test_the_right_option_is_not_recognisable_by_its_length():
    """Options are shuffled per attempt, so only their form could give the best one away. Over
    the demo's decisions, the right option is sometimes the longest and often not, it stands at
    different places when the options are ranked by length, and a wrong option is the longest
    in several decisions: "choose the longest" and "never choose the longest" both fail."""
    right_ranks, longest_kinds = [], []
    for module in MODULES:
        per_module = []
        for step in steps_of_type(module, "decision"):
            ranked = sorted(step["options"], key=lambda option: -len(option["text"]))
            rank = next(i for i, option in enumerate(ranked) if option["verdict"] == "right")
            per_module.append(rank == 0)
            right_ranks.append(rank)
            longest_kinds.append(ranked[0]["verdict"])
        assert per_module and not all(per_module), module["slug"]
    decisions = len(right_ranks)
    assert 0 < right_ranks.count(0) * 2 <= decisions, right_ranks
    assert len(set(right_ranks)) >= 3, right_ranks
    assert longest_kinds.count("wrong") * 4 >= decisions, longest_kinds


@pytest.mark.django_db
def test_every_write_up_can_be_met_and_its_example_report_meets_its_checklist(demo):
    """Learners practise writing a signal down so others can act on it (issue 12, item 7): four
    modules have a write-up, and the example shown after answering is itself a full report."""
    import re

    from scenarios import writeup
    from scenarios.blocks import step_block

    writeups = [
        step for page in live_modules() for step in page.steps if step.block_type == "writeup"
    ]
    assert len(writeups) >= 4
    block = step_block("writeup")
    for step in writeups:
        example = re.sub(r"<[^>]+>", " ", str(step.value["example"].source))
        items = block.items(step.value)
        unmet = [item.label for item in items if not writeup.is_met(item, example)]
        assert unmet == [], (step.value["prompt"], unmet)


def test_questions_ask_to_recognise_and_decide_not_to_recall_figures():
    import re

    for module in MODULES:
        for step in module["steps"]:
            if step["type"] not in QUESTION_TYPES:
                continue
            question = step["question"]
            assert not re.match(r"\s*hoeveel\b", question.casefold()), question
            assert "in welke provincie" not in question.casefold(), question


def test_texts_the_review_found_wrong_do_not_return():
    wrong = [
        "nieuwsbericht 4271310",
        "een kwart tot 30 procent",
        "leden van een motorclub",
        "veel boeren zien alleen het geld",
        "brabant en zeeland",
        "tot een jaar sluiten",
        "stelt hem op",
        "krijgt de aanvrager hem",
        "via je teamleider",
        "de grondeigenaar laat je weten",
        "€ 400 per vier weken",
        "dat is niet verboden",
        "98 fte",
        "handschoenen beschermen niet",
    ]
    for module in MODULES:
        text = module_text(module).casefold()
        for phrase in wrong:
            assert phrase not in text, f"{module['slug']}: {phrase!r}"


def test_hotspot_alt_text_describes_the_scene_without_the_signals():
    """Screen-reader users answer with the list of labels; the alt text must not name what
    only the signals' labels name."""
    for module in MODULES:
        for step in steps_of_type(module, "hotspot"):
            alt = hotspot_alt_text(step).casefold()
            for label_words in signal_only_words(step):
                for word in label_words:
                    assert word not in alt, f"{module['slug']}/{step['key']}: {word!r} in alt"


def test_hotspot_labels_do_not_single_out_the_signals():
    """No word is shared by most signal labels and by no ordinary label (like ‘het grijze
    chalet’ on four of five signals)."""
    for module in MODULES:
        for step in steps_of_type(module, "hotspot"):
            per_label = signal_only_words(step)
            counts_ = Counter(word for label_words in per_label for word in label_words)
            for word, count in counts_.items():
                assert count < 2 or count * 2 <= len(per_label) - 1, (
                    f"{module['slug']}/{step['key']}: {word!r} on {count} of {len(per_label)}"
                )


def test_signal_regions_do_not_lie_inside_each_other():
    from scenarios.hotspots import parse_shape

    grid = [(x, y) for x in range(0, 1001, 4) for y in range(0, 1001, 4)]
    for module in MODULES:
        for step in steps_of_type(module, "hotspot"):
            shapes = [
                (region["label"], region["kind"], parse_shape(region["shape"]))
                for region in step["regions"]
            ]
            inside = {label: {p for p in grid if shape.contains(*p)} for label, _k, shape in shapes}
            for index, (label, kind, _shape) in enumerate(shapes):
                for other, other_kind, _other_shape in shapes[index + 1 :]:
                    if "signal" not in (kind, other_kind):
                        continue
                    smaller = min(len(inside[label]), len(inside[other]))
                    shared = len(inside[label] & inside[other])
                    assert shared * 4 < smaller, f"{module['slug']}: {label!r} and {other!r}"


def test_the_modules_for_omgevingsdienst_inspectors_mention_the_omgevingsdienst():
    assigned = {
        entry["module"]
        for entry in data.organisations()["assignments"]
        if entry.get("function", "") in ("", "inspector")
    }
    for slug in assigned & {BARNS}:
        module = module_data(slug)  # the steps and routes, not the publisher of a source
        text = " ".join(texts_of([module["steps"], module["reporting_routes"]])).casefold()
        assert "omgevingsdienst" in text, slug


def test_the_illustrations_show_people_of_varied_skin_tones(monkeypatch):
    from demo import illustrations

    skins = []
    for name in ("person", "seated_person"):
        original = getattr(illustrations, name)

        def recording(*args, _original=original, **kwargs):
            if not kwargs.get("from_behind"):
                skins.append(kwargs.get("skin", illustrations.SKIN["rosy"]))
            return _original(*args, **kwargs)

        monkeypatch.setattr(illustrations, name, recording)
    for illustration in illustrations.ILLUSTRATIONS.values():
        illustration.draw()

    def luminance(rgb):
        return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]

    tones = sorted({luminance(skin) for skin in skins})
    assert len(tones) >= 4, tones
    assert tones[0] < 100 and tones[-1] - tones[0] > 90, tones


@pytest.mark.django_db
def test_the_fifth_module_follows_a_signal_to_an_approach(demo):
    from scenarios import branching

    assert data.MODULE_ORDER.index("een-overheid") == 4
    module = ModulePage.objects.get(slug="een-overheid")
    assert module.live and module.audience in ("management", "both")
    assert module.title == "Eén overheid: van signaal tot aanpak"
    steps = list(module.steps)
    kinds = [step.block_type for step in steps]
    assert {"hotspot", "ordering", "decision", "scene"} <= set(kinds)
    graph = branching.Graph.from_steps(steps)
    assert branching.problems(graph) == []
    branches = [
        step
        for step in steps
        if step.block_type == "scene" and step.value["branch_only"] and step.value["anchor"]
    ]
    targets = {
        option.value["leads_to"]
        for step in steps
        if step.block_type == "decision"
        for option in step.value["options"].bound_blocks
        if option.value["leads_to"]
    }
    assert branches and {step.value["anchor"] for step in branches} <= targets
    hotspot = next(step for step in steps if step.block_type == "hotspot")
    assert hotspot.value["image"].title == "Demo: het buitengebied vanaf de dijk"
    assert len(module.sources) >= 10
    # assigned, and with a history the dashboards show
    assert Assignment.objects.filter(module=module).exists()
    assert Completion.objects.filter(module=module, status=CompletionStatus.COMPLETED).exists()
    assert Attempt.objects.filter(module=module, finished_at=None).exists()


# -- the resilience scan -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_scan_has_the_studys_eight_themes_with_levels_and_sourced_handreikingen(demo):
    scan = ScanPage.objects.live().get()
    assert scan.get_parent().specific_class is ModuleCatalogue
    themes = [theme.value for theme in scan.themes]
    assert len(themes) == 8
    titles = " ".join(theme["title"] for theme in themes)
    for word in (
        "basis",
        "Bestuurlijke weerbaarheid",
        "Ambtelijke",
        "Eén overheid",
        "verankering",
        "Informatiepositie",
        "Instrumentarium",
        "provincie",
    ):
        assert word in titles
    for theme in themes:
        assert len(theme["statements"]) >= 2
        for statement in theme["statements"]:
            assert all(statement[f"level_{n}"].strip() for n in (1, 2, 3, 4))
        for advice in theme["advice"]:
            assert advice["sources"], advice["title"]
            assert any(source["url"].startswith("https://") for source in advice["sources"])
            for source in advice["sources"]:
                assert len(source["title"]) >= 10 and source["publisher"], source["title"]
    scan.full_clean()


@pytest.mark.django_db
def test_two_municipalities_have_a_filled_in_closed_round_with_results(demo, client):
    rounds = list(ScanRound.objects.select_related("organisation", "revision", "scan"))
    assert sorted(r.organisation.slug for r in rounds) == [
        "gemeente-bernheze",
        "gemeente-oisterwijk",
    ]
    for scan_round in rounds:
        result = scan_services.results(scan_round)
        assert scan_round.is_closed and result.shown
        assert result.respondents >= scan_services.privacy_threshold()
        assert all(theme.score.score is not None for theme in result.themes)
        assert result.weakest  # something to talk about
    coordinator = get_user_model().objects.get(username="coordinator")
    login_with_mfa(client, coordinator)
    overview = client.get("/scan/").content.decode()
    assert "Gemeente Oisterwijk" in overview and "Gemeente Bernheze" in overview
    page = client.get(f"/scan/rondes/{rounds[0].pk}/").content.decode()
    assert "Scores per thema" in page and "Handreikingen voor de zwakste thema" in page


@pytest.mark.django_db
def test_the_signal_insight_shows_weak_signals_and_learning_after_training(demo, settings):
    from records.insight import queries, reports

    settings.INSIGHTS_PRIVACY_THRESHOLD = 5
    rows = reports.build(reports.SIGNALS, queries.Filters(), use_cache=False).rows
    shown = [row for row in rows if row.values["first_rate"] is not None]
    assert len(shown) >= 5
    assert shown[0].values["first_rate"] < 50  # the weakest first, and poorly recognised
    assert any(row.values["first_rate"] >= 70 for row in shown)
    assert any(
        row.values["before_rate"] is not None
        and row.values["after_rate"] is not None
        and row.values["after_rate"] > row.values["before_rate"] + 10
        for row in rows
    )
