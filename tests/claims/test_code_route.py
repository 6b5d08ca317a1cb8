"""The e-mail code route: sending, wrong and expired codes, limits, completion."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.claims import actions, codes
from cms.claims.models import Claim, ClaimCode, ClaimStatus, VoidReason
from cms.organizations.choices import Role
from cms.organizations.models import Membership
from tests.accounts.people import make_person, translated, translated_plural

from .conftest import REGISTER_EMAIL, code_from_mail, imported_organization, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(claimant, organization):
    return actions.start_claim(organization, claimant)


def send(client, claim, from_page="detail"):
    return client.post(reverse("claims:send_code", args=[claim.pk]), {"from_page": from_page})


def enter(client, claim, code):
    return client.post(reverse("claims:code", args=[claim.pk]), {"code": code})


def wrong_code(right: str) -> str:
    return f"{(int(right) + 1) % 10**6:06d}"


def log_actions(organization) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(organization.pk), action__startswith="claims.")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_code_goes_to_register_address_only(claimant_client, claimant, claim):
    response = send(claimant_client, claim)

    assert response.status_code == 302
    assert response["Location"] == reverse("claims:code", args=[claim.pk])
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [REGISTER_EMAIL]
    assert claimant.email in mail.outbox[0].body
    assert "“Şəfa Yolu” İctimai Birliyi" in mail.outbox[0].subject
    code = code_from_mail()
    stored = ClaimCode.objects.get()
    assert stored.code_hash != code
    assert code not in stored.code_hash
    assert codes.code_matches(claim.pk, code, stored.code_hash)
    assert not codes.code_matches(claim.pk + 1, code, stored.code_hash)
    assert stored.expires_at - stored.created_at == timedelta(minutes=30)


def test_claimant_cannot_choose_the_address(claimant_client, claim):
    send_url = reverse("claims:send_code", args=[claim.pk])

    claimant_client.post(send_url, {"from_page": "detail", "email": "leyla@example.org", "sent_to": "x@example.org"})

    assert [message.to for message in mail.outbox] == [[REGISTER_EMAIL]]


def test_code_page_shows_masked_address(claimant_client, claim):
    send(claimant_client, claim)

    page = claimant_client.get(reverse("claims:code", args=[claim.pk])).content.decode()

    assert "i***@s***.example.org" in page
    assert REGISTER_EMAIL not in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_wrong_then_right_code_makes_owner(claimant_client, claimant, claim, organization):
    send(claimant_client, claim)
    code = code_from_mail()

    wrong = enter(claimant_client, claim, wrong_code(code))
    right = enter(claimant_client, claim, code[:3] + " " + code[3:])

    assert wrong.status_code == 200
    expected = translated_plural(
        "The code is not correct. You have %(count)d more attempt with this code.",
        "The code is not correct. You have %(count)d more attempts with this code.",
        4,
        count=4,
    )
    assert expected in wrong.content.decode()
    assert right.status_code == 302
    assert right["Location"] == reverse("organizations:detail", args=[organization.pk])
    membership = Membership.objects.get(organization=organization)
    assert membership.user == claimant
    assert membership.role == Role.OWNER
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.COMPLETED
    assert claim.granted_role == Role.OWNER
    assert claim.closed_at is not None
    assert ClaimCode.objects.get().used_at is not None
    assert log_actions(organization) == ["claims.started", "claims.code_sent", "claims.code_wrong", "claims.completed"]
    home = claimant_client.get(reverse("accounts:home")).content.decode()
    assert reverse("organizations:detail", args=[organization.pk]) in home


def test_code_never_in_audit_log(claimant_client, claim, organization):
    send(claimant_client, claim)
    code = code_from_mail()
    enter(claimant_client, claim, wrong_code(code))
    enter(claimant_client, claim, code)

    entries = ModelLogEntry.objects.filter(object_id=str(organization.pk), action__startswith="claims.")

    assert entries.count() == 4
    for entry in entries:
        assert code not in str(entry.data)
        assert wrong_code(code) not in str(entry.data)
    sent = entries.get(action="claims.code_sent")
    assert sent.data["sent_to"] == "i***@s***.example.org"


def test_malformed_code_costs_no_attempt(claimant_client, claim):
    send(claimant_client, claim)

    response = enter(claimant_client, claim, "12ab")

    assert "data-error-summary" in response.content.decode()
    assert ClaimCode.objects.get().failed_attempts == 0


def test_five_wrong_attempts_void_the_code(claimant_client, claim, organization):
    send(claimant_client, claim)
    code = code_from_mail()

    for _attempt in range(codes.MAX_ATTEMPTS):
        response = enter(claimant_client, claim, wrong_code(code))
    after_void = enter(claimant_client, claim, code)

    page = response.content.decode()
    assert translated(
        "The code is not correct. It was entered wrongly %(count)d times, so it no longer works. Send a new code.",
        count=codes.MAX_ATTEMPTS,
    ) in page
    assert "data-send-code" in after_void.content.decode()
    stored = ClaimCode.objects.get()
    assert stored.void_reason == VoidReason.ATTEMPTS
    assert stored.failed_attempts == codes.MAX_ATTEMPTS
    assert not Membership.objects.filter(organization=organization).exists()
    assert log_actions(organization).count("claims.code_wrong") == codes.MAX_ATTEMPTS - 1
    assert log_actions(organization).count("claims.code_void") == 1


def test_expired_code_rejected(claimant_client, claim, organization):
    send(claimant_client, claim)
    code = code_from_mail()
    ClaimCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = enter(claimant_client, claim, code)
    again = enter(claimant_client, claim, code)

    page = response.content.decode()
    assert translated("The code has expired: a code works for %(minutes)d minutes. Send a new code.", minutes=30) in page
    assert "data-send-code" in page
    assert translated("The code has expired: a code works for %(minutes)d minutes. Send a new code.", minutes=30) in again.content.decode()
    assert ClaimCode.objects.get().void_reason == VoidReason.EXPIRED
    assert log_actions(organization).count("claims.code_expired") == 1
    assert not Membership.objects.exists()


def test_new_code_after_expiry_works(claimant_client, claim, organization):
    send(claimant_client, claim)
    ClaimCode.objects.update(
        created_at=timezone.now() - timedelta(minutes=31), expires_at=timezone.now() - timedelta(minutes=1)
    )

    send(claimant_client, claim)
    response = enter(claimant_client, claim, code_from_mail())

    assert response.status_code == 302
    assert Membership.objects.get(organization=organization).role == Role.OWNER


def test_new_code_replaces_old(claimant_client, claim):
    send(claimant_client, claim)
    ClaimCode.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    first = ClaimCode.objects.get()
    send(claimant_client, claim)
    new = code_from_mail()

    response = enter(claimant_client, claim, new)

    first.refresh_from_db()
    assert first.void_reason == VoidReason.REPLACED
    assert response.status_code == 302


def test_resend_waits_a_minute(claimant_client, claim):
    send(claimant_client, claim)

    response = send(claimant_client, claim, from_page="code")

    assert response["Location"] == reverse("claims:code", args=[claim.pk])
    assert len(mail.outbox) == 1
    followed = claimant_client.get(response["Location"]).content.decode()
    assert "banner--warning" in followed
    assert translated_plural(
        "A code was sent less than a minute ago. Wait %(seconds)d second before you ask for a new one.",
        "A code was sent less than a minute ago. Wait %(seconds)d seconds before you ask for a new one.",
        60,
        seconds=60,
    ) in followed


def test_resends_limited_per_day(claimant_client, claim):
    for _number in range(codes.MAX_CODES_PER_DAY):
        send(claimant_client, claim)
        ClaimCode.objects.update(created_at=timezone.now() - timedelta(minutes=5))

    refused = send(claimant_client, claim)
    ClaimCode.objects.update(created_at=timezone.now() - timedelta(hours=25))
    allowed = send(claimant_client, claim)

    assert len(mail.outbox) == codes.MAX_CODES_PER_DAY + 1
    assert refused["Location"] == reverse("claims:detail", args=[claim.pk])
    assert allowed["Location"] == reverse("claims:code", args=[claim.pk])


def test_codes_per_organization_limited(claimant, claimant_client, organization):
    """Codes asked for by many accounts still reach the organization's mailbox a limited number of times a day."""
    an_hour_ago = timezone.now() - timedelta(hours=1)
    for number in range(codes.MAX_CODES_PER_ORGANIZATION_PER_DAY):
        person = make_person(f"ferid{number}@example.org")
        other = Claim.objects.create(organization=organization, claimant=person, status=ClaimStatus.CANCELLED)
        ClaimCode.objects.create(
            claim=other, code_hash="0" * 64, sent_to=REGISTER_EMAIL, created_at=an_hour_ago, expires_at=an_hour_ago
        )
    claim = actions.start_claim(organization, claimant)

    send(claimant_client, claim)

    assert mail.outbox == []
    with pytest.raises(actions.ClaimError) as raised:
        actions.send_code(claim, claimant)
    assert raised.value.code == "organization_limit"


