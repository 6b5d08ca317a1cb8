"""``GET /api/v1/search/?q=…``: the site search for API clients.

``section=laws`` (the default, as before sections existed) searches the
legislation; ``section=help`` searches the help centre and the news in the
response language, optionally of one ``kind``.
"""

from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.legal.filters import ActFilterForm
from cms.legal.models import ActStatus, ActType
from search.page_query import search_pages
from search.pages import KINDS
from search.views import run_search

from .errors import form_errors
from .language import RequestLanguageMixin
from .pagination import is_positive_number

PARAMETERS = {"q", "type", "status", "year", "page", "format", "section", "kind"}
SECTIONS = ("laws", "help")
ACT_FILTERS = ("type", "status", "year")
PAGE_SIZE = 20
MAX_PAGE = 50
HIT_KINDS = "`act` or `article` in the legislation; " + ", ".join(f"`{kind}`" for kind in KINDS) + " in help and news"

class SearchHitActSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text=f"What the hit is: {HIT_KINDS}.")
    act = SearchHitActSerializer(allow_null=True, help_text="The act, for hits in the legislation; null in help and news.")
    article_number = serializers.CharField(allow_null=True)
    heading = serializers.CharField(help_text="The article's or act's title, or the page's title in help and news.")
    snippet = serializers.CharField(help_text="HTML-escaped text with matches in <mark>.")
    url = serializers.URLField()


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchHitSerializer(many=True)


class SearchView(RequestLanguageMixin, APIView):
    """Full-text search over the articles and titles of published acts, or over help and news pages."""

    @extend_schema(
        summary="Search the legislation, or the help centre and news",
        parameters=[
            OpenApiParameter("q", str, required=True, description="Words, a phrase in quotes, or an act number."),
            OpenApiParameter(
                "section",
                str,
                enum=SECTIONS,
                description="`laws` (the default): the legislation. `help`: the help centre and news pages "
                "in the response language.",
            ),
            OpenApiParameter("kind", str, enum=list(KINDS), description="With `section=help`: only pages of this kind."),
            OpenApiParameter("type", str, enum=ActType.values, description="With `section=laws` only."),
            OpenApiParameter("status", str, enum=ActStatus.values, description="With `section=laws` only."),
            OpenApiParameter("year", int, description="With `section=laws` only."),
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

        section = params.get("section", "laws")
        if section not in SECTIONS:
            raise ValidationError({"section": [_("Choose “laws” or “help”.")]})
        if section == "help":
            count, results = self._help_results(request, text, page)
        else:
            if "kind" in params:
                raise ValidationError({"kind": [_("This filter applies only to help and news (section=help).")]})
            count, results = self._law_results(request, text, form.cleaned_data, page)

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
    def _help_results(request, text: str, page: int) -> tuple[int, list[dict]]:
        params = request.query_params
        with_act_filters = [name for name in ACT_FILTERS if name in params]
        if with_act_filters:
            message = _("This filter applies only to the legislation (section=laws).")
            raise ValidationError({name: [message] for name in with_act_filters})
        kind = params.get("kind", "")
        if kind and kind not in KINDS:
            raise ValidationError({"kind": [_("Choose one of these kinds: %(kinds)s.") % {"kinds": ", ".join(KINDS)}]})

        offset = (page - 1) * PAGE_SIZE
        found = search_pages(
            text, translation.get_language(), kind, offset=offset, limit=PAGE_SIZE, request=request._request
        )
        results = [
            {
                "kind": hit.entry.kind,
                "act": None,
                "article_number": None,
                "heading": hit.entry.title,
                "snippet": str(hit.snippet),
                "url": request.build_absolute_uri(hit.url),
            }
            for hit in found.hits
        ]
        return found.count, results

    @staticmethod
    def _law_results(request, text: str, filters: dict, page: int) -> tuple[int, list[dict]]:
        count, hits, _query = run_search(text, filters, page)
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
        return count, results

    @staticmethod
    def _page_url(request, number: int) -> str:
        # The query string as sent: request.GET no longer holds ``lang`` (see cms.api.language).
        query = QueryDict(request.META.get("QUERY_STRING", ""), mutable=True)
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
