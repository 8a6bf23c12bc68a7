"""Role × endpoint: every endpoint that returns personal records, for every role, including
tampered ids and tampered filter parameters. Each response may show only the people the role
may see (never someone else's data); roles that may see people must actually see them, so the
test cannot pass by showing nothing.

Names are unique marker strings; a response "shows" a person when their name is in it (for
XLSX, in any cell).
"""

import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.test import Client

from people import roles
from people.models import Assignment, AuditEntry, Organisation, Profile
from training import services

from .factories import UserFactory, login_with_mfa, make_module, make_organisation, play

pytestmark = pytest.mark.django_db

NAMES = {"a1": "Annabel Teamgenoot", "a2": "Pieternel Buurteam", "b1": "Brammert Elders"}
EVERYONE = set(NAMES)


@pytest.fixture
def world(catalogue):
    """Gemeente A (teams A1, A2) and Gemeente B (team B1) under one province; one learner per
    team with a finished attempt on an assigned module; a user for every role."""
    province = make_organisation("Provincie", "province", None, "p")
    a = make_organisation("Gemeente A", "municipality", province, "a")
    b = make_organisation("Gemeente B", "municipality", province, "b")
    a1 = make_organisation("Team A1", "team", a, "a1")
    a2 = make_organisation("Team A2", "team", a, "a2")
    b1 = make_organisation("Team B1", "team", b, "b1")
    nodes = {n.slug: Organisation.objects.get(pk=n.pk) for n in (province, a, b, a1, a2, b1)}
    module = make_module(catalogue=catalogue, title="Verplichte module")
    Assignment.objects.create(
        module=module, organisation=nodes["p"], due_date="2030-01-01", validity_months=24
    )
    roles.ensure_groups(catalogue)

    def person(key, node, groups=(), **extra):
        first, last = NAMES.get(key, f"Rol {key}").split(" ", 1)
        user = UserFactory(username=key, first_name=first, last_name=last, **extra)
        Profile.objects.filter(user=user).update(organisation=node, employee_number=f"EMP-{key}")
        for group in groups:
            user.groups.add(Group.objects.get(name=group))
        return type(user).objects.get(pk=user.pk)

    learners = {key: person(key, nodes[key]) for key in NAMES}
    attempts = {}
    for key, learner in learners.items():
        attempt, _created = services.start_attempt(learner, module)
        attempts[key] = attempt
    manager = person("manager", nodes["a"], [roles.MANAGERS])
    nodes["a1"].managers.add(manager)
    users = {
        "learner": learners["a1"],
        "trainer": person("trainer", None, [roles.TRAINERS]),
        "coordinator": person("coordinator", nodes["p"], [roles.COORDINATORS]),
        "manager": manager,
        "hr": person("hr", nodes["a"], [roles.HR]),
        "admin": person("admin", None, is_superuser=True, is_staff=True),
    }
    return {"nodes": nodes, "users": users, "attempts": attempts, "module": module}


# Who each role may see on the team endpoints (dashboard, export, people list).
SCOPE = {
    "anonymous": set(),
    "learner": set(),
    "trainer": set(),
    "coordinator": set(),
    "manager": {"a1"},
    "hr": {"a1", "a2"},
    "admin": EVERYONE,
}


def dashboard(client, world):
    return client.get("/leren/teams/")


def dashboard_tampered_team(client, world):
    return client.get("/leren/teams/", {"team": world["nodes"]["b1"].pk})


def dashboard_csv(client, world):
    return client.post("/leren/teams/overzicht.csv")


def dashboard_csv_tampered_team(client, world):
    return client.post("/leren/teams/overzicht.csv", {"team": world["nodes"]["b"].pk})


def export_csv(client, world):
    return client.post("/admin/hr/export/", {"action": "csv"})


def export_xlsx(client, world):
    return client.post("/admin/hr/export/", {"action": "xlsx"})


def export_csv_tampered_organisation(client, world):
    data = {"action": "csv", "organisation": world["nodes"]["b"].pk}
    return client.post("/admin/hr/export/", data)


def people_list(client, world):
    return client.get("/admin/profiles/")


def people_list_tampered_filter(client, world):
    return client.get("/admin/profiles/", {"organisation": world["nodes"]["b"].pk})


# A filter that points outside the role's scope is refused (400) or shows nothing; for the
# admin it is simply a filter. The admin's people list ignores a filter value it does not offer,
# so HR then sees its own people, still nobody else.
TAMPERED = {**SCOPE, "manager": set(), "hr": set(), "admin": {"b1"}}


