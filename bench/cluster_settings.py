"""Settings of the local cluster (``make cluster``, ``make bench-cluster``; bench/cluster.py):
the bench settings (the bench data set in ``DATABASE_URL``) as several app servers run them in
production: the task queue in the database, worked by ``manage.py db_worker`` processes; media
in one folder all servers share (``MEDIA_ROOT``); sessions in the database (Django's default
engine), so a learner whose app server died goes on on the other one; the cache in Redis
(``REDIS_URL``, always, also when Redis is down at start-up: ``cms.cache.RedisCache`` fails
open). Warnings (a Redis outage, a database that did not answer) go to each process's log.
"""

import os
from pathlib import Path

from bench.settings import *  # noqa: F403
from bench.settings import _redacted

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if os.environ.get("MEDIA_ROOT", "").strip():
    MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cluster",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_AFTER": 5},
        }
    }
    BENCH_CACHE_NOTE = f"cache: Redis at {_redacted(REDIS_URL)}"

# The production limit is 30 answers a minute per learner; the load test's learners answer
# without pausing to read, so the cluster counts with a higher limit (still in the request path).
RATELIMIT_ANSWER = os.environ.get("RATELIMIT_ANSWER", "600/m")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.tasks": {"level": "WARNING"}, "django_tasks_db": {"level": "WARNING"}},
}
