"""Load or refresh the demo: home page, catalogue, modules, illustrations, taxonomy,
organisations, people, assignments and training history.

Safe to run again: it updates in place and never duplicates. The work is done by
``demo.loader``; this command only runs it and reports.
"""

import logging
import time

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEMO_PASSWORD, DemoContentError, demo_accounts, load_demo

__all__ = ["DEMO_PASSWORD", "Command"]


class Command(BaseCommand):
    help = (
        "Load or refresh the demo content and accounts (re-runnable: updates in place, "
        "never duplicates)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        # Wagtail logs every page action and Django every background task at INFO: one line
        # per save. Keep that out of the summary unless asked for (-v 2).
        quiet = options["verbosity"] < 2
        loggers = [logging.getLogger(name) for name in ("wagtail", "django.tasks", "django_tasks")]
        levels = [logger.level for logger in loggers]
        try:
            if quiet:
                for logger in loggers:
                    logger.setLevel(logging.WARNING)
            summary = load_demo()
        except DemoContentError as error:
            raise CommandError(f"The demo content was refused:\n{error}") from error
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)
        seconds = time.monotonic() - started
        if options["verbosity"] == 0:
            return

        write = self.stdout.write
        write(self.style.SUCCESS(f"Demo loaded in {seconds:.1f} s."))
        write(f"  Themes: {summary.themes}, new signals: {summary.signals_created}")
        write(
            f"  Images: {len(summary.images_created)} new, {len(summary.images_replaced)} replaced"
        )
        write(
            f"  Pages: {len(summary.pages_created)} new, "
            f"{len(summary.pages_published)} republished, "
            f"{len(summary.pages_unchanged)} unchanged"
        )
        if summary.welcome_page_removed:
            write("  Removed Wagtail's welcome page; the home page is now the site root.")
        for module in summary.modules:
            write(f"  Module: {module.title} ({module.url})")
        write(
            f"  Organisations: {summary.organisations} ({len(summary.organisations_created)} new), "
            f"people in them: {summary.people} ({len(summary.people_created)} new), "
            f"assignments: {summary.assignments} ({len(summary.assignments_created)} new)"
        )
        write(
            f"  New attempts: {len(summary.attempts_created)} of the demo accounts, "
            f"{summary.people_attempts_created} of the other learners, "
            f"{summary.cohort_attempts_created} of the insight cohorts "
            f"({summary.cohort_learners_created} new learners); "
            f"signal insight: {summary.insight_outcomes} outcomes"
        )
        write(f"  New certificates: {summary.certificates_issued} (besides those of new passes)")
        write(f"  Resilience scan: {summary.scan.title} ({summary.scan.url})")
        for name in summary.scan_rounds_created:
            write(f"    New filled-in round: {name}")
        for line in summary.attempts_created:
            write(f"    {line}")
        for line in summary.skipped:
            write(self.style.WARNING(f"  Skipped: {line}"))

        write("")
        write("Demo accounts (password for all of them: " + DEMO_PASSWORD + "):")
        for account in demo_accounts():
            username = account["username"]
            new = " (new)" if username in summary.users_created else ""
            name = f"{account['first_name']} {account['last_name']}"
            write(f"  {username:<12} {name}: {account['label']}{new}")
        write(
            "A password changed after the first run is kept; the demo sets it only for a "
            "new account."
        )
