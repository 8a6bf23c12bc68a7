"""Local demo: DEBUG on, SQLite unless DATABASE_URL says otherwise, mail to the console."""

import os
from urllib.parse import urlsplit

from cms.settings.base import *  # noqa: F403
from cms.settings.base import BASE_DIR, SITE_URL, env_list, installation_secret

DEBUG = True
# The key of this installation (made on first use in .secret-key), or SECRET_KEY from the
# environment; production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or installation_secret(BASE_DIR / ".secret-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# `make run HOST=192.168.1.20:8000` serves there and sets SITE_URL to it: that host is allowed.
if urlsplit(SITE_URL).hostname:
    ALLOWED_HOSTS.append(urlsplit(SITE_URL).hostname)
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# The demo runs no task worker, so background work (Wagtail's index updates, reminders) runs
# inline here. Production keeps the database queue of base.py, worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
