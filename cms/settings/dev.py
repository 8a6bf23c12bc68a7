"""Local demo: DEBUG on, SQLite unless DATABASE_URL says otherwise, mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
# A development-only key; production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-not-for-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")  # noqa: F405
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# The demo runs no task worker, so background work (Wagtail's index updates, reminders) runs
# inline here. Production keeps the database queue of base.py, worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
