"""Import of the ministry's register of CSOs (CSV or XLSX) into Organization rows.

The register is the source of truth for organizations nobody has claimed yet:
rows create them or update their changed fields. Organizations that have
members keep their own record, so their rows are only reported.

Each row is checked on its own and written in its own savepoint: a bad row
is rejected with its line number and a reason, and the rest still load.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.accounts.emails import fold_email, validate_deliverable

from .admin.search import fold_text
from .choices import REGIONS, LegalForm, RegisterStatus, Sphere
from .models import Organization
from .validators import normalise_voen

ADDED = "added"
UPDATED = "updated"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
REJECTED = "rejected"

# Column → accepted header names, in Azerbaijani and English.
COLUMN_HEADERS = {
    "name": ["Adı", "Təşkilatın adı", "name"],
    "legal_form": ["Təşkilati-hüquqi forma", "legal_form"],
    "voen": ["VÖEN", "voen"],
    "registration_number": ["Qeydiyyat nömrəsi", "Dövlət qeydiyyatı nömrəsi", "registration_number"],
    "registration_date": ["Qeydiyyat tarixi", "Dövlət qeydiyyatı tarixi", "registration_date"],
    "sphere": ["Fəaliyyət sahəsi", "sphere"],
    "region": ["Region", "Rayon", "region"],
    "legal_address": ["Hüquqi ünvan", "legal_address"],
    "status": ["Status", "Vəziyyət", "status"],
    "email": ["E-poçt", "E-poçt ünvanı", "Email", "E-mail"],
}
REQUIRED_COLUMNS = ["name", "legal_form", "voen", "registration_number", "region", "legal_address"]

# Azerbaijani labels the register uses, besides the codes of the choices.
LEGAL_FORM_LABELS = {
    "İctimai birlik": LegalForm.PUBLIC_ASSOCIATION,
    "Fond": LegalForm.FOUNDATION,
    "Hüquqi şəxslərin ittifaqı": LegalForm.UNION,
    "Xarici QHT-nin filialı və ya nümayəndəliyi": LegalForm.FOREIGN_BRANCH,
    "Xarici QHT-nin filialı": LegalForm.FOREIGN_BRANCH,
    "Xarici QHT-nin nümayəndəliyi": LegalForm.FOREIGN_BRANCH,
}
SPHERE_LABELS = {
    "Səhiyyə": Sphere.HEALTH,
    "Sağlamlıq": Sphere.HEALTH,
    "Təhsil": Sphere.EDUCATION,
    "İnsan hüquqları": Sphere.HUMAN_RIGHTS,
    "Ətraf mühit": Sphere.ENVIRONMENT,
    "Ekologiya": Sphere.ENVIRONMENT,
    "Gənclər": Sphere.YOUTH,
    "Gənclər siyasəti": Sphere.YOUTH,
    "Qadınlar": Sphere.WOMEN,
    "Gender": Sphere.WOMEN,
    "Mədəniyyət": Sphere.CULTURE,
    "Sosial müdafiə": Sphere.SOCIAL_PROTECTION,
    "Hüquqi yardım": Sphere.LEGAL_AID,
    "Digər": Sphere.OTHER,
}
STATUS_LABELS = {
    "Fəaliyyətdədir": RegisterStatus.ACTIVE,
    "Fəal": RegisterStatus.ACTIVE,
    "Aktiv": RegisterStatus.ACTIVE,
    "Ləğv edilib": RegisterStatus.LIQUIDATED,
    "Ləğv edilmiş": RegisterStatus.LIQUIDATED,
    "Fəaliyyəti dayandırılıb": RegisterStatus.SUSPENDED,
    "Dayandırılıb": RegisterStatus.SUSPENDED,
}

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
CSV_DELIMITERS = [",", ";", "\t"]


class RegisterFileError(Exception):
    """The file cannot be read as a register: unreadable, or its columns are wrong."""


def fold_key(text: str) -> str:
    """Fold a header or value for matching: Azerbaijani case and diacritics, punctuation and spacing ignored."""
    return " ".join(re.split(r"[\W_]+", fold_text(str(text)))).strip()


def _lookup(pairs) -> dict[str, str]:
    return {fold_key(label): code for label, code in pairs}


HEADER_LOOKUP = _lookup((header, column) for column, headers in COLUMN_HEADERS.items() for header in headers)
REGION_LOOKUP = _lookup([(code, code) for code, _name in REGIONS] + [(name, code) for code, name in REGIONS])
LEGAL_FORM_LOOKUP = _lookup([(code, code) for code in LegalForm.values] + list(LEGAL_FORM_LABELS.items()))
SPHERE_LOOKUP = _lookup([(code, code) for code in Sphere.values] + list(SPHERE_LABELS.items()))
STATUS_LOOKUP = _lookup([(code, code) for code in RegisterStatus.values] + list(STATUS_LABELS.items()))


# Reading files -------------------------------------------------------------


@dataclass
class SourceRow:
    line: int
    values: dict[str, str]
    # Set when the row cannot be split into the header's columns.
    error: str = ""


def read_register(path: Path) -> list[SourceRow]:
    """Read the register file at ``path`` into rows keyed by column name.

    Raises RegisterFileError when the file cannot be read or its header names
    unknown columns or lacks a required one.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            lines = _read_xlsx(path)
        elif suffix in (".csv", ".txt"):
            lines = _read_csv(path)
        else:
            raise RegisterFileError(
                _("%(file)s is not a CSV or XLSX file. Save the register as CSV (UTF-8) or XLSX.")
                % {"file": path.name}
            )
    except OSError as error:
        raise RegisterFileError(
            _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror or error}
        ) from error

    return _rows_by_column(lines, path.name)


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    try:
        # utf-8-sig drops the byte order mark that Excel writes, and reads plain UTF-8 too.
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterFileError(
            _("%(file)s is not UTF-8 text. Save the register as “CSV UTF-8”.") % {"file": path.name}
        ) from error

    header = text.split("\n", 1)[0]
    # Register headers contain no quoted delimiters, so counting them in the
    # header line picks the delimiter without csv.Sniffer's guesswork.
    delimiter = max(CSV_DELIMITERS, key=header.count)

    lines = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            lines.append((start, cells))
            # A quoted value may span lines, so the next row starts after this one ends.
            start = reader.line_num + 1
    except csv.Error as error:
        raise RegisterFileError(
            _("%(file)s, line %(line)s: %(error)s") % {"file": path.name, "line": start, "error": error}
        ) from error
    return lines


