"""The shape of the help centre's shipped content: one text per language, questions, topics, phone numbers."""

from dataclasses import dataclass

LANGUAGES = ("az", "en", "ru")


@dataclass(frozen=True)
class Text:
    """The same text in Azerbaijani, English and Russian."""

    az: str
    en: str
    ru: str

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


@dataclass(frozen=True)
class QuestionSpec:
    """One question page. ``answer`` is rich text with ``{placeholders}`` that ``help.setup`` fills per language.

    ``services`` are slugs of the shipped e-services the question concerns.
    """

    slug: str
    title: Text
    answer: Text
    services: tuple[str, ...] = ()
    featured: bool = False


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    title: Text
    summary: Text
    questions: tuple[QuestionSpec, ...]


@dataclass(frozen=True)
class PhoneSpec:
    label: Text
    number: str
    note: Text
