"""Ministry staff review claims in the Wagtail admin: the queue, the review page, approve and refuse."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.claims import actions
from cms.claims.models import Claim, ClaimStatus
from cms.claims.setup import REVIEWER_GROUP, ensure_claim_reviewer_group
from cms.notifications.models import EmailDelivery, Notification
from cms.organizations.choices import Role
from cms.organizations.models import Membership
from tests.accounts.people import make_person
from tests.eservices.files import pdf_bytes, png_bytes

from .conftest import signed_in
from .test_documents_route import NOTE, post_documents, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

REASON = "Etibarnamədə sədrin imzası yoxdur və nizamnamənin səhifəsi reyestrdəki adla üst-üstə düşmür."


def admin_url(name: str, *args) -> str:
    return reverse(f"claim_review:{name}", args=[getattr(arg, "pk", arg) for arg in args])


def submit_claim(person, organization) -> Claim:
    claim = actions.start_claim(organization, person)
    post_documents(
        signed_in(person),
        claim,
        charter=upload("nizamname.pdf", pdf_bytes()),
        authority=upload("etibarname.png", png_bytes(), "image/png"),
        note=NOTE,
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    return claim


@pytest.fixture
def submitted(claimant, organization):
    return submit_claim(claimant, organization)


@pytest.fixture
def reviewer_client(reviewer):
    return signed_in(reviewer)


def test_group_set_up_once():
    first = ensure_claim_reviewer_group()
    second = ensure_claim_reviewer_group()

    assert first == second
    assert first.name == REVIEWER_GROUP
    codenames = set(first.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "review_claim", "view_organization"}


def test_queue_lists_waiting_claims_first(reviewer_client, submitted, rival, organization):
    started = actions.start_claim(organization, rival)

    response = reviewer_client.get(admin_url("index"))

    assert response.status_code == 200
    page = response.content.decode()
    assert admin_url("inspect", submitted) in page
    assert page.index(admin_url("inspect", submitted)) < page.index(admin_url("inspect", started))
    assert "leyla.huseynova@example.org" in page


def test_queue_filters_and_searches(reviewer_client, submitted, rival, organization):
    actions.start_claim(organization, rival)

    waiting = reviewer_client.get(admin_url("index"), {"status": "submitted"}).content.decode()
    searched = reviewer_client.get(admin_url("index"), {"q": "ramil"}).content.decode()

    assert "leyla.huseynova@example.org" in waiting
    assert "ramil.quliyev@example.org" not in waiting
    assert "ramil.quliyev@example.org" in searched
    assert "leyla.huseynova@example.org" not in searched


def test_unprivileged_staff_get_403(officer, submitted):
    client = signed_in(officer)

    for url in (admin_url("inspect", submitted), admin_url("approve", submitted), admin_url("refuse", submitted)):
        assert client.get(url).status_code == 403, url
    assert client.post(admin_url("refuse", submitted), {"reason": REASON}).status_code == 403
    index = client.get(admin_url("index"))
    assert index.status_code in (302, 403)
    submitted.refresh_from_db()
    assert submitted.status == ClaimStatus.SUBMITTED


def test_review_page_shows_everything(reviewer_client, submitted, organization):
    response = reviewer_client.get(admin_url("inspect", submitted))

    assert response.status_code == 200
    page = response.content.decode()
    assert "leyla.huseynova@example.org" in page
    assert "1500120674" in page
    assert "Şəki şəhəri, Nizami küçəsi 7" in page
    assert "data-no-members" in page
    assert NOTE in page
    for document in submitted.documents.all():
        assert admin_url("file_preview", document) in page
        assert admin_url("file_download", document) in page
    assert admin_url("approve", submitted) in page
    assert admin_url("refuse", submitted) in page
    assert "Submit claim documents" in page


def test_approve_unclaimed_makes_owner_and_notifies(reviewer_client, reviewer, submitted, claimant, organization):
    form = reviewer_client.get(admin_url("approve", submitted))
    response = reviewer_client.post(admin_url("approve", submitted), {"note": "Sənədlər reyestrlə uyğundur."})

    assert 'name="role"' not in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == admin_url("inspect", submitted)
    submitted.refresh_from_db()
    assert submitted.status == ClaimStatus.APPROVED
    assert submitted.decided_by == reviewer
    assert Membership.objects.get(organization=organization, user=claimant).role == Role.OWNER
    notification = Notification.objects.get(recipient=claimant)
    assert notification.kind == "claim.approved"
    assert EmailDelivery.objects.get(notification=notification).address == claimant.email
    entry = ModelLogEntry.objects.get(action="claims.approved", object_id=str(organization.pk))
    assert entry.user == reviewer
    assert entry.data["role"] == Role.OWNER


def test_approve_e_mail_sent_by_worker(reviewer, submitted, claimant, run_queued_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.approve(submitted.pk, by=reviewer, role=Role.MEMBER, note="")
    run_queued_tasks()

    messages = [message for message in mail.outbox if claimant.email in message.to]
    assert len(messages) == 1
    assert "“Şəfa Yolu” İctimai Birliyi" in messages[0].subject
    assert "/teskilatlar/" in messages[0].body


def test_second_claim_approved_with_role_and_owners_told(reviewer_client, organization, claimant, rival):
    Membership.objects.create(organization=organization, user=rival, role=Role.OWNER)
    claim = submit_claim(claimant, organization)

    form = reviewer_client.get(admin_url("approve", claim)).content.decode()
    response = reviewer_client.post(admin_url("approve", claim), {"role": Role.MEMBER, "note": ""})

    assert 'name="role"' in form
    assert response.status_code == 302
    assert Membership.objects.get(organization=organization, user=claimant).role == Role.MEMBER
    told = Notification.objects.get(recipient=rival)
    assert told.kind == "claim.member_added"
    assert told.target == claim
    assert EmailDelivery.objects.filter(notification=told).exists()
    assert Notification.objects.get(recipient=claimant).kind == "claim.approved"


def test_second_claim_approved_as_owner(reviewer_client, organization, claimant, rival):
    Membership.objects.create(organization=organization, user=rival, role=Role.OWNER)
    claim = submit_claim(claimant, organization)

    reviewer_client.post(admin_url("approve", claim), {"role": Role.OWNER})

    assert Membership.objects.get(organization=organization, user=claimant).role == Role.OWNER
    assert Membership.objects.get(organization=organization, user=rival).role == Role.OWNER


def test_approve_with_bad_role_rejected(reviewer_client, organization, claimant, rival):
    Membership.objects.create(organization=organization, user=rival, role=Role.OWNER)
    claim = submit_claim(claimant, organization)

    response = reviewer_client.post(admin_url("approve", claim), {"role": "admin\x00"})

    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_refuse_needs_reason(reviewer_client, submitted):
    for data in ({}, {"reason": ""}, {"reason": "   "}, {"reason": "a\x00b"}):
        response = reviewer_client.post(admin_url("refuse", submitted), data)

        assert response.status_code == 200, data
    submitted.refresh_from_db()
    assert submitted.status == ClaimStatus.SUBMITTED
    assert not Notification.objects.exists()


def test_refuse_notifies_with_reason(
    reviewer_client, reviewer, submitted, claimant, organization, run_queued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(admin_url("refuse", submitted), {"reason": REASON})
    run_queued_tasks()

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ClaimStatus.REFUSED
    assert submitted.decision_note == REASON
    assert not Membership.objects.filter(organization=organization).exists()
    assert Notification.objects.get(recipient=claimant).kind == "claim.refused"
    message = next(message for message in mail.outbox if claimant.email in message.to)
    assert REASON in message.body
    page = signed_in(claimant).get(reverse("claims:detail", args=[submitted.pk])).content.decode()
    assert REASON in page
    entry = ModelLogEntry.objects.get(action="claims.refused", object_id=str(organization.pk))
    assert entry.data["note"] == REASON


def test_decided_claim_cannot_be_decided_again(reviewer_client, reviewer, submitted):
    actions.refuse(submitted.pk, by=reviewer, reason=REASON)

    response = reviewer_client.post(admin_url("approve", submitted), {"note": ""})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ClaimStatus.REFUSED
    assert not Membership.objects.exists()


def test_actions_check_permission(officer, submitted):
    with pytest.raises(actions.PermissionDenied):
        actions.approve(submitted.pk, by=officer, role=Role.OWNER)
    with pytest.raises(actions.PermissionDenied):
        actions.refuse(submitted.pk, by=officer, reason=REASON)


def test_notification_titles_in_reader_language(reviewer, submitted, claimant):
    actions.approve(submitted.pk, by=reviewer, role=Role.OWNER)

    client = signed_in(claimant)
    page = client.get(reverse("notifications:list")).content.decode()
    notification = Notification.objects.get(recipient=claimant)
    opened = client.get(reverse("notifications:open", args=[notification.pk]))

    assert "“Şəfa Yolu” İctimai Birliyi" in page
    assert opened["Location"] == reverse("claims:detail", args=[submitted.pk])


def test_audit_entries_in_organization_history(reviewer, submitted, organization, superuser_client):
    actions.refuse(submitted.pk, by=reviewer, reason=REASON)

    history = superuser_client.get(reverse("organization_admin:history", args=[organization.pk]))

    assert history.status_code == 200
    page = history.content.decode()
    for label in ("Start claim", "Submit claim documents", "Refuse claim"):
        assert label in page
    assert REASON in page


def test_whole_history_on_review_page(reviewer_client, reviewer, submitted):
    actions.refuse(submitted.pk, by=reviewer, reason=REASON)

    page = reviewer_client.get(admin_url("inspect", submitted)).content.decode()

    history = page[page.index("data-history"):]
    for label in ("Start claim", "Submit claim documents", "Refuse claim"):
        assert label in history
    assert REASON in history


@pytest.fixture
def superuser_client():
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser("bas-admin", "bas@justice.example.az", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return signed_in(user)


def test_account_page_lists_pending_claims(claimant, submitted, organization):
    other = make_person("basqa@example.org")
    actions.start_claim(organization, other)

    page = signed_in(claimant).get(reverse("accounts:home")).content.decode()

    assert f'data-claim="{submitted.pk}"' in page
    assert "“Şəfa Yolu” İctimai Birliyi" in page
    assert "tag--status-submitted" in page
    assert reverse("claims:start") in page
