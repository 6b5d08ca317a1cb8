"""Fixed lists a correction request chooses from: its status and what it corrects."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CorrectionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for the ministry")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Subject(models.TextChoices):
    """The part of the ministry's data a request corrects: one register field of
    the organization (two for the state registration), or the registration
    record of one filing."""

    NAME = "name", _("Name")
    LEGAL_FORM = "legal_form", _("Legal form")
    VOEN = "voen", _("VÖEN")
    STATE_REGISTRATION = "state_registration", _("State registration number and date")
    SPHERE = "sphere", _("Sphere of activity")
    REGION = "region", _("Region")
    LEGAL_ADDRESS = "legal_address", _("Legal address")
    REGISTER_STATUS = "register_status", _("Status in the state register")
    FILING_REGISTRATION = "filing_registration", _("Registration of a grant, service contract or donation")


class Kind(models.TextChoices):
    """The record a request corrects, for the staff's queue filter."""

    ORGANIZATION = "organization", _("Organization's record")
    FILING = "filing", _("Filing's registration")
