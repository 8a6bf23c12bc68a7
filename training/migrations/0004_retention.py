import django.utils.timezone
from django.db import migrations, models


def start_the_leavers_clock(apps, schema_editor):
    """People who had already left when this was installed: their retention period starts
    now (when they left is not known)."""
    Profile = apps.get_model("training", "Profile")
    Profile.objects.filter(active=False, left_on__isnull=True).update(
        left_on=django.utils.timezone.localdate()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0003_reminderlog"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="left_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="left on"),
        ),
        migrations.AddField(
            model_name="profile",
            name="anonymised_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="anonymised on"
            ),
        ),
        migrations.RunPython(start_the_leavers_clock, migrations.RunPython.noop),
    ]
