from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo: modules, taxonomy, organisations and people as data files (``demo/content``),
    drawn illustrations, and ``manage.py load_demo``, which turns them into rows. The one app
    that uses every other app; nothing depends on it."""

    name = "demo"
    verbose_name = "Demo"
