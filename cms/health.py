"""``/health/``: what a load balancer asks each app server before sending it learners.

The database decides: without it no page works, so the answer is 503 and the balancer takes the
server out. The shared cache and the task queue do not stop learners from answering (rate limits
degrade, reminders and LRS statements wait), so their trouble gives 200 with status "degraded"
and is logged, for the monitoring to raise. The JSON body has one entry per check; it never
carries error messages (host names, credentials in URLs), only the kind of error, and it is never
cached. Anonymous, GET and HEAD only, exempt from the https redirect (``SECURE_REDIRECT_EXEMPT``)
and from two-step verification (``MFA_EXEMPT_PATH_PREFIXES``).
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, DEGRADED, FAIL = "ok", "degraded", "fail"
DATABASE_QUEUE_BACKEND = "django_tasks_db.DatabaseBackend"


def _timed(check):
    """Runs ``check()`` (a dict), adding its duration; an exception becomes ``error``."""
    started = time.monotonic()
    try:
        result = check()
    except Exception as error:  # any failure of a dependency is a result here
        logger.warning("health check %s failed", check.__name__, exc_info=True)
        result = {"status": "error", "error": type(error).__name__}
    result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": OK}


def check_cache():
    """A write and a read of the shared cache (Redis, or the database cache)."""
    key = f"health:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    read = cache.get(key)
    cache.delete(key)
    if read != value:
        return {"status": "error", "error": "read back a different value"}
    return {"status": OK}


def check_task_queue():
    """How long the oldest task that a worker could run now has been waiting for one: a queue
    that nobody works (workers down, or too few) shows here before reminders go missing."""
    backends = [
        alias
        for alias, config in settings.TASKS.items()
        if config.get("BACKEND") == DATABASE_QUEUE_BACKEND
    ]
    if not backends:
        return {"status": OK, "queue": "none"}  # tasks run inline (demo, tests)

    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    ready = DBTaskResult.objects.ready().filter(backend_name__in=backends).order_by()
    # A task waits from when it was queued, or, when it was queued to run later (a retry with
    # backoff), from when it became due.
    oldest_queued = (
        ready.filter(run_after=get_date_max())
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    oldest_due = (
        ready.exclude(run_after=get_date_max())
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    waiting_since = min((t for t in (oldest_queued, oldest_due) if t is not None), default=None)
    age = max(0, int((now - waiting_since).total_seconds())) if waiting_since else 0
    status = OK if age <= settings.HEALTH_TASK_QUEUE_MAX_AGE else "late"
    return {
        "status": status,
        "oldest_ready_seconds": age,
        "max_age_seconds": settings.HEALTH_TASK_QUEUE_MAX_AGE,
    }


@require_safe
@never_cache
def health(request):
    checks = {"database": _timed(check_database)}
    database_up = checks["database"]["status"] == OK
    checks["cache"] = _timed(check_cache)
    if database_up:
        checks["task_queue"] = _timed(check_task_queue)
    else:
        checks["task_queue"] = {"status": "unknown", "error": "database unavailable"}

    if not database_up:
        status, http_status = FAIL, 503
    elif all(check["status"] == OK for check in checks.values()):
        status, http_status = OK, 200
    else:
        status, http_status = DEGRADED, 200
    if status != OK:
        logger.warning(
            "health %s: %s",
            status,
            ", ".join(f"{name} {check['status']}" for name, check in checks.items()),
            extra={"health": checks},
        )
    return JsonResponse({"status": status, "checks": checks}, status=http_status)
