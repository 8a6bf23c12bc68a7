from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    """Learning records to a Learning Record Store (xAPI): what the player tells ``training``'s
    signals becomes statements in an outbox, sent by the task worker (docs/xapi.md)."""

    name = "xapi"
    verbose_name = _("xAPI statements")

    def ready(self):
        from training import signals

        from . import services

        signals.attempt_started.connect(services.on_attempt_started, dispatch_uid="xapi.launched")
        signals.response_recorded.connect(
            services.on_response_recorded, dispatch_uid="xapi.answered"
        )
        signals.attempt_finished.connect(services.on_attempt_finished, dispatch_uid="xapi.finished")
