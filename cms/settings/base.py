"""Settings shared by every environment. Values that differ per deployment come from the
environment; see dev.py, test.py and production.py for what each one adds."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from cms.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def installation_secret(path):
    """A secret key of this installation's own, made on first use and kept in a git-ignored
    file. Not a key in the code: sessions, and the demo's option ids (keyed with it), must not be
    computable by anyone who has read the repository."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        path.touch(mode=0o600)
        path.write_text(key + "\n")
        return key


INSTALLED_APPS = [
    "cms",
    "scenarios",
    "people",
    "training",
    "records",
    "certificates",
    "scan",
    "xapi",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.UsersConfig",  # wagtail.users, with user forms that compare names without case
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "import_export",
    "django_tasks_db",
    "django_ratelimit",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Wagtail's database search backend needs it on PostgreSQL; harmless on SQLite.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First: every response, redirects and errors included, carries the request's id, and every
    # log line written meanwhile names it (cms.logging).
    "cms.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Responses to a logged-in person: Cache-Control: private, no-store (cms.middleware).
    "cms.middleware.PrivatePagesMiddleware",
    # The logged-in user is the actor of role changes recorded in the audit log.
    "people.audit.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After authentication and messages: privileged users must have passed two-factor
    # authentication before anything but logging in and setting it up (cms.mfa).
    "cms.mfa.RequireTwoFactorMiddleware",
    # A logged-in user without admin access gets a 403 page at /admin/, not a login loop.
    "cms.middleware.AdminAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default for the demo and the plain test run; PostgreSQL comes in
# through DATABASE_URL (CI, production). Connections are kept for a minute between requests;
# CONN_HEALTH_CHECKS tests a kept connection before a request uses it, so after the database
# restarted (or a connection was cut) the next request connects anew instead of failing on the
# dead connection: the app recovers without being restarted.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/inloggen/"
LOGIN_REDIRECT_URL = "training:home"
LOGOUT_REDIRECT_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# One door: the Wagtail admin sends people to the site's login (password, SSO, two-factor)
# instead of its own login form (cms.urls closes /admin/login/), and its log-out lands there.
# Resetting a password goes through the site's own reset by e-mail, not the admin's.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Authentication (see the README's Security section). django-axes comes first (its
# AxesStandaloneBackend, which lets calls without a request through to the next backends): it
# refuses a locked-out username+IP before any password is checked. allauth logs in with a
# username or an e-mail address; Django's own backend stays for the admin's permission checks.
AUTHENTICATION_BACKENDS = [
    "cms.accounts.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "cms.accounts.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "cms.accounts.LoginForm",
    "reset_password": "cms.accounts.ResetPasswordForm",
}
SOCIALACCOUNT_ADAPTER = "cms.accounts.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"  # accounts come from the HR import and from admins
ACCOUNT_UNIQUE_EMAIL = True  # logging in with an e-mail address must name one person
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False  # logging out is a POST (a link cannot log anyone out)
ACCOUNT_LOGOUT_REDIRECT_URL = LOGOUT_REDIRECT_URL
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Weerbaar Buitengebied] "
# django-axes alone counts failed passwords, per username + address (cms.accounts.AccountAdapter
# does not let allauth count them): a counter per username would let anyone lock a colleague out
# from elsewhere, one per address would lock out an office behind one address together. allauth's
# "login_failed" limit is left for two-step codes (10 wrong codes per user per 15 minutes), which
# only someone past the password can try; its per-address limit on logins is off.
ACCOUNT_RATE_LIMITS = {"login": "", "login_failed": "10/900s/key"}
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # an IdP's e-mail claim never takes over an account
SOCIALACCOUNT_LOGIN_ON_GET = False  # starting SSO is a POST from the login page
SOCIALACCOUNT_STORE_TOKENS = False

# Two-factor authentication: an authenticator app (TOTP) with recovery codes. Required for
# trainers, HR, programme coordinators, staff and superusers (cms.mfa); optional for others.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "cms.accounts.MFAAdapter"
MFA_TOTP_ISSUER = "Weerbaar Buitengebied"
MFA_TOTP_TOLERANCE = 1  # a code of the previous or next 30 seconds counts too (clock drift)
# The only paths a privileged user reaches in a session without two-step verification: logging in
# and out, setting up or passing two-step verification, resetting a password, the language
# switch, static and media files, the public certificate check and the load balancer's health
# check. Everything else, a page added later included, is closed to them until the code is given
# (cms.mfa.RequireTwoFactorMiddleware).
MFA_EXEMPT_PATH_PREFIXES = (
    "/inloggen/",
    "/uitloggen/",
    "/admin/logout/",
    "/account/login/",
    "/account/logout/",
    "/account/reauthenticate/",
    "/account/password/reset/",
    "/account/2fa/authenticate/",
    "/account/2fa/totp/activate/",
    "/account/2fa/totp/link/",
    "/i18n/",
    "/static/",
    "/media/",
    "/verify/",
    "/health/",
    "/favicon.ico",
)
# After the first login, setting up an authenticator app takes a link sent by e-mail: it works
# once, for this many seconds (cms.mfa).
MFA_SETUP_LINK_TIMEOUT = 30 * 60
# How often one person may ask for that link (django-ratelimit syntax).
MFA_SETUP_LINK_RATE = "3/15m"

