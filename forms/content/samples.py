"""Sample documents linked from the e-services, committed under forms/samples/."""

from dataclasses import dataclass
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
COLLECTION_NAME = "E-xidmət nümunələri"


@dataclass(frozen=True)
class Sample:
    file_name: str
    # Wagtail document title, in Azerbaijani like the sample itself.
    title: str

    @property
    def path(self) -> Path:
        return SAMPLES_DIR / self.file_name


SAMPLES = {
    "grant_sheet": Sample(
        "qrant-qeydiyyati-melumat-vereqesi.docx", "Nümunə: qrant müqaviləsinin qeydiyyatı üçün məlumat vərəqəsi"
    ),
    "founders_minutes": Sample(
        "tesis-yigincagi-protokolu-numune.docx", "Nümunə: ictimai birliyin təsis yığıncağının protokolu"
    ),
    "charter_decision": Sample(
        "nizamname-deyisikliyi-qerari-numune.docx", "Nümunə: ümumi yığıncağın nizamnaməyə dəyişikliklər haqqında qərarı"
    ),
}
