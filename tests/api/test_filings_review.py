"""``GET /api/v1/filings/<id>/`` after the ministry's review: status, the
reviewer's comments on fields, the decision and its deadline, and a history
that names members but never staff. Every response is checked against the
OpenAPI schema."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from jsonschema import Draft202012Validator
from wagtail.models import APIToken

from forms.flow_submit import record_submission
from forms.models import Filing, FilingStatus
from forms.review.actions import Flag, accept, assign, reject, return_for_correction
from tests.accounts.people import make_person, translated
from tests.eservices.conftest import (  # noqa: F401  (fixtures used by these tests)
    colleague,
    member,
    organization,
    outsider,
    service_page,
)

pytestmark = pytest.mark.django_db

ARTICLE_LINK = "/qanunlar/qrantlar-haqqinda/madde-3/"
ARTICLE_LABEL = "Qrant haqqında Qanun, maddə 3"
OFFICER_EMAIL = "nigar.memmedova@nazirlik.gov.az"


# --- Checking responses against the schema --------------------------------------------


def json_schema(node):
    """Turn an OpenAPI 3.0 schema into JSON Schema that also rejects undocumented properties."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: json_schema(value) for key, value in node.items() if key != "nullable"}
    if "properties" in converted and "additionalProperties" not in converted:
        converted["additionalProperties"] = False
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@pytest.fixture(scope="module")
def openapi():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema))


def assert_matches_schema(openapi, component: str, data) -> None:
    document = {"$ref": f"#/components/schemas/{component}", "components": json_schema(openapi["components"])}
    errors = [error.message for error in Draft202012Validator(document).iter_errors(data)]
    assert errors == []


# --- Filings in each state ---------------------------------------------------------------


@pytest.fixture
def officer():
    person = make_person(OFFICER_EMAIL)
    person.first_name = "Nigar"
    person.last_name = "Məmmədova"
    person.is_staff = True
    person.is_superuser = True
    person.save()
    return person


@pytest.fixture
def submitted(service_page, organization, member):
    filing = Filing.objects.create(
        page=service_page,
        organization=organization,
        created_by=member,
        form_data={"teskilatin_adi": "Gənclər Birliyi", "olke": "AZ"},
        completed_step=3,
    )
    record_submission(service_page, filing, member)
    filing.refresh_from_db()
    return filing


@pytest.fixture
def returned(submitted, officer):
    flags = [
        Flag("teskilatin_adi", "Ad dövlət reyestrindəki ilə üst-üstə düşmür.", ARTICLE_LINK, ARTICLE_LABEL),
        Flag("qrant_muqavilesi", "Müqavilənin imzalı nüsxəsini əlavə edin.", "javascript:alert(1)", "Şübhəli keçid"),
    ]
    return return_for_correction(submitted.pk, flags, by=officer, note="İki sahəni düzəldin.")