# Single sign-on through the organisation's OpenID Connect provider, when configured. Users it
# creates get learner rights only (cms.accounts.SocialAccountAdapter).
OIDC_PROVIDER_URL = os.environ.get("OIDC_PROVIDER_URL", "").strip()
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": []}}
if OIDC_PROVIDER_URL:
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"].append(
        {
            "provider_id": os.environ.get("OIDC_PROVIDER_ID", "").strip() or "sso",
            "name": os.environ.get("OIDC_PROVIDER_NAME", "").strip() or "SSO",
            "client_id": os.environ.get("OIDC_CLIENT_ID", "").strip(),
            "secret": os.environ.get("OIDC_CLIENT_SECRET", "").strip(),
            "settings": {"server_url": OIDC_PROVIDER_URL, "oauth_pkce_enabled": True},
        }
    )

# Lockout after repeated failed logins (django-axes), per username and IP address together: a
# wrong password typed for one account does not lock out colleagues behind the same address,
# and nobody can lock an account from elsewhere. Counted in the database, so it holds across app
# servers; a successful login resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.accounts.lockout_response"  # account/lockout.html
AXES_HTTP_RESPONSE_CODE = 429
AXES_USERNAME_CALLABLE = "cms.accounts.axes_username"
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2", "code"]
AXES_VERBOSE = False  # no start-up banner on every process

# Dutch first, English complete. Source strings are English; locale/nl holds the Dutch.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Weerbaar Buitengebied"
# The sender of every e-mail (password resets, reminders, set-up links): DEFAULT_FROM_EMAIL, an
# address of the organisation that runs the site, shown with the site's name unless it names
# itself ("Weerbaar Buitengebied <noreply@training.example.org>").
_sender = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "noreply@localhost"
DEFAULT_FROM_EMAIL = _sender if "<" in _sender else f"{WAGTAIL_SITE_NAME} <{_sender}>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, e.g. https://training.example.org: one setting for every absolute
# link made without a request to follow (certificate PDFs, e-mails, Wagtail's admin
# notifications). Empty (development) follows each request's own host; `make run HOST=...` sets
# it to the address it serves. WAGTAILADMIN_BASE_URL is the older name, still honoured.
SITE_URL = (
    os.environ.get("SITE_URL", "").strip() or os.environ.get("WAGTAILADMIN_BASE_URL", "").strip()
).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# No avatars from Gravatar: it would send a hash of every admin user's e-mail address to a third
# party (and the admin's Content Security Policy allows images from this site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Wagtail's images keep an alt text ("description"); editors are asked for it on upload.
# Wagtail's image form, refusing an image that declares too many pixels before decoding it.
WAGTAILIMAGES_IMAGE_FORM_BASE = "scenarios.uploads.ImageForm"

# Background work (reminder e-mails) goes through Django's task framework onto a queue in the
# database, so any number of app servers can enqueue and any number of workers
# (`manage.py db_worker`) can run the tasks. Tests run tasks inline (see test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The cache, shared by every app server: Redis when REDIS_URL is set (production with more
# than one machine), else a table in the database (created by every `migrate`). Rate limits count
# requests in it; both count exactly under simultaneous requests (Redis INCR; cms.cache makes the
# database cache's add and incr atomic). Tests use an in-process cache (test.py).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, failing open with a logged warning while Redis is down:
            # pages and answers go on, rate limits do not count meanwhile (cms.cache).
            "BACKEND": "cms.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs costs a request at most half a second, once per RETRY_AFTER
            # seconds and process; a stopped one answers "refused" at once.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_AFTER": 5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.DatabaseCache",
            "LOCATION": "django_cache",
            # Django's default MAX_ENTRIES of 300 is far too few once every active learner has a
            # rate-limit counter: past it, every cache write also culls the table (deletes the
            # expired rows and a third of the rest: about 6 more queries per answer, and lost
            # counters). 100,000 small rows stay cheap; expired ones still go when the limit is
            # reached and when an expired key is read.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
# django-ratelimit only knows the memcached and django-redis backends by name; it warns that
# others are "not officially supported". Django's own RedisCache and cms.cache.DatabaseCache both
# add and increment atomically, so the warning is silenced.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
# When the cache cannot count (Redis down), let the request through rather than refuse every
# answer and export: the limits guard against scripts, recording answers matters more. The cache
# logs the outage (cms.cache.RedisCache).
RATELIMIT_FAIL_OPEN = True

# Per-user rate limits (django-ratelimit syntax: count/period). A learner answers one question
# every few seconds at most; an export is a deliberate download.
RATELIMIT_ANSWER = os.environ.get("RATELIMIT_ANSWER", "30/m")
RATELIMIT_EXPORT = os.environ.get("RATELIMIT_EXPORT", "10/m")

