"""/health/ for the load balancer (cms.health) and the request id of every log line
(cms.logging): the database decides between 200 and 503, a cache or task queue in trouble makes
the answer "degraded" but keeps the server in; every response carries the request's id, and the
JSON log lines name it."""

import importlib
import io
import json
import logging.config
import socket
import sys
import uuid
from datetime import timedelta

import pytest
from django.db import OperationalError, connections
from django.utils import timezone

from cms.logging import logging_config
from records import tasks as record_tasks
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "SECRET_KEY": "a-real-secret-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "training.example.org",
    "DATABASE_URL": "postgres://app@db.example.org:5432/app",
    "SITE_URL": "https://training.example.org",
}


def closed_port():
    """A port on this machine where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTH_TASK_QUEUE_MAX_AGE = 600


@pytest.fixture
def production_settings(monkeypatch):
    """The module cms.settings.production, loaded with its required variables."""
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    for name in ("LOG_FORMAT", "LOG_REQUESTS", "SECURE_SSL_REDIRECT"):
        monkeypatch.delenv(name, raising=False)
    sys.modules.pop("cms.settings.production", None)
    try:
        yield importlib.import_module("cms.settings.production")
    finally:
        sys.modules.pop("cms.settings.production", None)


def queued_task(**changes):
    from django_tasks_db.models import DBTaskResult

    result = record_tasks.anonymise_training_records.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(**changes)
    return result


# -- the answer ------------------------------------------------------------------------------------


def test_everything_up_is_200_ok_with_one_entry_per_check_and_never_cached(client):
    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue"}
    assert all(check["status"] == "ok" for check in body["checks"].values())
    assert "no-store" in response["Cache-Control"]


def test_database_down_is_503_so_the_balancer_takes_the_server_out(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused (db.internal)")

    monkeypatch.setattr(connections["default"], "cursor", refuse)

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"] == {
        "status": "error",
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert "db.internal" not in response.content.decode()  # no error text for the public
    assert "no-store" in response["Cache-Control"]


def test_cache_down_is_degraded_but_200(client, redis_down):
    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "error"
    assert body["checks"]["cache"]["error"] == "ConnectionError"


def test_a_ready_task_waiting_longer_than_the_limit_is_degraded(client, database_queue):
    queued_task(enqueued_at=timezone.now() - timedelta(seconds=601))

    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["task_queue"]["status"] == "late"
    assert body["checks"]["task_queue"]["oldest_ready_seconds"] >= 601


def test_recent_finished_and_scheduled_tasks_do_not_count_as_late(client, database_queue):
    long_ago = timezone.now() - timedelta(hours=2)
    queued_task(enqueued_at=timezone.now() - timedelta(seconds=30))  # a worker will get to it
    queued_task(enqueued_at=long_ago, status="SUCCESSFUL")  # done long ago
    queued_task(enqueued_at=long_ago, status="FAILED")
    # A retry queued long ago for later: waiting only since it became due, ten seconds ago.
    queued_task(enqueued_at=long_ago, run_after=timezone.now() - timedelta(seconds=10))
    queued_task(enqueued_at=long_ago, run_after=timezone.now() + timedelta(hours=1))  # not due

    response = client.get("/health/")

    body = response.json()
    assert body["status"] == "ok", body
    assert 30 <= body["checks"]["task_queue"]["oldest_ready_seconds"] < 120


def test_a_retry_due_longer_ago_than_the_limit_is_late(client, database_queue):
    queued_task(
        enqueued_at=timezone.now() - timedelta(hours=2),
        run_after=timezone.now() - timedelta(seconds=900),
    )

    body = client.get("/health/").json()

    assert body["status"] == "degraded"
    assert 900 <= body["checks"]["task_queue"]["oldest_ready_seconds"] < 1000


def test_head_is_answered_and_other_methods_refused(client):
    head = client.head("/health/")
    assert head.status_code == 200
    assert head.content == b""
    assert client.post("/health/").status_code == 405
    assert client.delete("/health/").status_code == 405


def test_a_privileged_user_without_two_step_verification_still_gets_the_answer(client):
    client.force_login(SuperuserFactory())
    assert client.get("/leren/").status_code == 302  # everything else waits for the code

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_production_answers_health_over_plain_http_but_redirects_the_rest(
    client, settings, production_settings
):
    settings.SECURE_SSL_REDIRECT = production_settings.SECURE_SSL_REDIRECT
    settings.SECURE_REDIRECT_EXEMPT = production_settings.SECURE_REDIRECT_EXEMPT
    assert settings.SECURE_SSL_REDIRECT is True

    assert client.get("/health/").status_code == 200
    login = client.get("/inloggen/")
    assert login.status_code == 301
    assert login["Location"].startswith("https://")


# -- request ids -----------------------------------------------------------------------------------


def test_the_balancers_request_id_is_echoed(client):
    response = client.get("/health/", headers={"X-Request-ID": "lb-7f3a.2026_12-05"})
    assert response["X-Request-ID"] == "lb-7f3a.2026_12-05"


@pytest.mark.parametrize(
    "sent",
    [
        "x" * 65,  # too long
        "two words",
        "line\r\nbreak",
        'quote"d',
        "",
    ],
)
def test_a_request_id_that_is_not_a_plain_token_is_replaced_by_a_new_one(client, sent):
    response = client.get("/health/", headers={"X-Request-ID": sent})

    echoed = response["X-Request-ID"]
    assert echoed != sent
    assert uuid.UUID(echoed).version == 4


def test_every_response_carries_a_request_id_of_its_own(client):
    first = client.get("/inloggen/")["X-Request-ID"]
    second = client.get("/inloggen/")["X-Request-ID"]
    assert uuid.UUID(first) and uuid.UUID(second) and first != second


@pytest.fixture
def json_logs(settings):
    """The logging of production (LOG_FORMAT=json, one line per request) for one test, into a
    buffer; returns a function giving the JSON lines written so far."""
    settings.LOG_REQUESTS = True
    config = logging_config("json")
    buffer = io.StringIO()
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    try:
        yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines() if line]
    finally:
        logging.config.dictConfig(settings.LOGGING)


def test_json_log_lines_name_the_request_they_were_written_for(client, redis_down, json_logs):
    client.get("/health/", headers={"X-Request-ID": "req-42"})

    lines = json_logs()
    warning = next(
        line for line in lines if line["logger"] == "cms.health" and "degraded" in line["message"]
    )
    assert warning["request_id"] == "req-42"
    assert warning["level"] == "WARNING"
    assert warning["timestamp"].endswith("+00:00")
    access = next(line for line in lines if line["logger"] == "cms.requests")
    assert access["request_id"] == "req-42"
    assert access["path"] == "/health/"
    assert access["status"] == 200
    assert access["method"] == "GET"


def test_log_lines_outside_a_request_say_so(json_logs):
    logging.getLogger("records.tasks").warning("from the worker")

    line = next(line for line in json_logs() if line["message"] == "from the worker")
    assert line["request_id"] == "-"


def test_production_logs_json_and_other_settings_text(production_settings, settings):
    assert production_settings.LOG_FORMAT == "json"
    assert production_settings.LOGGING["handlers"]["console"]["formatter"] == "json"
    assert production_settings.LOG_REQUESTS is True
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "text"


def test_an_unknown_log_format_stops_the_start():
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        logging_config("yaml")
