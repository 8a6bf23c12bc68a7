"""Write a module to a folder: ``module.toml`` and the images it uses, for another installation
(``import_module``) or another province. See docs/module-format.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scenarios.exchange import export_module, write_module_folder
from scenarios.models import ModulePage


class Command(BaseCommand):
    help = "Export a module (its published content, or --draft) as a folder with module.toml."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the module's slug")
        parser.add_argument(
            "--output", help="the folder to write (default: a folder named after the slug)"
        )
        parser.add_argument(
            "--draft", action="store_true", help="the latest saved revision, not the published one"
        )

    def handle(self, *args, slug, output=None, draft=False, **options):
        pages = ModulePage.objects.filter(slug=slug)
        if not pages.exists():
            raise CommandError(f"No module with the slug {slug!r}.")
        if pages.count() > 1:
            raise CommandError(f"More than one module has the slug {slug!r}.")
        page = pages.get()
        if not draft and page.live_revision is None:
            raise CommandError(f"{slug!r} has never been published; export it with --draft.")
        data, images = export_module(page, draft=draft)
        path = write_module_folder(Path(output or slug), data, images)
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {page.title!r} ({len(data['steps'])} steps, {len(images)} images) "
                f"to {path}"
            )
        )
