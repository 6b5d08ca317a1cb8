"""The public directory of CSOs: ``/api/v1/organizations/``.

Only the organizations and fields that the directory's pages show are here
(``cms.directory.queries``): register data, never contacts, members, filings
or the ministry's notes. Any other id answers 404.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from cms.directory.filters import DirectoryFilterForm
from cms.directory.queries import public_organizations
from cms.organizations.choices import REGION_NAMES, REGIONS, LegalForm, RegisterStatus, Sphere
from cms.organizations.models import Organization

from .errors import form_errors
from .language import RequestLanguageMixin

FILTER_PARAMETERS = {"q", "sphere", "region", "legal_form", "status"}
LIST_PARAMETERS = FILTER_PARAMETERS | {"page", "page_size", "format"}


class OrganizationSerializer(serializers.ModelSerializer):
    legal_form_label = serializers.CharField(source="get_legal_form_display")
    sphere = serializers.ChoiceField(
        choices=Sphere.choices, allow_blank=True, help_text="Empty when the register gives none."
    )
    sphere_label = serializers.CharField(source="get_sphere_display")
    region_name = serializers.SerializerMethodField(help_text="The region's name, in Azerbaijani in every language.")
    register_status = serializers.ChoiceField(
        choices=RegisterStatus.choices,
        allow_blank=True,
        help_text="Status in the state register; empty for organizations the ministry verified but never imported.",
    )
    register_status_label = serializers.CharField(source="get_register_status_display")
    url = serializers.SerializerMethodField(help_text="Address of the organization's page in the directory.")
    api_url = serializers.HyperlinkedIdentityField(view_name="organization-detail")

    class Meta:
        model = Organization
        fields = [
            "id", "name", "legal_form", "legal_form_label", "voen", "registration_number", "registration_date",
            "sphere", "sphere_label", "region", "region_name", "legal_address", "register_status",
            "register_status_label", "url", "api_url",
        ]

    def get_region_name(self, organization) -> str:
        return REGION_NAMES.get(organization.region, organization.region)

    def get_url(self, organization) -> str:
        return self.context["request"].build_absolute_uri(reverse("directory:detail", args=[organization.pk]))


@extend_schema_view(
    list=extend_schema(
        summary="List organizations in the public directory",
        parameters=[
            OpenApiParameter(
                "q", str, description="Name, VÖEN or registration number; Azerbaijani letters and endings optional."
            ),
            OpenApiParameter("sphere", str, enum=Sphere.values, description="Sphere of activity."),
            OpenApiParameter("region", str, enum=[code for code, _name in REGIONS], description="Region code."),
            OpenApiParameter("legal_form", str, enum=LegalForm.values, description="Legal form."),
            OpenApiParameter("status", str, enum=RegisterStatus.values, description="Status in the state register."),
        ],
    ),
    retrieve=extend_schema(summary="One organization in the public directory"),
)
class OrganizationViewSet(RequestLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Organizations on the ministry's register or verified by it, in alphabetical order.

    Unknown or invalid query parameters get 400 with a message.
    """

    serializer_class = OrganizationSerializer

    def get_queryset(self):
        organizations = public_organizations()
        if self.action != "list":
            return organizations

        unknown = sorted(set(self.request.query_params) - LIST_PARAMETERS)
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})

        form = DirectoryFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        return form.filter(organizations)
