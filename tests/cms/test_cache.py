"""The shared cache behaves the same on every backend a deployment may use (the in-process
cache of the tests, Redis, and the database cache of cms.cache): ``add`` creates a counter only
when there is no live one, ``incr`` counts on without moving the expiry ``add`` set, and a counter
that expired is gone. Rate limits (answers, exports, certificate lookups) rely on exactly this.
Simultaneous requests: tests/certificates/test_verify_limit.py and
tests/training/test_rate_limits_concurrency.py."""

import time

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

BACKENDS = pytest.mark.parametrize(
    "cache_backend", ["in-process", "redis", "database"], indirect=True
)


@BACKENDS
def test_add_creates_a_counter_only_when_there_is_none(cache_backend):
    assert cache.add("counter", 1, timeout=60) is True
    assert cache.add("counter", 5, timeout=60) is False
    assert cache.get("counter") == 1


@BACKENDS
def test_incr_of_a_counter_that_does_not_exist_is_refused(cache_backend):
    with pytest.raises(ValueError):
        cache.incr("nothing")
    assert cache.get("nothing") is None


@BACKENDS
def test_incr_counts_on_and_keeps_the_expiry_that_add_set(cache_backend):
    # Django's own database cache moved the expiry to the default timeout (5 minutes) on every
    # increment, so a one-minute window never ended while requests kept coming.
    assert cache.add("counter", 1, timeout=1)
    assert cache.incr("counter") == 2
    assert cache.incr("counter", 3) == 5
    assert cache.get("counter") == 5

    time.sleep(2.1)  # past the expiry (the database cache keeps whole seconds)

    assert cache.get("counter") is None
    with pytest.raises(ValueError):
        cache.incr("counter")
    assert cache.add("counter", 1, timeout=60) is True  # a new window starts at 1
    assert cache.incr("counter") == 2
