"""Background work of the training app, run by the task worker (``manage.py db_worker``).

One task per e-mail: a failing address or mail server fails (and retries) that one reminder
only, the worker's task list shows each e-mail, and several workers share the load. Each task
re-checks that its reminder still applies and claims it before sending (see
``training.reminders``), so a task queued twice still sends one e-mail.
"""

from django.tasks import task

from . import reminders


@task
def send_learner_reminder(recipient_id, assignment_id, stage, cycle):
    return reminders.send_learner_reminder(recipient_id, assignment_id, stage, cycle)


@task
def send_manager_digest(manager_id, week):
    return reminders.send_manager_digest(manager_id, week)


@task
def anonymise_training_records():
    """The nightly retention run (AVG): see ``training.retention``. Returns the counts."""
    from dataclasses import asdict

    from . import retention

    return asdict(retention.anonymise())
