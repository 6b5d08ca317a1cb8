"""'My applications' and /api/v1/filings/: an organization's filings for its
members only, with status and history; every other id is a 404."""

import pytest
from wagtail.models import APIToken

from forms.models import Filing, FilingEvent, FilingStatus
from tests.accounts.people import translated

from .conftest import make_organization, make_person

pytestmark = pytest.mark.django_db


def make_filing(page, organization, person, *, status=FilingStatus.DRAFT, reference=None, data=None):
    filing = Filing.objects.create(
        page=page,
        organization=organization,
        created_by=person,
        status=status,
        reference=reference,
        form_data=data or {},
    )
    FilingEvent.objects.create(filing=filing, user=person, to_status=FilingStatus.DRAFT)
    if status != FilingStatus.DRAFT:
        FilingEvent.objects.create(
            filing=filing, user=person, from_status=FilingStatus.DRAFT, to_status=status, note="Sənədlər natamamdır"
        )
    return filing


@pytest.fixture
def filings(service_page, organization, member, outsider):
    foreign_organization = outsider.memberships.get().organization
    return {
        "draft": make_filing(service_page, organization, member),
        "returned": make_filing(
            service_page, organization, member, status=FilingStatus.RETURNED, reference="QR-2026-000007"
        ),
        "foreign": make_filing(
            service_page, foreign_organization, outsider, status=FilingStatus.SUBMITTED, reference="QR-2026-000008"
        ),
    }


def test_my_applications_lists_only_own_organizations(member_client, filings):
    response = member_client.get("/muracietler/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "QR-2026-000007" in content
    assert "QR-2026-000008" not in content
    assert response.context["filings_page"].paginator.count == 2


def test_my_applications_is_shared_by_all_members(colleague_client, filings):
    response = colleague_client.get("/muracietler/")

    assert {filing.pk for filing in response.context["filings_page"]} == {filings["draft"].pk, filings["returned"].pk}


def test_my_applications_filters_by_reference_and_status(member_client, filings):
    by_reference = member_client.get("/muracietler/", {"q": "000007"})
    by_status = member_client.get("/muracietler/", {"status": "draft"})

    assert [filing.pk for filing in by_reference.context["filings_page"]] == [filings["returned"].pk]
    assert [filing.pk for filing in by_status.context["filings_page"]] == [filings["draft"].pk]


def test_my_applications_rejects_a_foreign_organization_filter(member_client, filings, outsider):
    foreign = outsider.memberships.get().organization

    response = member_client.get("/muracietler/", {"organization": foreign.pk})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert response.context["filings_page"].paginator.count == 0


def test_hostile_search_text_is_not_an_error(member_client, filings):
    response = member_client.get("/muracietler/", {"q": "QR\x00' OR 1=1 --"})

    assert response.status_code == 200


def test_filing_page_shows_history_to_members_only(member_client, outsider_client, filings):
    own = member_client.get(f"/muracietler/{filings['returned'].pk}/")
    foreign = member_client.get(f"/muracietler/{filings['foreign'].pk}/")
    guessed = outsider_client.get(f"/muracietler/{filings['returned'].pk}/")

    assert own.status_code == 200
    assert "Sənədlər natamamdır" in own.content.decode()
    assert foreign.status_code == 404
    assert guessed.status_code == 404


def test_signed_out_reader_is_sent_to_sign_in(client, filings):
    response = client.get("/muracietler/")

    assert response.status_code == 302
    assert response["Location"].startswith("/hesab/login/")


def bearer(person) -> dict:
    _token, plaintext = APIToken.create_token(user=person, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_api_lists_own_filings(client, member, filings):
    response = client.get("/api/v1/filings/", **bearer(member))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert {row["reference"] for row in body["results"]} == {None, "QR-2026-000007"}
    assert {row["organization"]["voen"] for row in body["results"]} == {"1400057421"}


def test_api_detail_has_status_answers_and_history(client, member, filings):
    filing = filings["returned"]

    response = client.get(f"/api/v1/filings/{filing.pk}/", **bearer(member))

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "returned"
    assert [event["to_status"] for event in body["history"]] == ["draft", "returned"]
    assert body["history"][1]["note"] == "Sənədlər natamamdır"


def test_api_hides_other_organizations_filings(client, member, filings):
    response = client.get(f"/api/v1/filings/{filings['foreign'].pk}/", **bearer(member))
    missing = client.get("/api/v1/filings/999999/", **bearer(member))

    assert response.status_code == 404
    assert response.json() == missing.json()


def test_api_needs_a_person(client, filings):
    response = client.get("/api/v1/filings/")

    assert response.status_code == 401


@pytest.mark.parametrize("query", [{"colour": "red"}, {"status": "lost"}, {"organization": "x"}])
def test_api_rejects_bad_parameters(client, member, filings, query):
    response = client.get("/api/v1/filings/", query, **bearer(member))

    assert response.status_code == 400
    assert response.json()["errors"]


def test_person_without_organizations_sees_none(client, filings):
    loner = make_person("tenha@example.az")

    response = client.get("/api/v1/filings/", **bearer(loner))

    assert response.json()["count"] == 0


def test_second_organization_filings_appear_for_a_member_of_both(client, member, filings, service_page):
    second = make_organization(member, "Qadın Təşəbbüsləri", "1500012345")
    make_filing(service_page, second, member)

    response = client.get("/api/v1/filings/", **bearer(member))

    assert response.json()["count"] == 3


def test_api_file_links_work_with_the_token(client, member, outsider, filings, private_media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forms import uploads

    from .files import pdf_bytes

    row = uploads.store(filings["draft"], "senedler", SimpleUploadedFile("sened.pdf", pdf_bytes()), member)
    detail = client.get(f"/api/v1/filings/{filings['draft'].pk}/", **bearer(member)).json()
    url = detail["files"][0]["url"].replace("http://testserver", "")

    own = client.get(url, **bearer(member))
    foreign = client.get(url, **bearer(outsider))
    forged = client.get(url, HTTP_AUTHORIZATION="Bearer wagtail_not-a-token")

    assert own.status_code == 200
    assert b"".join(own.streaming_content) == pdf_bytes()
    assert foreign.status_code == 404
    assert forged.status_code == 404
    assert row.pk == detail["files"][0]["id"]


def test_api_404_says_the_same_for_hidden_and_missing_filings(client, member, filings):
    hidden = client.get(f"/api/v1/filings/{filings['foreign'].pk}/", **bearer(member))

    assert hidden.json() == {"detail": translated("Not found.")}
    assert "Filing" not in hidden.content.decode()


def test_member_deletes_a_draft_after_confirming(colleague_client, filings, private_media_root):
    from wagtail.models import ModelLogEntry

    draft = filings["draft"]

    confirm = colleague_client.get(f"/muracietler/{draft.pk}/sil/")
    deleted = colleague_client.post(f"/muracietler/{draft.pk}/sil/")

    assert confirm.status_code == 200
    assert deleted.status_code == 302
    assert not Filing.objects.filter(pk=draft.pk).exists()
    assert ModelLogEntry.objects.filter(action="organizations.draft_deleted").count() == 1


def test_submitted_and_foreign_filings_cannot_be_deleted(member_client, filings):
    returned = member_client.post(f"/muracietler/{filings['returned'].pk}/sil/")
    foreign = member_client.post(f"/muracietler/{filings['foreign'].pk}/sil/")

    assert returned.status_code == 404
    assert foreign.status_code == 404
    assert Filing.objects.count() == 3
