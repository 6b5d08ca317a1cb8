"""Every step that changes a claim, for the claimant's views and the staff's admin.

Each step runs in one transaction. It locks the claim row first and the
organization row second, always in that order, so two steps never deadlock.
Then it checks the rules again, changes the rows and writes the audit log.
Locking the organization keeps its "no members yet" check true until the new
membership is saved, so two claims completing at once cannot both make an
owner.
"""

import hashlib
from dataclasses import dataclass
from math import ceil

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.organizations.choices import Role
from cms.organizations.models import Membership, Organization
from forms.uploads import display_name

from . import audit, codes, mail, notices, rules
from .errors import ClaimError
from .models import Claim, ClaimCode, ClaimDocument, ClaimStatus, DocumentKind, VoidReason

REVIEW_PERMISSION = "claims.review_claim"
REQUIRED_DOCUMENTS = (DocumentKind.CHARTER, DocumentKind.AUTHORITY)

__all__ = [
    "ClaimError",
    "CodeResult",
    "approve",
    "cancel",
    "enter_code",
    "refuse",
    "send_code",
    "start_claim",
    "store_document",
    "submit_documents",
]


def _locked_claim(claim_id: int) -> Claim:
    return Claim.objects.select_for_update().get(pk=claim_id)


def _locked_organization(organization_id: int) -> Organization:
    return Organization.objects.select_for_update().get(pk=organization_id)


def _closed_error() -> ClaimError:
    return ClaimError(_("This claim is no longer in progress."), code="closed")


def _void_live_codes(claim: Claim, reason: str, now) -> None:
    claim.codes.filter(used_at=None, voided_at=None).update(voided_at=now, void_reason=reason)


# --- Starting -------------------------------------------------------------------


@transaction.atomic
def start_claim(organization: Organization, user) -> Claim:
    """Start a claim of ``user`` on ``organization``, or return the one they already have open."""
    organization = _locked_organization(organization.pk)
    refusal = rules.claim_refusal(organization)
    if refusal:
        raise ClaimError(refusal, code="not_claimable")
    if Membership.objects.filter(organization=organization, user=user).exists():
        raise ClaimError(_("You already act for this organization."), code="member")

    existing = Claim.objects.open().filter(organization=organization, claimant=user).first()
    if existing is not None:
        return existing
    if Claim.objects.open().filter(claimant=user).count() >= rules.MAX_OPEN_CLAIMS_PER_PERSON:
        raise ClaimError(
            _(
                "You already have %(count)d claims in progress. Finish or cancel one of them before you start another."
            )
            % {"count": rules.MAX_OPEN_CLAIMS_PER_PERSON},
            code="too_many_claims",
        )

    claim = Claim.objects.create(organization=organization, claimant=user)
    audit.record(claim, "claims.started", user)
    return claim


# --- The e-mail code route ------------------------------------------------------


@transaction.atomic
def send_code(claim: Claim, user) -> ClaimCode:
    """E-mail a new code to the organization's address on record; earlier codes of the claim stop working.

    Raises ClaimError when the code route is closed to this claim, a sending
    limit is reached or the mail server refuses the message.
    """
    claim = _locked_claim(claim.pk)
    if claim.claimant_id != user.pk:
        raise PermissionDenied
    if claim.status != ClaimStatus.OPEN:
        raise _closed_error()
    claim.organization = _locked_organization(claim.organization_id)
    closed = rules.code_route_closed(claim)
    if closed:
        raise ClaimError(rules.CODE_ROUTE_CLOSED[closed], code=closed)

    now = timezone.now()
    _check_sending_limits(claim, now)
    _void_live_codes(claim, VoidReason.REPLACED, now)
    code_text = codes.new_code()
    code = ClaimCode.objects.create(
        claim=claim,
        code_hash=codes.hash_code(claim.pk, code_text),
        sent_to=claim.organization.email,
        created_at=now,
        expires_at=now + codes.CODE_LIFETIME,
    )
    claim.last_activity_at = now
    claim.save(update_fields=["last_activity_at"])
    audit.record(claim, "claims.code_sent", user, sent_to=rules.mask_email(code.sent_to))
    mail.send_code_email(claim, code, code_text)
    return code


def _check_sending_limits(claim: Claim, now) -> None:
    """Raise ClaimError when another code now would break a limit in cms.claims.codes."""
    sent = ClaimCode.objects.filter(claim__organization=claim.organization)
    by_claimant = sent.filter(claim__claimant=claim.claimant)

    last = by_claimant.order_by("-created_at").values_list("created_at", flat=True).first()
    if last is not None and now - last < codes.RESEND_INTERVAL:
        seconds = ceil((codes.RESEND_INTERVAL - (now - last)).total_seconds())
        raise ClaimError(
            ngettext(
                "A code was sent less than a minute ago. Wait %(seconds)d second before you ask for a new one.",
                "A code was sent less than a minute ago. Wait %(seconds)d seconds before you ask for a new one.",
                seconds,
            )
            % {"seconds": seconds},
            code="too_soon",
        )

    day_ago = now - codes.DAY
    if by_claimant.filter(created_at__gt=day_ago).count() >= codes.MAX_CODES_PER_DAY:
        raise ClaimError(
            _(
                "You have asked for %(count)d codes in the last 24 hours, which is the limit. "
                "Try again tomorrow, or send documents to the ministry instead."
            )
            % {"count": codes.MAX_CODES_PER_DAY},
            code="daily_limit",
        )
    if sent.filter(created_at__gt=day_ago).count() >= codes.MAX_CODES_PER_ORGANIZATION_PER_DAY:
        raise ClaimError(
            _(
                "Too many codes have been sent to this organization's address in the last 24 hours. "
                "Try again tomorrow, or send documents to the ministry instead."
            ),
            code="organization_limit",
        )


