"""Production: every secret and host comes from the environment, and the process refuses to
start without them rather than fall back to a development default."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import *  # noqa: F403


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required_env("ALLOWED_HOSTS").split(",") if host.strip()]
required_env("DATABASE_URL")  # base.py reads it; a silent SQLite fallback is not allowed here
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405
# The public address (certificate links, e-mails): a task worker has no request to follow.
SITE_URL = SITE_URL or required_env("SITE_URL")  # noqa: F405 - base.py read it
WAGTAILADMIN_BASE_URL = SITE_URL

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# The load balancer asks for /health/ over plain HTTP, straight at each app server: answered, not
# redirected to https (cms.health).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
        },
    }
}

# JSON log lines for the log collector, one per request as well (cms.logging); LOG_FORMAT=text for
# people reading the journal.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json").strip().lower()
LOG_REQUESTS = os.environ.get("LOG_REQUESTS", "true").lower() == "true"
LOGGING = logging_config(  # noqa: F405
    LOG_FORMAT,
    level=os.environ.get("LOG_LEVEL", "INFO"),
    axes_level=os.environ.get("AXES_LOG_LEVEL", "WARNING"),
)
