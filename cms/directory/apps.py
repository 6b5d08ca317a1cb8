from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The public directory of CSOs: search, filters, export and public register pages."""

    name = "cms.directory"
    label = "directory"
    verbose_name = _("Directory of CSOs")
