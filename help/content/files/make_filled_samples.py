"""Write the filled-in version of the grant information sheet from the blank one in forms/samples/.

The .docx file next to this script is committed; ``help.setup`` loads it.
Run this again only after changing the blank sheet or the values below:

    .venv/bin/python help/content/files/make_filled_samples.py

The organization, donor and amounts are invented, and the document says so.
"""

import datetime
from pathlib import Path

from docx import Document

FILES_DIR = Path(__file__).resolve().parent
BLANK = FILES_DIR.parents[2] / "forms" / "samples" / "qrant-qeydiyyati-melumat-vereqesi.docx"
FILLED = FILES_DIR / "qrant-qeydiyyati-melumat-vereqesi-doldurulmus.docx"
# A fixed date keeps the file's metadata stable between runs.
CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)

INVENTED_NOTE = "Doldurulmuş nümunə: təşkilatın, donorun adları və məbləğlər uydurmadır."
# Row label in the blank sheet → the example value written beside it.
VALUES = {
    "Nəyi qeydiyyata təqdim edirsiniz?": "☒ yeni qrant   ☐ sub-qrant   ☐ əlavə müqavilə   ☐ müddətin, məqsədin və ya məbləğin dəyişdirilməsi",
    "Əsas qrantın qeydiyyat nömrəsi (əlavə müqavilə və dəyişiklik üçün)": "— (yeni qrantdır)",
    "Təşkilatın rolu": "☒ qrantı alır (resipiyent)   ☐ qrantı verir (donor)",
    "Qrantın məqsədi": "Şəki rayonunda gənclər üçün rəqəmsal savadlılıq kursları",
    "Müqavilənin imzalandığı (qərarın verildiyi) tarix": "02.03.2026",
    "Qeydiyyata təqdim etməyin son günü (imzalanma tarixi + 15 gün)": "17.03.2026",
    "Donorun adı": "Nümunə Fondu",
    "Donorun ölkəsi": "Almaniya",
    "Donorun növü": "Xarici qeyri-hökumət təşkilatı",
    "Xarici donorun qrant vermək hüququ (Maliyyə Nazirliyinin rəyi)": "☒ var   ☐ hələ yoxdur   ☐ donor xarici deyil",
    "Resipiyentin adı": "«Gənc Şəkililər» İctimai Birliyi",
    "Resipiyentin ölkəsi": "Azərbaycan",
    "Məbləğ": "24 500,00",
    "Valyuta": "AZN",
    "İcra müddəti: başlama tarixi": "01.04.2026",
    "İcra müddəti: bitmə tarixi": "31.12.2026",
}
PARAGRAPHS = {
    "☐ İmzalanmış müqavilənin (qərarın) surəti, bütün səhifələri ilə": "☒ İmzalanmış müqavilənin (qərarın) surəti, bütün səhifələri ilə",
    "Təşkilatın rəhbəri: ________________________________________ (ad, soyad, imza)": "Təşkilatın rəhbəri: Aygün Məmmədova (imza)",
    "Tarix: ________________________________________": "Tarix: 05.03.2026",
}


def fill() -> None:
    document = Document(BLANK)
    document.core_properties.title += " (doldurulmuş nümunə)"
    document.core_properties.created = CREATED
    document.core_properties.modified = CREATED

    filled_rows = 0
    for table in document.tables:
        for row in table.rows:
            label, value = row.cells[0], row.cells[1]
            if label.text in VALUES:
                value.text = VALUES[label.text]
                filled_rows += 1
    if filled_rows != len(VALUES):
        raise SystemExit(f"Filled {filled_rows} of {len(VALUES)} rows: the blank sheet's labels have changed.")

    for paragraph in document.paragraphs:
        if paragraph.text in PARAGRAPHS:
            paragraph.text = PARAGRAPHS[paragraph.text]
        elif paragraph.text.startswith("Nümunədir"):
            paragraph.add_run(" " + INVENTED_NOTE).italic = True
    document.save(FILLED)


if __name__ == "__main__":
    fill()
