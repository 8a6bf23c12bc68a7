"""Write HR's completion export to a file, for scheduled HR feeds:

    manage.py export_completions --format xlsx --organisation gemeente-boxtel \\
        --module drugslabs --since 2026-01-01 --output /data/hr/voltooiingen.xlsx

The same columns, neutralisation and audit entry (by "command") as the admin's downloads; the
whole organisation subtree is exported (no user scope: whoever runs the command on the server
already has the database).
"""

import datetime
import os

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from people.models import Organisation
from people.status import TrainingStatus
from records import exports
from scenarios.models import ModulePage

ACTOR_NAME = "command"


class Command(BaseCommand):
    help = "Export completion records (HR columns) to a CSV or XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=exports.FORMATS, default=exports.CSV)
        parser.add_argument("--organisation", metavar="SLUG", help="this node and below")
        parser.add_argument("--module", metavar="SLUG")
        parser.add_argument("--since", metavar="YYYY-MM-DD", help="first completed on or after")
        parser.add_argument("--status", choices=TrainingStatus.values)
        parser.add_argument(
            "--separator",
            choices=[value for value, _label in exports.CSV_SEPARATORS],
            default=exports.COMMA,
            help="CSV only: ',' (the default, for feeds read by programs) or ';' (Excel in Dutch)",
        )
        parser.add_argument("--output", required=True, metavar="FILE")

    def handle(self, *args, **options):
        filters = exports.ExportFilters(
            organisation=self.organisation(options["organisation"]),
            module=self.module(options["module"]),
            date_from=self.parse_date(options["since"]),
            status=options["status"] or "",
        )
        file_format = options["format"]
        output = options["output"]
        directory = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(directory):
            raise CommandError(f"The directory {directory} does not exist.")
        export = exports.CompletionExport(None, filters, actor_name=ACTOR_NAME)
        # Write to a temporary name and move it into place: a feed never reads half a file.
        partial = f"{output}.partial"
        try:
            with transaction.atomic():
                entry = export.start_audit(file_format)
                if file_format == exports.CSV:
                    with open(partial, "wb") as target:
                        for chunk in export.iter_csv(entry, separator=options["separator"]):
                            target.write(chunk)
                    count = entry.row_count
                else:
                    count = export.write_xlsx(partial)
                    export.finish_audit(entry, count)
                os.replace(partial, output)
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error}") from error
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        self.stdout.write(f"{count} rows written to {output}.")

    def organisation(self, slug):
        if not slug:
            return None
        try:
            return Organisation.objects.get(slug=slug)
        except Organisation.DoesNotExist:
            raise CommandError(f"No organisation with the slug {slug!r}.") from None

    def module(self, slug):
        if not slug:
            return None
        found = list(ModulePage.objects.filter(slug=slug)[:2])
        if not found:
            raise CommandError(f"No module with the slug {slug!r}.")
        if len(found) > 1:
            raise CommandError(f"More than one module has the slug {slug!r}.")
        return found[0]

    def parse_date(self, value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"{value!r} is not a date in the form YYYY-MM-DD.") from None
