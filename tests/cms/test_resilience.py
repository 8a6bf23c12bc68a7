"""What the app does when a shared service it depends on fails under it, on one app server:

* Redis (the cache) down: pages and answers go on, the answer is recorded, rate limits do not
  count meanwhile, and the outage is logged (``cms.cache.RedisCache``); when Redis answers again
  the cache is used again.
* The database restarted: a kept connection that died is replaced at the start of the next
  request (``CONN_HEALTH_CHECKS``), so the app recovers without a restart; a request that meets
  the database down gets 503 with Retry-After, not a 500 (``cms.errors``).

The same under load, through the load balancer, with two app servers: ``make bench-cluster``
(bench/cluster_faults.py)."""

import logging
import socket
import time

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client

from cms import cache as cms_cache
from tests.conftest import REDIS_TEST_URL
from tests.factories import advance_to, best_answer, step_at
from training.models import Response

DECISION = 2


def closed_port():
    """A local port nothing listens on: connecting to it is refused, as to a stopped Redis."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache_settings(location, retry_after=5):
    return {
        "default": {
            "BACKEND": "cms.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "RETRY_AFTER": retry_after,
            },
        }
    }


@pytest.fixture
def redis_down(settings):
    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = redis_cache_settings(location)
    yield location
    cms_cache._DOWN_UNTIL.pop(location, None)


def cache_warnings(caplog):
    return [
        r
        for r in caplog.records
        if r.name == "cms.cache" and r.levelno == logging.WARNING and "unavailable" in r.message
    ]


def test_a_redis_cache_that_is_down_reads_as_empty_and_logs_it(redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="cms.cache")

    assert cache.get("counter", "default") == "default"
    assert cache.add("counter", 1, timeout=60) is False
    cache.set("counter", 1)  # dropped, no error
    assert cache.get_many(["a", "b"]) == {}
    with pytest.raises(ValueError):  # "no counter": django-ratelimit then counts nothing
        cache.incr("counter")

    (warning,) = cache_warnings(caplog)  # once: later calls skip the dead server
    assert "rate limits are not counted" in warning.message


def test_a_redis_cache_that_is_down_is_not_asked_again_on_every_call(redis_down):
    cache.get("first")  # refused: the cache is taken to be down for RETRY_AFTER seconds
    started = time.perf_counter()
    for number in range(200):
        cache.get(f"key-{number}")
    assert time.perf_counter() - started < 0.05


def test_an_answer_is_recorded_while_redis_is_down_and_the_outage_is_logged(
    client, learner, attempt, redis_down, caplog
):
    caplog.set_level(logging.WARNING, logger="cms.cache")
    advance_to(attempt, DECISION)
    decision = step_at(attempt, DECISION)
    client.force_login(learner)
    url = f"/leren/poging/{attempt.pk}/stap/{DECISION + 1}/"

    page = client.get(url)
    answered = client.post(url + "antwoord/", {"option": best_answer(decision)})

    assert page.status_code == 200
    assert answered.status_code == 302
    assert answered["Location"].endswith(url + "#feedback")
    assert Response.objects.filter(attempt=attempt, block_id=decision.id).count() == 1
    assert cache_warnings(caplog)


def test_rate_limits_count_again_when_redis_is_back(client, learner, attempt, settings, caplog):
    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis at {REDIS_TEST_URL} does not answer ({error})")
    caplog.set_level(logging.WARNING, logger="cms.cache")
    settings.CACHES = redis_cache_settings(REDIS_TEST_URL, retry_after=0.2)
    settings.CACHES["default"]["KEY_PREFIX"] = f"wb-test-back-{time.monotonic_ns()}"
    # Redis was down a moment ago in this process: the cache skips it until RETRY_AFTER passed.
    cms_cache._DOWN_UNTIL[REDIS_TEST_URL] = time.monotonic() + 0.2
    assert cache.add("counter", 1, timeout=60) is False  # skipped: still taken to be down
    time.sleep(0.25)

    assert cache.add("counter", 1, timeout=60) is True
    assert cache.incr("counter") == 2
    assert any("answers again" in r.message for r in caplog.records if r.name == "cms.cache")
    cache.delete("counter")


def test_the_database_connection_is_tested_before_a_request_uses_it(settings):
    default = settings.DATABASES["default"]
    assert default["CONN_HEALTH_CHECKS"] is True
    assert default["CONN_MAX_AGE"] > 0  # connections are kept, so they must be tested


# serialized_rollback: the flush after a transactional test must not recreate the content types
# under new ids, or every later test that restores the database fails on them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_the_database_cut_is_replaced_at_the_next_request():
    if connection.vendor != "postgresql":
        pytest.skip("a server that cuts connections: PostgreSQL (make test-postgres, CI)")
    from django.db import close_old_connections

    connection.ensure_connection()
    dead_pid = connection.connection.info.backend_pid
    # What a restart of PostgreSQL does to every kept connection: the server ends it.
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [dead_pid])
    finally:
        other.close()

    close_old_connections()  # what Django does when the next request starts
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()

    assert pid != dead_pid


def test_a_request_that_meets_the_database_down_gets_503_with_retry_after(
    learner, attempt, monkeypatch
):
    from training import views

    def database_down(*args, **kwargs):
        raise OperationalError("connection refused: the database is restarting")

    monkeypatch.setattr(views.services, "attempts_of", database_down)
    client = Client(raise_request_exception=False)
    client.force_login(learner)

    response = client.get(f"/leren/poging/{attempt.pk}/stap/1/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Probeer het over een paar seconden opnieuw" in response.content.decode()


def test_any_other_error_is_still_a_500(learner, attempt, monkeypatch):
    from training import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.services, "attempts_of", broken)
    client = Client(raise_request_exception=False)
    client.force_login(learner)

    response = client.get(f"/leren/poging/{attempt.pk}/stap/1/")

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
