"""The organization audit log, kept in Wagtail's log entries so staff read it
in the admin's history views beside every other change.

Each entry names who acted and when (Wagtail records both) and carries the
details in ``data``: the member concerned, roles before and after, reasons.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

ACTIONS = {
    "organizations.created": (_("Create organization"), _("Organization created")),
    "organizations.edited": (_("Edit organization"), _("Organization details changed")),
    "organizations.invited": (_("Invite member"), _("Member invited")),
    "organizations.invitation_revoked": (_("Revoke invitation"), _("Invitation revoked")),
    "organizations.joined": (_("Join organization"), _("Member joined")),
    "organizations.member_removed": (_("Remove member"), _("Member removed")),
    "organizations.member_left": (_("Leave organization"), _("Member left")),
    "organizations.role_changed": (_("Change role"), _("Member role changed")),
    "organizations.ownership_transferred": (_("Transfer ownership"), _("Ownership transferred")),
    "organizations.verified": (_("Verify organization"), _("Verified against the state register")),
    "organizations.unverified": (_("Withdraw verification"), _("Verification withdrawn")),
    "organizations.access_restored": (_("Restore access"), _("Access restored after an identity check")),
    "organizations.draft_deleted": (_("Delete draft application"), _("Draft application deleted")),
}


def record(organization, action: str, user=None, **data) -> None:
    assert action in ACTIONS, action
    log(instance=organization, action=action, user=user, data=data)


def changed_fields(form) -> dict:
    """Return ``{field: {"before": …, "after": …}}`` for the values the form really changed.

    Django counts "050 123 45 67" typed over "+994501234567" as a change,
    although the normalised value is the same, so values are compared as saved.
    """
    changes = {}
    for name in form.changed_data:
        before = _as_text(form.initial.get(name))
        after = _as_text(form.cleaned_data.get(name))
        if before != after:
            changes[name] = {"before": before, "after": after}
    return changes


def _as_text(value) -> str:
    return "" if value is None else str(value)
