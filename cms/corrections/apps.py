from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionsConfig(AppConfig):
    """Members' requests to correct the ministry's data about their organization."""

    name = "cms.corrections"
    label = "corrections"
    verbose_name = _("Data corrections")

    def ready(self):
        from . import evidence, notices  # noqa: F401  (evidence connects the file clean-up signal)

        notices.register_kinds()
