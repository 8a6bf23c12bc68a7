"""Per-user rate limits on the endpoints a script could hammer: the learner's answer POST and
every export download. Counted by django-ratelimit in the shared cache (``CACHES``), so the
limit holds across app servers, and exactly under simultaneous requests (its add and incr are
atomic: Redis, or the database cache of ``cms.cache``); the limits themselves are settings
(``RATELIMIT_ANSWER``, ``RATELIMIT_EXPORT``), read on every request.

A view asks ``too_many(request, ANSWER)`` *before* it changes or reads anything, and answers
429 with a message of its own when it is true, so a refused request changes nothing."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

ANSWER = "answer"
EXPORT = "export"

RATES = {ANSWER: "RATELIMIT_ANSWER", EXPORT: "RATELIMIT_EXPORT"}

MESSAGES = {
    # nl: "Je antwoordt te snel. Wacht even en probeer het opnieuw."
    ANSWER: _("You are answering too quickly. Wait a moment and try again."),
    # nl: "Je hebt te veel exports gevraagd; probeer het over een minuut opnieuw."
    EXPORT: _("You have asked for too many exports; try again in a minute."),
}


def too_many(request, kind):
    """Count this request against the user's limit for ``kind``; True when it is over it.
    Every export endpoint shares one count per user: a second endpoint is no way around it."""
    rate = getattr(settings, RATES[kind])
    return is_ratelimited(
        request,
        group=f"training.{kind}",
        key="user_or_ip",
        rate=rate,
        method=ALL,
        increment=True,
    )


def message(kind):
    return MESSAGES[kind]
