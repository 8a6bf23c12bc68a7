"""Test run: fast hashing, in-memory media, SQLite unless DATABASE_URL points at PostgreSQL."""

import os
import tempfile

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Tasks run inline, at enqueue time; one test switches to the database queue and its worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="wb-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True  # the live server of the browser tests shows the module images
# One process runs the tests: an in-process cache, emptied before every test (tests/conftest.py)
# so that rate-limit counts never carry over from one test to the next. django-ratelimit calls it
# "not a shared cache", which is true and harmless in one process. The database cache and Redis
# are tested on purpose (tests/cms/test_cache.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003"]  # noqa: F405

# Today's coverage is computed on every request in the tests (a test that changes the records
# reads them back at once); the cache itself is tested with the setting on.
INSIGHTS_COVERAGE_CACHE_SECONDS = 0
