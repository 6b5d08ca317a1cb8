from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """Page-number pagination that answers a malformed page number with 400, not 404."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        raw_page = request.query_params.get(self.page_query_param)
        if raw_page is not None and not (raw_page.isascii() and raw_page.isdigit() and int(raw_page) > 0):
            raise ValidationError({self.page_query_param: [_("Enter a whole number greater than zero.")]})

        raw_size = request.query_params.get(self.page_size_query_param)
        if raw_size is not None and not (raw_size.isascii() and raw_size.isdigit() and int(raw_size) > 0):
            raise ValidationError({self.page_size_query_param: [_("Enter a whole number from 1 to 100.")]})
        return super().paginate_queryset(queryset, request, view)
