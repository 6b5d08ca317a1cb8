from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    """Claiming an organization that is already on the ministry's register."""

    name = "cms.claims"
    label = "claims"
    verbose_name = _("Organization claims")

    def ready(self):
        from . import notices, signals  # noqa: F401

        notices.register_kinds()
