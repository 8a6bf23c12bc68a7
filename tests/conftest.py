import os

import pytest

# -- browser tests: run, or skipped on purpose ----------------------------------------------------


def browser_tests_opted_out():
    """``BROWSER=0`` (``make test BROWSER=0``) is the only way to skip the browser tests."""
    return os.environ.get("BROWSER", "1").strip().lower() in ("0", "no", "false", "off")


def pytest_collection_modifyitems(config, items):
    if browser_tests_opted_out():
        skip = pytest.mark.skip(reason="BROWSER=0: browser tests skipped on purpose")
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(skip)


def pytest_runtest_logreport(report):
    if "browser" not in report.keywords:
        return
    outcomes = _browser_outcomes
    if report.when == "call" or report.outcome != "passed":
        if report.skipped:
            outcomes["skipped"].add(report.nodeid)
        elif report.failed:
            outcomes["failed"].add(report.nodeid)
        elif report.when == "call":
            outcomes["passed"].add(report.nodeid)


# Per test id, so that a setup failure and a call report of one test count once.
_browser_outcomes = {"passed": set(), "failed": set(), "skipped": set()}


def pytest_terminal_summary(terminalreporter):
    outcomes = _browser_outcomes
    ran = len(outcomes["passed"] | outcomes["failed"])
    skipped = len(outcomes["skipped"] - outcomes["passed"] - outcomes["failed"])
    if not ran and not skipped:
        return
    failed = len(outcomes["failed"])
    line = f"browser tests: {ran} ran ({ran - failed} passed, {failed} failed), {skipped} skipped"
    if skipped and browser_tests_opted_out():
        line += " (BROWSER=0)"
    terminalreporter.write_sep("=", line, bold=True, yellow=bool(skipped), green=not skipped)


@pytest.fixture(autouse=True)
def _dutch_by_default(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counts (and anything else cached) never carry over from another test."""
    from django.core.cache import cache

    cache.clear()


# -- the shared caches a deployment uses, for tests of rate limits on each -------------------------

# Redis for the tests: a key prefix of each test's own, and only those keys are deleted afterwards.
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def cache_backend(request, settings):
    """The default cache switched to ``request.param`` (parametrize with ``indirect=True``):
    "in-process" (the tests' own LocMemCache), "redis" (Django's RedisCache at REDIS_TEST_URL;
    skipped when it does not answer, but a failure on CI) or "database" (cms.cache.DatabaseCache
    in a table of its own, emptied before and after)."""
    import uuid

    from django.core.cache import cache
    from django.core.management import call_command

    kind = request.param
    if kind == "in-process":
        location = f"test-{uuid.uuid4().hex}"
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": location,
            }
        }
        yield kind
        cache.clear()
    elif kind == "redis":
        import redis

        client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2)
        try:
            client.ping()
        except redis.RedisError as error:
            message = f"Redis at {REDIS_TEST_URL} does not answer ({error})"
            if os.environ.get("CI"):
                pytest.fail(f"{message}: CI runs the rate-limit tests on Redis too")
            pytest.skip(message)
        prefix = f"wb-test-{uuid.uuid4().hex}"
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_TEST_URL,
                "KEY_PREFIX": prefix,
            }
        }
        yield kind
        keys = list(client.scan_iter(match=f"{prefix}:*"))  # never FLUSHDB: Redis is shared
        if keys:
            client.delete(*keys)
        client.close()
    elif kind == "database":
        # TEST_DATABASE_CACHE=django.core.cache.backends.db.DatabaseCache shows what these
        # tests catch: Django's own database cache loses counts and moves expiries.
        backend = os.environ.get("TEST_DATABASE_CACHE", "cms.cache.DatabaseCache")
        settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "test_cache_table"}}
        call_command("createcachetable", verbosity=0)
        cache.clear()
        yield kind
        cache.clear()
    else:
        raise ValueError(f"unknown cache backend {kind!r}")


@pytest.fixture
def catalogue(db):
    from .factories import site_with_catalogue

    return site_with_catalogue()


@pytest.fixture
def module(catalogue):
    from .factories import make_module

    return make_module(catalogue=catalogue)


@pytest.fixture
def learner(db):
    from .factories import UserFactory

    return UserFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def other_learner(db):
    """A second BOA: their attempts must stay out of reach of ``learner``."""
    from .factories import UserFactory

    return UserFactory()


@pytest.fixture
def mt_member(db):
    from people.models import Function

    from .factories import UserFactory

    return UserFactory(function=Function.MT_MEMBER)


@pytest.fixture
def superuser(db):
    from .factories import SuperuserFactory

    return SuperuserFactory()


@pytest.fixture
def superuser_client(client, superuser):
    """A platform admin's client, past two-step verification as the admin requires."""
    from .factories import login_with_mfa

    return login_with_mfa(client, superuser)


@pytest.fixture
def trainer(catalogue):
    from .factories import make_trainer

    return make_trainer(catalogue)


@pytest.fixture
def attempt(learner, module):
    """The learner's open attempt on ``module``, just started."""
    from training.services import start_attempt

    return start_attempt(learner, module)[0]
