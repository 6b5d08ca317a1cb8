"""Demo filings in every status, for demo mode only.

Each filing goes through the same code as a real one: the applicant's
answers are bound to each step's form and validated, the signed agreement
is stored as an upload, submission gives the reference number, and the
ministry's steps go through forms.review.actions. Only the dates are moved
into the past afterwards, so the deadlines and the reports have something
to show. The organizations and people come from cms.organizations.demo.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from wagtail.models import ModelLogEntry

from cms.organizations.models import Organization

from . import uploads
from .answers import as_form_data
from .flow_steps import build_step_form, save_step, validate
from .flow_submit import submit_filing
from .models import Filing, FilingAction, FilingEvent, FilingStatus, SatisfactionResponse, ServicePage
from .review import actions

GRANT_PREFIX = "QR"
# The shipped services leave the statutory time for a decision to the
# ministry's editors; demo mode sets one so deadlines and overdue filings show.
DEMO_DECISION_DAYS = 15


@dataclass
class DemoFiling:
    organization_voen: str
    applicant: str
    status: str
    # Days before today the filing was (first) submitted.
    submitted_days_ago: int = 0
    answers: dict = field(default_factory=dict)
    # Returned once and sent again corrected, so reviewers see what changed.
    resubmitted: bool = False
    satisfaction: tuple[int, str] | None = None


def grant_answers(purpose: str, donor: str, country: str, amount: str, currency: str, signed_days_ago: int) -> dict:
    today = timezone.localdate()
    signed_on = today - datetime.timedelta(days=signed_days_ago)
    return {
        "filing_kind": "Yeni qrant müqaviləsi və ya qərarı",
        "organization_role": "Qrantı alırıq (resipiyent)",
        "purpose": purpose,
        "signed_on": signed_on.isoformat(),
        "donor_name": donor,
        "donor_country": country,
        "donor_type": "Beynəlxalq təşkilat və ya onun nümayəndəliyi",
        "donor_grant_right": "Bəli, Maliyyə Nazirliyinin müsbət rəyi alınıb",
        "recipient_name": "",  # filled with the organization's name
        "recipient_country": "AZ",
        "amount": {"amount": amount, "currency": currency},
        "grant_period": {
            "start": (signed_on + datetime.timedelta(days=20)).isoformat(),
            "end": (signed_on + datetime.timedelta(days=385)).isoformat(),
        },
        "no_operations_before_registration": True,
    }


YOUNG_LAWYERS = "1700000011"
SHEKI_FOUNDATION = "1700000022"

DEMO_FILINGS = [
    DemoFiling(
        YOUNG_LAWYERS, "aysel@example.org", FilingStatus.DRAFT,
        answers=grant_answers(
            "Gəncə şəhərində gənclər üçün pulsuz hüquqi məsləhət mərkəzinin açılması",
            "Avropa İttifaqının Azərbaycandakı Nümayəndəliyi", "BE", "18000.00", "EUR", 3,
        ),
    ),
    DemoFiling(
        SHEKI_FOUNDATION, "leyla@example.org", FilingStatus.SUBMITTED, submitted_days_ago=2,
        answers=grant_answers(
            "Şəki rayonunda qadın sahibkarlar üçün təlim proqramı",
            "Birləşmiş Millətlər Təşkilatının İnkişaf Proqramı", "US", "12500.00", "USD", 6,
        ),
    ),
    DemoFiling(
        YOUNG_LAWYERS, "rauf@example.org", FilingStatus.UNDER_REVIEW, submitted_days_ago=19,
        answers=grant_answers(
            "Məhkəmə qərarlarının ictimaiyyət üçün sadə dildə izahı",
            "Avropa Şurası", "FR", "9400.00", "EUR", 25,
        ),
    ),
    DemoFiling(
        YOUNG_LAWYERS, "aysel@example.org", FilingStatus.RETURNED, submitted_days_ago=6,
        answers=grant_answers(
            "İnsan hüquqları üzrə məktəblilər üçün olimpiada",
            "Almaniya Beynəlxalq Əməkdaşlıq Cəmiyyəti (GIZ)", "DE", "15000.00", "EUR", 9,
        ),
    ),
    DemoFiling(
        SHEKI_FOUNDATION, "leyla@example.org", FilingStatus.SUBMITTED, submitted_days_ago=12, resubmitted=True,
        answers=grant_answers(
            "Şəki xan sarayı ətrafında turizm bələdçilərinin hazırlanması",
            "Yaponiya Beynəlxalq Əməkdaşlıq Agentliyi (JICA)", "JP", "2400000.00", "JPY", 14,
        ),
    ),
    DemoFiling(
        SHEKI_FOUNDATION, "leyla@example.org", FilingStatus.ACCEPTED, submitted_days_ago=30,
        answers=grant_answers(
            "Şəki və Qax rayonlarında ipəkçilik ənənələrinin qorunması",
            "Avropa İttifaqının Azərbaycandakı Nümayəndəliyi", "BE", "32000.00", "EUR", 33,
        ),
        satisfaction=(9, "Tez və aydın cavab aldıq. Təşəkkür edirik!"),
    ),
    DemoFiling(
        YOUNG_LAWYERS, "aysel@example.org", FilingStatus.REJECTED, submitted_days_ago=40,
        answers=grant_answers(
            "Hüquq tələbələri üçün yay məktəbi",
            "Açıq Cəmiyyət İnstitutu", "US", "7000.00", "USD", 70,
        ),
        satisfaction=(4, "İmtinanın səbəbi aydındır, amma qərarı daha tez gözləyirdik."),
    ),
]

RETURN_FLAGS = [
    actions.Flag(
        field_name="purpose",
        comment=(
            "Qrantın məqsədi müqavilənin 1.1-ci bəndindəki məqsədlə eyni deyil. Müqavilədəki məqsədi olduğu kimi "
            "yazın."
        ),
    ),
    actions.Flag(
        field_name="signed_agreement",
        comment="Müqavilənin yalnız birinci səhifəsi əlavə olunub. Bütün səhifələri, imzalar daxil, bir faylda yükləyin.",
    ),
]
REJECTION_REASON = (
    "Müqavilə imzalandığı gündən 15 gün keçdikdən sonra təqdim olunub və qrant vəsaiti qeydiyyatdan əvvəl "
    "xərclənməyə başlanıb (Qrant müqavilələrinin qeydiyyatı Qaydaları, 2.1-ci bənd)."
)


def demo_pdf(title: str) -> bytes:
    """Build a one-page PDF with a correct cross-reference table, standing in for a scanned agreement."""
    text = title.encode("ascii", "replace")
    content = b"BT /F1 16 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)


def ensure_demo_filings(reviewer) -> int:
    """Create the demo filings unless the demo organizations already have some; return how many were made."""
    if not settings.DEMO_MODE:
        raise RuntimeError("Demo filings exist only when DEMO_MODE is on.")

    page = ServicePage.objects.get(reference_prefix=GRANT_PREFIX, locale__language_code="az")
    organizations = {org.voen: org for org in Organization.objects.filter(voen__in=[YOUNG_LAWYERS, SHEKI_FOUNDATION])}
    if Filing.objects.filter(organization__in=organizations.values()).exists():
        return 0

    _set_decision_days(page)
    page.refresh_from_db()
    people = {person.email: person for person in get_user_model().objects.filter(email__endswith="@example.org")}
    for demo in DEMO_FILINGS:
        _create(page, demo, organizations[demo.organization_voen], people[demo.applicant], reviewer)
    return len(DEMO_FILINGS)


def _set_decision_days(page) -> None:
    ServicePage.objects.filter(decision_days__isnull=True).update(decision_days=DEMO_DECISION_DAYS)


@transaction.atomic
def _create(page, demo: DemoFiling, organization, applicant, reviewer) -> Filing:
    filing = Filing.objects.create(page=page, organization=organization, created_by=applicant, updated_by=applicant)
    FilingEvent.objects.create(filing=filing, user=applicant, action=FilingAction.STARTED, to_status=FilingStatus.DRAFT)
    answers = {**demo.answers, "recipient_name": organization.name}
    steps = page.get_steps()
    last_step = 1 if demo.status == FilingStatus.DRAFT else len(steps)
    for step in steps[:last_step]:
        _answer_step(page, step, filing, applicant, answers)
    if demo.status == FilingStatus.DRAFT:
        return filing

    submit_filing(page, filing.pk, applicant)
    if demo.status == FilingStatus.UNDER_REVIEW:
        actions.assign(filing.pk, reviewer, by=reviewer)
    elif demo.status == FilingStatus.RETURNED:
        actions.assign(filing.pk, reviewer, by=reviewer)
        actions.return_for_correction(
            filing.pk, RETURN_FLAGS, by=reviewer, note="Zəhmət olmasa qeyd olunan iki məlumatı düzəldin."
        )
    elif demo.resubmitted:
        actions.return_for_correction(filing.pk, RETURN_FLAGS[:1], by=reviewer)
        filing.refresh_from_db()
        filing.form_data = {**filing.form_data, "purpose": answers["purpose"] + " (müqavilənin 1.1-ci bəndi)"}
        filing.save(update_fields=["form_data"])
        submit_filing(page, filing.pk, applicant)
    elif demo.status == FilingStatus.ACCEPTED:
        actions.assign(filing.pk, reviewer, by=reviewer)
        actions.accept(
            filing.pk, by=reviewer, registration_number=f"QQ-{timezone.localdate().year}-0417",
            registration_date=timezone.localdate() - datetime.timedelta(days=demo.submitted_days_ago - 12),
        )
    elif demo.status == FilingStatus.REJECTED:
        actions.reject(filing.pk, by=reviewer, reason=REJECTION_REASON)

    if demo.satisfaction:
        score, comment = demo.satisfaction
        SatisfactionResponse.objects.create(filing=filing, user=applicant, score=score, comment=comment)
    _move_into_past(filing, demo.submitted_days_ago)
    return filing


def _answer_step(page, step, filing, applicant, answers: dict) -> None:
    """Post ``answers`` to one step the way a browser would, through its form and checks."""
    for definition in step.fields:
        if definition.field_type == "file" and definition.clean_name not in filing.form_data:
            upload = SimpleUploadedFile(
                "qrant-muqavilesi.pdf", demo_pdf("Qrant muqavilesi"), content_type="application/pdf"
            )
            row = uploads.store(filing, definition.clean_name, upload, applicant)
            filing.form_data = {**filing.form_data, definition.clean_name: uploads.describe(row)}
            filing.save(update_fields=["form_data"])

    unbound = build_step_form(page, step, filing)
    data = as_form_data(unbound.form, {name: answers[name] for name in step.names if name in answers})
    step_form = build_step_form(page, step, filing, data=data, files=MultiValueDict())
    if not validate(step_form):
        raise ValueError(f"Invalid demo answers on step {step.number}: {step_form.form.errors.as_json()}")
    save_step(step_form, applicant, complete=True)


def _move_into_past(filing: Filing, days: int) -> None:
    """Move the filing's history back so that it was submitted ``days`` ago,
    with the later steps spread over the days since, in their order."""
    events = list(filing.events.order_by("time", "pk"))
    start = timezone.now() - datetime.timedelta(days=days)
    first_submitted = next(index for index, event in enumerate(events) if event.action == FilingAction.SUBMITTED)
    later = events[first_submitted + 1:]
    # The ministry's steps take up to 12 days, inside the usual deadline.
    spacing = datetime.timedelta(days=min(max(days - 1, 1), 12)) / max(len(later), 1)

    times = {event.pk: start for event in events[: first_submitted + 1]}
    times.update({event.pk: start + spacing * number for number, event in enumerate(later, start=1)})
    for event in events:
        FilingEvent.objects.filter(pk=event.pk).update(time=times[event.pk])

    _move_records(filing, events, times)

    submissions = [event for event in events if event.action in (FilingAction.SUBMITTED, FilingAction.RESUBMITTED)]
    for number, event in enumerate(submissions, start=1):
        filing.submissions.filter(number=number).update(submitted_at=times[event.pk])
    decisions = [event for event in events if event.action in (FilingAction.ACCEPTED, FilingAction.REJECTED)]
    last_submitted = times[submissions[-1].pk]
    Filing.objects.filter(pk=filing.pk).update(
        created_at=start,
        first_submitted_at=start,
        submitted_at=last_submitted,
        decided_at=times[decisions[-1].pk] if decisions else None,
        decision_due=timezone.localdate(last_submitted) + datetime.timedelta(days=filing.page.specific.decision_days)
        if filing.page.specific.decision_days
        else None,
    )


def _move_records(filing: Filing, events: list, times: dict) -> None:
    """Give the audit log entries and the corrections the times of the events they belong to."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Filing), object_id=str(filing.pk)
    ).order_by("timestamp", "pk")
    for action in {event.action for event in events}:
        moved = [times[event.pk] for event in events if event.action == action]
        for entry, time in zip(entries.filter(action=f"eservices.{action}"), moved):
            ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=time)

    returns = [times[event.pk] for event in events if event.action == FilingAction.RETURNED]
    resubmissions = [times[event.pk] for event in events if event.action == FilingAction.RESUBMITTED]
    for number, returned_at in enumerate(returns):
        resolved_at = resubmissions[number] if number < len(resubmissions) else None
        filing.corrections.filter(submission_number=number + 1).update(created_at=returned_at, resolved_at=resolved_at)


DEMO_REVIEWER = ("qrant-reyci", "reyci-demo-2026")


def ensure_demo_reviewer(group):
    """Create the demo grant reviewer, whose group reviews grant registrations only."""
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_REVIEWER[0], defaults={"email": f"{DEMO_REVIEWER[0]}@example.invalid", "first_name": "Nigar"}
    )
    if created:
        user.set_password(DEMO_REVIEWER[1])
        user.save()
    user.groups.add(group)
    return user