# Outcomes of entering a code (CodeResult.outcome).
COMPLETED = "completed"
WRONG = "wrong"
VOID = "void"
EXPIRED = "expired"
NO_CODE = "no_code"
TAKEN = "taken"
CLOSED = "closed"


@dataclass
class CodeResult:
    outcome: str
    attempts_left: int = 0


def latest_code(claim: Claim) -> ClaimCode | None:
    """Return the claim's newest code that was not used, whatever its state."""
    return claim.codes.filter(used_at=None).order_by("-created_at", "-pk").first()


@transaction.atomic
def enter_code(claim: Claim, user, typed: str) -> CodeResult:
    """Check ``typed`` against the claim's code; when it is right, make ``user`` the organization's owner.

    Returns the outcome rather than raising, because a wrong attempt must
    be saved: raising would roll the attempt count back.
    """
    claim = _locked_claim(claim.pk)
    if claim.claimant_id != user.pk:
        raise PermissionDenied
    if claim.status == ClaimStatus.COMPLETED:
        # A second press of the button, after the first completed the claim.
        return CodeResult(COMPLETED)
    if claim.status != ClaimStatus.OPEN:
        return CodeResult(CLOSED)

    now = timezone.now()
    claim.last_activity_at = now
    claim.save(update_fields=["last_activity_at"])

    code = claim.codes.select_for_update().filter(used_at=None).order_by("-created_at", "-pk").first()
    if code is None or code.void_reason in (VoidReason.REPLACED, VoidReason.CLOSED):
        return CodeResult(NO_CODE)
    if code.void_reason == VoidReason.EXPIRED:
        return CodeResult(EXPIRED)
    if code.void_reason == VoidReason.ATTEMPTS:
        return CodeResult(VOID)

    if code.expires_at <= now:
        _void(code, VoidReason.EXPIRED, now)
        audit.record(claim, "claims.code_expired", user, sent_to=rules.mask_email(code.sent_to))
        return CodeResult(EXPIRED)

    if not codes.code_matches(claim.pk, codes.normalise_code(typed), code.code_hash):
        return _wrong_attempt(claim, code, user, now)

    organization = _locked_organization(claim.organization_id)
    if organization.memberships.exists():
        # Someone became a member since the code was sent: only staff may add another.
        _void(code, VoidReason.CLOSED, now)
        audit.record(claim, "claims.code_void", user, reason=rules.HAS_MEMBERS)
        return CodeResult(TAKEN)

    Membership.objects.create(organization=organization, user=user, role=Role.OWNER)
    code.used_at = now
    code.save(update_fields=["used_at"])
    claim.status = ClaimStatus.COMPLETED
    claim.closed_at = now
    claim.granted_role = Role.OWNER
    claim.save(update_fields=["status", "closed_at", "granted_role"])
    claim.organization = organization
    audit.record(claim, "claims.completed", user, role=Role.OWNER, sent_to=rules.mask_email(code.sent_to))
    return CodeResult(COMPLETED)


def _void(code: ClaimCode, reason: str, now) -> None:
    code.voided_at = now
    code.void_reason = reason
    code.save(update_fields=["voided_at", "void_reason", "failed_attempts"])


def _wrong_attempt(claim: Claim, code: ClaimCode, user, now) -> CodeResult:
    code.failed_attempts += 1
    attempts_left = codes.MAX_ATTEMPTS - code.failed_attempts
    if attempts_left <= 0:
        _void(code, VoidReason.ATTEMPTS, now)
        audit.record(claim, "claims.code_void", user, attempts=code.failed_attempts)
        return CodeResult(VOID)
    code.save(update_fields=["failed_attempts"])
    audit.record(claim, "claims.code_wrong", user, attempts_left=attempts_left)
    return CodeResult(WRONG, attempts_left)


# --- The documents route --------------------------------------------------------


