"""Anonymise the training records of people who left longer ago than the leavers' retention
period, and of people whose records are all older than the retention period (AVG):

    manage.py anonymise_training_records --dry-run   # only count
    manage.py anonymise_training_records

Safe to run every night (cron, or the ``anonymise_training_records`` task on the worker):
whoever was anonymised is not touched again. See ``records.retention``.
"""

from dataclasses import asdict

from django.core.management.base import BaseCommand

from records import retention


class Command(BaseCommand):
    help = "Anonymise training records past their retention period (prints counts)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count; change nothing")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        counts = retention.anonymise(dry_run=dry_run)
        heading = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(f"{heading} {counts.people} people:")
        for name, value in asdict(counts).items():
            if name != "people":
                self.stdout.write(f"  {name.replace('_', ' ')}: {value}")
