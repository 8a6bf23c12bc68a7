"""xAPI 1.0.3 statements from attempts and responses.

The actor is pseudonymous: an account on this platform (``homePage``: the site's address) whose
name is an HMAC-SHA256 of the user id under a key derived from ``XAPI_ACTOR_KEY`` (default the
``SECRET_KEY``). The LRS can follow one learner across statements, and nobody who reads the LRS
can tell who it is without this platform; never a name, username or e-mail address. Statements
carry scores and success, never the options chosen or the right answer (no answer keys leave
the platform), and never free text a learner wrote.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.utils.crypto import salted_hmac

from training import services as training

from .models import Verb

XAPI_VERSION = "1.0.3"
VERB_IDS = {
    Verb.LAUNCHED: "http://adlnet.gov/expapi/verbs/launched",
    Verb.ANSWERED: "http://adlnet.gov/expapi/verbs/answered",
    Verb.COMPLETED: "http://adlnet.gov/expapi/verbs/completed",
    Verb.PASSED: "http://adlnet.gov/expapi/verbs/passed",
    Verb.FAILED: "http://adlnet.gov/expapi/verbs/failed",
}
VERB_NL = {
    Verb.LAUNCHED: "gestart",
    Verb.ANSWERED: "beantwoord",
    Verb.COMPLETED: "afgerond",
    Verb.PASSED: "geslaagd",
    Verb.FAILED: "gezakt",
}
MODULE_TYPE = "http://adlnet.gov/expapi/activities/module"
INTERACTION_TYPE = "http://adlnet.gov/expapi/activities/cmi.interaction"
CONTENT_LANGUAGE = "nl-NL"
PLATFORM = "Weerbaar Buitengebied"
# A fixed namespace for the registration (one per attempt) derived from the attempt's id.
_REGISTRATION_NAMESPACE = uuid.UUID("6f1c8f0e-3b52-4f0e-9d8e-1b7f3c2a9e41")


def site_url():
    return (settings.XAPI_ACTOR_HOMEPAGE or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def actor_name(user_id):
    """The learner's pseudonym: HMAC-SHA256 of the user id under a key derived from the
    platform's secret (``salted_hmac`` derives it from ``XAPI_ACTOR_KEY`` and a salt of its
    own, so the pseudonym says nothing about any other keyed value of the platform)."""
    secret = settings.XAPI_ACTOR_KEY or settings.SECRET_KEY
    return salted_hmac("xapi.actor", str(user_id), secret=secret, algorithm="sha256").hexdigest()


def actor(user_id):
    return {
        "objectType": "Agent",
        "account": {"homePage": site_url(), "name": actor_name(user_id)},
    }


def module_activity(attempt, content):
    return {
        "objectType": "Activity",
        "id": f"{site_url()}/xapi/activities/module/{attempt.module_id}",
        "definition": {
            "type": MODULE_TYPE,
            "name": {CONTENT_LANGUAGE: content.title},
        },
    }


def step_activity(attempt, content, block_id):
    step = next((step for step in content.steps if step.id == block_id), None)
    name = step.block.prompt(step.value) if step is not None else block_id
    return {
        "objectType": "Activity",
        "id": f"{site_url()}/xapi/activities/module/{attempt.module_id}/step/{block_id}",
        "definition": {
            "type": INTERACTION_TYPE,
            "name": {CONTENT_LANGUAGE: name[:500]},
            # "other": a choice interaction would have to list the right answers.
            "interactionType": "other",
        },
    }


def registration(attempt):
    """One registration per attempt: every statement of one attempt shares it."""
    return str(uuid.uuid5(_REGISTRATION_NAMESPACE, f"attempt:{attempt.pk}"))


def _number(value):
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _score(points, max_points):
    score = {"raw": _number(points), "min": 0, "max": _number(max_points)}
    if max_points:
        score["scaled"] = round(float(Decimal(points) / Decimal(max_points)), 4)
    return score


def build(entry):
    """The statement of an outbox entry (``OutboxStatement``)."""
    attempt = entry.attempt
    content = training.attempt_content(attempt)
    module = module_activity(attempt, content)
    context = {
        "registration": registration(attempt),
        "platform": PLATFORM,
        "language": CONTENT_LANGUAGE,
        "extensions": {f"{site_url()}/xapi/extensions/revision": attempt.revision_id},
    }
    statement = {
        "id": str(entry.id),
        "actor": actor(attempt.learner_id),
        "verb": {
            "id": VERB_IDS[entry.verb],
            "display": {"en-US": str(entry.verb), CONTENT_LANGUAGE: VERB_NL[entry.verb]},
        },
        "object": module,
        "timestamp": entry.created_at.isoformat(),
        "context": context,
    }
    if entry.verb == Verb.ANSWERED:
        response = entry.response
        statement["object"] = step_activity(attempt, content, response.block_id)
        context["contextActivities"] = {"parent": [module]}
        statement["result"] = {
            "score": _score(response.points, response.max_points),
            "success": response.points >= response.max_points,
        }
    elif entry.verb in (Verb.PASSED, Verb.FAILED):
        statement["result"] = {
            "score": _score(attempt.points, attempt.max_points),
            "success": entry.verb == Verb.PASSED,
            "completion": True,
        }
    elif entry.verb == Verb.COMPLETED:
        result = {"completion": True}
        if attempt.finished_at and attempt.started_at:
            seconds = max(0, int((attempt.finished_at - attempt.started_at).total_seconds()))
            result["duration"] = f"PT{seconds}S"
        statement["result"] = result
    return statement
