"""Addresses and labels the claim review views share."""

from django.urls import reverse

from cms.organizations.admin.common import person_label

URL_NAMESPACE = "claim_review"

__all__ = ["URL_NAMESPACE", "admin_url", "person_label"]


def admin_url(view_name: str, *args) -> str:
    """Return the address of a claim review view; pass a Claim, a ClaimDocument or a pk as arguments."""
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=[getattr(arg, "pk", arg) for arg in args])
