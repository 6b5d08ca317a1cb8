from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    """The help centre: answers to frequent questions and the hotline."""

    name = "help"
    label = "help"
    verbose_name = _("Help")
