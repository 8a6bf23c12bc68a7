"""The delivery of xAPI statements, run by the task worker (``manage.py db_worker``)."""

from django.tasks import task

from . import services


@task
def deliver_statements():
    """Send the statements that are due to the LRS; returns the counts (sent, rejected,
    failed). Queued after every learner step that made a statement, and for the next try after
    a failure."""
    return services.deliver()