def _read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as error:
        raise RegisterFileError(_("%(file)s is not a valid XLSX file.") % {"file": path.name}) from error

    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        # A read-only workbook keeps the file open until closed.
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    # NOTE: a VÖEN typed into Excel as a number loses its leading zeros;
    # such rows are then rejected as not 10 digits.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows_by_column(lines, file_name: str) -> list[SourceRow]:
    lines = [(number, cells) for number, cells in lines if any(cell.strip() for cell in cells)]
    if not lines:
        raise RegisterFileError(_("%(file)s is empty.") % {"file": file_name})

    header_line, header = lines[0]
    columns = _columns(header, file_name)

    rows = []
    for number, cells in lines[1:]:
        values = {column: "" for column in columns.values()}
        for index, column in columns.items():
            if index < len(cells):
                values[column] = " ".join(cells[index].split())
        row = SourceRow(number, values)
        if any(cell.strip() for cell in cells[len(header) :]):
            # Usually an unquoted delimiter inside a value, which shifts every later column.
            row.error = _(
                "the row has %(cells)s cells but the header has %(columns)s; quote values that contain the delimiter."
            ) % {"cells": len(cells), "columns": len(header)}
        rows.append(row)
    return rows


def expected_columns_text() -> str:
    return "; ".join(" / ".join(headers) for headers in COLUMN_HEADERS.values())


def _columns(header: list[str], file_name: str) -> dict[int, str]:
    """Map cell index → column name, or raise RegisterFileError naming the problem and the expected columns."""
    columns, unknown, repeated = {}, [], []
    for index, title in enumerate(header):
        if not title.strip():
            continue
        column = HEADER_LOOKUP.get(fold_key(title))
        if column is None:
            unknown.append(title.strip())
        elif column in columns.values():
            repeated.append(title.strip())
        else:
            columns[index] = column

    missing = [column for column in REQUIRED_COLUMNS if column not in columns.values()]
    problems = []
    if unknown:
        problems.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
    if repeated:
        problems.append(_("repeated columns: %(columns)s") % {"columns": ", ".join(repeated)})
    if missing:
        names = ", ".join(COLUMN_HEADERS[column][0] for column in missing)
        problems.append(_("missing columns: %(columns)s") % {"columns": names})
    if problems:
        raise RegisterFileError(
            _("%(file)s has %(problems)s. Expected columns (Azerbaijani or English header): %(expected)s.")
            % {"file": file_name, "problems": "; ".join(problems), "expected": expected_columns_text()}
        )
    return columns


