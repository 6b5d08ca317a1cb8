"""The staff's queue and review page of correction requests in the Wagtail admin."""

import html

import pytest
from django.urls import reverse

from cms.corrections import decisions
from cms.corrections.models import CorrectionRequest
from cms.corrections.setup import REVIEWER_GROUP, ensure_reviewer_group

from .conftest import admin_url, send, signed_in_client

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('x')</script> “İstiqlal” & <b>qalın</b>"


def text_of(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def requests(member_client, organization, accepted_filing, private_media_root):
    """Three requests: an open VÖEN correction, a rejected region one, and an open filing registration."""
    send(member_client, organization, "voen", {"voen": "1400057422"})
    send(member_client, organization, "region", {"region": "seki"})
    send(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-78", "registration_date": accepted_filing.registration_date.isoformat()},
        filing=accepted_filing,
    )
    voen, region, filing = CorrectionRequest.objects.order_by("pk")
    return {"voen": voen, "region": region, "filing": filing}


def listed_ids(response) -> set[int]:
    page = response.content.decode()
    return {correction.pk for correction in CorrectionRequest.objects.all() if admin_url("inspect", correction) in page}


# --- Queue ----------------------------------------------------------------------------------


def test_queue_lists_every_request(officer, officer_client, requests):
    decisions.reject(requests["region"].pk, by=officer, reason="Sənəd yoxdur.")

    response = officer_client.get(admin_url("index"))

    page = text_of(response)
    assert response.status_code == 200
    assert listed_ids(response) == {correction.pk for correction in requests.values()}
    assert "Gənclər Birliyi" in page
    assert "Registration of QR-" in page


def test_filter_by_status(officer, officer_client, requests):
    decisions.reject(requests["region"].pk, by=officer, reason="Sənəd yoxdur.")

    waiting = officer_client.get(admin_url("index"), {"status": "submitted"})
    rejected = officer_client.get(admin_url("index"), {"status": "rejected"})

    assert listed_ids(waiting) == {requests["voen"].pk, requests["filing"].pk}
    assert listed_ids(rejected) == {requests["region"].pk}


def test_filter_by_kind(officer_client, requests):
    filings = officer_client.get(admin_url("index"), {"kind": "filing"})
    organizations = officer_client.get(admin_url("index"), {"kind": "organization"})

    assert listed_ids(filings) == {requests["filing"].pk}
    assert listed_ids(organizations) == {requests["voen"].pk, requests["region"].pk}


def test_filter_by_field(officer_client, requests):
    response = officer_client.get(admin_url("index"), {"subject": "voen"})

    assert listed_ids(response) == {requests["voen"].pk}


@pytest.mark.parametrize(
    "parameters",
    [
        {"status": "lost"},
        {"kind": "\x00"},
        {"subject": "phone"},
        {"ordering": "password"},
        {"p": "abc"},
        {"q": "\x00"},
        {"q": "№²"},
        {"q": "²"},
        {"q": "99999999999999999999999"},
    ],
)
def test_bad_filter_values_are_not_errors(officer_client, requests, parameters):
    response = officer_client.get(admin_url("index"), parameters)

    assert response.status_code == 200


@pytest.fixture
def other_request(outsider, private_media_root):
    """An open request of “Ekoloji Təşəbbüs”, which no search for “Gənclər Birliyi” should find."""
    organization = outsider.memberships.get().organization
    send(signed_in_client(outsider), organization, "region", {"region": "quba"})
    return CorrectionRequest.objects.get(organization=organization)


@pytest.mark.parametrize("query", ["GENCLER", "gəncLər", "1400057421", "1400 057 421"])
def test_search_by_organization(officer_client, requests, other_request, query):
    response = officer_client.get(admin_url("index"), {"q": query})

    assert listed_ids(response) == {correction.pk for correction in requests.values()}


def test_search_for_other_organization(officer_client, requests, other_request):
    response = officer_client.get(admin_url("index"), {"q": "ekoloji TƏŞƏBBÜS"})

    assert listed_ids(response) == {other_request.pk}


def test_search_by_number(officer_client, requests, other_request):
    exact = officer_client.get(admin_url("index"), {"q": f"№ {other_request.pk}"})
    plain = officer_client.get(admin_url("index"), {"q": str(other_request.pk)})

    assert listed_ids(exact) == {other_request.pk}
    assert other_request.pk in listed_ids(plain)


def test_results_view_for_live_filtering(officer_client, requests):
    response = officer_client.get(admin_url("index_results"), {"kind": "filing"})

    assert response.status_code == 200
    assert listed_ids(response) == {requests["filing"].pk}


# --- Review page ------------------------------------------------------------------------------


def test_review_page_shows_live_snapshot_and_requested_values(officer_client, requests, organization):
    response = officer_client.get(admin_url("inspect", requests["voen"]))

    page = text_of(response)
    assert response.status_code == 200
    assert 'data-row="voen"' in page
    assert page.count("1400057421") >= 2
    assert "1400057422" in page
    assert "data-stale" not in page
    assert reverse("correction_review:accept", args=[requests["voen"].pk]) in page
    assert reverse("correction_review:reject", args=[requests["voen"].pk]) in page


def test_review_page_shows_documents_with_previews(officer_client, requests):
    correction = requests["voen"]
    evidence = correction.evidence.get()

    page = officer_client.get(admin_url("inspect", correction)).content.decode()

    assert admin_url("evidence_preview", evidence) in page
    assert admin_url("evidence_download", evidence) in page
    assert "<iframe" in page


def test_filing_link_only_for_its_reviewers(officer, requests, accepted_filing, chief):
    from forms.review.admin.common import admin_url as filing_admin_url

    chief.groups.add(ensure_reviewer_group())
    filing_url = filing_admin_url("inspect", accepted_filing)

    officer_page = signed_in_client(officer).get(admin_url("inspect", requests["filing"])).content.decode()
    chief_page = signed_in_client(chief).get(admin_url("inspect", requests["filing"])).content.decode()

    assert accepted_filing.reference in officer_page
    assert filing_url not in officer_page
    assert filing_url in chief_page


def test_decided_request_offers_no_actions(officer, officer_client, requests):
    decisions.accept(requests["voen"].pk, by=officer, note="Yoxlanıldı.")

    page = text_of(officer_client.get(admin_url("inspect", requests["voen"])))

    assert reverse("correction_review:accept", args=[requests["voen"].pk]) not in page
    assert "Yoxlanıldı." in page
    assert "Günel Səfərova" in page


def test_review_page_warns_of_a_clash(officer_client, member_client, organization, outsider, private_media_root):
    from cms.organizations.models import Organization

    send(member_client, organization, "voen", {"voen": "5500667788"})
    Organization.objects.filter(voen="2200112233").update(voen="5500667788")

    page = text_of(officer_client.get(admin_url("inspect", CorrectionRequest.objects.get())))

    assert "data-clash" in page
    assert "Ekoloji Təşəbbüs" in page


def test_user_text_is_escaped_in_the_admin(officer, officer_client, member_client, organization, private_media_root):
    send(member_client, organization, "name", {"name": HOSTILE}, reason=HOSTILE)
    correction = CorrectionRequest.objects.get()

    review = officer_client.get(admin_url("inspect", correction)).content.decode()
    queue = officer_client.get(admin_url("index")).content.decode()
    accept_form = officer_client.get(admin_url("accept", correction)).content.decode()

    for page in (review, accept_form):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
        assert "<b>qalın</b>" not in page
    assert "<script>alert" not in queue


def test_rejection_reason_is_escaped_on_the_review_page(officer, officer_client, requests):
    decisions.reject(requests["voen"].pk, by=officer, reason=HOSTILE)

    page = officer_client.get(admin_url("inspect", requests["voen"])).content.decode()

    assert "<script>alert" not in page
    assert "&lt;b&gt;qalın&lt;/b&gt;" in page


def test_audit_log_on_the_review_page(officer, officer_client, requests):
    decisions.reject(requests["voen"].pk, by=officer, reason="Sənəd oxunmur.")

    page = text_of(officer_client.get(admin_url("inspect", requests["voen"])))

    assert "Correction request rejected: Sənəd oxunmur." in page
    assert "Correction requested" in page


def test_accept_form_shows_the_values(officer_client, requests):
    page = text_of(officer_client.get(admin_url("accept", requests["voen"])))

    assert "1400057421" in page
    assert "1400057422" in page


def test_filing_review_page_shows_the_correction(officer, chief, requests, accepted_filing):
    from forms.review.admin.common import admin_url as filing_admin_url

    decisions.accept(requests["filing"].pk, by=officer, note="Nömrə düzəldildi.")

    page = text_of(signed_in_client(chief).get(filing_admin_url("inspect", accepted_filing)))

    assert "Registration record corrected" in page
    assert "“QR-QEYD-77” → “QR-QEYD-78”" in page
    assert f"correction request No. {requests['filing'].pk}" in page


def test_unknown_request_is_404(officer_client):
    assert officer_client.get(admin_url("inspect", 999999)).status_code == 404
    assert officer_client.get(admin_url("accept", 999999)).status_code == 404
    assert officer_client.get(admin_url("evidence_download", 999999)).status_code == 404


@pytest.mark.parametrize("data", [{}, {"reason": "\x00"}, {"reason": "ə" * 2001}])
def test_bad_rejection_input_is_a_form_error(officer_client, requests, data):
    response = officer_client.post(admin_url("reject", requests["voen"]), data)

    assert response.status_code == 200
    requests["voen"].refresh_from_db()
    assert requests["voen"].is_open


def test_overlong_note_on_acceptance_is_a_form_error(officer_client, requests, organization):
    response = officer_client.post(admin_url("accept", requests["voen"]), {"note": "ə" * 2001})

    assert response.status_code == 200
    organization.refresh_from_db()
    assert organization.voen == "1400057421"


# --- Set-up -------------------------------------------------------------------------------------


def test_reviewer_group_is_idempotent(db):
    first = ensure_reviewer_group()
    first.permissions.clear()

    second = ensure_reviewer_group()

    assert first.pk == second.pk
    assert second.name == REVIEWER_GROUP
    assert set(second.permissions.values_list("codename", flat=True)) == {"access_admin", "review_correction"}


def test_permission_is_offered_on_the_group_page(db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    admin = get_user_model().objects.create_superuser("bas", "bas@justice.example.az", "x")
    group = ensure_reviewer_group()
    permission = Permission.objects.get(content_type__app_label="corrections", codename="review_correction")

    page = signed_in_client(admin).get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()

    assert f'value="{permission.pk}"' in page
