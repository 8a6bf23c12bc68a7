"""The limit on certificate lookups per address holds exactly, on every cache a deployment may
use: sixty lookups at the same moment with a limit of thirty let exactly thirty through (each
thread its own client and database connection), and the window is the same minute from the
first lookup on each backend.

The database cache needs real concurrent connections: PostgreSQL. Run:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
    .venv/bin/python -m pytest tests/certificates/test_verify_limit.py -q -p no:cacheprovider
"""

import time
from collections import Counter

import pytest
from django.db import connection  # noqa: F401 - read by the skip condition
from django.test import Client

from certificates import views
from tests.training.test_concurrency import at_the_same_moment, needs_row_locks

THREADS, LIMIT = 60, 30
UNKNOWN_CODE = "/verify/AAAA-BBBB-CCCC/"  # a well-formed code nobody has: 404, or 429 when over


@pytest.mark.parametrize(
    "cache_backend",
    ["in-process", "redis", pytest.param("database", marks=needs_row_locks)],
    indirect=True,
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_60_simultaneous_lookups_from_one_address_let_exactly_30_through(cache_backend, settings):
    settings.CERTIFICATE_VERIFY_PER_MINUTE = LIMIT
    clients = [Client() for _ in range(THREADS)]

    results = at_the_same_moment(THREADS, lambda i: clients[i].get(UNKNOWN_CODE))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert Counter(r.status_code for r in results) == {404: LIMIT, 429: THREADS - LIMIT}


@pytest.mark.parametrize("cache_backend", ["in-process", "redis", "database"], indirect=True)
@pytest.mark.django_db
def test_the_window_ends_a_window_length_after_the_first_lookup_on_every_backend(
    cache_backend, client, settings, monkeypatch
):
    # A three-second window stands in for the minute: long enough for three lookups on a
    # machine busy with other work (a one-second window was over before the third). Django's
    # own database cache moved the end on every lookup, so an address that kept looking stayed
    # refused.
    monkeypatch.setattr(views, "LOOKUP_WINDOW", 3)
    settings.CERTIFICATE_VERIFY_PER_MINUTE = 2
    assert [client.get(UNKNOWN_CODE).status_code for _ in range(3)] == [404, 404, 429]

    time.sleep(3.2)

    assert [client.get(UNKNOWN_CODE).status_code for _ in range(3)] == [404, 404, 429]


@pytest.mark.parametrize("cache_backend", ["redis"], indirect=True)
@pytest.mark.django_db
def test_a_redis_counter_that_expires_during_a_lookup_still_gets_an_expiry(
    cache_backend, client, monkeypatch
):
    # Django's RedisCache.incr asks whether the key exists, then INCRs it; when the key expires
    # in between, INCR makes a new one without expiry, which would refuse the address forever.
    import redis
    from django.core.cache import cache

    key = "certificates.verify.127.0.0.1"
    full_key = cache.make_and_validate_key(key)
    real_exists = redis.Redis.exists

    def exists_then_expire(self, *names):
        found = real_exists(self, *names)
        self.delete(*names)  # the window ends right after the check
        return found

    client.get(UNKNOWN_CODE)  # opens the window
    monkeypatch.setattr(redis.Redis, "exists", exists_then_expire)

    assert client.get(UNKNOWN_CODE).status_code == 404
    monkeypatch.undo()

    assert cache.get(key) == 1
    ttl = cache._cache.get_client(full_key).ttl(full_key)
    assert 0 < ttl <= views.LOOKUP_WINDOW
