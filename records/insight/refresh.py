"""Rebuild the signal insight tables from the responses: ``SignalOutcome`` (per learner and
signal: first, best and last later outcome) and ``SignalSummary`` (people per organisation
node, function, quarter and signal, by outcome), in one transaction, so a reader sees the old
tables or the new ones, never half.

What a response says about a signal is content's rule (``scenarios.signal_tags``), read from
the raw step data of the revision the attempt pinned; so editing a module never changes what a
past answer counted for. The responses are read as a stream, one learner at a time, and only
those to steps that test a signal; the summing into ``SignalSummary`` is one SQL ``GROUP BY``.
"""

import itertools
import time

from django.db import transaction
from django.db.models import Count, DateField, Q
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from wagtail.models import Revision

from scenarios import signal_tags
from scenarios.models import Signal
from training.models import Attempt, Response

from ..models import InsightRefresh, SignalOutcome, SignalSummary

BATCH = 5000


def tagged_steps():
    """{revision pk: {block id: raw step}} of every revision an attempt pinned, only the steps
    that test a signal."""
    revision_ids = Attempt.objects.values_list("revision_id", flat=True).distinct()
    steps = {}
    for pk, content in Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"):
        tagged = {}
        for step in signal_tags.raw_steps(content):
            if isinstance(step, dict) and step.get("id") and signal_tags.tested_signals(step):
                tagged[str(step["id"])] = step
        if tagged:
            steps[pk] = tagged
    return steps


def learner_outcomes(learner_id, responses, steps, known_signals):
    """The ``SignalOutcome`` rows of one learner from their responses (ordered by learner)."""
    # signal -> attempt -> [first answered, recognised in every answer of that attempt]
    met = {}
    for _learner, attempt_id, revision_id, block_id, chosen, verdict, answered_at in responses:
        step = steps.get(revision_id, {}).get(block_id)
        if step is None:
            continue
        for signal, recognised in signal_tags.recognised(step, chosen, verdict).items():
            if signal not in known_signals:
                continue
            attempts = met.setdefault(signal, {})
            seen = attempts.get(attempt_id)
            if seen is None:
                attempts[attempt_id] = [answered_at, recognised]
            else:
                seen[0] = min(seen[0], answered_at)
                seen[1] = seen[1] and recognised
    for signal, attempts in met.items():
        ordered = sorted(attempts.items(), key=lambda item: (item[1][0], item[0]))
        first_at, first = ordered[0][1]
        yield SignalOutcome(
            learner_id=learner_id,
            signal_id=signal,
            first_answered_at=first_at,
            first_recognised=first,
            best_recognised=any(outcome for _id, (_at, outcome) in ordered),
            later_recognised=ordered[-1][1][1] if len(ordered) > 1 else None,
        )


def _atoms():
    """How ``SignalSummary``'s groups follow from an outcome, as SQL counts."""
    once = Q(later_recognised__isnull=True)
    yes, no = Q(first_recognised=True), Q(first_recognised=False)
    return {
        "once_yes": Count("pk", filter=once & yes),
        "once_no": Count("pk", filter=once & no),
        "again_yes_yes": Count("pk", filter=yes & Q(later_recognised=True)),
        "again_yes_no": Count("pk", filter=yes & Q(later_recognised=False)),
        "again_no_yes": Count("pk", filter=no & Q(later_recognised=True)),
        "again_no_no_between": Count(
            "pk", filter=no & Q(later_recognised=False, best_recognised=True)
        ),
        "again_no_no": Count("pk", filter=no & Q(later_recognised=False, best_recognised=False)),
    }


def summarise():
    """``SignalSummary`` from ``SignalOutcome``: one SQL GROUP BY, its rows inserted in batches.
    People without an organisation node are in no organisation's figures."""
    grouped = (
        SignalOutcome.objects.filter(learner__profile__organisation__isnull=False)
        .annotate(quarter=TruncQuarter("first_answered_at", output_field=DateField()))
        .values(
            "learner__profile__organisation_id",
            "learner__profile__organisation__path",
            "learner__profile__function",
            "quarter",
            "signal_id",
            "signal__theme_id",
        )
        .annotate(**_atoms())
        .order_by()
    )
    rows = (
        SignalSummary(
            organisation_id=row["learner__profile__organisation_id"],
            path=row["learner__profile__organisation__path"],
            function=row["learner__profile__function"],
            quarter=row["quarter"],
            signal_id=row["signal_id"],
            theme_id=row["signal__theme_id"],
            **{atom: row[atom] for atom in SignalSummary.ATOMS},
        )
        for row in grouped.iterator(chunk_size=BATCH)
    )
    count = 0
    for batch in itertools.batched(rows, BATCH):
        SignalSummary.objects.bulk_create(batch)
        count += len(batch)
    return count


def refresh():
    """Rebuild both tables and record the refresh; returns the ``InsightRefresh``."""
    started = time.monotonic()
    steps = tagged_steps()
    block_ids = sorted({block for tagged in steps.values() for block in tagged})
    known_signals = set(Signal.objects.values_list("pk", flat=True))
    responses = (
        Response.objects.filter(block_id__in=block_ids)
        .values_list(
            "attempt__learner_id",
            "attempt_id",
            "attempt__revision_id",
            "block_id",
            "chosen_options",
            "verdict",
            "answered_at",
        )
        .order_by("attempt__learner_id", "answered_at", "pk")
    )
    read = outcomes = 0
    with transaction.atomic():
        SignalSummary.objects.all().delete()
        SignalOutcome.objects.all().delete()
        stream = responses.iterator(chunk_size=BATCH) if block_ids else iter(())
        pending = []
        for learner_id, group in itertools.groupby(stream, key=lambda row: row[0]):
            group = list(group)
            read += len(group)
            pending.extend(learner_outcomes(learner_id, group, steps, known_signals))
            if len(pending) >= BATCH:
                SignalOutcome.objects.bulk_create(pending)
                outcomes += len(pending)
                pending = []
        if pending:
            SignalOutcome.objects.bulk_create(pending)
            outcomes += len(pending)
        rows = summarise()
        return InsightRefresh.objects.create(
            finished_at=timezone.now(),
            responses=read,
            outcomes=outcomes,
            rows=rows,
            seconds=round(time.monotonic() - started, 3),
        )


def latest():
    """The last refresh, or None before the first."""
    return InsightRefresh.objects.order_by("-finished_at").first()
