"""Filing exports to CSV and XLSX for the ministry's reviewers.

The export takes the review queue's filter parameters and contains only the
filings the reviewer may see. reports_export_columns.py defines the columns.
"""

import datetime
import logging
import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.defaults import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms import spreadsheet

from .. import access
from ..filters import FilingFilterSet
from .common import EXPORT_FORMATS
from .reports_export_columns import export_columns, export_rows

logger = logging.getLogger(__name__)

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# "müraciətlər" (filings) in ASCII, so every browser keeps the file name.
FILE_NAME_STEM = "muracietler"
# Workbooks up to this size stay in memory; larger ones go to a temporary file.
XLSX_MEMORY_LIMIT = 8 * 1024 * 1024


# --- View ----------------------------------------------------------------------------


def export_file_name(extension: str, today: datetime.date | None = None) -> str:
    return f"{FILE_NAME_STEM}-{(today or timezone.localdate()).isoformat()}.{extension}"


class FilingExportView(WagtailAdminTemplateMixin, View):
    """Download the filings a reviewer may see, filtered like the review queue, as CSV or XLSX.

    Bad parameters get an admin page listing what is wrong, with status 400.
    """

    http_method_names = ["get", "head"]
    template_name = "eservices/admin/reports/export_error.html"
    page_title = _("Export filings")
    header_icon = "download"

    def get(self, request):
        if not access.is_reviewer(request.user):
            return permission_denied(request, PermissionDenied())

        export_format = request.GET.get("format", "csv")
        if export_format not in EXPORT_FORMATS:
            message = gettext("Unknown export format “%(format)s”. Choose CSV or XLSX.") % {"format": export_format}
            return self.error_response([message])

        # The queue leaves an invalid filter out and shows a message. A download
        # cannot show one, so it is rejected rather than made wider.
        reviewable = access.reviewable_filings(request.user)
        filterset = FilingFilterSet(request.GET, queryset=reviewable, request=request)
        errors = filterset.error_messages()
        if errors:
            return self.error_response(errors)
        # The filter set only narrows the queryset; this makes sure of it.
        filings = reviewable.filter(pk__in=filterset.qs.order_by().values("pk"))

        logger.info(
            "Filing export by user %s as %s with filters %s", request.user.pk, export_format, request.GET.urlencode()
        )
        columns = export_columns(filings)
        header = [column.label for column in columns]
        rows = export_rows(filings, columns)
        if export_format == "xlsx":
            return self.xlsx_response(header, rows, columns)
        return self.csv_response(header, rows)

    def csv_response(self, header, rows) -> StreamingHttpResponse:
        # A streamed response is read after the view returns, when Wagtail's
        # per-user language and time zone are no longer active.
        lines = spreadsheet.in_language(
            spreadsheet.csv_lines(header, rows), translation.get_language(), timezone.get_current_timezone()
        )
        response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{export_file_name("csv")}"'
        return response

    def xlsx_response(self, header, rows, columns) -> FileResponse:
        workbook_file = tempfile.SpooledTemporaryFile(max_size=XLSX_MEMORY_LIMIT)
        spreadsheet.write_xlsx(
            workbook_file,
            header,
            rows,
            widths=[spreadsheet.column_width(column.label, minimum=column.width) for column in columns],
            sheet_title=gettext("Filings"),
        )
        workbook_file.seek(0)
        return FileResponse(
            workbook_file, as_attachment=True, filename=export_file_name("xlsx"), content_type=XLSX_CONTENT_TYPE
        )

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("filing_reports:index"), "label": gettext("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def error_response(self, errors: list[str]) -> TemplateResponse:
        context = self.get_context_data(errors=errors, reports_url=reverse("filing_reports:index"))
        return self.render_to_response(context, status=400)
