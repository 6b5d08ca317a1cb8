"""URLs and labels that the organization admin views share."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from ..models import Organization

# The public site's views use the namespace "organizations".
URL_NAMESPACE = "organization_admin"


def admin_url(view_name: str, organization: Organization | None = None) -> str:
    args = [organization.pk] if organization is not None else []
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=args)


def field_label(field_name: str) -> str:
    return capfirst(Organization._meta.get_field(field_name).verbose_name)


def person_label(user) -> str:
    """Name a user for staff: full name, else e-mail, else username (applicants' usernames are generated)."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.email or user.get_username()


def verification_summary(organization: Organization) -> str:
    """Return "No", or "Yes, on <date> by <officer>" in the admin user's time zone."""
    if not organization.is_verified:
        return gettext("No")
    when = date_format(timezone.localtime(organization.verified_at), "SHORT_DATE_FORMAT")
    if organization.verified_by is None:
        return gettext("Yes, on %(date)s") % {"date": when}
    return gettext("Yes, on %(date)s by %(user)s") % {"date": when, "user": person_label(organization.verified_by)}
