"""Per-user rate limits: a script (or a stuck key) that posts answers or asks for exports faster
than a person would gets a clear 429 page, and the refused request changes nothing; other
people are not affected."""

import datetime

import pytest

from people.models import AuditEntry
from tests.factories import UserFactory, advance_to, best_answer, login_with_mfa, step_at
from tests.records.export_factories import build_tree, completed, hr_of, person
from training import services
from training.models import Response

DECISION, SINGLE = 2, 3
ANSWER_MESSAGE = "You are answering too quickly. Wait a moment and try again."
EXPORT_MESSAGE = "You have asked for too many exports; try again in a minute."


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def exports_audited():
    return AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()


def answer_url(attempt, index):
    return f"/leren/poging/{attempt.pk}/stap/{index + 1}/antwoord/"


def test_an_answer_over_the_limit_gets_429_with_a_message_and_is_not_recorded(
    client, learner, attempt, settings
):
    settings.RATELIMIT_ANSWER = "3/m"
    advance_to(attempt, DECISION)
    decision = step_at(attempt, DECISION)
    client.force_login(learner)
    for _ in range(3):  # the answer and two resubmits: within the limit
        response = client.post(answer_url(attempt, DECISION), {"option": best_answer(decision)})
        assert response.status_code == 302
    services.continue_after(attempt, DECISION)
    single = step_at(attempt, SINGLE)

    response = client.post(answer_url(attempt, SINGLE), {"option": best_answer(single)})

    assert response.status_code == 429
    assert ANSWER_MESSAGE in response.content.decode()
    assert not Response.objects.filter(attempt=attempt, block_id=single.id).exists()
    assert Response.objects.filter(attempt=attempt).count() == 1


def test_another_learner_may_still_answer_when_one_is_over_the_limit(
    client, learner, attempt, module, settings
):
    settings.RATELIMIT_ANSWER = "1/m"
    advance_to(attempt, DECISION)
    decision = step_at(attempt, DECISION)
    client.force_login(learner)
    client.post(answer_url(attempt, DECISION), {"option": best_answer(decision)})
    assert client.post(answer_url(attempt, DECISION), {}).status_code == 429
    other = UserFactory()
    other_attempt = advance_to(services.start_attempt(other, module)[0], DECISION)
    client.force_login(other)

    response = client.post(answer_url(other_attempt, DECISION), {"option": best_answer(decision)})

    assert response.status_code == 302
    assert Response.objects.filter(attempt=other_attempt).count() == 1


@pytest.fixture
def hr_world(catalogue):
    from tests.factories import make_module

    tree = build_tree()
    module = make_module(catalogue=catalogue)
    completed(person(tree["a1"]), module, on=datetime.date(2026, 5, 1))
    return {"tree": tree, "hr": hr_of(tree["a"]), "other_hr": hr_of(tree["a"])}


def test_an_admin_export_over_the_limit_gets_429_with_a_message_and_no_audit_entry(
    client, hr_world, settings
):
    settings.RATELIMIT_EXPORT = "2/m"
    login_with_mfa(client, hr_world["hr"])
    for file_format in ("csv", "xlsx"):
        response = client.post("/admin/hr/export/", {"action": file_format})
        assert response.status_code == 200
        b"".join(response.streaming_content)
    assert exports_audited() == 2

    response = client.post("/admin/hr/export/", {"action": "csv"})

    assert response.status_code == 429
    assert EXPORT_MESSAGE in response.content.decode()
    assert exports_audited() == 2


def test_counting_rows_is_not_an_export_and_is_not_limited(client, hr_world, settings):
    settings.RATELIMIT_EXPORT = "1/m"
    login_with_mfa(client, hr_world["hr"])
    for _ in range(3):
        assert client.post("/admin/hr/export/", {"action": "count"}).status_code == 200
    assert client.post("/admin/hr/export/", {"action": "csv"}).status_code == 200


def test_the_dashboard_csv_and_the_admin_export_share_one_limit_per_user(
    client, hr_world, settings
):
    settings.RATELIMIT_EXPORT = "1/m"
    login_with_mfa(client, hr_world["hr"])
    assert client.post("/leren/teams/overzicht.csv").status_code == 200

    response = client.post("/admin/hr/export/", {"action": "csv"})

    assert response.status_code == 429
    assert exports_audited() == 1


def test_a_dashboard_csv_over_the_limit_gets_429_and_another_hr_user_is_not_affected(
    client, hr_world, settings
):
    settings.RATELIMIT_EXPORT = "2/m"
    login_with_mfa(client, hr_world["hr"])
    for _ in range(2):
        assert client.post("/leren/teams/overzicht.csv").status_code == 200

    refused = client.post("/leren/teams/overzicht.csv")

    assert refused.status_code == 429
    assert EXPORT_MESSAGE in refused.content.decode()
    assert exports_audited() == 2
    login_with_mfa(client, hr_world["other_hr"])
    assert client.post("/leren/teams/overzicht.csv").status_code == 200
