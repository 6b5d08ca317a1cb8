"""Who may see and send correction requests, open their documents and decide on them."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from cms.corrections.models import CorrectionEvidence, CorrectionRequest
from cms.organizations.models import Membership
from tests.accounts.people import make_person

from .conftest import admin_url, send, signed_in_client, staff_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def correction(member_client, organization, private_media_root):
    send(member_client, organization, "voen", {"voen": "1400057422"})
    return CorrectionRequest.objects.get()


def member_urls(organization, correction) -> list[str]:
    evidence = correction.evidence.get()
    return [
        reverse("corrections:list", args=[organization.pk]),
        reverse("corrections:choose", args=[organization.pk]),
        reverse("corrections:new", args=[organization.pk, "voen"]),
        reverse("corrections:detail", args=[organization.pk, correction.pk]),
        reverse("corrections:download", args=[organization.pk, correction.pk, evidence.pk]),
    ]


# --- Members ---------------------------------------------------------------------------


def test_members_open_every_page(member_client, colleague_client, organization, correction):
    for client in (member_client, colleague_client):
        for url in member_urls(organization, correction):
            assert client.get(url).status_code == 200, url


def test_other_organizations_member_gets_404(outsider_client, organization, correction):
    for url in member_urls(organization, correction):
        assert outsider_client.get(url).status_code == 404, url


def test_person_without_membership_gets_404(organization, correction):
    client = signed_in_client(make_person("nermin@example.az"))

    for url in member_urls(organization, correction):
        assert client.get(url).status_code == 404, url


def test_signed_out_visitor_is_sent_to_sign_in(organization, correction):
    for url in member_urls(organization, correction):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert "/hesab/login/" in response.url


def test_request_of_one_organization_under_another_is_404(outsider_client, outsider, correction):
    own = outsider.memberships.get().organization

    response = outsider_client.get(reverse("corrections:detail", args=[own.pk, correction.pk]))

    assert response.status_code == 404


def test_evidence_of_another_request_is_404(member_client, organization, correction, outsider, private_media_root):
    other_organization = outsider.memberships.get().organization
    other_client = signed_in_client(outsider)
    send(other_client, other_organization, "region", {"region": "seki"})
    theirs = CorrectionEvidence.objects.get(organization=other_organization)

    mixed = reverse("corrections:download", args=[organization.pk, correction.pk, theirs.pk])
    wrong_request = reverse("corrections:download", args=[organization.pk, theirs.request_id, theirs.pk])

    assert member_client.get(mixed).status_code == 404
    assert member_client.get(wrong_request).status_code == 404


def test_pending_evidence_has_no_member_download(member_client, organization, private_media_root):
    from cms.corrections.forms import values_digest
    from cms.corrections.subjects import organization_target

    from .conftest import pdf

    url = reverse("corrections:new", args=[organization.pk, "voen"])
    digest = values_digest(organization_target(organization, "voen").read_values())
    member_client.post(url, {"current_digest": digest, "voen": "1", "reason": "Səhv", "evidence": [pdf()]})
    pending = CorrectionEvidence.objects.get()

    response = member_client.get(reverse("corrections:download", args=[organization.pk, 0, pending.pk]))

    assert response.status_code == 404


def test_download_headers(member_client, organization, correction):
    evidence = correction.evidence.get()

    response = member_client.get(reverse("corrections:download", args=[organization.pk, correction.pk, evidence.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_member_who_left_loses_access(member, colleague, colleague_client, organization, correction):
    Membership.objects.filter(organization=organization, user=colleague).delete()

    response = colleague_client.get(reverse("corrections:detail", args=[organization.pk, correction.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/teskilatlar/999999/duzelisler/",
        "/teskilatlar/999999999999999999999/duzelisler/",
        "/teskilatlar/{org}/duzelisler/999999/",
        "/teskilatlar/{org}/duzelisler/{req}/senedler/999999/",
        "/teskilatlar/{org}/duzelisler/yeni/muraciet-999999/",
        "/teskilatlar/{org}/duzelisler/abc/",
    ],
)
def test_bad_ids_are_404(member_client, organization, correction, path):
    response = member_client.get(path.format(org=organization.pk, req=correction.pk))

    assert response.status_code == 404


def test_bad_list_page_number(member_client, organization, correction):
    for page in ("999", "abc", "-1", "\x00"):
        response = member_client.get(reverse("corrections:list", args=[organization.pk]), {"page": page})
        assert response.status_code == 200


# --- CSRF --------------------------------------------------------------------------------


def test_forms_need_csrf_token(member, organization, private_media_root):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    choose = client.post(reverse("corrections:choose", args=[organization.pk]), {"subject": "voen"})
    new = client.post(reverse("corrections:new", args=[organization.pk, "voen"]), {"voen": "1400057422"})

    assert choose.status_code == 403
    assert new.status_code == 403
    assert not CorrectionRequest.objects.exists()


def test_admin_decisions_need_csrf_token(officer, correction):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)

    accept = client.post(admin_url("accept", correction), {"note": ""})
    reject = client.post(admin_url("reject", correction), {"reason": "Sənəd yoxdur"})

    assert accept.status_code == 403
    assert reject.status_code == 403
    correction.refresh_from_db()
    assert correction.is_open


# --- Staff -------------------------------------------------------------------------------


def staff_urls(correction) -> list[str]:
    evidence = correction.evidence.get()
    return [
        admin_url("index"),
        admin_url("inspect", correction),
        admin_url("accept", correction),
        admin_url("reject", correction),
    ], [admin_url("evidence_preview", evidence), admin_url("evidence_download", evidence)]


def test_officer_opens_every_staff_page(officer_client, correction):
    pages, files = staff_urls(correction)

    for url in pages + files:
        assert officer_client.get(url).status_code == 200, url


def test_filing_reviewer_without_permission_gets_403_and_404(decider, correction):
    client = signed_in_client(decider)
    pages, files = staff_urls(correction)

    for url in pages:
        assert client.get(url).status_code == 403, url
    for url in files:
        assert client.get(url).status_code == 404, url
    assert client.post(admin_url("accept", correction), {"note": ""}).status_code == 403
    correction.refresh_from_db()
    assert correction.is_open


def test_menu_shows_corrections_to_officers_only(officer_client, decider, correction):
    officer_menu = officer_client.get(reverse("wagtailadmin_home")).content.decode()
    decider_menu = signed_in_client(decider).get(reverse("wagtailadmin_home")).content.decode()

    assert admin_url("index") in officer_menu
    assert admin_url("index") not in decider_menu


def test_members_cannot_open_the_admin(member_client, correction):
    pages, files = staff_urls(correction)

    for url in pages:
        assert member_client.get(url).status_code == 302, url
    for url in files:
        assert member_client.get(url).status_code in (302, 404), url


def test_permission_given_to_a_person_directly(correction):
    person = staff_person("orxan", "Orxan", "Məlikov")
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="corrections", codename="review_correction"),
    )

    assert signed_in_client(person).get(admin_url("inspect", correction)).status_code == 200


def test_inactive_officer_is_refused(officer, correction):
    client = signed_in_client(officer)
    officer.is_active = False
    officer.save()

    response = client.get(admin_url("inspect", correction))

    assert response.status_code in (302, 403)


def test_pending_evidence_is_not_served_to_staff(officer_client, member_client, organization, private_media_root):
    from cms.corrections.forms import values_digest
    from cms.corrections.subjects import organization_target

    from .conftest import pdf

    url = reverse("corrections:new", args=[organization.pk, "voen"])
    digest = values_digest(organization_target(organization, "voen").read_values())
    member_client.post(url, {"current_digest": digest, "voen": "1", "reason": "Səhv", "evidence": [pdf()]})
    pending = CorrectionEvidence.objects.get()

    assert officer_client.get(admin_url("evidence_preview", pending)).status_code == 404
    assert officer_client.get(admin_url("evidence_download", pending)).status_code == 404


def test_preview_headers(officer_client, correction):
    evidence = correction.evidence.get()

    response = officer_client.get(admin_url("evidence_preview", evidence))

    assert response["Content-Type"] == "application/pdf"
    assert "inline" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_image_preview_is_sandboxed(officer_client, member_client, organization, private_media_root):
    from .conftest import png

    send(member_client, organization, "region", {"region": "seki"}, evidence=[png()])
    image = CorrectionEvidence.objects.get(content_type="image/png")

    response = officer_client.get(admin_url("evidence_preview", image))

    assert response.status_code == 200
    assert "sandbox" in response["Content-Security-Policy"]

