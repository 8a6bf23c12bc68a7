"""User names are unique without regard to case: logging in finds an account by its name in any
case (allauth), so ``boa`` beside ``BOA`` would leave ``Boa`` unable to log in. A unique index on
lower(username) of Django's user table holds it in the database, on SQLite and PostgreSQL alike.

Before adding it, the migration looks for names that already differ only in case and stops with
a message naming them: an admin renames (or removes) one of each pair, then runs migrate again.
"""

from django.core.management.base import CommandError
from django.db import migrations
from django.db.models import Count
from django.db.models.functions import Lower

INDEX = "auth_user_username_lower_uniq"


def refuse_names_that_differ_only_in_case(apps, schema_editor):
    User = apps.get_model("auth", "User")
    clashing = (
        User.objects.annotate(lowered=Lower("username"))
        .values("lowered")
        .annotate(count=Count("id"))
        .filter(count__gt=1)
        .values_list("lowered", flat=True)
    )
    groups = {}
    for username in (
        User.objects.annotate(lowered=Lower("username"))
        .filter(lowered__in=list(clashing))
        .values_list("username", flat=True)
    ):
        groups.setdefault(username.lower(), []).append(username)
    if groups:
        names = "; ".join(" and ".join(sorted(group)) for _key, group in sorted(groups.items()))
        raise CommandError(
            "These user names differ only in case, and user names must be unique without regard "
            f"to case: {names}. Rename or remove one account of each group (e.g. in the admin "
            "under Settings > Users), then run migrate again."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cms", "0002_two_step_setup_link_use"),
    ]

    operations = [
        migrations.RunPython(refuse_names_that_differ_only_in_case, migrations.RunPython.noop),
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {INDEX} ON auth_user (LOWER(username))",
            reverse_sql=f"DROP INDEX {INDEX}",
        ),
    ]
