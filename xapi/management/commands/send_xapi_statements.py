"""Send the xAPI statements that are due now (the daily timer runs it as a safety net; the
worker normally sends them within seconds):

    manage.py send_xapi_statements          # send what is due
    manage.py send_xapi_statements --all    # also what waits for its next try
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from xapi import services
from xapi.models import OutboxStatement, StatementStatus


class Command(BaseCommand):
    help = "Send the xAPI statements that are due to the Learning Record Store."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Also send statements waiting for a later try (after the LRS is back).",
        )

    def handle(self, *args, **options):
        if not services.enabled():
            self.stdout.write("XAPI_ENDPOINT is not set: nothing is sent.")
            return
        if options["all"]:
            OutboxStatement.objects.filter(status=StatementStatus.PENDING).update(
                next_try_at=timezone.now()
            )
        counts = services.deliver()
        pending = OutboxStatement.objects.filter(status=StatementStatus.PENDING).count()
        self.stdout.write(
            f"{counts['sent']} sent, {counts['rejected']} refused by the LRS, {pending} waiting."
        )
