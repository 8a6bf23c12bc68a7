from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Only installed by ``bench.settings``: the data generator command lives here."""

    name = "bench"
    default_auto_field = "django.db.models.BigAutoField"
