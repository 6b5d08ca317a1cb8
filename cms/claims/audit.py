"""The steps of a claim in the organization's audit log.

Entries are Wagtail log entries on the Organization, so staff read them in
the organization's history beside its other changes. ``data`` carries the
claim's id, the claimant's address and the step's details; a code itself is
never logged, only the masked address it went to.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

# Action → (label, message), registered in cms.claims.wagtail_hooks.
ACTIONS = {
    "claims.started": (_("Start claim"), _("Claim started")),
    "claims.code_sent": (_("Send claim code"), _("Claim code sent")),
    "claims.code_wrong": (_("Enter wrong claim code"), _("Wrong claim code entered")),
    "claims.code_expired": (_("Claim code expired"), _("Claim code expired")),
    "claims.code_void": (_("Void claim code"), _("Claim code void after too many wrong attempts")),
    "claims.completed": (_("Complete claim by code"), _("Claim completed with the e-mail code")),
    "claims.documents_submitted": (_("Submit claim documents"), _("Claim documents sent to the ministry")),
    "claims.approved": (_("Approve claim"), _("Claim approved by the ministry")),
    "claims.refused": (_("Refuse claim"), _("Claim refused by the ministry")),
    "claims.cancelled": (_("Cancel claim"), _("Claim cancelled by the claimant")),
}


def record(claim, action: str, user=None, **data) -> None:
    """Log ``action`` on the claim's organization, with the claim's id and the claimant's address."""
    assert action in ACTIONS, action
    log(
        instance=claim.organization,
        action=action,
        user=user,
        data={"claim": claim.pk, "email": claim.claimant.email, **data},
    )


def entries_for(claim):
    """Return the log entries of ``claim``, oldest first."""
    from wagtail.log_actions import registry

    entries = registry.get_logs_for_instance(claim.organization).filter(action__startswith="claims.")
    return entries.filter(data__claim=claim.pk).select_related("user").order_by("timestamp", "pk")
