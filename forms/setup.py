"""Idempotent set-up of the shipped e-services: the list page, five services and their samples.

``ensure_services()`` creates what is missing and leaves what exists alone, so
running it again keeps editors' changes. It needs the languages and the home
pages that ``cms.home.setup.ensure_locales`` and ``ensure_site_tree`` create.

Each service is written in Azerbaijani first. The English and Russian pages
are Wagtail translations of it (``copy_for_translation``), so their form
fields keep the Azerbaijani page's field names, and a filing's answers are
stored under the same keys whichever language the applicant used.
"""

import logging

from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.home.models import HomePage

from .content import INDEX_INTRO, INDEX_SLUG, INDEX_TITLE, SERVICES
from .content.links import ARTICLES, article_urls
from .content.samples import COLLECTION_NAME, SAMPLES
from .content.types import FieldSpec, ServiceSpec
from .models import ServiceFormField, ServiceIndexPage, ServicePage

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "az"
SERVICE_SLUGS = [service.slug for service in SERVICES]


@transaction.atomic
def ensure_services() -> ServiceIndexPage:
    """Create the e-services list and the five services in every language, and return the Azerbaijani list page."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = HomePage.objects.get(locale=locales[SOURCE_LANGUAGE])
    documents = ensure_sample_documents()
    created: list[Page] = []

    # Wagtail re-indexes a page's references (which documents it uses) on
    # every saved row, form fields included. Indexing each new page once is much faster.
    with disable_reference_index_auto_update():
        index = _ensure_index(home, locales[SOURCE_LANGUAGE], created)
        for language, locale in _other_locales(locales):
            _ensure_index_translation(index, locale, language, created)

        for spec in SERVICES:
            service = _ensure_service(index, spec, documents, created)
            for language, locale in _other_locales(locales):
                _ensure_service_translation(service, spec, locale, language, documents, created)

    for page in created:
        ReferenceIndex.create_or_update_for_object(page)
    return index


def ensure_sample_documents() -> dict:
    """Load the sample files into Wagtail documents once, and return them by sample key."""
    Document = get_document_model()
    collection = _ensure_collection()
    documents = {}
    for key, sample in SAMPLES.items():
        document = Document.objects.filter(collection=collection, title=sample.title).first()
        if document is None:
            document = Document(title=sample.title, collection=collection)
            with sample.path.open("rb") as handle:
                document.file.save(sample.file_name, File(handle), save=False)
            document._set_document_file_metadata()
            document.save()
            logger.info("Created the sample document %s (%s)", document.pk, sample.file_name)
        documents[key] = document
    return documents


def _ensure_collection() -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    return collection or root.add_child(name=COLLECTION_NAME)


def _other_locales(locales: dict[str, Locale]):
    return [(language, locale) for language, locale in locales.items() if language != SOURCE_LANGUAGE]


# --- The list page -------------------------------------------------------------


def _ensure_index(home: HomePage, locale: Locale, created: list[Page]) -> ServiceIndexPage:
    index = ServiceIndexPage.objects.child_of(home).first()
    if index is not None:
        return index

    index = ServiceIndexPage(
        title=INDEX_TITLE[SOURCE_LANGUAGE],
        slug=INDEX_SLUG,
        intro=_render(INDEX_INTRO[SOURCE_LANGUAGE], SOURCE_LANGUAGE, {}),
        locale=locale,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    created.append(index)
    logger.info("Created the e-services list %s", index.pk)
    return index


def _ensure_index_translation(index: ServiceIndexPage, locale: Locale, language: str, created: list[Page]) -> None:
    if index.get_translation_or_none(locale) is not None:
        return

    translation = index.copy_for_translation(locale)
    translation.title = INDEX_TITLE[language]
    translation.slug = INDEX_SLUG
    translation.intro = _render(INDEX_INTRO[language], language, {})
    translation.save_revision().publish()
    created.append(translation)


# --- Services ------------------------------------------------------------------


def _ensure_service(index: ServiceIndexPage, spec: ServiceSpec, documents: dict, created: list[Page]) -> ServicePage:
    service = ServicePage.objects.child_of(index).filter(slug=spec.slug).first()
    if service is not None:
        return service

    service = ServicePage(
        slug=spec.slug,
        locale=index.locale,
        reference_prefix=spec.reference_prefix,
        decision_days=spec.decision_days,
        **_page_texts(spec, SOURCE_LANGUAGE, documents),
    )
    service.form_fields = [
        ServiceFormField(sort_order=order, **_field_values(field, SOURCE_LANGUAGE, documents))
        for order, field in enumerate(spec.fields)
    ]
    index.add_child(instance=service)
    service.save_revision().publish()
    created.append(service)
    logger.info("Created the e-service %s (%s)", service.pk, spec.slug)
    return service


def _ensure_service_translation(
    service: ServicePage, spec: ServiceSpec, locale: Locale, language: str, documents: dict, created: list[Page]
) -> None:
    if service.get_translation_or_none(locale) is not None:
        return

    # The copy keeps every field's clean_name, so only the texts people read change here.
    translation = service.copy_for_translation(locale)
    for name, value in _page_texts(spec, language, documents).items():
        setattr(translation, name, value)
    translation.slug = spec.slug

    specs = {field.name: field for field in spec.fields}
    form_fields = list(translation.form_fields.all())
    for form_field in form_fields:
        if form_field.clean_name not in specs:
            # A field an editor added to the Azerbaijani page: left for the translators.
            continue
        values = _field_values(specs[form_field.clean_name], language, documents)
        for name in ("label", "help_text", "choices", "article_link", "article_label"):
            setattr(form_field, name, values[name])
    translation.form_fields = form_fields
    translation.save_revision().publish()
    created.append(translation)


def _page_texts(spec: ServiceSpec, language: str, documents: dict) -> dict:
    rich_text_fields = ("who_must_file", "deadline", "legal_basis", "documents_needed", "what_happens_next")
    texts = {name: _render(getattr(spec, name)[language], language, documents) for name in rich_text_fields}
    texts["title"] = spec.title[language]
    texts["summary"] = spec.summary[language]
    texts["declaration_text"] = spec.declaration_text[language]
    return texts


def _field_values(field: FieldSpec, language: str, documents: dict) -> dict:
    article = ARTICLES[field.article] if field.article else None
    return {
        "clean_name": field.name,
        "label": field.label[language],
        "field_type": field.field_type,
        "required": field.required,
        "help_text": field.help_text[language] if field.help_text else "",
        "choices": field.choices.lines(language) if field.choices else "",
        "article_link": article.url(language) if article else "",
        "article_label": article.label(language) if article else "",
        "sample_document": documents[field.sample] if field.sample else None,
        "allowed_file_types": field.file_types,
        "max_file_size_mb": field.max_file_size_mb,
    }


def _render(text: str, language: str, documents: dict) -> str:
    """Fill a rich text's placeholders: article addresses in ``language`` and sample document ids."""
    document_ids = {f"doc_{key}": document.pk for key, document in documents.items()}
    return text.format(**article_urls(language), **document_ids)
