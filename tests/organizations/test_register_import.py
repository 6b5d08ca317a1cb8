"""Import of the ministry's register of CSOs (cms.organizations.register_import and import_register)."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from cms.organizations import register_import
from cms.organizations.choices import LegalForm, RegisterStatus, Sphere
from cms.organizations.models import Organization
from cms.organizations.register_import import RegisterFileError, import_register

pytestmark = pytest.mark.django_db

SAMPLE = Path(register_import.__file__).with_name("register_sample.csv")

ENGLISH_HEADER = "name,legal_form,voen,registration_number,registration_date,sphere,region,legal_address,status"
AZERBAIJANI_HEADER = (
    "Adı;Təşkilati-hüquqi forma;VÖEN;Qeydiyyat nömrəsi;Qeydiyyat tarixi;Fəaliyyət sahəsi;Region;Hüquqi ünvan;Status"
)


@pytest.fixture(autouse=True)
def english():
    """These tests read the report in English, the source language."""
    with translation.override("en"):
        yield


def write_csv(tmp_path, lines, *, name="register.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def rejected(report):
    return {outcome.line: outcome.reason for outcome in report.rejected}


def test_good_rows_create_unclaimed_organizations(tmp_path):
    path = write_csv(
        tmp_path,
        [
            ENGLISH_HEADER,
            "“Sağlam Gələcək” İctimai Birliyi,public_association,1500110337,1400200713,14.03.2011,health,"
            "seki-seheri,\"Şəki şəhəri, Nizami küçəsi 7\",active",
            "“Yaşıl Qafqaz” Fondu,foundation,1500120674,1400201426,2012-05-05,environment,qebele,"
            "\"Qəbələ şəhəri, Heydər Əliyev prospekti 3\",liquidated",
        ],
    )

    report = import_register(path)

    assert report.counts == {"added": 2, "updated": 0, "unchanged": 0, "skipped": 0, "rejected": 0}
    health = Organization.objects.get(voen="1500110337")
    assert health.name == "“Sağlam Gələcək” İctimai Birliyi"
    assert health.legal_form == LegalForm.PUBLIC_ASSOCIATION
    assert health.registration_number == "1400200713"
    assert health.registration_date == datetime.date(2011, 3, 14)
    assert health.sphere == Sphere.HEALTH
    assert health.region == "seki-seheri"
    assert health.legal_address == "Şəki şəhəri, Nizami küçəsi 7"
    assert health.register_status == RegisterStatus.ACTIVE
    assert health.phone == ""
    assert health.email == ""
    assert health.import_source == "register.csv"
    assert health.imported_at is not None
    assert not health.memberships.exists()
    environment = Organization.objects.get(voen="1500120674")
    assert environment.registration_date == datetime.date(2012, 5, 5)
    assert environment.register_status == RegisterStatus.LIQUIDATED


def test_bad_rows_rejected_with_line_and_reason(tmp_path):
    Organization.objects.create(
        name="“Köhnə Qeyd” İctimai Birliyi",
        legal_form=LegalForm.PUBLIC_ASSOCIATION,
        voen="1500999999",
        registration_number="1400999999",
        legal_address="Bakı şəhəri, Füzuli küçəsi 1",
        region="baki",
    )
    good = ",public_association,{voen},{number},01.02.2015,youth,gence,Gəncə şəhəri,active"
    path = write_csv(
        tmp_path,
        [
            ENGLISH_HEADER,
            "“Gənc Liderlər” İctimai Birliyi" + good.format(voen="1500000001", number="1400000001"),
            "“Səhv VÖEN” İctimai Birliyi" + good.format(voen="15000001", number="1400000002"),
            "“Naməlum Region” İctimai Birliyi,public_association,1500000003,1400000003,,youth,Şimal rayonu,Quba,",
            "“Təkrar Nömrə” İctimai Birliyi" + good.format(voen="1500000004", number="1400000001"),
            "“Başqasının Nömrəsi” İctimai Birliyi" + good.format(voen="1500000005", number="1400999999"),
            good.format(voen="1500000006", number="1400000006"),
            "“Gələcək Tarix” İctimai Birliyi,public_association,1500000007,1400000007,01.01.2999,,baki,Bakı,",
            "“Səhv Tarix” İctimai Birliyi,public_association,1500000008,1400000008,31/12/2010,,baki,Bakı,",
            "“Naməlum Forma” İctimai Birliyi,cooperative,1500000009,1400000009,,,baki,Bakı,",
            "“Təkrar VÖEN” İctimai Birliyi" + good.format(voen="1500000001", number="1400000010"),
            "“Sonuncu” İctimai Birliyi" + good.format(voen="1500000011", number="1400000011"),
            "“Vergüllü Ünvan” İctimai Birliyi,public_association,1500000013,1400000013,,,baki,Bakı, Füzuli 5,active",
        ],
    )

    report = import_register(path)

    assert rejected(report) == {
        3: "VÖEN must be 10 digits, not “15000001”.",
        4: "unknown region “Şimal rayonu”.",
        5: "registration number 1400000001 is already on line 2.",
        6: (
            "registration number 1400999999 belongs to another organization, “Köhnə Qeyd” İctimai Birliyi, "
            "with VÖEN 1500999999."
        ),
        7: "the name is missing.",
        8: "the registration date 01.01.2999 is in the future.",
        9: "the registration date “31/12/2010” is not a date; write it as DD.MM.YYYY or YYYY-MM-DD.",
        10: "unknown legal form “cooperative”.",
        11: "VÖEN 1500000001 is already on line 2.",
        13: "the row has 10 cells but the header has 9; quote values that contain the delimiter.",
    }
    assert report.counts["added"] == 2
    assert set(Organization.objects.values_list("voen", flat=True)) == {"1500999999", "1500000001", "1500000011"}


def test_reimport_leaves_everything_unchanged(tmp_path):
    import_register(SAMPLE)
    stamps = dict(Organization.objects.values_list("voen", "imported_at"))

    report = import_register(SAMPLE)

    assert report.counts == {"added": 0, "updated": 0, "unchanged": 40, "skipped": 0, "rejected": 3}
    assert dict(Organization.objects.values_list("voen", "imported_at")) == stamps


@pytest.mark.parametrize("header", ["E-poçt", "E-POÇT ÜNVANI", "Email", "E-mail", "e-poct"])
def test_email_column_headers(tmp_path, header):
    path = write_csv(
        tmp_path,
        [
            f"{AZERBAIJANI_HEADER};{header}",
            "“Şəfa” İctimai Birliyi;İctimai birlik;1500000071;1400000071;02.06.2014;Səhiyyə;Şəki şəhəri;"
            "Şəki şəhəri;Fəaliyyətdədir;İNFO@Sefa.Example.ORG",
        ],
    )

    report = import_register(path)

    assert report.counts["added"] == 1
    assert Organization.objects.get(voen="1500000071").email == "info@sefa.example.org"


def test_bad_email_rejected_with_line_and_reason(tmp_path):
    row = "“{name}” İctimai Birliyi,public_association,{voen},{number},,,baki,Bakı,active,{email}"
    path = write_csv(
        tmp_path,
        [
            ENGLISH_HEADER + ",email",
            row.format(name="Düzgün", voen="1500000081", number="1400000081", email="elaqe@duzgun.example.org"),
            row.format(name="Yarımçıq", voen="1500000082", number="1400000082", email="info@"),
            row.format(name="Boşluqlu", voen="1500000083", number="1400000083", email="info @bosluq.example.org"),
            row.format(name="Şəhla", voen="1500000084", number="1400000084", email="şəhla@example.org"),
            row.format(name="Ünvansız", voen="1500000085", number="1400000085", email=""),
        ],
    )

    report = import_register(path)

    assert rejected(report) == {
        3: "the e-mail address “info@” is not valid.",
        4: "the e-mail address “info @bosluq.example.org” is not valid.",
        5: "the e-mail address “şəhla@example.org” has letters other than Latin ones before @, which e-mails cannot reach.",
    }
    assert report.counts["added"] == 2
    assert Organization.objects.get(voen="1500000081").email == "elaqe@duzgun.example.org"
    assert Organization.objects.get(voen="1500000085").email == ""


def test_email_change_updates_unclaimed_only(tmp_path, organization):
    header = ENGLISH_HEADER + ",email"
    unclaimed = "“Bilik Körpüsü” İctimai Birliyi,public_association,1500000091,1400000091,,education,baki,Bakı,active,{}"
    claimed = f"{organization.name},public_association,{organization.voen},,,,baki,\"{organization.legal_address}\",,{{}}"
    import_register(write_csv(tmp_path, [header, unclaimed.format("kohne@bilik.example.org")]))
    path = write_csv(
        tmp_path,
        [header, unclaimed.format("yeni@bilik.example.org"), claimed.format("basqa@example.org")],
        name="register-2026.csv",
    )

    report = import_register(path)

    assert report.counts["updated"] == 1
    assert report.counts["skipped"] == 1
    assert Organization.objects.get(voen="1500000091").email == "yeni@bilik.example.org"
    organization.refresh_from_db()
    assert organization.email == "info@example.org"


def test_changed_row_updates_organization(tmp_path):
    row = "“Bilik Körpüsü” İctimai Birliyi,public_association,1500000001,1400000001,21.01.2008,education,baki,\"{}\",{}"
    import_register(write_csv(tmp_path, [ENGLISH_HEADER, row.format("Bakı, Füzuli küçəsi 5", "active")]))
    renamed = tmp_path / "register-2026.csv"
    write_csv(tmp_path, [ENGLISH_HEADER, row.format("Bakı, Nizami küçəsi 10", "liquidated")], name=renamed.name)

    report = import_register(renamed)

    assert report.counts["updated"] == 1
    organization = Organization.objects.get(voen="1500000001")
    assert organization.legal_address == "Bakı, Nizami küçəsi 10"
    assert organization.register_status == RegisterStatus.LIQUIDATED
    assert organization.import_source == "register-2026.csv"


def test_match_by_registration_number_fills_voen(tmp_path):
    founded = Organization.objects.create(
        name="“Yeni Nəfəs” İctimai Birliyi",
        legal_form=LegalForm.PUBLIC_ASSOCIATION,
        registration_number="1400000077",
        legal_address="Gəncə şəhəri, Atatürk prospekti 1",
        region="gence",
    )
    path = write_csv(
        tmp_path,
        [ENGLISH_HEADER, "“Yeni Nəfəs” İctimai Birliyi,public_association,1500000077,1400000077,,,gence,"
         "\"Gəncə şəhəri, Atatürk prospekti 1\","],
    )

    report = import_register(path)

    assert report.counts["updated"] == 1
    founded.refresh_from_db()
    assert founded.voen == "1500000077"


def test_claimed_organization_untouched(tmp_path, organization):
    before = Organization.objects.values().get(pk=organization.pk)
    path = write_csv(
        tmp_path,
        [
            ENGLISH_HEADER,
            f"Başqa Ad,foundation,{organization.voen},1400000099,01.01.2010,other,quba,Quba şəhəri,liquidated",
        ],
    )

    report = import_register(path)

    assert report.counts == {"added": 0, "updated": 0, "unchanged": 0, "skipped": 1, "rejected": 0}
    assert report.skipped[0].line == 2
    assert report.skipped[0].reason.startswith("skipped: claimed")
    assert Organization.objects.values().get(pk=organization.pk) == before


def test_xlsx_input(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Adı", "Təşkilati-hüquqi forma", "VÖEN", "Qeydiyyat nömrəsi", "Qeydiyyat tarixi", "Region",
                  "Hüquqi ünvan"])
    sheet.append(["“Kitab Evi” Fondu", "Fond", 1500000021, "1400000021", datetime.datetime(2018, 6, 14),
                  "Naxçıvan şəhəri", "Naxçıvan şəhəri, Atatürk küçəsi 5"])
    sheet.append(["“Səhv” Fondu", "Fond", 150000, "1400000022", "14.06.2018", "naxcivan-seheri", "Naxçıvan"])
    path = tmp_path / "reyestr.xlsx"
    workbook.save(path)

    report = import_register(path)

    assert report.counts["added"] == 1
    assert rejected(report) == {3: "VÖEN must be 10 digits, not “150000”."}
    organization = Organization.objects.get(voen="1500000021")
    assert organization.legal_form == LegalForm.FOUNDATION
    assert organization.registration_date == datetime.date(2018, 6, 14)
    assert organization.region == "naxcivan-seheri"


def test_azerbaijani_headers_and_region_names(tmp_path):
    row = "“{}” İctimai Birliyi;İCTİMAİ BİRLİK;{};{};02.06.2014;SƏHİYYƏ;{};Şəki şəhəri;Fəaliyyətdədir"
    path = write_csv(
        tmp_path,
        [
            AZERBAIJANI_HEADER.upper(),
            row.format("Şəfa", "1500000031", "1400000031", "Şəki şəhəri"),
            row.format("Məlhəm", "1500000032", "1400000032", "ŞƏKİ ŞƏHƏRİ"),
            row.format("Dərman", "1500000033", "1400000033", "şəki rayonu"),
            row.format("Loğman", "1500000034", "1400000034", "Seki seheri"),
        ],
    )

    report = import_register(path)

    assert report.counts["added"] == 4
    regions = dict(Organization.objects.values_list("voen", "region"))
    assert regions == {
        "1500000031": "seki-seheri",
        "1500000032": "seki-seheri",
        "1500000033": "seki",
        "1500000034": "seki-seheri",
    }
    assert set(Organization.objects.values_list("sphere", flat=True)) == {Sphere.HEALTH}


@pytest.mark.parametrize(("delimiter", "encoding"), [(";", "utf-8-sig"), (",", "utf-8-sig"), ("\t", "utf-8")])
def test_csv_delimiters_and_byte_order_mark(tmp_path, delimiter, encoding):
    cells = ["Adı", "Təşkilati-hüquqi forma", "VÖEN", "Qeydiyyat nömrəsi", "Region", "Hüquqi ünvan"]
    values = ["“Əl-Ələ” İctimai Birliyi", "İctimai birlik", "1500000041", "1400000041", "Gəncə şəhəri", "Gəncə"]
    path = write_csv(tmp_path, [delimiter.join(cells), delimiter.join(values)], encoding=encoding)

    report = import_register(path)

    assert report.counts["added"] == 1
    assert Organization.objects.get(voen="1500000041").name == "“Əl-Ələ” İctimai Birliyi"


def test_unknown_and_missing_columns_rejected(tmp_path):
    path = write_csv(tmp_path, ["Adı;VÖEN;Telefon;Region", "“Ad” İctimai Birliyi;1500000051;050;baki"])

    with pytest.raises(RegisterFileError) as raised:
        import_register(path)

    message = str(raised.value)
    assert "unknown columns: Telefon" in message
    assert "missing columns: Təşkilati-hüquqi forma, Qeydiyyat nömrəsi, Hüquqi ünvan" in message
    assert "Hüquqi ünvan / legal_address" in message
    assert not Organization.objects.exists()


def test_file_not_utf8_rejected(tmp_path):
    path = write_csv(tmp_path, [AZERBAIJANI_HEADER], encoding="utf-16")

    with pytest.raises(RegisterFileError, match="not UTF-8"):
        import_register(path)


def test_command_prints_counts_and_rejected_rows():
    output = StringIO()

    call_command("import_register", str(SAMPLE), stdout=output)

    lines = output.getvalue().splitlines()
    assert lines[0] == "register_sample.csv: 40 added, 0 updated, 0 unchanged, 0 skipped, 3 rejected."
    assert lines[1:] == [
        "line 9: VÖEN must be 10 digits, not “15002 0011”.",
        "line 23: unknown region “Şimal rayonu”.",
        "line 37: registration number 1400200713 is already on line 2.",
    ]
    assert Organization.objects.count() == 40


def test_command_dry_run_saves_nothing():
    output = StringIO()

    call_command("import_register", str(SAMPLE), "--dry-run", stdout=output)

    assert "Dry run: nothing was saved." in output.getvalue()
    assert "40 added" in output.getvalue()
    assert not Organization.objects.exists()


def test_command_unreadable_file_fails(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_register", str(tmp_path / "missing.csv"), stdout=StringIO())

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(CommandError, match="not a valid XLSX file"):
        call_command("import_register", str(broken), stdout=StringIO())


def test_sample_demo_content():
    report = import_register(SAMPLE)

    assert sorted(rejected(report)) == [9, 23, 37]
    assert report.counts["added"] == 40
    addresses = list(Organization.objects.exclude(email="").values_list("email", flat=True))
    assert len(addresses) == 34
    assert all(address.endswith(".example.org") for address in addresses)
    assert Organization.objects.get(voen="1500110337").email == "idare@saglam-gelecek.example.org"
    assert Organization.objects.get(voen="1500141348").email == ""
    assert not Organization.objects.filter(voen__in=["1700000011", "1700000022"]).exists()
    assert Organization.objects.filter(sphere=Sphere.HEALTH, region="seki-seheri").count() >= 3
    assert Organization.objects.filter(register_status=RegisterStatus.LIQUIDATED).count() >= 2
    assert Organization.objects.exclude(region="baki").count() > 20


def test_row_database_error_rejects_only_that_row(tmp_path, monkeypatch):
    original_save = Organization.save

    def failing_save(self, *args, **kwargs):
        if self.voen == "1500000062":
            original_save(self, *args, **kwargs)
            raise register_import.DatabaseError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Organization, "save", failing_save)
    good = ",public_association,{0},{1},,,baki,Bakı,"
    path = write_csv(
        tmp_path,
        [
            ENGLISH_HEADER,
            "Birinci" + good.format("1500000061", "1400000061"),
            "İkinci" + good.format("1500000062", "1400000062"),
            "Üçüncü" + good.format("1500000063", "1400000063"),
        ],
    )

    report = import_register(path)

    assert rejected(report) == {3: "saving the row failed: disk full"}
    assert set(Organization.objects.values_list("voen", flat=True)) == {"1500000061", "1500000063"}


def test_applicant_form_still_requires_contacts():
    from cms.organizations.forms import OrganizationForm

    form = OrganizationForm(
        data={
            "name": "“Sağlam Gələcək” İctimai Birliyi",
            "legal_form": LegalForm.PUBLIC_ASSOCIATION,
            "voen": "1500110337",
            "legal_address": "Şəki şəhəri, Nizami küçəsi 7",
            "region": "seki-seheri",
            "phone": "",
            "email": "",
        }
    )

    assert not form.is_valid()
    assert form.errors["phone"] == ["This field is required."]
    assert form.errors["email"] == ["This field is required."]
