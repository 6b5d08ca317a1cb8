from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from wagtail.api.v2.pagination import WagtailPagination


# Longer numbers are no page at all, and Python refuses to convert very long digit strings.
MAX_DIGITS = 9


def is_positive_number(raw: str) -> bool:
    return raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS and int(raw) > 0


def is_whole_number(raw: str) -> bool:
    return raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS


class PageNumberPagination(pagination.PageNumberPagination):
    """Page-number pagination that rejects a malformed page number with 400, not 404."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        raw_page = request.query_params.get(self.page_query_param)
        if raw_page is not None and not is_positive_number(raw_page):
            raise ValidationError({self.page_query_param: [_("Enter a whole number greater than zero.")]})

        raw_size = request.query_params.get(self.page_size_query_param)
        if raw_size is not None and not (is_positive_number(raw_size) and int(raw_size) <= self.max_page_size):
            raise ValidationError({self.page_size_query_param: [_("Enter a whole number from 1 to 100.")]})
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response_schema(self, schema):
        """Describe the page links without DRF's examples, which name api.example.org/accounts/."""
        described = super().get_paginated_response_schema(schema)
        for name in ("next", "previous"):
            described["properties"][name].pop("example", None)
        return described


class LimitOffsetPagination(WagtailPagination):
    """Wagtail's ``limit``/``offset`` pagination with a fixed cap and translated errors.

    The response keeps Wagtail's shape, ``{"meta": {"total_count": n}, "items": [...]}``.
    The cap is set here rather than with WAGTAILAPI_LIMIT_MAX, so it holds
    for these endpoints whatever the settings say.
    """

    default_limit = 20
    max_limit = 50

    def paginate_queryset(self, queryset, request, view=None):
        raw_offset = request.GET.get("offset", "0")
        if not is_whole_number(raw_offset):
            raise ValidationError({"offset": [_("Enter a whole number, 0 or more.")]})

        raw_limit = request.GET.get("limit", str(self.default_limit))
        if not (is_whole_number(raw_limit) and int(raw_limit) <= self.max_limit):
            raise ValidationError({"limit": [_("Enter a whole number from 0 to %(max)d.") % {"max": self.max_limit}]})

        offset = int(raw_offset)
        limit = int(raw_limit)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]