def test_second_press_after_completion(claimant_client, claim, organization):
    send(claimant_client, claim)
    code = code_from_mail()
    enter(claimant_client, claim, code)

    again = enter(claimant_client, claim, code)

    assert again.status_code == 302
    assert again["Location"] == reverse("organizations:detail", args=[organization.pk])
    assert Membership.objects.filter(organization=organization).count() == 1


def test_code_void_when_someone_joined_meanwhile(claimant_client, claim, organization, rival):
    send(claimant_client, claim)
    code = code_from_mail()
    Membership.objects.create(organization=organization, user=rival, role=Role.OWNER)

    response = enter(claimant_client, claim, code)

    assert response["Location"] == reverse("claims:detail", args=[claim.pk])
    assert list(Membership.objects.filter(organization=organization).values_list("user", flat=True)) == [rival.pk]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert "claims.code_void" in log_actions(organization)


def test_code_route_closed_without_address(claimant, claimant_client):
    organization = imported_organization(email="", voen="1500000101", registration_number="1400000101")
    claim = actions.start_claim(organization, claimant)

    page = claimant_client.get(reverse("claims:detail", args=[claim.pk])).content.decode()
    response = send(claimant_client, claim)
    code_page = claimant_client.get(reverse("claims:code", args=[claim.pk]))

    assert "data-code-route-closed" in page
    assert "data-send-code" not in page
    assert "data-documents-link" in page
    assert response.status_code == 302
    assert mail.outbox == []
    assert code_page["Location"] == reverse("claims:detail", args=[claim.pk])


