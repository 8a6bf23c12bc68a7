"""Create or complete the role groups, in production as in the demo."""

from django.core.management.base import BaseCommand

from people.roles import ensure_groups
from scenarios.models import ModuleCatalogue


class Command(BaseCommand):
    help = "Create the role groups (learners, trainers) and give trainers the module catalogues."

    def handle(self, *args, **options):
        catalogues = list(ModuleCatalogue.objects.all())
        ensure_groups()
        for catalogue in catalogues:
            ensure_groups(catalogue)
        self.stdout.write(
            self.style.SUCCESS(
                f"Role groups ready; trainers can edit {len(catalogues)} catalogue(s)."
            )
        )
