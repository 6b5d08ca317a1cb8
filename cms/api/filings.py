"""An organization's filings for its members: ``/api/v1/filings/``.

Only filings of the organizations the person belongs to exist here; any
other id answers 404, exactly like an id that was never used.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import ValidationError

from cms.organizations.models import Organization
from forms.applications import ApplicationFilterForm
from forms.models import Filing

from .errors import form_errors

LIST_PARAMETERS = {"q", "status", "organization", "page", "page_size", "format"}


class FilingEventSerializer(serializers.Serializer):
    time = serializers.DateTimeField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    note = serializers.CharField()


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
    history = FilingEventSerializer(many=True, source="events")

    class Meta(FilingSummarySerializer.Meta):
        fields = FilingSummarySerializer.Meta.fields + ["answers", "files", "history"]


class FilingViewSet(viewsets.ReadOnlyModelViewSet):
    """Filings of the organizations the signed-in person acts for."""

    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        filings = Filing.objects.for_user(self.request.user).select_related("page", "organization")
        if self.action == "retrieve":
            return filings.prefetch_related("files", "events")

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