def insights(client, world):
    return client.get("/leren/inzicht/")


def signal_insight(client, world):
    return client.get("/leren/inzicht/signalen/organisaties/")


def signal_insight_json(client, world):
    return client.get("/leren/inzicht/signalen/signalen.json")


def signal_insight_csv(client, world):
    return client.post("/leren/inzicht/signalen/organisaties.csv")


def certificates_of(world):
    """A certificate for each learner (on their attempt of the world's module), made once."""
    from certificates.models import Certificate

    return {
        key: Certificate.objects.get_or_create(
            attempt=attempt,
            defaults={
                "learner": attempt.learner,
                "module": world["module"],
                "learner_name": attempt.learner.get_full_name(),
                "module_title": world["module"].title,
                "issued_on": "2026-01-15",
            },
        )[0]
        for key, attempt in world["attempts"].items()
    }


def my_certificates(client, world):
    certificates_of(world)
    return client.get("/leren/certificaten/")


def verify_a1(client, world):
    return client.get(f"/verify/{certificates_of(world)['a1'].code}/")


def verify_tampered_code(client, world):
    certificates_of(world)
    return client.get("/verify/AAAA-BBBB-CCCC/")


ENDPOINTS = {
    # the learner's own certificates only, whatever the role
    "certificates": (my_certificates, {**dict.fromkeys(SCOPE, set()), "learner": {"a1"}}),
    # public by design: whoever has a certificate's code sees its holder's name, nobody else's
    "certificate-verify": (verify_a1, dict.fromkeys(SCOPE, {"a1"})),
    "certificate-verify-tampered-code": (verify_tampered_code, dict.fromkeys(SCOPE, set())),
    # aggregates only: nobody, not even the admin, sees a person there
    "insights": (insights, dict.fromkeys(SCOPE, set())),
    "signal-insight": (signal_insight, dict.fromkeys(SCOPE, set())),
    "signal-insight-json": (signal_insight_json, dict.fromkeys(SCOPE, set())),
    "signal-insight-csv": (signal_insight_csv, dict.fromkeys(SCOPE, set())),
    "dashboard": (dashboard, SCOPE),
    "dashboard-tampered-team": (dashboard_tampered_team, TAMPERED),
    "dashboard-csv": (dashboard_csv, SCOPE),
    "dashboard-csv-tampered-team": (dashboard_csv_tampered_team, TAMPERED),
    "export-csv": (export_csv, {**SCOPE, "manager": set()}),
    "export-xlsx": (export_xlsx, {**SCOPE, "manager": set()}),
    "export-tampered-organisation": (export_csv_tampered_organisation, TAMPERED),
    "people-list": (people_list, {**SCOPE, "manager": set()}),
    "people-list-tampered-filter": (
        people_list_tampered_filter,
        {**TAMPERED, "hr": {"a1", "a2"}},
    ),
}


def shown(response):
    """The marker names present in a response, whatever its kind."""
    if response.get("Content-Type", "").startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    ):
        book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        text = " ".join(str(c) for row in book.active.iter_rows(values_only=True) for c in row)
    elif getattr(response, "streaming", False):
        text = b"".join(response.streaming_content).decode("utf-8-sig")
    else:
        text = response.content.decode()
    return {key for key, name in NAMES.items() if name.split()[0] in text}


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@pytest.mark.parametrize("role", sorted(SCOPE))
def test_every_role_sees_exactly_its_scope_on_every_endpoint(client, world, role, endpoint):
    request, expected = ENDPOINTS[endpoint]
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    response = request(client, world)

    assert response.status_code < 500
    visible = shown(response) if response.status_code == 200 else set()
    assert visible <= expected[role], f"{role} saw {visible - expected[role]} on {endpoint}"
    assert visible == expected[role], f"{role} should see {expected[role]} on {endpoint}"


@pytest.mark.parametrize("role", sorted(SCOPE))
@pytest.mark.parametrize("page", ["resultaat", "stap/1"])
def test_nobody_opens_another_persons_attempt_by_its_id(client, world, role, page):
    other = world["attempts"]["b1"]
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    response = client.get(f"/leren/poging/{other.pk}/{page}/")

    expected = 302 if role == "anonymous" else 404
    assert response.status_code == expected


