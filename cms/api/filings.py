"""An organization's filings for its members: ``/api/v1/filings/``.

Only filings of the organizations the person belongs to exist here; any
other id answers 404, exactly like an id that was never used.

A filing's detail has its status, the reviewer's comments on the fields to
correct, the decision and its deadline, and its history. The history names
the organization's member who acted, but shows only "ministry" for the
ministry's actions, because staff are not named to applicants. The internal
``details`` of each event, which may name staff, are left out.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import ValidationError

from cms.organizations.models import Organization
from forms.applications import MINISTRY_ACTIONS, ApplicationFilterForm
from forms.correction import field_labels
from forms.models.fields import safe_article_link
from forms.models import Filing, FilingAction, FilingEvent, FilingStatus

from .errors import form_errors
from .language import RequestLanguageMixin

LIST_PARAMETERS = {"q", "status", "organization", "page", "page_size", "format"}

# Values of ``by`` in the history: the party that took the step.
BY_APPLICANT = "applicant"
BY_MINISTRY = "ministry"


def absolute_link(request, link: str) -> str | None:
    """Return a reviewer's article link as an absolute URL, or None when it is missing or unsafe."""
    link = safe_article_link(link)
    return request.build_absolute_uri(link) if link else None


class FilingEventSerializer(serializers.Serializer):
    time = serializers.DateTimeField()
    action = serializers.ChoiceField(
        choices=FilingAction.choices, allow_blank=True, help_text="Empty for steps recorded without an action."
    )
    action_label = serializers.CharField(source="get_action_display")
    from_status = serializers.ChoiceField(choices=FilingStatus.choices, allow_blank=True)
    from_status_label = serializers.CharField(source="get_from_status_display")
    to_status = serializers.ChoiceField(choices=FilingStatus.choices)
    to_status_label = serializers.CharField(source="get_to_status_display")
    note = serializers.CharField(help_text="The reason given to the applicant, such as why the filing was rejected.")
    by = serializers.SerializerMethodField(help_text="The party that took the step, or null when unknown.")
    by_email = serializers.SerializerMethodField(
        help_text="E-mail address of the organization's member who took the step; null for the ministry's steps."
    )

    def _actor(self, event) -> tuple[str | None, str | None]:
        if event.action in MINISTRY_ACTIONS:
            return BY_MINISTRY, None
        if event.user is None:
            return None, None
        # Steps without an action are shown as the applicant's only when a member took them.
        if event.action or event.user_id in self.context["member_ids"]:
            return BY_APPLICANT, event.user.email
        return None, None

    @extend_schema_field(serializers.ChoiceField(choices=[BY_APPLICANT, BY_MINISTRY], allow_null=True))
    def get_by(self, event) -> str | None:
        return self._actor(event)[0]

    @extend_schema_field(serializers.EmailField(allow_null=True))
    def get_by_email(self, event) -> str | None:
        return self._actor(event)[1]


class CorrectionSerializer(serializers.Serializer):
    field_name = serializers.CharField()
    field_label = serializers.SerializerMethodField(help_text="The field's label in the response language.")
    comment = serializers.CharField(help_text="What the reviewer asks to correct.")
    article_link = serializers.SerializerMethodField(help_text="The article of law that requires it.")
    article_label = serializers.CharField()
    submission_number = serializers.IntegerField(help_text="The submission the reviewer read, counting from 1.")
    flagged_at = serializers.DateTimeField(source="created_at")
    resolved = serializers.SerializerMethodField(
        help_text="True once the applicant has submitted the filing again after this comment."
    )
    resolved_at = serializers.DateTimeField(allow_null=True)

    def get_field_label(self, correction) -> str:
        return self.context["field_labels"].get(correction.field_name) or correction.field_label

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_article_link(self, correction) -> str | None:
        return absolute_link(self.context["request"], correction.article_link)

    def get_resolved(self, correction) -> bool:
        return correction.resolved_at is not None


class DecisionSerializer(serializers.Serializer):
    decided_at = serializers.DateTimeField(allow_null=True, help_text="When the ministry accepted or rejected it.")
    registration_number = serializers.CharField(allow_null=True)
    registration_date = serializers.DateField(allow_null=True)
    decision_due = serializers.DateField(
        allow_null=True, help_text="The date by which the ministry must decide, counted from the last submission."
    )
    days_left = serializers.IntegerField(
        allow_null=True, help_text="Days until decision_due, negative when overdue; null once decided or without one."
    )
    overdue = serializers.BooleanField()


def decision_data(filing: Filing) -> dict:
    return {
        "decided_at": filing.decided_at,
        "registration_number": filing.registration_number or None,
        "registration_date": filing.registration_date,
        "decision_due": filing.decision_due,
        "days_left": filing.days_left(),
        "overdue": filing.is_overdue,
    }


class FilingFileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    field_name = serializers.CharField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_url(self, file_row) -> str:
        return self.context["request"].build_absolute_uri(reverse("eservices:download", args=[file_row.pk]))


class FilingSummarySerializer(serializers.ModelSerializer):
    service = serializers.CharField(source="page.localized.title")
    service_url = serializers.SerializerMethodField()
    organization = serializers.SerializerMethodField()
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Filing
        fields = [
            "id", "reference", "service", "service_url", "organization", "status", "status_label",
            "created_at", "updated_at", "submitted_at",
        ]

    def get_service_url(self, filing) -> str:
        return self.context["request"].build_absolute_uri(filing.service_url())

    def get_organization(self, filing) -> dict:
        return {"id": filing.organization_id, "name": filing.organization.name, "voen": filing.organization.voen}


class FilingDetailSerializer(FilingSummarySerializer):
    answers = serializers.JSONField(source="form_data")
    files = FilingFileSerializer(many=True)
    corrections = serializers.SerializerMethodField(
        help_text="Fields the ministry asked to correct, oldest first; open ones have resolved false."
    )
    decision = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField(help_text="Every step of the filing, oldest first.")

    class Meta(FilingSummarySerializer.Meta):
        fields = FilingSummarySerializer.Meta.fields + [
            "first_submitted_at", "submission_count", "answers", "files", "corrections", "decision", "history",
        ]

    @extend_schema_field(CorrectionSerializer(many=True))
    def get_corrections(self, filing) -> list[dict]:
        labels = field_labels(filing.page.localized.specific)
        context = {**self.context, "field_labels": labels}
        return CorrectionSerializer(filing.corrections.all(), many=True, context=context).data

    @extend_schema_field(DecisionSerializer)
    def get_decision(self, filing) -> dict:
        return DecisionSerializer(decision_data(filing)).data

    @extend_schema_field(FilingEventSerializer(many=True))
    def get_history(self, filing) -> list[dict]:
        member_ids = set(filing.organization.memberships.values_list("user_id", flat=True))
        context = {**self.context, "member_ids": member_ids}
        return FilingEventSerializer(filing.events.all(), many=True, context=context).data


class FilingViewSet(RequestLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Filings of the organizations the signed-in person acts for."""

    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        filings = Filing.objects.for_user(self.request.user).select_related("page", "organization")
        if self.action == "retrieve":
            events = Prefetch("events", FilingEvent.objects.select_related("user"))
            return filings.prefetch_related("files", "corrections", events)

        unknown = sorted(set(self.request.query_params) - LIST_PARAMETERS)
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})

        organizations = Organization.objects.filter(memberships__user=self.request.user)
        form = ApplicationFilterForm(self.request.query_params, organizations=organizations)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        return form.filter(filings).order_by("-updated_at")

    def get_serializer_class(self):
        return FilingDetailSerializer if self.action == "retrieve" else FilingSummarySerializer