# Checking rows -------------------------------------------------------------


class RowError(Exception):
    """A row cannot be imported; the message is the reason shown in the report."""


def parse_row(values: dict[str, str]) -> dict:
    """Turn one row's text into Organization field values, or raise RowError."""
    name = values["name"]
    if not name:
        raise RowError(_("the name is missing."))

    voen = normalise_voen(values["voen"])
    if voen and not re.fullmatch(r"[0-9]{10}", voen):
        raise RowError(_("VÖEN must be 10 digits, not “%(value)s”.") % {"value": values["voen"]})
    registration_number = values["registration_number"]
    if not voen and not registration_number:
        raise RowError(_("the VÖEN and the registration number are both missing. Enter at least one of them."))

    fields = {
        "name": name,
        "voen": voen,
        "registration_number": registration_number,
        "legal_address": values["legal_address"],
        "legal_form": _choice(
            values["legal_form"],
            LEGAL_FORM_LOOKUP,
            unknown=_("unknown legal form “%(value)s”."),
            missing=_("the legal form is missing."),
        ),
        "region": _choice(
            values["region"],
            REGION_LOOKUP,
            unknown=_("unknown region “%(value)s”."),
            missing=_("the region is missing."),
        ),
    }
    if not fields["legal_address"]:
        raise RowError(_("the legal address is missing."))

    # Optional columns absent from the file leave those fields as they are.
    if "registration_date" in values:
        fields["registration_date"] = _date(values["registration_date"])
    if "sphere" in values:
        fields["sphere"] = _choice(
            values["sphere"], SPHERE_LOOKUP, unknown=_("unknown sphere of activity “%(value)s”.")
        )
    if "status" in values:
        fields["register_status"] = _choice(values["status"], STATUS_LOOKUP, unknown=_("unknown status “%(value)s”."))
    if "email" in values:
        fields["email"] = _email(values["email"])
    return fields


def _email(text: str) -> str:
    """Return the folded address in ``text``, "" for an empty cell, or raise RowError.

    Claims send their one-time codes to this address, so it must be one our
    e-mails can reach.
    """
    if not text:
        return ""
    address = fold_email(text)
    # Checked first because Django's validator calls such an address merely invalid.
    try:
        validate_deliverable(address)
    except ValidationError as error:
        if error.code == "undeliverable":
            raise RowError(
                _("the e-mail address “%(value)s” has letters other than Latin ones before @, which e-mails cannot reach.")
                % {"value": text}
            ) from None
        raise RowError(_("the e-mail address “%(value)s” is not valid.") % {"value": text}) from None
    try:
        validate_email(address)
    except ValidationError:
        raise RowError(_("the e-mail address “%(value)s” is not valid.") % {"value": text}) from None
    return address


def _choice(text: str, lookup: dict[str, str], *, unknown: str, missing: str | None = None) -> str:
    """Return the code ``text`` names, "" for an empty optional value, or raise RowError with a message."""
    if not text:
        if missing:
            raise RowError(missing)
        return ""

    code = lookup.get(fold_key(text))
    if code is None:
        raise RowError(unknown % {"value": text})
    return code


def _date(text: str) -> datetime.date | None:
    if not text:
        return None
    for date_format in DATE_FORMATS:
        try:
            value = datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
        if value > timezone.localdate():
            raise RowError(_("the registration date %(value)s is in the future.") % {"value": text})
        return value
    raise RowError(
        _("the registration date “%(value)s” is not a date; write it as DD.MM.YYYY or YYYY-MM-DD.") % {"value": text}
    )


# Writing -------------------------------------------------------------------


@dataclass
class RowOutcome:
    line: int
    action: str
    reason: str = ""
    organization: Organization | None = None


@dataclass
class ImportReport:
    source: str
    outcomes: list[RowOutcome] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in (ADDED, UPDATED, UNCHANGED, SKIPPED, REJECTED)}

    @property
    def rejected(self) -> list[RowOutcome]:
        return [outcome for outcome in self.outcomes if outcome.action == REJECTED]

    @property
    def skipped(self) -> list[RowOutcome]:
        return [outcome for outcome in self.outcomes if outcome.action == SKIPPED]