@pytest.mark.parametrize("role", sorted(SCOPE))
def test_nobody_downloads_another_persons_certificate_by_its_id(client, world, role):
    other = certificates_of(world)["b1"]
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    response = client.get(f"/leren/certificaten/{other.pk}/pdf/")

    # Even HR, managers and admins: the download is the learner's own, never a lookup.
    expected = 302 if role == "anonymous" else 404
    assert response.status_code == expected


@pytest.mark.parametrize("role", sorted(SCOPE))
def test_nobody_edits_a_person_outside_their_scope_by_a_tampered_id(client, world, role):
    outsider = Profile.objects.get(user__username="b1")
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    response = client.get(f"/admin/profiles/edit/{outsider.pk}/")

    if role == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403, 404)
        assert NAMES["b1"].split()[0] not in response.content.decode()


@pytest.mark.parametrize("role", sorted(SCOPE))
def test_only_platform_admins_read_the_audit_log_of_role_changes_and_exports(client, world, role):
    # The world's role groups were handed out outside a request: the log names those people.
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    response = client.get("/admin/hr/audit-log/")

    if role == "admin":
        assert response.status_code == 200
        assert "Programme coordinators" in response.content.decode()
    else:
        assert response.status_code in (302, 403)
        assert "Programme coordinators" not in response.content.decode()


@pytest.mark.parametrize("role", sorted(SCOPE))
@pytest.mark.parametrize("endpoint", ["item-statistics", "hotspot-image"])
def test_only_content_editors_open_the_trainer_tools(client, world, role, endpoint):
    # Item statistics and the hotspot drawing tool's picture are for people who edit modules.
    from .factories import make_image

    if role != "anonymous":
        login_with_mfa(client, world["users"][role])
    url = {
        "item-statistics": f"/admin/scenarios/statistieken/{world['module'].pk}/",
        "hotspot-image": f"/admin/scenarios/hotspot-image/{make_image().pk}/",
    }[endpoint]

    response = client.get(url)

    if role in ("trainer", "admin"):
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403, 404)
        assert NAMES["a1"].split()[0] not in response.content.decode()


# -- the coordinators' figures: aggregates only, whatever the query string --------------------

FIGURE_QUERIES = [
    "",
    "?threshold=1",
    "?INSIGHTS_PRIVACY_THRESHOLD=1&privacy=off&debug=1",
    "?team={a1}&module={module}&person=1",
    "?show=all&format=csv&page=2&status=completed",
]
# A real filter (organisation, region, module) narrows the tables; it may not lower the threshold.
FILTER_QUERIES = ["?organisation={b}", "?organisation={b}&module={module}"]


def figures_url(world, query):
    nodes = world["nodes"]
    return "/leren/inzicht/" + query.format(
        b=nodes["b"].pk, a1=nodes["a1"].pk, module=world["module"].pk
    )


@pytest.fixture
def eight_in_a(world):
    """Four more people in Team A1, one with a pass: Gemeente A then has eight people (two
    learners, the manager, HR and these four), of whom one passed. A group big enough to show
    with a count of one inside it; Gemeente B (one person) and the province's own staff (the
    coordinator) are too small to show at all."""
    from training.models import Completion

    for index in range(4):
        user = UserFactory(username=f"extra{index}", first_name="Extranaam", last_name=str(index))
        Profile.objects.filter(user=user).update(organisation=world["nodes"]["a1"])
        if index == 0:
            Completion.objects.create(
                learner=user,
                module=world["module"],
                status="completed",
                best_score=90,
                first_completed_at="2026-11-01T10:00:00Z",
                last_completed_at="2026-11-01T10:00:00Z",
                attempt_count=1,
            )
    return world


@pytest.mark.parametrize("query", FIGURE_QUERIES)
def test_coordinators_see_aggregates_and_never_a_count_under_the_threshold(
    client, eight_in_a, settings, query
):
    from .insights_tables import disclosures, tables

    settings.INSIGHTS_PRIVACY_THRESHOLD = 5
    login_with_mfa(client, eight_in_a["users"]["coordinator"])
    plain = client.get("/leren/inzicht/").content.decode()

    response = client.get(figures_url(eight_in_a, query))

    assert response.status_code == 200
    html = response.content.decode()
    assert tables(html) == tables(plain)  # the query string changes nothing
    assert disclosures(html, 5) == []
    (table,) = tables(html)
    totals = table["rows"][-1]
    assert totals[0] == "Alle organisaties" and totals[1] == "10"  # aggregates are there
    assert "Extranaam" not in html and not shown(response)


