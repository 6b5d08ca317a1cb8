"""The fixed list of news categories.

A fixed list rather than editable snippets, because its values are the
``?category=`` slugs of the list and the feeds. So they are the same in every
language and a subscriber's feed address keeps working. The names are
translated with the rest of the interface.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsCategory(models.TextChoices):
    ESERVICES = "elektron-xidmetler", _("E-services")
    LEGISLATION = "qanunvericilik", _("Legislation")
    GRANTS = "qrantlar", _("Grants and funding")
    ANNOUNCEMENTS = "elanlar", _("Announcements")
    EVENTS = "tedbirler", _("Events and training")
