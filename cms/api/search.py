"""``GET /api/v1/search/?q=…``: the site search for API clients."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.legal.filters import ActFilterForm
from cms.legal.models import ActStatus, ActType
from search.views import run_search

from .errors import form_errors
from .pagination import is_positive_number

PARAMETERS = {"q", "type", "status", "year", "page", "format"}
PAGE_SIZE = 20
MAX_PAGE = 50

class SearchHitActSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    act = SearchHitActSerializer()
    article_number = serializers.CharField(allow_null=True)
    heading = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML-escaped text with matches in <mark>.")
    url = serializers.URLField()


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchHitSerializer(many=True)


class SearchView(APIView):
    """Full-text search over the articles and titles of published acts."""

    @extend_schema(
        summary="Search the legislation",
        parameters=[
            OpenApiParameter("q", str, required=True, description="Words, a phrase in quotes, or an act number."),
            OpenApiParameter("type", str, enum=ActType.values),
            OpenApiParameter("status", str, enum=ActStatus.values),
            OpenApiParameter("year", int),
            OpenApiParameter("page", int),
        ],
        responses=SearchResultsSerializer,
    )
    def get(self, request):
        params = request.query_params
        unknown = sorted(set(params) - PARAMETERS)
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})

        text = params.get("q", "")
        if not text.replace("\x00", "").strip():
            raise ValidationError({"q": [_("Enter a search query.")]})

        form = ActFilterForm(params)
        if not form.is_valid():
            raise ValidationError(form_errors(form))

        raw_page = params.get("page", "1")
        if not is_positive_number(raw_page) or int(raw_page) > MAX_PAGE:
            raise ValidationError({"page": [_("Enter a page number from 1 to 50.")]})
        page = int(raw_page)

        count, hits, _query = run_search(text, form.cleaned_data, page)
        results = [
            {
                "kind": hit.entry.kind,
                "act": {"id": hit.entry.act_id, "slug": hit.entry.act.slug, "title": hit.entry.act.title},
                "article_number": hit.entry.provision.number if hit.entry.provision else None,
                "heading": hit.entry.provision.title if hit.entry.provision else hit.entry.act.title,
                "snippet": str(hit.snippet),
                "url": request.build_absolute_uri(hit.url),
            }
            for hit in hits
        ]
        last_page = max(1, min(MAX_PAGE, -(-count // PAGE_SIZE)))
        return Response(
            {
                "count": count,
                "next": self._page_url(request, page + 1) if page < last_page else None,
                "previous": self._page_url(request, page - 1) if page > 1 else None,
                "results": results,
            }
        )

    @staticmethod
    def _page_url(request, number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