# Retention of personal data (AVG). Training records are kept 7 years (2557 days) after they
# were made, long enough to prove a certificate through a recertification cycle and in line
# with the usual retention of personnel training records; a person who left is anonymised a year
# (365 days) after leaving. See `manage.py anonymise_training_records` and the README.
TRAINING_RECORDS_RETENTION_DAYS = int(os.environ.get("TRAINING_RECORDS_RETENTION_DAYS", "2557"))
LEAVERS_RETENTION_DAYS = int(os.environ.get("LEAVERS_RETENTION_DAYS", "365"))

# Coordinators' figures (records.insights, records.insight): no figure about fewer people than
# this is shown, nor anything it could be worked out from. The signal insight is summed from a
# summary the task worker rebuilds; a view finding it older than INSIGHTS_MAX_AGE_MINUTES queues
# a rebuild (and says how old the figures are).
INSIGHTS_PRIVACY_THRESHOLD = int(os.environ.get("INSIGHTS_PRIVACY_THRESHOLD", "5"))
INSIGHTS_MAX_AGE_MINUTES = int(os.environ.get("INSIGHTS_MAX_AGE_MINUTES", "60"))
# Today's coverage (who completed what) is worked out at most once per this many seconds.
INSIGHTS_COVERAGE_CACHE_SECONDS = int(os.environ.get("INSIGHTS_COVERAGE_CACHE_SECONDS", "300"))

# The resilience scan (scan/): a round's results show only with at least this many respondents,
# and a comparison with a region or the province only over at least this many organisations
# and respondents together (scan.services).
SCAN_PRIVACY_THRESHOLD = int(os.environ.get("SCAN_PRIVACY_THRESHOLD", "3"))
SCAN_COMPARISON_MIN_ORGANISATIONS = int(os.environ.get("SCAN_COMPARISON_MIN_ORGANISATIONS", "3"))
SCAN_COMPARISON_MIN_RESPONDENTS = int(os.environ.get("SCAN_COMPARISON_MIN_RESPONDENTS", "10"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Nothing of ours is meant to be framed. The Wagtail preview panel (a same-origin iframe) still
# works: Wagtail sets SAMEORIGIN on its preview views itself.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy. Learner pages carry no inline script or style at all; a script needs
# the request's nonce ({{ csp_nonce }}). The Wagtail admin (and its previews) runs inline
# scripts and styles of its own, so /admin/ gets a policy of its own (cms.middleware).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CSP_ADMIN = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
ADMIN_PATH_PREFIXES = ("/admin/",)
# Nothing here needs the camera, microphone, location or payment APIs.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# Logs on standard error, every line with the id of its request (cms.logging): "text" for people,
# "json" for a log collector (production's default). LOG_REQUESTS adds one line per request.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOG_REQUESTS = os.environ.get("LOG_REQUESTS", "false").lower() == "true"
LOGGING = logging_config(
    LOG_FORMAT,
    level=os.environ.get("LOG_LEVEL", "INFO"),
    axes_level=os.environ.get("AXES_LOG_LEVEL", "WARNING"),
)

# /health/ (cms.health), for the load balancer: a ready task that waited longer than this many
# seconds for a worker makes the platform "degraded" (still 200: the web side serves).
HEALTH_TASK_QUEUE_MAX_AGE = int(os.environ.get("HEALTH_TASK_QUEUE_MAX_AGE", "600"))

# Learning records to a Learning Record Store (xapi/, docs/xapi.md): off without XAPI_ENDPOINT
# (e.g. https://lrs.example.org/xAPI/). Statements wait in an outbox and are sent by the task
# worker; while the LRS is down they are retried after 30 s, 60 s, 120 s, … at most an hour.
# Actors are pseudonyms: an HMAC of the user id under XAPI_ACTOR_KEY (default SECRET_KEY; set it
# to keep the pseudonyms when the SECRET_KEY is rotated), account homePage XAPI_ACTOR_HOMEPAGE
# (default WAGTAILADMIN_BASE_URL).
XAPI_ENDPOINT = os.environ.get("XAPI_ENDPOINT", "").strip()
XAPI_USERNAME = os.environ.get("XAPI_USERNAME", "")
XAPI_PASSWORD = os.environ.get("XAPI_PASSWORD", "")
XAPI_ACTOR_KEY = os.environ.get("XAPI_ACTOR_KEY", "")
XAPI_ACTOR_HOMEPAGE = os.environ.get("XAPI_ACTOR_HOMEPAGE", "").strip()
XAPI_BATCH_SIZE = int(os.environ.get("XAPI_BATCH_SIZE", "50"))
XAPI_TIMEOUT_SECONDS = float(os.environ.get("XAPI_TIMEOUT_SECONDS", "20"))
XAPI_RETRY_BASE_SECONDS = float(os.environ.get("XAPI_RETRY_BASE_SECONDS", "30"))
XAPI_RETRY_MAX_SECONDS = float(os.environ.get("XAPI_RETRY_MAX_SECONDS", "3600"))
