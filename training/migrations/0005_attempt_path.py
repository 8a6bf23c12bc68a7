from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0004_retention"),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="path",
            field=models.JSONField(blank=True, default=list, verbose_name="path"),
        ),
    ]
