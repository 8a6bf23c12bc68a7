"""Settings of the benchmarks (``make bench``): the production-like base settings with the bench
data set in its own database, never the demo's or the tests'.

* ``DATABASE_URL`` set: that database (PostgreSQL); the export data set goes to
  ``BENCH_EXPORT_DATABASE_URL`` (default: the same server, database name + ``_export``).
* otherwise SQLite files next to this one: ``bench/bench.sqlite3`` (the province) and
  ``bench/bench-export.sqlite3`` (1,000,000 completions for the HR export). Both are git-ignored
  and reused between runs while the seed and scale match (``BENCH_DATA_DIR``: another folder).

``BENCH_DATASET=export`` selects the export data set as the default database.

The cache (rate-limit counters) is Redis, as recommended for production: ``REDIS_URL``, else
``BENCH_REDIS_URL`` (default ``redis://127.0.0.1:6379/15``). When that server does not answer,
the base settings' database cache is used and ``BENCH_CACHE_NOTE`` says so (``bench.run``
puts it in the results). ``BENCH_REDIS_URL=`` (empty) measures the database cache on purpose.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from cms.settings.base import *  # noqa: F403
from cms.settings.base import INSTALLED_APPS

BENCH_DIR = Path(__file__).resolve().parent
DATASET = os.environ.get("BENCH_DATASET", "province")
# Where the SQLite files live; another folder keeps a quick small-scale run from replacing the
# full-scale data sets (``BENCH_DATA_DIR=/tmp/bench-small python -m bench.run --scale 0.01``).
DATA_DIR = Path(os.environ.get("BENCH_DATA_DIR", "").strip() or BENCH_DIR)

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
# Nobody logs in with a password during the benchmarks (sessions are made directly); the
# generator stores one precomputed hash for all learners.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BENCH_DIR / "media"
SITE_URL = WAGTAILADMIN_BASE_URL = "http://127.0.0.1"


def _database(dataset):
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        if dataset == "export":
            export_url = os.environ.get("BENCH_EXPORT_DATABASE_URL", "").strip()
            if not export_url:
                base, _, query = url.partition("?")
                export_url = base.rstrip("/") + "_export" + (f"?{query}" if query else "")
            url = export_url
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    name = "bench-export.sqlite3" if dataset == "export" else "bench.sqlite3"
    return dj_database_url.parse(f"sqlite:///{DATA_DIR / name}", conn_max_age=60)


DATABASES = {"default": _database(DATASET)}


def _redis_answers(url):
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            return client.ping()
        finally:
            client.close()
    except Exception:  # noqa: BLE001 - any failure means: no Redis to measure with
        return False


def _redacted(url):
    parts = urlsplit(url)
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=host).geturl()  # without a password


BENCH_REDIS_URL = (
    os.environ.get("REDIS_URL", "").strip()
    or os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15").strip()
)
if BENCH_REDIS_URL and _redis_answers(BENCH_REDIS_URL):
    CACHES = {
        "default": {
            # As the base settings: fails open with a logged warning while Redis is down.
            "BACKEND": "cms.cache.RedisCache",
            "LOCATION": BENCH_REDIS_URL,
            "KEY_PREFIX": f"bench-{DATASET}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_AFTER": 5},
        }
    }
    BENCH_CACHE_NOTE = f"cache: Redis at {_redacted(BENCH_REDIS_URL)}"
elif BENCH_REDIS_URL:
    BENCH_CACHE_NOTE = (
        f"cache: the database cache; Redis at {_redacted(BENCH_REDIS_URL)} did not answer"
    )
else:
    BENCH_CACHE_NOTE = "cache: the database cache (BENCH_REDIS_URL set empty)"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
    "loggers": {"django.tasks": {"level": "ERROR"}},
}
# The answer rate limit stays in the request path (its cache reads and writes are measured),
# but high enough that preparing the load test, which answers fast, is not refused.
RATELIMIT_ANSWER = "100000/m"
