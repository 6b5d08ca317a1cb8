"""Write the sample documents that the e-services link to.

The .docx files next to this script are committed; ``forms.setup`` loads them
into Wagtail's documents. Run this again only after changing a text below:

    .venv/bin/python forms/samples/make_samples.py

The samples are in Azerbaijani because documents filed with the Ministry of
Justice are; the English and Russian pages say so next to the link.
"""

import datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

SAMPLES_DIR = Path(__file__).resolve().parent
# A fixed date keeps the files' metadata stable between runs.
CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)

SAMPLE_NOTE = "Nümunədir, məcburi forma deyil. Mətni təşkilatınızın nizamnaməsinə və faktiki vəziyyətə uyğunlaşdırın."
BLANK_LINE = "_" * 40


def new_document(title: str) -> Document:
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = "Fərdi Elektron Pəncərə"
    document.core_properties.created = CREATED
    document.core_properties.modified = CREATED
    document.core_properties.last_modified_by = ""
    document.core_properties.revision = 1

    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)

    heading = document.add_heading(title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note = document.add_paragraph()
    note.add_run(SAMPLE_NOTE).italic = True
    return document


def add_table(document: Document, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value


def add_signatures(document: Document, signers: list[str]) -> None:
    document.add_paragraph()
    for signer in signers:
        document.add_paragraph(f"{signer}: {BLANK_LINE} (ad, soyad, imza)")


def grant_information_sheet() -> Document:
    document = new_document("Qrant müqaviləsinin (qərarının) qeydiyyatı üçün məlumat vərəqəsi")
    document.add_paragraph(
        "Bu vərəqə elektron müraciətdə soruşulan məlumatları əvvəlcədən bir yerə toplamaq üçündür. "
        "Doldurun, müraciəti göndərdikdən sonra isə qrant müqaviləsi ilə birlikdə təşkilatın qovluğunda saxlayın."
    )

    document.add_heading("1. Qrant haqqında", level=2)
    add_table(
        document,
        [
            ("Nəyi qeydiyyata təqdim edirsiniz?", "☐ yeni qrant   ☐ sub-qrant   ☐ əlavə müqavilə   ☐ müddətin, məqsədin və ya məbləğin dəyişdirilməsi"),
            ("Əsas qrantın qeydiyyat nömrəsi (əlavə müqavilə və dəyişiklik üçün)", ""),
            ("Təşkilatın rolu", "☐ qrantı alır (resipiyent)   ☐ qrantı verir (donor)"),
            ("Qrantın məqsədi", ""),
            ("Müqavilənin imzalandığı (qərarın verildiyi) tarix", ""),
            ("Qeydiyyata təqdim etməyin son günü (imzalanma tarixi + 15 gün)", ""),
        ],
    )

    document.add_heading("2. Donor və resipiyent", level=2)
    add_table(
        document,
        [
            ("Donorun adı", ""),
            ("Donorun ölkəsi", ""),
            ("Donorun növü", ""),
            ("Xarici donorun qrant vermək hüququ (Maliyyə Nazirliyinin rəyi)", "☐ var   ☐ hələ yoxdur   ☐ donor xarici deyil"),
            ("Resipiyentin adı", ""),
            ("Resipiyentin ölkəsi", ""),
        ],
    )

    document.add_heading("3. Məbləğ və müddət", level=2)
    add_table(
        document,
        [
            ("Məbləğ", ""),
            ("Valyuta", ""),
            ("İcra müddəti: başlama tarixi", ""),
            ("İcra müddəti: bitmə tarixi", ""),
        ],
    )

    document.add_heading("4. Əlavə edilən sənədlər", level=2)
    for item in (
        "İmzalanmış müqavilənin (qərarın) surəti, bütün səhifələri ilə",
        "Azərbaycan dilinə tərcümə (sənəd başqa dildədirsə)",
    ):
        document.add_paragraph(f"☐ {item}")

    add_signatures(document, ["Təşkilatın rəhbəri"])
    document.add_paragraph(f"Tarix: {BLANK_LINE}")
    return document


def founders_meeting_minutes() -> Document:
    document = new_document("İctimai birliyin təsis yığıncağının protokolu")
    document.add_paragraph("Protokol № 1")
    document.add_paragraph("__________ şəhəri (rayonu)                                   «___» __________ 20__-ci il")

    document.add_paragraph("Yığıncaqda iştirak edən təsisçilər (adı, soyadı, ata adı):")
    for number in range(1, 4):
        document.add_paragraph(f"{number}. {BLANK_LINE}")
    document.add_paragraph("Yığıncağın sədri: __________________   Katib: __________________")

    document.add_heading("Gündəlik", level=2)
    agenda = [
        "«__________» İctimai Birliyinin yaradılması haqqında.",
        "Nizamnamənin təsdiq edilməsi haqqında.",
        "İdarəetmə orqanlarının seçilməsi haqqında.",
        "Dövlət qeydiyyatı üçün müraciət edəcək şəxsin müəyyən edilməsi haqqında.",
    ]
    for number, item in enumerate(agenda, start=1):
        document.add_paragraph(f"{number}. {item}")

    document.add_heading("Qərara alındı", level=2)
    decisions = [
        "«__________» İctimai Birliyi yaradılsın. Hüquqi ünvanı: __________________.",
        "İctimai birliyin nizamnaməsi təsdiq edilsin (əlavə olunur).",
        "İdarə heyətinin üzvləri seçilsin: __________________. İdarə heyətinin sədri __________________ seçilsin.",
        "İctimai birliyin dövlət qeydiyyatı üçün Azərbaycan Respublikasının Ədliyyə Nazirliyinə müraciət etmək "
        "__________________ tapşırılsın.",
    ]
    for number, item in enumerate(decisions, start=1):
        document.add_paragraph(f"{number}. {item}")

    document.add_paragraph("Səsvermənin nəticəsi: lehinə ___, əleyhinə ___, bitərəf ___.")
    add_signatures(document, ["Yığıncağın sədri", "Katib"])
    document.add_paragraph("Təsisçilərin imzaları:")
    for number in range(1, 4):
        document.add_paragraph(f"{number}. {BLANK_LINE}")
    return document


def charter_change_decision() -> Document:
    document = new_document("Ümumi yığıncağın nizamnaməyə dəyişikliklər haqqında qərarı")
    document.add_paragraph("«__________» İctimai Birliyinin ümumi yığıncağının protokolu № ___")
    document.add_paragraph("__________ şəhəri (rayonu)                                   «___» __________ 20__-ci il")
    document.add_paragraph(
        "İctimai birliyin ___ üzvündən ___ nəfəri iştirak edir. Nizamnamənin ___ bəndinə görə yığıncaq "
        "səlahiyyətlidir (yetərsay var)."
    )

    document.add_heading("Gündəlik", level=2)
    document.add_paragraph("1. Nizamnaməyə dəyişikliklər edilməsi haqqında.")
    document.add_paragraph("2. Dəyişikliklərin dövlət qeydiyyatı üçün müraciət edəcək şəxsin müəyyən edilməsi haqqında.")

    document.add_heading("Qərara alındı", level=2)
    add_table(
        document,
        [
            ("Nizamnamənin bəndi", "Yeni redaksiya"),
            ("___", ""),
            ("___", ""),
        ],
    )
    document.add_paragraph()
    for number, item in enumerate(
        [
            "Yuxarıdakı dəyişikliklər təsdiq edilsin və nizamnamə yeni redaksiyada qəbul edilsin (əlavə olunur).",
            "Dəyişikliklərin dövlət qeydiyyatı üçün Azərbaycan Respublikasının Ədliyyə Nazirliyinə müraciət etmək "
            "__________________ tapşırılsın.",
            "Dəyişikliklər dövlət qeydiyyatına alınana qədər onlara əsasən fəaliyyət göstərilməsin.",
        ],
        start=1,
    ):
        document.add_paragraph(f"{number}. {item}")

    document.add_paragraph("Səsvermənin nəticəsi: lehinə ___, əleyhinə ___, bitərəf ___.")
    add_signatures(document, ["Yığıncağın sədri", "Katib"])
    return document


SAMPLE_BUILDERS = {
    "qrant-qeydiyyati-melumat-vereqesi.docx": grant_information_sheet,
    "tesis-yigincagi-protokolu-numune.docx": founders_meeting_minutes,
    "nizamname-deyisikliyi-qerari-numune.docx": charter_change_decision,
}


def main() -> None:
    for file_name, build in SAMPLE_BUILDERS.items():
        document = build()
        document.save(SAMPLES_DIR / file_name)
        print(f"Wrote {SAMPLES_DIR / file_name}")


if __name__ == "__main__":
    main()
