from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EServicesConfig(AppConfig):
    name = "forms"
    label = "eservices"
    verbose_name = _("E-services")

    def ready(self):
        from . import signals  # noqa: F401
        from .review import notices

        notices.register_kinds()