def import_register(path: Path, *, dry_run: bool = False) -> ImportReport:
    """Import the register file at ``path`` and report what happened to each row.

    With ``dry_run`` every row goes through the same checks and writes, which
    are then rolled back, so the report is the one a real import would give.
    Raises RegisterFileError when the file itself cannot be read.
    """
    path = Path(path)
    rows = read_register(path)
    importer = _Importer(source=path.name)

    with transaction.atomic():
        for row in rows:
            importer.import_row(row)
        if dry_run:
            transaction.set_rollback(True)
    return importer.report


class _Importer:
    def __init__(self, source: str):
        self.report = ImportReport(source)
        self.now = timezone.now()
        # First line of each VÖEN and registration number, to reject later repeats in the file.
        self.voen_lines: dict[str, int] = {}
        self.number_lines: dict[str, int] = {}

    def import_row(self, row: SourceRow) -> None:
        try:
            if row.error:
                raise RowError(row.error)
            fields = parse_row(row.values)
            self.check_repeats(fields)
            with transaction.atomic():
                outcome = self.save(fields, row.line)
        except RowError as error:
            outcome = RowOutcome(row.line, REJECTED, str(error))
        except ValidationError as error:
            outcome = RowOutcome(row.line, REJECTED, _validation_text(error))
        except DatabaseError as error:
            outcome = RowOutcome(row.line, REJECTED, _("saving the row failed: %(error)s") % {"error": error})
        else:
            if fields["voen"]:
                self.voen_lines[fields["voen"]] = row.line
            if fields["registration_number"]:
                self.number_lines[fields["registration_number"]] = row.line
        self.report.outcomes.append(outcome)

    def check_repeats(self, fields: dict) -> None:
        if fields["voen"] in self.voen_lines:
            raise RowError(
                _("VÖEN %(value)s is already on line %(line)s.")
                % {"value": fields["voen"], "line": self.voen_lines[fields["voen"]]}
            )
        number = fields["registration_number"]
        if number in self.number_lines:
            raise RowError(
                _("registration number %(value)s is already on line %(line)s.")
                % {"value": number, "line": self.number_lines[number]}
            )

    def save(self, fields: dict, line: int) -> RowOutcome:
        organization = _match(fields)
        if organization is None:
            organization = Organization(**fields)
            self.stamp(organization)
            organization.full_clean()
            organization.save()
            return RowOutcome(line, ADDED, organization=organization)

        changed = [name for name, value in fields.items() if getattr(organization, name) != value]
        if not changed:
            return RowOutcome(line, UNCHANGED, organization=organization)
        if organization.memberships.exists():
            reason = _("skipped: claimed, %(name)s has members on the site.") % {"name": organization.name}
            return RowOutcome(line, SKIPPED, reason, organization)

        for name in changed:
            setattr(organization, name, fields[name])
        self.stamp(organization)
        organization.full_clean()
        organization.save(update_fields=[*changed, "imported_at", "import_source"])
        return RowOutcome(line, UPDATED, organization=organization)

    def stamp(self, organization: Organization) -> None:
        organization.imported_at = self.now
        organization.import_source = self.report.source[:255]


def _match(fields: dict) -> Organization | None:
    """Find the organization a row describes: by VÖEN, else by registration number.

    Raises RowError when the registration number belongs to an organization
    with a different VÖEN, because updating either would merge two records.
    """
    voen, number = fields["voen"], fields["registration_number"]
    by_voen = Organization.objects.filter(voen=voen).first() if voen else None
    by_number = Organization.objects.filter(registration_number=number).first() if number else None

    if by_voen and by_number and by_voen != by_number:
        raise RowError(
            _("registration number %(value)s belongs to another organization, %(name)s.")
            % {"value": number, "name": by_number.name}
        )
    if by_voen is None and by_number is not None and voen and by_number.voen:
        raise RowError(
            _("registration number %(value)s belongs to another organization, %(name)s, with VÖEN %(voen)s.")
            % {"value": number, "name": by_number.name, "voen": by_number.voen}
        )
    return by_voen or by_number


def _validation_text(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for name, errors in error.error_dict.items():
        messages = " ".join(message for item in errors for message in item.messages)
        if name == "__all__":
            parts.append(messages)
        else:
            label = Organization._meta.get_field(name).verbose_name
            parts.append(f"{label}: {messages}")
    return " ".join(parts)
