from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "lawsearch"
    verbose_name = _("Search")

    def ready(self):
        from . import page_signals, signals  # noqa: F401  (connect index updates to publishing)
