"""Make the bench data set, or reuse it when it was made with the same seed and scale:

    DJANGO_SETTINGS_MODULE=bench.settings manage.py bench_data --scale 1 --seed 2026
    BENCH_DATASET=export DJANGO_SETTINGS_MODULE=bench.settings manage.py bench_data

The database is the one ``bench.settings`` points at (never the demo's); a data set made with
another seed, scale or generator version is thrown away first.
"""

import os
import random
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from bench import dataset


class Command(BaseCommand):
    help = "Generate (or reuse) the benchmark data set in the bench database."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--force", action="store_true", help="make it again in any case")

    def handle(self, *args, scale, seed, force, **options):
        if "bench" not in settings.INSTALLED_APPS:
            raise CommandError("Run this with DJANGO_SETTINGS_MODULE=bench.settings.")
        name = settings.DATASET
        if name not in ("province", "export"):
            raise CommandError(f"Unknown BENCH_DATASET {name!r}: use province or export.")
        started = time.monotonic()

        def log(message):
            self.stdout.write(f"[{time.monotonic() - started:6.1f}s] {name}: {message}")

        call_command("migrate", verbosity=0, interactive=False)
        marker = dataset.read_marker()
        if not force and dataset.matches(marker, name, seed, scale):
            log(f"reusing the data set (seed {seed}, scale {scale})")
            return
        if marker is not None or self.has_data():
            log("throwing away the data set made with other settings")
            self.throw_away()
        call_command("createcachetable", verbosity=0)
        rng = random.Random(seed)
        with transaction.atomic():
            if name == "province":
                counts = dataset.generate_province(rng, scale, log)
            else:
                counts = dataset.generate_export(rng, scale, log)
            dataset.write_marker({**dataset.wanted_marker(name, seed, scale), "counts": counts})
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics on both databases
        log(f"done: {counts}")

    @staticmethod
    def throw_away():
        """SQLite: a new file (much faster than emptying 2 million rows); PostgreSQL: flush."""
        if connection.vendor == "sqlite":
            path = connection.settings_dict["NAME"]
            connection.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(f"{path}{suffix}"):
                    os.remove(f"{path}{suffix}")
            call_command("migrate", verbosity=0, interactive=False)
        else:
            call_command("flush", verbosity=0, interactive=False)

    @staticmethod
    def has_data():
        from people.models import Organisation

        return Organisation.objects.exists()
