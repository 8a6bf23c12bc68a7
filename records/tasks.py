"""Background work of the training app, run by the task worker (``manage.py db_worker``).

One task per e-mail: a failing address or mail server fails (and retries) that one reminder
only, the worker's task list shows each e-mail, and several workers share the load. Each task
re-checks that its reminder still applies and claims it before sending (see
``records.reminders``), so a task queued twice still sends one e-mail.
"""

from django.tasks import task

from . import reminders


def enqueue_reminders(today=None):
    """Queue one task per e-mail that is due; returns the reminders queued. Safe to run as often
    as you like: what was sent is not queued again, and a reminder queued twice (two runs before
    the worker got to it) is still sent once."""
    queued = reminders.due_reminders(today)
    for reminder in queued:
        if reminder.assignment_id is None:
            send_manager_digest.enqueue(reminder.recipient_id, reminder.cycle)
        else:
            send_learner_reminder.enqueue(
                reminder.recipient_id, reminder.assignment_id, reminder.stage, reminder.cycle
            )
    return queued


@task
def send_learner_reminder(recipient_id, assignment_id, stage, cycle):
    return reminders.send_learner_reminder(recipient_id, assignment_id, stage, cycle)


@task
def send_manager_digest(manager_id, week):
    return reminders.send_manager_digest(manager_id, week)


@task
def anonymise_training_records():
    """The nightly retention run (AVG): see ``records.retention``. Returns the counts."""
    from dataclasses import asdict

    from . import retention

    return asdict(retention.anonymise())


@task
def refresh_signal_insight():
    """Rebuild the signal insight summary (``records.insight.refresh``) and work out the
    province-wide views once (``reports.warm``). Returns the counts."""
    from .insight import refresh, reports

    done = refresh.refresh()
    reports.warm()
    return {"responses": done.responses, "outcomes": done.outcomes, "rows": done.rows}
