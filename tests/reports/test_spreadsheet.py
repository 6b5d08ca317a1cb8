"""The CSV and XLSX writers of cms.spreadsheet, without the database."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone

from cms import spreadsheet

FORMULAS = ["=1+2", "+994501234567", "-5 text", "@SUM(A1)", "\t=1+2", "\r=1+2"]


@pytest.mark.parametrize("text", FORMULAS)
def test_neutralise_quotes_formula_text(text):
    assert spreadsheet.neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Ədliyyə İctimai Birliyi", "Общество", "1+2", "", "a=b", "'=1"])
def test_neutralise_keeps_plain_text(value):
    assert spreadsheet.neutralise(value) == value


@pytest.mark.parametrize("value", [-5, -2.5, Decimal("-7.25"), 0, None, datetime.date(2026, 3, 4)])
def test_neutralise_keeps_other_types(value):
    assert spreadsheet.neutralise(value) is value


def read_csv(lines) -> list[list[str]]:
    data = "".join(lines).encode("utf-8")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_starts_with_byte_order_mark():
    lines = list(spreadsheet.csv_lines(["Ad"], [["Ədliyyə İctimai Birliyi"]]))

    assert lines[0].startswith("\ufeff")
    assert "".join(lines).encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_csv_round_trip_of_azerbaijani_and_cyrillic():
    lines = spreadsheet.csv_lines(["Təşkilat", "Qeyd"], [["Ədliyyə İctimai Birliyi", 'Общество "Право", 2026']])

    rows = read_csv(lines)

    assert rows == [["Təşkilat", "Qeyd"], ["Ədliyyə İctimai Birliyi", 'Общество "Право", 2026']]


def test_csv_neutralises_text_but_not_numbers():
    rows = read_csv(spreadsheet.csv_lines(["a", "b", "c", "d", "e", "f"], [[*FORMULAS[:4], -5, Decimal("-1.5")]]))

    assert rows[1] == ["'=1+2", "'+994501234567", "'-5 text", "'@SUM(A1)", "-5", "-1.5"]


def test_csv_formats_dates_and_local_times():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 4, 23, 30), timezone=datetime.UTC)

    rows = read_csv(spreadsheet.csv_lines(["date", "time", "none"], [[datetime.date(2026, 3, 4), moment, None]]))

    # 23:30 UTC is 03:30 the next day in Baku (UTC+4).
    assert rows[1] == ["2026-03-04", "2026-03-05 03:30", ""]


def write_workbook(header, rows, widths=None):
    output = io.BytesIO()
    spreadsheet.write_xlsx(output, header, rows, widths=widths or [12] * len(header), sheet_title="Müraciətlər")
    output.seek(0)
    return openpyxl.load_workbook(output).active


def test_xlsx_keeps_text_as_text():
    sheet = write_workbook(["a", "b", "c", "d"], [FORMULAS[:4]])

    cells = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert [cell.value for cell in cells] == ["'=1+2", "'+994501234567", "'-5 text", "'@SUM(A1)"]
    assert {cell.data_type for cell in cells} == {"s"}


def test_xlsx_keeps_numbers_and_dates_typed():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 4, 10, 0))

    sheet = write_workbook(["n", "d", "t", "x"], [[-5, datetime.date(2026, 3, 4), moment, Decimal("-1.5")]])

    number, day, time, decimal = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert number.value == -5
    assert number.data_type == "n"
    assert day.value == datetime.datetime(2026, 3, 4)
    assert day.is_date
    assert day.number_format == spreadsheet.XLSX_DATE_FORMAT
    assert time.value == datetime.datetime(2026, 3, 4, 10, 0)
    assert time.number_format == spreadsheet.XLSX_DATETIME_FORMAT
    assert decimal.value == -1.5


def test_xlsx_header_is_bold_and_columns_have_widths():
    sheet = write_workbook(["Təşkilat", "VÖEN"], [["Общество", "1400057421"]], widths=[40, 12])

    assert sheet["A1"].font.bold
    assert sheet["A1"].value == "Təşkilat"
    assert not sheet["A2"].font.bold
    assert sheet.column_dimensions["A"].width == 40
    assert sheet.column_dimensions["B"].width == 12
    assert sheet["B2"].data_type == "s"
    assert sheet.freeze_panes == "A2"


def test_xlsx_drops_control_characters():
    sheet = write_workbook(["Qeyd"], [["Sətir\x00 bir\x0b"]])

    assert sheet["A2"].value == "Sətir bir"


def test_xlsx_sheet_title_without_forbidden_symbols():
    output = io.BytesIO()
    spreadsheet.write_xlsx(output, ["a"], [], widths=[10], sheet_title="Müraciətlər [2026/03]: hamısı?")
    output.seek(0)

    title = openpyxl.load_workbook(output).active.title

    assert len(title) <= 31
    assert not set("[]:*?/\\") & set(title)


def test_column_width_stays_within_limits():
    assert spreadsheet.column_width("VÖEN") == 8
    assert spreadsheet.column_width("Qeydiyyat nömrəsi") == 19
    assert spreadsheet.column_width("a", ["x" * 200]) == 50
