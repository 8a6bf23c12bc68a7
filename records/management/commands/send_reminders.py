"""Queue the reminder e-mails that are due. Meant for cron (daily, say at 07:00):

    python manage.py send_reminders

The worker (``python manage.py db_worker``) sends them. Safe to run again: a reminder that was
sent is not queued again, and one queued twice is still sent once.
"""

from collections import Counter

from django.core.management.base import BaseCommand

from records import reminders, tasks


class Command(BaseCommand):
    help = "Queue the reminder e-mails to learners and the weekly digests to managers that are due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be queued.",
        )

    def handle(self, *args, dry_run=False, **options):
        due = reminders.due_reminders() if dry_run else tasks.enqueue_reminders()
        by_stage = Counter(str(reminder.stage) for reminder in due)
        details = ", ".join(f"{stage}: {count}" for stage, count in sorted(by_stage.items()))
        verb = "would be queued" if dry_run else "queued"
        self.stdout.write(f"{len(due)} reminders {verb}" + (f" ({details})" if details else "."))