def test_second_claim_waits_for_staff(claimant_client, claimant, organization, rival):
    first = actions.start_claim(organization, rival)
    second = actions.start_claim(organization, claimant)

    rival_page = signed_in(rival).get(reverse("claims:detail", args=[first.pk])).content.decode()
    page = claimant_client.get(reverse("claims:detail", args=[second.pk])).content.decode()
    send(claimant_client, second)

    assert "data-send-code" in rival_page
    assert "data-code-route-closed" in page
    assert translated(
        "Another person has already started a claim on this organization. A second claim waits for the "
        "ministry's decision: send documents that show you act for it."
    ).replace("'", "&#x27;") in page
    assert mail.outbox == []


def test_abandoned_claim_stops_holding_code_route(claimant_client, claimant, organization, rival):
    first = actions.start_claim(organization, rival)
    Claim.objects.filter(pk=first.pk).update(last_activity_at=timezone.now() - timedelta(hours=25))
    second = actions.start_claim(organization, claimant)

    send(claimant_client, second)

    assert len(mail.outbox) == 1


def test_claimed_organization_only_staff_route(claimant_client, claimant, organization, rival):
    Membership.objects.create(organization=organization, user=rival, role=Role.OWNER)
    claim = actions.start_claim(organization, claimant)

    page = claimant_client.get(reverse("claims:detail", args=[claim.pk])).content.decode()

    assert "data-code-route-closed" in page
    assert "data-send-code" not in page


def test_other_people_get_404(claim, rival):
    other = signed_in(rival)

    for name in ("detail", "code", "documents", "cancel"):
        assert other.get(reverse(f"claims:{name}", args=[claim.pk])).status_code == 404, name
    assert other.post(reverse("claims:send_code", args=[claim.pk])).status_code == 404
    assert other.post(reverse("claims:code", args=[claim.pk]), {"code": "123456"}).status_code == 404
    assert mail.outbox == []


def test_csrf_required(claimant, claim):
    client = Client(enforce_csrf_checks=True)
    client.force_login(claimant)

    responses = [
        client.post(reverse("claims:start"), {"organization": claim.organization_id}),
        client.post(reverse("claims:send_code", args=[claim.pk])),
        client.post(reverse("claims:code", args=[claim.pk]), {"code": "123456"}),
        client.post(reverse("claims:documents", args=[claim.pk]), {"note": "x"}),
        client.post(reverse("claims:cancel", args=[claim.pk])),
    ]

    assert [response.status_code for response in responses] == [403] * 5
    assert mail.outbox == []


def test_bad_code_input_never_fails(claimant_client, claim):
    send(claimant_client, claim)

    for data in ({}, {"code": ""}, {"code": "12\x0034"}, {"code": "١٢٣٤٥٦"}, {"code": "9" * 500}):
        response = claimant_client.post(reverse("claims:code", args=[claim.pk]), data)

        assert response.status_code == 200, data
        assert "data-error-summary" in response.content.decode()
    assert ClaimCode.objects.get().failed_attempts == 0


def test_cancel_voids_code(claimant_client, claim, organization):
    send(claimant_client, claim)
    code = code_from_mail()

    response = claimant_client.post(reverse("claims:cancel", args=[claim.pk]))
    after = enter(claimant_client, claim, code)

    assert response["Location"] == reverse("accounts:home")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CANCELLED
    assert after["Location"] == reverse("claims:detail", args=[claim.pk])
    assert ClaimCode.objects.get().void_reason == VoidReason.CLOSED
    assert not Membership.objects.exists()
    assert log_actions(organization)[-1] == "claims.cancelled"
