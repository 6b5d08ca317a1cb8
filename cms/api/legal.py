"""Read-only API of the legal-acts library: ``/api/v1/legal-acts/``."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from wagtail.models import Locale

from cms.legal import browse, links

from .errors import form_errors
from cms.legal.filters import ActFilterForm
from cms.legal.models import ActStatus, ActType, LegalAct, LegalActIndexPage

LIST_PARAMETERS = {"type", "status", "year", "page", "page_size", "format"}


def library_url() -> str:
    """Path of the Azerbaijani library page, which anchors every act's permalink."""
    page = LegalActIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    return page.url if page else "/qanunlar/"


class TopicSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(source="localized_name")


class LegalActSummarySerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="act_type")
    title_localized = serializers.CharField(source="localized_title")
    version_date = serializers.DateField(source="current_version.effective_date", allow_null=True)
    topics = TopicSerializer(many=True)
    url = serializers.SerializerMethodField()
    api_url = serializers.HyperlinkedIdentityField(view_name="legal-act-detail")

    class Meta:
        model = LegalAct
        fields = [
            "id", "slug", "type", "number", "title", "title_localized", "title_en", "title_ru",
            "adoption_date", "effective_date", "version_date", "issuing_body", "status", "topics",
            "url", "api_url",
        ]

    def get_url(self, act) -> str:
        """Address of the act's page on the site."""
        path = links.act_url(self.context["library_url"], act)
        return self.context["request"].build_absolute_uri(path)


class ProvisionEntrySerializer(serializers.Serializer):
    kind = serializers.CharField()
    number = serializers.CharField()
    label = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()


class DivisionEntrySerializer(serializers.Serializer):
    kind = serializers.CharField()
    number = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    provisions = ProvisionEntrySerializer(many=True)
    children = serializers.ListField(child=serializers.DictField(), help_text="Nested divisions, same shape.")


class LegalActDetailSerializer(LegalActSummarySerializer):
    source_reference = serializers.CharField()
    completeness_note = serializers.CharField(source="localized_completeness_note")
    preamble = serializers.CharField(source="current_version.preamble")
    table_of_contents = serializers.SerializerMethodField()
    provisions_outside_divisions = serializers.SerializerMethodField()

    class Meta(LegalActSummarySerializer.Meta):
        fields = LegalActSummarySerializer.Meta.fields + [
            "source_reference", "completeness_note", "preamble", "table_of_contents", "provisions_outside_divisions",
        ]

    def _toc(self, act):
        """Build the table of contents once per act, for both fields that use it."""
        cache = self.__dict__.setdefault("_toc_cache", {})
        if act.pk not in cache:
            cache[act.pk] = browse.table_of_contents(act.current_version, with_provisions=True)
        return cache[act.pk]

    def _absolute(self, path: str) -> str:
        return self.context["request"].build_absolute_uri(path)

    def _provision(self, act, provision) -> dict:
        return {
            "kind": provision.kind,
            "number": provision.number,
            "label": provision.label,
            "title": provision.title,
            "url": self._absolute(links.provision_url(self.context["library_url"], act, provision)),
        }

    def _division(self, act, entry) -> dict:
        return {
            "kind": entry.division.kind,
            "number": entry.division.number,
            "title": entry.division.title,
            "url": self._absolute(links.division_url(self.context["library_url"], act, entry.division)),
            "provisions": [self._provision(act, provision) for provision in entry.provisions],
            "children": [self._division(act, child) for child in entry.children],
        }

    @extend_schema_field(DivisionEntrySerializer(many=True))
    def get_table_of_contents(self, act):
        roots, _loose = self._toc(act)
        return [self._division(act, entry) for entry in roots]

    @extend_schema_field(ProvisionEntrySerializer(many=True))
    def get_provisions_outside_divisions(self, act):
        _roots, loose = self._toc(act)
        return [self._provision(act, provision) for provision in loose]


@extend_schema_view(
    list=extend_schema(
        summary="List legal acts",
        parameters=[
            OpenApiParameter("type", str, enum=ActType.values, description="Type of act."),
            OpenApiParameter("status", str, enum=ActStatus.values, description="Status of the act."),
            OpenApiParameter("year", int, description="Year of adoption, four digits."),
        ],
    ),
    retrieve=extend_schema(summary="One legal act with its table of contents"),
)
class LegalActViewSet(viewsets.ReadOnlyModelViewSet):
    """Published legal acts. Unknown or invalid query parameters get 400 with a message."""

    def get_queryset(self):
        queryset = LegalAct.objects.public().select_related("current_version").prefetch_related("topics")
        if self.action != "list":
            return queryset

        unknown = sorted(set(self.request.query_params) - LIST_PARAMETERS)
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})

        form = ActFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        return form.filter(queryset)

    def get_serializer_class(self):
        return LegalActDetailSerializer if self.action == "retrieve" else LegalActSummarySerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["library_url"] = library_url()
        return context
