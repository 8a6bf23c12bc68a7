"""Read a module written by ``export_module`` (or by hand, see docs/module-format.md) into the
catalogue: a new module, or a new revision of the module with the same slug. The content gets
the validation a trainer's module gets; a file that is refused changes nothing."""

from django.core.management.base import BaseCommand, CommandError

from scenarios.exchange import ExchangeError, FileLibrary, import_module, read_module_file
from scenarios.models import ModuleCatalogue


class Command(BaseCommand):
    help = "Import a module folder (or its module.toml) into the module catalogue."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a folder with module.toml, or the file itself")
        parser.add_argument(
            "--catalogue", help="the slug of the catalogue to add it to (default: the first one)"
        )
        parser.add_argument(
            "--draft", action="store_true", help="save the new revision without publishing it"
        )

    def handle(self, *args, path, catalogue=None, draft=False, **options):
        catalogues = ModuleCatalogue.objects.all()
        if catalogue:
            catalogues = catalogues.filter(slug=catalogue)
        target = catalogues.order_by("path").first()
        if target is None:
            raise CommandError(
                f"No module catalogue {catalogue!r}." if catalogue else "No module catalogue yet."
            )
        try:
            data, folder = read_module_file(path)
            result = import_module(data, FileLibrary(data, folder), target, publish=not draft)
        except ExchangeError as error:
            raise CommandError(f"The module was not imported: {error}") from None
        page = result.page
        if result.created:
            what = "Created"
        elif result.published:
            what = "Saved a new revision of"
        else:
            what = "No changes in"
        state = "" if not result.published else (" (draft)" if draft else " (published)")
        self.stdout.write(self.style.SUCCESS(f"{what} {page.title!r}{state}."))
