"""Logs that an operator can follow across app servers: every request gets an id (the load
balancer's ``X-Request-ID`` when it sends a sane one, else a new one), every log line written
while handling it carries that id, and the response echoes it, so a learner's "it went wrong at
10:42" leads to the lines of that one request on whichever server took it.

``LOGGING`` (settings) has a text format for people and a JSON format (python-json-logger) for a
log collector; production writes JSON unless ``LOG_FORMAT=text``.
"""

import contextvars
import logging
import re
import time
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
# What we accept from outside as a request id: a plain token, so a client cannot put newlines,
# quotes or kilobytes into every log line of its request.
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Outside a request (task worker, management commands) log lines carry this instead.
NO_REQUEST = "-"

_request_id = contextvars.ContextVar("request_id", default=NO_REQUEST)

request_logger = logging.getLogger("cms.requests")


def current_request_id():
    """The id of the request being handled in this context, or ``"-"``."""
    return _request_id.get()


def accepted_request_id(value):
    """``value`` when it is a plain token of at most 64 characters, else a new uuid4."""
    if value and _PLAIN_TOKEN.fullmatch(value):
        return value
    return str(uuid.uuid4())


class RequestIdMiddleware:
    """Gives every request an id (``request.request_id``), makes it the ``request_id`` of every
    log line written while the request is handled, and sends it back in ``X-Request-ID``. With
    ``LOG_REQUESTS`` on, writes one line per request (method, path, status, duration): the access
    log in the same format as the rest. Goes first in ``MIDDLEWARE`` so that redirects and errors
    of the other middleware carry the id too."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.log_requests = getattr(settings, "LOG_REQUESTS", False)

    def __call__(self, request):
        request_id = accepted_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response.headers[REQUEST_ID_HEADER] = request_id
            if self.log_requests:
                request_logger.info(
                    "%s %s %s",
                    request.method,
                    request.path,
                    response.status_code,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (``"-"`` outside a request). Set on the handlers, so
    records of every logger (Django's, Wagtail's, ours) get it."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
JSON_FIELDS = "%(levelname)s %(name)s %(request_id)s %(message)s"


def logging_config(log_format="text", level="INFO", axes_level="WARNING"):
    """The ``LOGGING`` setting: everything to standard error (systemd's journal, or the
    container's log), in ``log_format`` "text" or "json"."""
    if log_format not in ("text", "json"):
        raise ValueError(f"LOG_FORMAT must be 'text' or 'json', not {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "cms.logging.RequestIdFilter"}},
        "formatters": {
            "text": {"format": TEXT_FORMAT},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": JSON_FIELDS,
                "rename_fields": {"levelname": "level", "name": "logger"},
                # "timestamp": ISO 8601 in UTC with milliseconds, comparable across servers.
                "timestamp": True,
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # django-axes logs every login at INFO; its warnings (failed logins, lockouts) are the
        # news.
        "loggers": {"axes": {"level": axes_level}},
    }