def bearer(person) -> dict:
    _token, plaintext = APIToken.create_token(user=person, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def detail(filing, person, language: str = "az"):
    client = Client(headers={"Accept-Language": language})
    return client.get(f"/api/v1/filings/{filing.pk}/", **bearer(person))


# --- Corrections -----------------------------------------------------------------------


def test_returned_filing_lists_open_corrections(returned, member, openapi):
    response = detail(returned, member)

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "returned"
    assert body["status_label"] == translated("Returned for correction")
    first, second = body["corrections"]
    assert first["field_name"] == "teskilatin_adi"
    assert first["field_label"] == "Təşkilatın adı"
    assert first["comment"] == "Ad dövlət reyestrindəki ilə üst-üstə düşmür."
    assert first["article_link"] == f"http://testserver{ARTICLE_LINK}"
    assert first["article_label"] == ARTICLE_LABEL
    assert first["submission_number"] == 1
    assert first["resolved"] is False
    assert first["resolved_at"] is None
    assert second["field_label"] == "Qrant müqaviləsi"
    assert second["article_link"] is None
    assert_matches_schema(openapi, "FilingDetail", body)


def test_resubmission_resolves_corrections(returned, member, openapi):
    record_submission(returned.page.specific, returned, member)

    body = detail(returned, member).json()

    assert body["status"] == "submitted"
    assert body["submission_count"] == 2
    assert [correction["resolved"] for correction in body["corrections"]] == [True, True]
    assert all(correction["resolved_at"] for correction in body["corrections"])
    assert body["history"][-1]["action"] == "resubmitted"
    assert body["history"][-1]["by"] == "applicant"
    assert body["history"][-1]["by_email"] == "aysel@example.az"
    assert_matches_schema(openapi, "FilingDetail", body)


def test_filing_without_corrections_has_empty_list(submitted, member):
    body = detail(submitted, member).json()

    assert body["corrections"] == []


# --- Decision and deadline --------------------------------------------------------------


def test_submitted_filing_shows_deadline(submitted, member, openapi):
    body = detail(submitted, member).json()

    today = timezone.localdate()
    assert body["decision"] == {
        "decided_at": None,
        "registration_number": None,
        "registration_date": None,
        "decision_due": (today + datetime.timedelta(days=15)).isoformat(),
        "days_left": 15,
        "overdue": False,
    }
    assert_matches_schema(openapi, "FilingDetail", body)


def test_overdue_filing_has_negative_days_left(submitted, member):
    Filing.objects.filter(pk=submitted.pk).update(decision_due=timezone.localdate() - datetime.timedelta(days=3))

    decision = detail(submitted, member).json()["decision"]

    assert decision["days_left"] == -3
    assert decision["overdue"] is True


def test_accepted_filing_shows_registration(submitted, member, officer, openapi):
    accept(
        submitted.pk, by=officer, registration_number="QR-2026/154", registration_date=datetime.date(2026, 3, 2),
        note="Qeydiyyata alındı.",
    )

    body = detail(submitted, member).json()

    assert body["status"] == "accepted"
    assert body["decision"]["registration_number"] == "QR-2026/154"
    assert body["decision"]["registration_date"] == "2026-03-02"
    assert body["decision"]["decided_at"] is not None
    assert body["decision"]["days_left"] is None
    assert body["decision"]["overdue"] is False
    assert body["history"][-1]["note"] == "Qeydiyyata alındı."
    assert_matches_schema(openapi, "FilingDetail", body)


def test_rejected_filing_history_gives_the_reason(submitted, member, officer, openapi):
    reject(submitted.pk, by=officer, reason="Təqdim olunan sənədlər qanunun tələblərinə uyğun deyil.")

    body = detail(submitted, member).json()

    last = body["history"][-1]
    assert body["status"] == "rejected"
    assert last["action"] == "rejected"
    assert last["from_status"] == "submitted"
    assert last["to_status"] == "rejected"
    assert last["note"] == "Təqdim olunan sənədlər qanunun tələblərinə uyğun deyil."
    assert_matches_schema(openapi, "FilingDetail", body)


# --- History --------------------------------------------------------------------------------


def test_history_names_members_but_not_staff(returned, colleague):
    response = detail(returned, colleague)

    body = response.json()
    submitted_step, returned_step = body["history"]
    assert submitted_step["action"] == "submitted"
    assert submitted_step["by"] == "applicant"
    assert submitted_step["by_email"] == "aysel@example.az"
    assert returned_step["action"] == "returned"
    assert returned_step["by"] == "ministry"
    assert returned_step["by_email"] is None
    assert returned_step["note"] == "İki sahəni düzəldin."
    assert "details" not in returned_step
    assert OFFICER_EMAIL not in response.content.decode()
    assert "Məmmədova" not in response.content.decode()


def test_assignment_does_not_name_the_reviewer(submitted, member, officer, openapi):
    assign(submitted.pk, officer, by=officer, note="Baxılmağa başlanıldı.")

    response = detail(submitted, member)

    body = response.json()
    last = body["history"][-1]
    assert body["status"] == "under_review"
    assert last["action"] == "assigned"
    assert last["from_status"] == "submitted"
    assert last["to_status"] == "under_review"
    assert last["by"] == "ministry"
    assert last["by_email"] is None
    assert OFFICER_EMAIL not in response.content.decode()
    assert "Nigar" not in response.content.decode()
    assert "assigned_to" not in response.content.decode()
    assert_matches_schema(openapi, "FilingDetail", body)


def test_step_without_action_by_a_stranger_is_anonymous(submitted, member, officer):
    submitted.events.create(user=officer, from_status="", to_status=FilingStatus.SUBMITTED, note="Köçürülüb.")

    response = detail(submitted, member)

    last = response.json()["history"][-1]
    assert last["action"] == ""
    assert last["by"] is None
    assert last["by_email"] is None
    assert OFFICER_EMAIL not in response.content.decode()


def test_labels_follow_accept_language(returned, member):
    body = detail(returned, member, language="en").json()

    returned_step = body["history"][-1]
    assert body["status_label"] == "Returned for correction"
    assert returned_step["action_label"] == "Returned for correction"
    assert returned_step["from_status_label"] == "Submitted"
    assert returned_step["to_status_label"] == "Returned for correction"


def test_outsider_cannot_read_the_review(returned, outsider):
    response = detail(returned, outsider)

    assert response.status_code == 404
    assert "corrections" not in response.json()


# --- The list and the schema ------------------------------------------------------------


def test_list_matches_schema(returned, member, openapi):
    response = Client().get("/api/v1/filings/", **bearer(member))

    assert response.status_code == 200
    assert_matches_schema(openapi, "PaginatedFilingSummaryList", response.json())


def test_schema_documents_review_fields(openapi):
    components = openapi["components"]["schemas"]

    assert {"corrections", "decision", "history"} <= set(components["FilingDetail"]["properties"])
    assert set(components["FilingEvent"]["properties"]) == {
        "time", "action", "action_label", "from_status", "from_status_label", "to_status", "to_status_label",
        "note", "by", "by_email",
    }
    assert "details" not in json.dumps(components["FilingEvent"])


def test_schema_check_catches_an_undocumented_field(returned, member, openapi):
    body = detail(returned, member).json()
    body["history"][0]["details"] = {"assigned_to": "Nigar Məmmədova"}

    with pytest.raises(AssertionError):
        assert_matches_schema(openapi, "FilingDetail", body)
