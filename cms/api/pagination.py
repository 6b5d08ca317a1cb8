from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


# Longer numbers are no page at all, and Python refuses to convert very long digit strings.
MAX_DIGITS = 9


def is_positive_number(raw: str) -> bool:
    return raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS and int(raw) > 0


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
