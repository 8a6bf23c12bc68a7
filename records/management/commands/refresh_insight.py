"""Rebuild the signal insight summary now, or queue it for the task worker:

    manage.py refresh_insight            # now, in this process (prints the counts)
    manage.py refresh_insight --enqueue  # as a task for ``manage.py db_worker``

Safe to run as often as you like: each run rebuilds the summary in one transaction. See
``records.insight.refresh``.
"""

from django.core.management.base import BaseCommand

from records.insight import refresh
from records.tasks import refresh_signal_insight


class Command(BaseCommand):
    help = "Rebuild the signal insight summary (or queue it with --enqueue)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="queue it for the worker")

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = refresh_signal_insight.enqueue()
            self.stdout.write(f"Queued: task {result.id}")
            return
        done = refresh.refresh()
        self.stdout.write(
            f"Read {done.responses} responses: {done.outcomes} outcomes per person and signal, "
            f"{done.rows} summary rows, in {done.seconds:.1f} s."
        )
