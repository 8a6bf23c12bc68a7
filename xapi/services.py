"""The xAPI outbox: statements queued in the learner's transaction, sent by the task worker.

Queuing (``on_…``, receivers of ``training.signals``) writes one or two rows in the transaction
that records the learner's step and, once it commits, queues a delivery task: the learner never
waits for the LRS, and an answer that rolls back leaves no statement. With no ``XAPI_ENDPOINT``
nothing is queued at all.

Delivery (``deliver``, run by the worker) sends the due statements in batches to
``XAPI_ENDPOINT``/statements with HTTP basic authentication. Whatever goes wrong on the way (LRS
down, timeout, 5xx, 401/403, 429) leaves the statements pending with the next try
``XAPI_RETRY_BASE_SECONDS`` × 2^(tries-1) later (at most ``XAPI_RETRY_MAX_SECONDS``, with jitter),
and queues a task for then; the daily ``send_xapi_statements`` catches up whatever a lost task
left behind. A statement the LRS refuses as invalid (400) is kept as "rejected" with the LRS's
reason and not retried: sending it again would not change the answer (400, or 422 from LRSs
built on FastAPI such as Ralph).
"""

import logging
import random
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import statements
from .models import OutboxStatement, StatementStatus, Verb

logger = logging.getLogger(__name__)


def enabled():
    return bool(settings.XAPI_ENDPOINT)


# -- queuing, in the learner's transaction ---------------------------------------------------------


def _queue(*entries):
    OutboxStatement.objects.bulk_create(entries)
    transaction.on_commit(_enqueue_delivery)


def _enqueue_delivery():
    from . import tasks

    try:
        tasks.deliver_statements.enqueue()
    except Exception:  # the outbox keeps them; the next delivery or the daily run sends them
        logger.exception("could not queue the delivery of xAPI statements")


def on_attempt_started(sender, attempt, **kwargs):
    if enabled():
        _queue(OutboxStatement(verb=Verb.LAUNCHED, attempt=attempt, created_at=attempt.started_at))


def on_response_recorded(sender, response, **kwargs):
    if enabled():
        _queue(
            OutboxStatement(
                verb=Verb.ANSWERED,
                attempt_id=response.attempt_id,
                response=response,
                created_at=response.answered_at,
            )
        )


def on_attempt_finished(sender, attempt, **kwargs):
    if enabled():
        at = attempt.finished_at
        outcome = Verb.PASSED if attempt.passed else Verb.FAILED
        _queue(
            OutboxStatement(verb=Verb.COMPLETED, attempt=attempt, created_at=at),
            # A moment later, so that the LRS (and anyone sorting by time) sees completed first.
            OutboxStatement(
                verb=outcome, attempt=attempt, created_at=at + timedelta(microseconds=1)
            ),
        )


# -- delivery, in the worker -----------------------------------------------------------------------


class LrsUnavailable(Exception):
    """The LRS did not take the statements now; try again later."""


def backoff(tries):
    """Seconds until the next try after ``tries`` failed ones: doubling, capped, with up to 10%
    jitter so that statements queued together do not all come back at the same second."""
    delay = min(
        settings.XAPI_RETRY_BASE_SECONDS * 2 ** max(tries - 1, 0), settings.XAPI_RETRY_MAX_SECONDS
    )
    return delay * (1 + random.random() / 10)  # noqa: S311 - jitter, not a secret


def _post(payload):
    base = settings.XAPI_ENDPOINT.rstrip("/")
    try:
        return requests.post(
            f"{base}/statements",
            json=payload,
            auth=(settings.XAPI_USERNAME, settings.XAPI_PASSWORD),
            headers={"X-Experience-API-Version": statements.XAPI_VERSION},
            timeout=settings.XAPI_TIMEOUT_SECONDS,
        )
    except requests.RequestException as error:
        raise LrsUnavailable(f"{type(error).__name__}: {error}") from error


def _explain(response):
    return f"HTTP {response.status_code}: {response.text[:300]}"


def _send(entries):
    """Send ``entries`` (built); returns those the LRS refused as invalid, with the reason.
    Raises ``LrsUnavailable`` when it should be tried again later."""
    response = _post([entry.statement for entry in entries])
    if response.status_code in (200, 204):
        return {}
    if response.status_code == 409 and len(entries) == 1:
        return {}  # a statement with this id is there already: sent before
    # 400 is the xAPI answer to an invalid statement; FastAPI-based LRSs (Ralph) say 422.
    if response.status_code in (400, 409, 422):
        if len(entries) == 1:
            return {entries[0].pk: _explain(response)}
        # One bad statement fails the whole batch: send one by one to find it.
        refused = {}
        for entry in entries:
            refused.update(_send([entry]))
        return refused
    raise LrsUnavailable(_explain(response))


def deliver(limit=None):
    """Send what is due, batch after batch (``XAPI_BATCH_SIZE``), until nothing is due or the
    LRS fails. Returns a dict of counts: sent, rejected, failed (left for a later try)."""
    counts = {"sent": 0, "rejected": 0, "failed": 0}
    if not enabled():
        return counts
    while limit is None or counts["sent"] + counts["rejected"] < limit:
        with transaction.atomic():
            # Several workers: each takes rows the others have not locked.
            batch = list(
                OutboxStatement.objects.due()
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("attempt", "response")
                .order_by("created_at", "pk")[: settings.XAPI_BATCH_SIZE]
            )
            if not batch:
                break
            for entry in batch:
                if entry.statement is None:
                    entry.statement = statements.build(entry)
            now = timezone.now()
            try:
                refused = _send(batch)
            except LrsUnavailable as error:
                for entry in batch:
                    entry.tries += 1
                    entry.next_try_at = now + timedelta(seconds=backoff(entry.tries))
                    entry.last_error = str(error)[:500]
                OutboxStatement.objects.bulk_update(
                    batch, ["statement", "tries", "next_try_at", "last_error"]
                )
                counts["failed"] += len(batch)
                logger.warning(
                    "xAPI: the LRS did not take %s statements (%s); next try in %.0f s",
                    len(batch),
                    error,
                    min(entry.next_try_at for entry in batch).timestamp() - now.timestamp(),
                )
                retry_at = min(entry.next_try_at for entry in batch)
                transaction.on_commit(lambda at=retry_at: _enqueue_retry(at))
                break
            for entry in batch:
                entry.tries += 1
                if entry.pk in refused:
                    entry.status = StatementStatus.REJECTED
                    entry.last_error = refused[entry.pk][:500]
                    counts["rejected"] += 1
                    logger.error(
                        "xAPI: the LRS refused statement %s: %s", entry.pk, entry.last_error
                    )
                else:
                    entry.status = StatementStatus.SENT
                    entry.sent_at = now
                    entry.last_error = ""
                    counts["sent"] += 1
            OutboxStatement.objects.bulk_update(
                batch, ["statement", "status", "tries", "sent_at", "last_error"]
            )
    return counts


def _enqueue_retry(at):
    from . import tasks

    try:
        tasks.deliver_statements.using(run_after=at).enqueue()
    except Exception:
        logger.exception("could not queue the retry of xAPI statements")
