"""The shipped corpus: gzipped texts of real acts and the catalogue describing them."""

import datetime
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
CATALOGUE_PATH = CORPUS_DIR / "catalogue.json"
ACTS_DIR = CORPUS_DIR / "acts"


@dataclass
class TopicEntry:
    slug: str
    name_az: str
    name_en: str = ""
    name_ru: str = ""


@dataclass
class CatalogueEntry:
    """The catalogue's metadata of one act. The text itself is read on demand."""

    file: str
    slug: str
    act_type: str
    title: str
    issuing_body: str
    number: str = ""
    title_en: str = ""
    title_ru: str = ""
    adoption_date: datetime.date | None = None
    effective_date: datetime.date | None = None
    version_date: datetime.date | None = None
    status: str = "in_force"
    topics: list[str] = field(default_factory=list)
    source: str = ""
    completeness_note_az: str = ""
    completeness_note_en: str = ""
    completeness_note_ru: str = ""
    sort_order: int = 0

    def path(self, directory: Path = ACTS_DIR) -> Path:
        plain = directory / self.file
        return plain if plain.exists() else directory / f"{self.file}.gz"


def _date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def load_catalogue(path: Path = CATALOGUE_PATH) -> tuple[list[TopicEntry], list[CatalogueEntry]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    topics = [TopicEntry(**topic) for topic in data.get("topics", [])]
    known = {field_name for field_name in CatalogueEntry.__dataclass_fields__}
    entries = []
    for order, raw in enumerate(data["acts"], start=1):
        values = {key: value for key, value in raw.items() if key in known}
        for key in ("adoption_date", "effective_date", "version_date"):
            values[key] = _date(values.get(key))
        values["sort_order"] = order * 10
        entries.append(CatalogueEntry(**values))
    return topics, entries


def read_text(path: Path) -> str:
    """Read a plain or gzipped UTF-8 text, with newlines normalised."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")
