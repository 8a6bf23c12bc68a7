from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """The player: the catalogue as a learner sees it, attempts, responses, completions and the
    review of an attempt."""

    name = "training"
    verbose_name = _("Training")
