"""The directory's list as CSV or XLSX, with the page's search and filters applied.

Columns hold display labels in the reader's language (legal form, sphere,
status) and region names, never codes, and only the register fields that the
organization's public page shows.
"""

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms import spreadsheet
from cms.organizations.choices import REGION_NAMES
from cms.organizations.models import Organization

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# "reyestr" (register) in ASCII, so every browser keeps the file name.
FILE_NAME_STEM = "reyestr"
# Workbooks up to this size stay in memory; larger ones go to a temporary file.
XLSX_MEMORY_LIMIT = 8 * 1024 * 1024
# Rows read from the database at a time while the file is written.
CHUNK_SIZE = 500


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Organization], object]
    width: int


COLUMNS = [
    Column(_("Name"), lambda organization: organization.name, 50),
    Column(_("Legal form"), lambda organization: organization.get_legal_form_display(), 24),
    Column(_("VÖEN"), lambda organization: organization.voen, 12),
    Column(_("State registration number"), lambda organization: organization.registration_number, 16),
    Column(_("State registration date"), lambda organization: organization.registration_date, 14),
    Column(_("Sphere of activity"), lambda organization: organization.get_sphere_display(), 20),
    Column(_("Region"), lambda organization: REGION_NAMES.get(organization.region, organization.region), 22),
    Column(_("Legal address"), lambda organization: organization.legal_address, 50),
    Column(_("Status in the register"), lambda organization: organization.get_register_status_display(), 14),
]


def header() -> list[str]:
    return [str(column.label) for column in COLUMNS]


def rows(organizations) -> Iterator[list]:
    """Yield one row per organization, reading the queryset in chunks rather than all at once."""
    for organization in organizations.iterator(chunk_size=CHUNK_SIZE):
        yield [column.value(organization) for column in COLUMNS]


def file_name(extension: str) -> str:
    return f"{FILE_NAME_STEM}-{timezone.localdate().isoformat()}.{extension}"


def csv_response(organizations) -> StreamingHttpResponse:
    """Stream the organizations as CSV (UTF-8 with a byte-order mark), row by row."""
    lines = spreadsheet.in_language(
        spreadsheet.csv_lines(header(), rows(organizations)),
        translation.get_language(),
        timezone.get_current_timezone(),
    )
    response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name(CSV)}"'
    return response


def xlsx_response(organizations) -> FileResponse:
    """Return the organizations as one XLSX sheet with a bold, frozen header row and dates as dates."""
    workbook_file = tempfile.SpooledTemporaryFile(max_size=XLSX_MEMORY_LIMIT)
    spreadsheet.write_xlsx(
        workbook_file,
        header(),
        rows(organizations),
        widths=[spreadsheet.column_width(str(column.label), minimum=column.width) for column in COLUMNS],
        sheet_title=gettext("Organizations"),
    )
    workbook_file.seek(0)
    return FileResponse(
        workbook_file, as_attachment=True, filename=file_name(XLSX), content_type=XLSX_CONTENT_TYPE
    )
