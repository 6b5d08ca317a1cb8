"""Fixed vocabularies of the legal-acts library."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActType(models.TextChoices):
    CONSTITUTION = "constitution", _("Constitution")
    CODE = "code", _("Code")
    LAW = "law", _("Law")
    DECREE = "decree", _("Presidential decree")
    ORDER = "order", _("Presidential order")
    CABINET_DECISION = "cabinet_decision", _("Cabinet of Ministers decision")
    MINISTRY_ACT = "ministry_act", _("Ministry rules and decisions")


class IssuingBody(models.TextChoices):
    REFERENDUM = "referendum", _("Referendum")
    MILLI_MAJLIS = "milli_majlis", _("Milli Majlis")
    PRESIDENT = "president", _("President of the Republic of Azerbaijan")
    CABINET = "cabinet", _("Cabinet of Ministers")
    MINISTRY_OF_JUSTICE = "ministry_of_justice", _("Ministry of Justice")
    MINISTRY_OF_FINANCE = "ministry_of_finance", _("Ministry of Finance")
    OTHER = "other", _("Other body")


class ActStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("In force, amended")
    REPEALED = "repealed", _("Repealed")


class DivisionKind(models.TextChoices):
    PART = "part", _("Part")
    CHAPTER = "chapter", _("Chapter")
    SECTION = "section", _("Section")


class ProvisionKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    POINT = "point", _("Point")


# The word that starts a provision's URL; it never changes once published,
# because citations and bookmarks point at it.
PROVISION_SLUG_PREFIX = {
    ProvisionKind.ARTICLE: "madde",
    ProvisionKind.POINT: "bend",
}