@pytest.mark.parametrize("query", FILTER_QUERIES)
def test_a_filter_on_a_small_organisation_shows_no_count_of_it(client, eight_in_a, settings, query):
    from .insights_tables import disclosures

    settings.INSIGHTS_PRIVACY_THRESHOLD = 5
    login_with_mfa(client, eight_in_a["users"]["coordinator"])

    response = client.get(figures_url(eight_in_a, query))

    assert response.status_code == 200
    html = response.content.decode()
    assert disclosures(html, 5) == []  # Gemeente B has one person: no figure of it
    assert "Gemeente B" in html and "Extranaam" not in html and not shown(response)


@pytest.mark.parametrize("query", FIGURE_QUERIES + FILTER_QUERIES)
@pytest.mark.parametrize("role", sorted(SCOPE))
def test_only_coordinators_and_admins_open_the_figures(client, eight_in_a, role, query):
    if role != "anonymous":
        login_with_mfa(client, eight_in_a["users"][role])

    response = client.get(figures_url(eight_in_a, query))

    expected = {"anonymous": 302, "coordinator": 200, "admin": 200}.get(role, 403)
    assert response.status_code == expected
    if expected != 200:
        assert "Alle organisaties" not in response.content.decode()


# -- an export is a deliberate action: no link or form on another site starts one -----------------

# Where each export is offered on this site (the page whose form carries the CSRF token), where
# the download goes, and what the site's own form posts; and who may download it.
HR_EXPORT = "/admin/hr/export/"
MANAGING = {"manager", "hr", "admin"}
EXPORTS = {
    "dashboard-csv": ("/leren/teams/", "/leren/teams/overzicht.csv", {}, MANAGING),
    "export-csv": (HR_EXPORT, HR_EXPORT, {"action": "csv"}, {"hr", "admin"}),
    "export-xlsx": (HR_EXPORT, HR_EXPORT, {"action": "xlsx"}, {"hr", "admin"}),
}


def exports_audited():
    return AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()


def csrf_token_on(client, page):
    response = client.get(page)
    assert response.status_code == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


@pytest.mark.parametrize("forgery", ["link", "foreign-form"])
@pytest.mark.parametrize("endpoint", sorted(EXPORTS))
@pytest.mark.parametrize("role", sorted(SCOPE))
def test_no_link_or_form_on_another_site_starts_an_export(world, settings, role, endpoint, forgery):
    # A browser sends the session cookie with a top-level link from another site, and a foreign
    # form can post anything but this site's CSRF token: neither may export, audit or count.
    settings.RATELIMIT_EXPORT = "1/m"
    page, url, data, may_export = EXPORTS[endpoint]
    client = Client(enforce_csrf_checks=True)
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    for _ in range(3):
        response = client.get(url, data) if forgery == "link" else client.post(url, data)
        assert response.status_code in (302, 403, 405) or (
            # the admin export's address is also the page with its form: a link shows the form
            endpoint.startswith("export-") and response.status_code == 200
        )
        assert "attachment" not in response.get("Content-Disposition", "")
        assert shown(response) == set()
        if forgery == "link" and response.status_code == 405:
            assert 'href="/leren/teams/"' in response.content.decode()  # a way to the button

    assert exports_audited() == 0
    if role in may_export:  # the quota of one export a minute is still unused
        token = csrf_token_on(client, page)
        response = client.post(url, {**data, "csrfmiddlewaretoken": token})
        assert response.status_code == 200
        assert shown(response) == SCOPE[role]
        assert exports_audited() == 1


# -- personal pages and downloads are kept in no cache ---------------------------------------------


def my_data(client, world):
    return client.get("/leren/mijn-gegevens.json")


def result_page(client, world):
    attempt = world["attempts"]["a1"]
    play(attempt)
    return client.get(f"/leren/poging/{attempt.pk}/resultaat/")


def step_page(client, world):
    return client.get(f"/leren/poging/{world['attempts']['a1'].pk}/stap/1/")


def certificate_pdf(client, world):
    return client.get(f"/leren/certificaten/{certificates_of(world)['a1'].pk}/pdf/")


def export_page(client, world):
    return client.get("/admin/hr/export/")


PERSONAL = {
    **{name: request for name, (request, _scope) in ENDPOINTS.items()},
    "my-data": my_data,
    "result": result_page,
    "step": step_page,
    "certificate-pdf": certificate_pdf,
    "export-page": export_page,
}
# Public pages that still show a person: the certificate check shows the holder's name.
PUBLIC = {"certificate-verify", "certificate-verify-tampered-code"}


