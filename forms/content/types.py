"""The shape of the shipped e-service content: one text per language, fields, services."""

from dataclasses import dataclass, field

LANGUAGES = ("az", "en", "ru")
SECTION = "section"
DEFAULT_FILE_TYPES = "pdf,jpg,png"
DEFAULT_MAX_FILE_SIZE_MB = 10


@dataclass(frozen=True)
class Text:
    """The same text in Azerbaijani, English and Russian."""

    az: str
    en: str
    ru: str

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


@dataclass(frozen=True)
class Choices:
    """A choice field's options, in the same order in every language."""

    az: tuple[str, ...]
    en: tuple[str, ...]
    ru: tuple[str, ...]

    def lines(self, language: str) -> str:
        """Join the options into the field's ``choices`` text, one per line."""
        return "\n".join(getattr(self, language))


@dataclass(frozen=True)
class FieldSpec:
    """One form field. ``name`` becomes its clean_name, the key of the answer in every filing."""

    name: str
    field_type: str
    label: Text
    help_text: Text | None = None
    required: bool = True
    choices: Choices | None = None
    # Key in forms.content.links.ARTICLES of the article that makes this field necessary.
    article: str = ""
    # Key in forms.content.samples.SAMPLES.
    sample: str = ""
    file_types: str = DEFAULT_FILE_TYPES
    max_file_size_mb: int = DEFAULT_MAX_FILE_SIZE_MB


def section(name: str, title: Text, intro: Text | None = None) -> FieldSpec:
    """A section break named ``section_<name>``: it starts a new step titled ``title``.

    The prefix keeps the names of steps apart from those of the answers.
    """
    return FieldSpec(name=f"section_{name}", field_type=SECTION, label=title, help_text=intro, required=False)


@dataclass(frozen=True)
class ServiceSpec:
    """One e-service page.

    The rich texts are Wagtail rich-text HTML with ``str.format`` placeholders:
    ``{ixm_432}`` for an article's address (keys of ``links.ARTICLES``) and
    ``{doc_grant_sheet}`` for a sample document's id (keys of ``samples.SAMPLES``).
    """

    slug: str
    reference_prefix: str
    title: Text
    summary: Text
    who_must_file: Text
    deadline: Text
    legal_basis: Text
    documents_needed: Text
    what_happens_next: Text
    declaration_text: Text
    fields: tuple[FieldSpec, ...] = field(default_factory=tuple)
    decision_days: int | None = None
