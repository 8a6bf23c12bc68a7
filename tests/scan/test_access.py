"""Who reaches what of the scan (role × endpoint), and that no role reaches anyone's answers:
not coordinators, not platform admins in the Wagtail admin, not an export."""

import uuid

import pytest
from django.urls import get_resolver

from people import roles
from scan import services
from scan.models import AgreedAction, ScanAnswer, ScanResponse
from tests.factories import SuperuserFactory, login_with_mfa, make_organisation

from .factories import answers_for, make_coordinator, make_scan

pytestmark = pytest.mark.django_db

STRONG = [(4, 3, 3), (3, 3, 4), (4, 4, 3)]


@pytest.fixture
def world():
    province = make_organisation("Provincie", "province", None, "prov")
    hart = make_organisation("Regio Hart van Brabant", "region", province, "hart")
    noordoost = make_organisation("Regio Noordoost-Brabant", "region", province, "noordoost")
    oisterwijk = make_organisation("Gemeente Oisterwijk", "municipality", hart, "oisterwijk")
    scan = make_scan()
    coordinator = make_coordinator(hart, "coord-in")
    scan_round = services.open_round(coordinator, scan, oisterwijk, "MT")
    for levels in STRONG:
        services.submit(scan_round, uuid.uuid4(), answers_for(scan_round, levels))
    services.close_round(scan_round)
    manager = make_coordinator(oisterwijk, "manager", group=roles.MANAGERS)
    manager.managed_organisations.add(oisterwijk)
    people = {
        "anonymous": None,
        "learner": make_coordinator(oisterwijk, "learner", group=roles.LEARNERS),
        "manager": manager,
        "hr": make_coordinator(oisterwijk, "hr", group=roles.HR),
        "trainer": make_coordinator(oisterwijk, "trainer", group=roles.TRAINERS),
        "coordinator_elsewhere": make_coordinator(noordoost, "coord-out"),
        "coordinator": coordinator,
        "admin": SuperuserFactory(username="platformadmin"),
    }
    return {"round": scan_round, "people": people}


ROLES = [
    "anonymous",
    "learner",
    "manager",
    "hr",
    "trainer",
    "coordinator_elsewhere",
    "coordinator",
    "admin",
]
REFUSED = {"learner": 403, "manager": 403, "hr": 403, "trainer": 403}
# (method, path, {role: expected status}); roles not named get "ok".
ENDPOINTS = [
    ("get", "/scan/", {"coordinator_elsewhere": "ok"}),
    ("get", "/scan/rondes/{pk}/", {"coordinator_elsewhere": 404}),
    ("get", "/scan/rondes/{pk}/gespreksdocument.pdf", {"coordinator_elsewhere": 404}),
    ("post", "/scan/rondes/{pk}/acties/", {"coordinator_elsewhere": 404}),
    ("post", "/scan/rondes/{pk}/sluiten/", {"coordinator_elsewhere": 404}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,path,special", ENDPOINTS)
def test_role_by_endpoint(client, world, role, method, path, special):
    user = world["people"][role]
    if user is not None:
        login_with_mfa(client, user)
    scan_round = world["round"]
    url = path.format(pk=scan_round.pk)
    data = {f"action-{services.round_themes(scan_round)[0].id}": "Afspraak"}
    response = getattr(client, method)(url, data) if method == "post" else client.get(url)
    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith("/inloggen/")
    elif role in REFUSED:
        assert response.status_code == 403
    elif special.get(role, "ok") != "ok":
        assert response.status_code == special[role]
    else:
        assert response.status_code in (200, 302)
    wrote = AgreedAction.objects.filter(text="Afspraak").exists()
    assert wrote == (path.endswith("acties/") and role in ("coordinator", "admin"))


def test_a_coordinator_elsewhere_does_not_see_the_round_in_the_list(client, world):
    login_with_mfa(client, world["people"]["coordinator_elsewhere"])
    assert "Gemeente Oisterwijk" not in client.get("/scan/").content.decode()
    login_with_mfa(client, world["people"]["coordinator"])
    assert "Gemeente Oisterwijk" in client.get("/scan/").content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_the_link_of_a_closed_round_tells_everyone_it_is_closed(client, world, role):
    user = world["people"][role]
    if user is not None:
        login_with_mfa(client, user)
    assert client.get(f"/scan/invullen/{world['round'].token}/").status_code == 410


def test_a_coordinator_without_a_place_in_the_tree_opens_nothing(client, world):
    someone = make_coordinator(None, "coord-nowhere")
    assert not services.may_coordinate(someone)
    login_with_mfa(client, someone)
    assert client.get("/scan/").status_code == 403


def test_no_admin_view_snippet_or_url_leads_to_answers(client, world):
    from wagtail.snippets.models import get_snippet_models

    assert not {m._meta.app_label for m in get_snippet_models()} & {"scan"}

    def patterns(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from patterns(pattern, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    urls = list(patterns(get_resolver()))
    assert not [url for url in urls if "scanresponse" in url or "scananswer" in url]
    login_with_mfa(client, world["people"]["admin"])
    for path in (
        "/admin/snippets/scan/scanresponse/",
        "/admin/snippets/scan/scananswer/",
        "/admin/scan/scananswer/",
    ):
        assert client.get(path).status_code == 404


def test_the_admin_sees_the_same_aggregates_as_the_coordinator_and_nothing_more(client, world):
    scan_round = world["round"]
    login_with_mfa(client, world["people"]["admin"])
    as_admin = client.get(f"/scan/rondes/{scan_round.pk}/").content.decode()
    for response_id in ScanResponse.objects.values_list("id", flat=True):
        assert str(response_id) not in as_admin
    for answer_id in ScanAnswer.objects.values_list("id", flat=True):
        assert str(answer_id) not in as_admin


def test_the_personal_data_download_holds_no_scan_answers(client, world):
    learner = world["people"]["learner"]
    client.force_login(learner)
    scan_round = services.open_round(
        world["people"]["coordinator"], world["round"].scan, world["round"].organisation, "Twee"
    )
    data = answers_for(scan_round, (1, 2, 3))
    data["response"] = str(uuid.uuid4())
    assert client.post(f"/scan/invullen/{scan_round.token}/", data).status_code == 302
    login_with_mfa(client, learner)
    download = client.get("/leren/mijn-gegevens.json").content.decode()
    assert "scan" not in download.lower()
    assert data["response"] not in download
