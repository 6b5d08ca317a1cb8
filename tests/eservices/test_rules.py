"""Rules of law that read several answers: the cash donation limit and the
15-day registration deadline."""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from forms import rules


@dataclass
class Definition:
    clean_name: str
    choice_list: list = field(default_factory=list)


@dataclass
class Page:
    definitions: list

    def get_form_fields(self):
        return self.definitions


DONATION = Page(
    [
        Definition("amount"),
        Definition("payment_method", ["Bank köçürməsi ilə", "Nağd, 200 manatadək (xeyriyyəçilik)"]),
    ]
)
CASH = "Nağd, 200 manatadək (xeyriyyəçilik)"


@pytest.mark.parametrize(
    ("method", "amount", "currency", "refused"),
    [
        (CASH, "200.00", "AZN", False),
        (CASH, "200.01", "AZN", True),
        (CASH, "5000.00", "AZN", True),
        (CASH, "100.00", "USD", True),
        ("Bank köçürməsi ilə", "5000.00", "AZN", False),
    ],
)
def test_cash_donations_above_200_manat_are_refused(method, amount, currency, refused):
    answers = {"payment_method": method, "amount": {"amount": amount, "currency": currency}}

    with translation.override("en"):
        errors = rules.rule_errors(DONATION, answers, {"amount", "payment_method"})

    assert bool(errors) is refused
    if refused:
        assert list(errors) == ["amount"]
        assert "Article 466" in errors["amount"]


def test_cash_rule_waits_for_the_step_with_the_amount():
    answers = {"payment_method": CASH, "amount": {"amount": "900.00", "currency": "AZN"}}

    assert rules.rule_errors(DONATION, answers, {"payment_method"}) == {}


def test_cash_rule_ignores_answers_it_cannot_read():
    answers = {"payment_method": CASH, "amount": "not money"}

    assert rules.rule_errors(DONATION, answers, {"amount"}) == {}


def test_late_registration_is_warned_with_the_deadline():
    signed = timezone.localdate() - timedelta(days=16)

    with translation.override("en"):
        warnings = rules.deadline_warnings(None, {"signed_on": signed.isoformat()})

    deadline = signed + timedelta(days=15)
    assert len(warnings) == 1
    assert str(deadline.year) in warnings[0]
    assert "Article 432" in warnings[0]


@pytest.mark.parametrize("days_ago", [0, 15])
def test_registration_within_15_days_has_no_warning(days_ago):
    signed = timezone.localdate() - timedelta(days=days_ago)

    assert rules.deadline_warnings(None, {"signed_on": signed.isoformat()}) == []


@pytest.mark.parametrize("value", [None, "", "31.02.2026", 5])
def test_deadline_warning_ignores_missing_or_bad_dates(value):
    assert rules.deadline_warnings(None, {"signed_on": value}) == []


DONATION_FIELDS = [
    {"label": "İanənin məbləği", "clean_name": "amount", "field_type": "money"},
    {
        "label": "İanə necə ödənilib?",
        "clean_name": "payment_method",
        "field_type": "radio",
        "choices": "Bank köçürməsi ilə\n" + CASH,
    },
]


@pytest.mark.django_db
def test_donation_step_refuses_large_cash_and_keeps_the_answers(member_client, organization):
    from forms.models import Filing

    from .conftest import make_service_page

    make_service_page(title="İanələrin qeydiyyatı", slug="iane", prefix="IA", fields=DONATION_FIELDS)
    member_client.post("/e-xidmetler/iane/basla/", {"organization": organization.pk})
    filing = Filing.objects.latest("pk")
    answers = {"amount_0": "1 500", "amount_1": "AZN", "payment_method": CASH}

    refused = member_client.post(f"/e-xidmetler/iane/{filing.pk}/addim-1/", answers)
    by_bank = member_client.post(
        f"/e-xidmetler/iane/{filing.pk}/addim-1/", {**answers, "payment_method": "Bank köçürməsi ilə"}
    )

    assert refused.status_code == 200
    assert "error-summary" in refused.content.decode()
    assert by_bank.status_code == 302
    filing.refresh_from_db()
    assert filing.completed_step == 1
    assert filing.form_data["amount"] == {"amount": "1500.00", "currency": "AZN"}


# --- The original grant's number -----------------------------------------------


def _filing(service_page, organization, **fields):
    from forms.models import Filing

    return Filing.objects.create(page=service_page, organization=organization, **fields)


@pytest.mark.django_db
def test_earlier_reference_of_accepted_grant_passes(service_page, organization):
    _filing(service_page, organization, status="accepted", reference="QR-2026-000007")
    addendum = _filing(service_page, organization, form_data={"earlier_reference": " qr-2026-000007 "})

    assert rules.earlier_reference_warnings(service_page, addendum) == []


@pytest.mark.django_db
def test_registration_number_counts_as_earlier_reference(service_page, organization):
    _filing(service_page, organization, status="accepted", reference="QR-2026-000007", registration_number="QQ-417")
    addendum = _filing(service_page, organization, form_data={"earlier_reference": "QQ-417"})

    assert rules.earlier_reference_warnings(service_page, addendum) == []


@pytest.mark.django_db
def test_unknown_earlier_reference_warns(service_page, organization, outsider):
    from tests.eservices.conftest import make_organization

    theirs = make_organization(outsider, "Başqa İctimai Birlik", "1200000099")
    _filing(service_page, theirs, status="accepted", reference="QR-2026-000008")
    addendum = _filing(service_page, organization, form_data={"earlier_reference": "QR-2026-000008"})

    with translation.override("en"):
        warnings = rules.earlier_reference_warnings(service_page, addendum)

    # Another organization's grant is no grant of this one.
    assert len(warnings) == 1
    assert "QR-2026-000008 is not the number of an application of" in warnings[0]


@pytest.mark.django_db
def test_rejected_earlier_grant_warns(service_page, organization):
    _filing(service_page, organization, status="rejected", reference="QR-2026-000009")
    addendum = _filing(service_page, organization, form_data={"earlier_reference": "QR-2026-000009"})

    with translation.override("en"):
        warnings = rules.earlier_reference_warnings(service_page, addendum)

    assert warnings == ["Application QR-2026-000009 has not been accepted: its status is “Rejected”."]


@pytest.mark.django_db
def test_no_earlier_reference_no_warning(service_page, organization):
    addendum = _filing(service_page, organization, form_data={"earlier_reference": ""})

    assert rules.earlier_reference_warnings(service_page, addendum) == []