@transaction.atomic
def store_document(claim: Claim, kind: str, upload, user) -> ClaimDocument:
    """Keep ``upload`` as the claim's document of ``kind``, replacing an earlier one.

    ``upload`` must have passed forms.uploads.UploadField, which sets its
    sniffed_kind and display_name. The replaced file leaves private storage
    once the transaction commits (cms.claims.signals).
    NOTE: if the transaction rolls back after the file is saved, the file
    stays on disk without a row.
    """
    claim = _locked_claim(claim.pk)
    if claim.claimant_id != user.pk:
        raise PermissionDenied
    if claim.status != ClaimStatus.OPEN:
        raise _closed_error()

    claim.documents.filter(kind=kind).delete()
    sha256, size = _digest(upload)
    row = ClaimDocument(
        claim=claim,
        kind=kind,
        original_name=getattr(upload, "display_name", None) or display_name(upload.name, upload.sniffed_kind),
        content_type=upload.sniffed_kind.content_type,
        size=size,
        sha256=sha256,
    )
    row.file.save(row.original_name, upload, save=False)
    try:
        row.save()
    except Exception:
        row.file.storage.delete(row.file.name)
        raise
    claim.last_activity_at = timezone.now()
    claim.save(update_fields=["last_activity_at"])
    return row


def _digest(upload) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return digest.hexdigest(), size


@transaction.atomic
def submit_documents(claim: Claim, user, note: str) -> Claim:
    """Send the claim with its documents to the ministry's queue."""
    claim = _locked_claim(claim.pk)
    if claim.claimant_id != user.pk:
        raise PermissionDenied
    if claim.status != ClaimStatus.OPEN:
        raise _closed_error()
    documents = list(claim.documents.all())
    missing = [kind for kind in REQUIRED_DOCUMENTS if kind not in {document.kind for document in documents}]
    if missing:
        raise ClaimError(
            _("Add these documents first: %(documents)s.")
            % {"documents": ", ".join(str(DocumentKind(kind).label) for kind in missing)},
            code="missing_documents",
        )

    now = timezone.now()
    claim.status = ClaimStatus.SUBMITTED
    claim.submitted_at = now
    claim.last_activity_at = now
    claim.note = note
    claim.save(update_fields=["status", "submitted_at", "last_activity_at", "note"])
    _void_live_codes(claim, VoidReason.CLOSED, now)
    audit.record(
        claim,
        "claims.documents_submitted",
        user,
        documents=[document.original_name for document in documents],
        note=note,
    )
    return claim


@transaction.atomic
def cancel(claim: Claim, user) -> Claim:
    """Withdraw the claim; its documents stay for the record."""
    claim = _locked_claim(claim.pk)
    if claim.claimant_id != user.pk:
        raise PermissionDenied
    if not claim.is_open:
        raise _closed_error()

    now = timezone.now()
    before = claim.status
    claim.status = ClaimStatus.CANCELLED
    claim.closed_at = now
    claim.save(update_fields=["status", "closed_at"])
    _void_live_codes(claim, VoidReason.CLOSED, now)
    audit.record(claim, "claims.cancelled", user, status=before)
    return claim


# --- Staff decisions --------------------------------------------------------------


def _require_reviewer(user) -> None:
    if not user.is_active or not user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied


def _locked_submitted_claim(claim_id: int) -> Claim:
    claim = _locked_claim(claim_id)
    if claim.status != ClaimStatus.SUBMITTED:
        raise ClaimError(
            _("This claim is no longer waiting for a decision: its status is “%(status)s”.")
            % {"status": claim.get_status_display()},
            code="not_submitted",
        )
    return claim


@transaction.atomic
def approve(claim_id: int, by, role: str, note: str = "") -> Claim:
    """Make the claimant a member in ``role``; the first person on an organization is always its owner.

    A claimant who is already a member keeps their membership, raised to
    owner when ``role`` is owner. The claimant and the owners there were
    before are notified.
    """
    _require_reviewer(by)
    claim = _locked_submitted_claim(claim_id)
    organization = _locked_organization(claim.organization_id)
    owners_before = [
        membership.user
        for membership in organization.memberships.filter(role=Role.OWNER)
        .exclude(user_id=claim.claimant_id)
        .select_related("user")
    ]
    if not owners_before:
        role = Role.OWNER

    membership, created = Membership.objects.get_or_create(
        organization=organization, user_id=claim.claimant_id, defaults={"role": role}
    )
    if not created and role == Role.OWNER and not membership.is_owner:
        membership.role = Role.OWNER
        membership.save(update_fields=["role"])

    claim.status = ClaimStatus.APPROVED
    claim.decided_by = by
    claim.closed_at = timezone.now()
    claim.granted_role = membership.role
    claim.decision_note = note
    claim.save(update_fields=["status", "decided_by", "closed_at", "granted_role", "decision_note"])
    claim.organization = organization
    audit.record(claim, "claims.approved", by, role=membership.role, note=note)
    notices.claim_decided(claim, owners_before)
    return claim


@transaction.atomic
def refuse(claim_id: int, by, reason: str) -> Claim:
    """Close the claim without membership; the claimant reads ``reason``."""
    _require_reviewer(by)
    if not reason.strip():
        raise ClaimError(_("Give the reason for the refusal."), code="reason_missing")
    claim = _locked_submitted_claim(claim_id)

    claim.status = ClaimStatus.REFUSED
    claim.decided_by = by
    claim.closed_at = timezone.now()
    claim.decision_note = reason
    claim.save(update_fields=["status", "decided_by", "closed_at", "decision_note"])
    audit.record(claim, "claims.refused", by, note=reason)
    notices.claim_decided(claim, [])
    return claim
