"""Which organizations the public directory shows, and which of their fields.

An organization is public when it is on the ministry's register (imported,
so it has ``imported_at`` or a ``register_status``) or when the ministry has
verified it (``verified_at``). Organizations that applicants created and the
ministry never verified stay private. Contacts, members, filings and the
ministry's notes are never public, whatever the organization.
"""

from django.db.models import Q, QuerySet

from cms.organizations.models import Organization

PUBLIC_RULE = Q(imported_at__isnull=False) | ~Q(register_status="") | Q(verified_at__isnull=False)

# The register data that the page, the export and the API show, and nothing else.
REGISTER_FIELDS = (
    "name",
    "legal_form",
    "voen",
    "registration_number",
    "registration_date",
    "sphere",
    "region",
    "legal_address",
    "register_status",
)

ORDERING = ("name_sort_key", "name", "pk")


def public_organizations() -> QuerySet:
    """Return the organizations the directory shows, in Azerbaijani alphabetical order, with register fields only."""
    return Organization.objects.filter(PUBLIC_RULE).only(*REGISTER_FIELDS).order_by(*ORDERING)