@pytest.mark.parametrize(
    ("role", "endpoint"),
    [
        (role, endpoint)
        for endpoint in sorted(PERSONAL)
        for role in sorted(SCOPE)
        if role != "anonymous" or endpoint in PUBLIC
    ],
)
def test_personal_pages_and_downloads_are_kept_in_no_cache(client, world, role, endpoint):
    # Whatever the answer (the page, a download, a refusal or a redirect): no shared proxy may
    # keep it and no browser may write it to disk for the next user of the computer.
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    response = PERSONAL[endpoint](client, world)

    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= cache_control, (
        f"{endpoint} for {role} ({response.status_code}): Cache-Control {cache_control}"
    )


# -- a password alone: no records for a privileged role (two-step verification) ----------------

PRIVILEGED = {"trainer", "hr", "coordinator", "admin"}
FACTORY_PASSWORD = "secret-pass-123"  # UserFactory's

# Every page that shows personal records (or leads to them: the admin's home).
RECORD_PAGES = {
    "dashboard": dashboard,
    "dashboard-csv": dashboard_csv,
    "insights": insights,
    "signal-insight": signal_insight,
    "admin-home": lambda client, world: client.get("/admin/"),
    "export-csv": export_csv,
    "export-xlsx": export_xlsx,
    "people-list": people_list,
}


@pytest.mark.parametrize("session", ["first-login", "later-login", "app-but-no-code"])
@pytest.mark.parametrize("role", sorted(set(SCOPE) - {"anonymous"}))
def test_a_password_alone_opens_no_record_page_to_a_privileged_role(client, world, role, session):
    """Trainers, HR, coordinators and admins who logged in with the password but gave no
    two-step code in this session see no page with records, whether it is their first login
    (sent to set up the app), a later one (sent to the page that offers the e-mailed link), or
    they have an app whose code this session skipped (logged out). Learners and managers, for
    whom the second step is optional, see exactly their scope."""
    from .factories import activate_totp

    user = world["users"][role]
    if session == "app-but-no-code":
        activate_totp(user)
        client.force_login(user)
    else:
        if session == "later-login":
            type(user).objects.filter(pk=user.pk).update(last_login="2026-01-02T09:00:00Z")
        response = client.post("/inloggen/", {"login": user.username, "password": FACTORY_PASSWORD})
        assert response.status_code == 302
        assert client.session.get("_auth_user_id") == str(user.pk)

    wrong = {}
    for endpoint, request in RECORD_PAGES.items():
        if session == "app-but-no-code":
            client.force_login(user)  # the refusal logs this session out: start it again
        response = request(client, world)
        visible = shown(response) if response.status_code == 200 else set()
        if role in PRIVILEGED:
            expected_location = (
                f"/inloggen/?next={response.wsgi_request.path.replace('/', '%2F')}"
                if session == "app-but-no-code"
                else "/account/2fa/totp/activate/"
            )
            if response.status_code != 302 or response["Location"] != expected_location:
                wrong[endpoint] = f"{response.status_code} {response.get('Location')}"
            elif visible:
                wrong[endpoint] = f"saw {visible}"
        else:
            expected = ENDPOINTS[endpoint][1][role] if endpoint in ENDPOINTS else set()
            if visible != expected:
                wrong[endpoint] = f"saw {visible}, should see {expected}"
    assert wrong == {}, f"{role} with a password alone ({session})"


# -- the admin for people without admin access: a 403 page, no login loop ----------------------


@pytest.mark.parametrize("role", sorted(SCOPE))
@pytest.mark.parametrize("url", ["/admin/", "/admin/profiles/", "/admin/hr/export/"])
def test_the_admin_answers_each_role_without_a_redirect_loop(client, world, role, url):
    if role != "anonymous":
        login_with_mfa(client, world["users"][role])

    response = client.get(url, follow=True)

    html = response.content.decode()
    if role == "anonymous":
        assert response.redirect_chain[-1][0].startswith("/inloggen/?next=")
        assert response.status_code == 200 and 'id="login-form"' in html
    elif role in ("learner", "manager", "coordinator"):
        assert response.status_code == 403
        assert response.redirect_chain == []
        assert 'id="admin-forbidden-message"' in html and 'href="/leren/"' in html
        assert not {key for key, name in NAMES.items() if name.split()[0] in html}
    else:
        assert response.status_code == 200
