"""Tables for Excel and LibreOffice: CSV and XLSX writers that keep text as
text, so a cell that someone typed can never run as a formula.

Both writers take a header row and rows of cell values: text, numbers,
dates, aware datetimes (shown in the site's time zone) or None. The
ministry's filing export and the public directory's export use them.
"""

import csv
import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Characters that make a spreadsheet read a cell as a formula (the first
# four) or that some applications drop before doing so (tab and carriage
# return), as the OWASP page "CSV Injection" lists them.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

BYTE_ORDER_MARK = "\ufeff"
CSV_DATE_FORMAT = "%Y-%m-%d"
CSV_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
XLSX_DATE_FORMAT = "dd.mm.yyyy"
XLSX_DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
# Excel keeps at most this many characters in a cell.
XLSX_MAX_CELL_LENGTH = 32_767


def neutralise(value):
    """Prefix text that a spreadsheet would run as a formula with a single quote.

    Only text changes: numbers and dates keep their type, so a negative
    number is never quoted.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def local_naive(value: datetime.datetime) -> datetime.datetime:
    """Convert an aware datetime to the site's time zone without tzinfo, as spreadsheets store times."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


# --- CSV ---------------------------------------------------------------------------


def in_language(chunks: Iterable, language: str, zone) -> Iterator:
    """Produce each chunk with ``language`` and ``zone`` active.

    A streamed response is read after the view returns, when the request's
    language and time zone may no longer be active.
    """
    iterator = iter(chunks)
    while True:
        with translation.override(language), timezone.override(zone):
            chunk = next(iterator, None)
        if chunk is None:
            return
        yield chunk


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return local_naive(value).strftime(CSV_DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(CSV_DATE_FORMAT)
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    return neutralise(str(value))


def csv_lines(header, rows):
    """Yield a CSV document line by line, the first starting with a byte-order
    mark so Excel reads the UTF-8 text (Azerbaijani, Cyrillic) correctly."""
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK + writer.writerow([csv_cell(label) for label in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


# --- XLSX --------------------------------------------------------------------------


def xlsx_cell(sheet, value, font: Font | None = None) -> WriteOnlyCell:
    """Return a cell that keeps ``value``'s type: dates as dates, numbers as numbers, anything else as text."""
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=local_naive(value))
        cell.number_format = XLSX_DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = XLSX_DATE_FORMAT
    elif value is None or isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value=value)
    else:
        cell = WriteOnlyCell(sheet, value=_xlsx_text(str(value)))
        # openpyxl guesses a formula from a leading "="; text stays text.
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def _xlsx_text(text: str) -> str:
    # openpyxl rejects control characters that XML 1.0 cannot carry. They
    # carry no meaning in an answer, so they are dropped.
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return neutralise(text)[:XLSX_MAX_CELL_LENGTH]


def write_xlsx(file, header, rows, *, widths, sheet_title: str) -> None:
    """Write one sheet to ``file``: a bold header row, frozen at the top, then ``rows``.

    ``widths`` are the column widths in characters, in the order of ``header``.
    The workbook is write-only, so rows go to disk as they come.
    """
    workbook = Workbook(write_only=True)
    # Excel limits sheet names to 31 characters and forbids a few symbols.
    sheet = workbook.create_sheet(title=_sheet_title(sheet_title))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"

    bold = Font(bold=True)
    sheet.append([xlsx_cell(sheet, label, font=bold) for label in header])
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    workbook.save(file)


def _sheet_title(title: str) -> str:
    for symbol in "[]:*?/\\":
        title = title.replace(symbol, " ")
    return title.strip()[:31] or "Sheet1"


def column_width(header: str, sample_texts=(), *, minimum: int = 8, maximum: int = 50) -> int:
    """Return a width in characters that fits the header and the longest sample, within limits."""
    longest = max([len(header), *(len(text) for text in sample_texts)])
    return max(minimum, min(maximum, longest + 2))
