"""One HR export, in its own process, so that its wall time and peak memory can be measured
alone (``bench.run`` starts it and reads the child's resource usage):

    BENCH_DATASET=export python -m bench.export_run ours csv all /tmp/out.csv

variants:

* ``ours``: the ``export_completions`` management command, the code path of the scheduled HR
  feed (the admin's downloads share ``records.exports``): CompletionResource's columns,
  neutralised cells, the audit entry;
* ``floor``: ``csv.writer`` (or openpyxl's write-only workbook) over the ``values_list``
  iterator of the same query (people left-joined to their completion records, in the same
  order), nothing else (no assigned modules merged in, no statuses, no labels, no
  neutralisation);
* ``stock``: django-import-export's own ``Resource.export()`` with ``CompletionResource``
  (a tablib Dataset built in memory, then written as CSV or XLSX);
* ``startup``: Django set up and the export code imported, no rows: the memory every variant
  starts from.

Rows: ``small`` is the region ``regio-export-100k`` of the export data set (100,000 rows at
scale 1), ``all`` is all of it (1,000,000 rows at scale 1).
"""

import csv
import datetime
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("BENCH_DATASET", "export")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from records.resources import ROW_VALUES, CompletionResource, export_rows  # noqa: E402
from training.models import Completion  # noqa: E402

SMALL_REGION = "regio-export-100k"


def queryset(rows):
    """The export's rows (``records.resources.ExportRows``): everyone, or the small region."""
    from people.models import Organisation

    if rows == "small":
        return export_rows(organisation=Organisation.objects.get(slug=SMALL_REGION))
    return export_rows()


def ours(file_format, rows, output):
    options = {"format": file_format, "output": output, "stdout": open(os.devnull, "w")}  # noqa: SIM115
    if rows == "small":
        options["organisation"] = SMALL_REGION
    call_command("export_completions", **options)


def _naive(value):
    # openpyxl refuses time zones; the floor drops them, nothing more.
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    return value


def floor(file_format, rows, output):
    values = queryset(rows).values(chunk_size=2000)
    if file_format == "csv":
        with open(output, "w", newline="", encoding="utf-8") as target:
            writer = csv.writer(target)
            writer.writerow(ROW_VALUES)
            for row in values:
                writer.writerow(row)
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Completions")
        sheet.append(ROW_VALUES)
        for row in values:
            sheet.append([_naive(value) for value in row])
        workbook.save(output)


def stock(file_format, rows, output):
    dataset = CompletionResource().export(queryset=queryset(rows))
    if file_format == "csv":
        with open(output, "w", newline="", encoding="utf-8") as target:
            target.write(dataset.csv)
    else:
        with open(output, "wb") as target:
            target.write(dataset.xlsx)


def startup(file_format, rows, output):
    import records.exports  # noqa: F401

    Completion.objects.exists()


VARIANTS = {"ours": ours, "floor": floor, "stock": stock, "startup": startup}


def main():
    variant, file_format, rows, output = sys.argv[1:5]
    started = time.perf_counter()
    VARIANTS[variant](file_format, rows, output)
    # The export's own time, from a set-up Django to the file written; the parent measures the
    # whole process (start-up included) and its peak memory.
    print(json.dumps({"seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
