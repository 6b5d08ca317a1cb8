"""Idempotent set-up of the help centre: its pages in az, en and ru, and who may see feedback and call-backs.

``ensure_help_centre()`` creates what is missing and leaves what exists
alone, so running it again keeps editors' changes. It needs the languages
and home pages (``cms.home.setup``) and the shipped e-services with their
sample documents (``forms.setup.ensure_services``), because answers link to
them.

Each page is written in Azerbaijani first. The English and Russian pages are
Wagtail translations of it (``copy_for_translation``) with the same slug, so
switching language keeps the reader on the same question.

The video guides and document samples come last: their files are committed
under ``help/content/files/`` and in ``forms/samples/``, and are loaded
once, when their page is created.
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.home.models import HomePage
from forms.content.links import article_urls
from forms.content.samples import SAMPLES
from forms.models import ServicePage
from forms.setup import ensure_sample_documents

from . import content
from .content import eservices as service_slugs
from .content import guides as guide_content
from .content import samples as sample_content
from .content.guides import GuideSpec
from .content.samples import SampleSpec
from .content.types import QuestionSpec, Text, TopicSpec
from .models import (
    ContactPage,
    ContactPhone,
    DocumentSamplePage,
    FaqQuestionPage,
    FaqTopicPage,
    GuideIndexPage,
    HelpIndexPage,
    SampleIndexPage,
    VideoGuidePage,
)
from .models.guides import CAPTION_LANGUAGES

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "az"
HOTLINE_GROUP = "Hotline operators"

# Placeholder names in the answers → slugs of the shipped e-services they link to.
SERVICE_PLACEHOLDERS = {
    "grant_id": service_slugs.GRANT,
    "contract_id": service_slugs.CONTRACT,
    "donation_id": service_slugs.DONATION,
    "charter_id": service_slugs.CHARTER,
    "registration_id": service_slugs.REGISTRATION,
}
# Placeholder names → keys of forms.content.samples.SAMPLES.
DOCUMENT_PLACEHOLDERS = {"doc_grant_sheet": "grant_sheet", "doc_charter_decision": "charter_decision"}
# Placeholder names → URL names of the site's own pages.
URL_PLACEHOLDERS = {
    "login": "account_login",
    "signup": "account_signup",
    "reset": "account_reset_password",
    "signin_link": "accounts:sign_in_link",
    "two_factor": "mfa_index",
    "account": "accounts:home",
    "new_org": "organizations:create",
    "applications": "eservices:my_applications",
    "notifications": "notifications:list",
}


class MissingLinkTarget(RuntimeError):
    """An answer links to an e-service or a sample document that does not exist."""


class Placeholders(dict):
    def __missing__(self, key):
        raise MissingLinkTarget(
            f"An answer links to {{{key}}}, which does not exist in the database. "
            "Run forms.setup.ensure_services() first, or fix the link in help/content."
        )


@transaction.atomic
def ensure_help_centre() -> HelpIndexPage:
    """Create the help centre in every language, and return the Azerbaijani index page."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = HomePage.objects.get(locale=locales[SOURCE_LANGUAGE])
    others = [(language, locale) for language, locale in locales.items() if language != SOURCE_LANGUAGE]

    index = _ensure_index(home, locales[SOURCE_LANGUAGE])
    for language, locale in others:
        _ensure_translation(index, locale, content.INDEX_TITLE[language], {"intro": content.INDEX_INTRO[language]})

    contact = _ensure_contact(index)
    for language, locale in others:
        _ensure_contact_translation(contact, locale, language)

    placeholders = {language: _placeholders(language, locale, contact) for language, locale in locales.items()}
    for spec in content.TOPICS:
        topic = _ensure_topic(index, spec)
        for language, locale in others:
            _ensure_translation(
                topic, locale, spec.title[language], {"summary": spec.summary[language], "intro": ""}
            )
        for question_spec in spec.questions:
            question = _ensure_question(topic, question_spec, placeholders[SOURCE_LANGUAGE])
            for language, locale in others:
                _ensure_question_translation(question, question_spec, locale, language, placeholders[language])

    _ensure_guides(index, others)
    _ensure_samples(index, others)
    ensure_help_permissions()
    return index


# --- Pages in Azerbaijani ----------------------------------------------------------


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    logger.info("Created the help page %s (%s)", page.pk, page.slug)
    return page


def _ensure_index(home: HomePage, locale: Locale) -> HelpIndexPage:
    index = HelpIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    page = HelpIndexPage(
        title=content.INDEX_TITLE[SOURCE_LANGUAGE],
        slug=content.INDEX_SLUG,
        intro=content.INDEX_INTRO[SOURCE_LANGUAGE],
        locale=locale,
    )
    return _publish_child(home, page)


def _contact_fields(language: str) -> dict:
    return {
        "working_hours": content.CONTACT_HOURS[language],
        "intro": content.CONTACT_INTRO[language],
        "callback_intro": content.CALLBACK_INTRO[language],
        "confirmation_text": content.CONFIRMATION_TEXT[language],
    }


def _ensure_contact(index: HelpIndexPage) -> ContactPage:
    contact = ContactPage.objects.child_of(index).first()
    if contact is not None:
        return contact
    page = ContactPage(
        title=content.CONTACT_TITLE[SOURCE_LANGUAGE],
        slug=content.CONTACT_SLUG,
        locale=index.locale,
        **_contact_fields(SOURCE_LANGUAGE),
    )
    page.phone_numbers = [
        ContactPhone(sort_order=order, label=phone.label[SOURCE_LANGUAGE], number=phone.number, note=phone.note[SOURCE_LANGUAGE])
        for order, phone in enumerate(content.CONTACT_PHONES)
    ]
    return _publish_child(index, page)


def _ensure_topic(index: HelpIndexPage, spec: TopicSpec) -> FaqTopicPage:
    topic = FaqTopicPage.objects.child_of(index).filter(slug=spec.slug).first()
    if topic is not None:
        return topic
    page = FaqTopicPage(
        title=spec.title[SOURCE_LANGUAGE], slug=spec.slug, summary=spec.summary[SOURCE_LANGUAGE], locale=index.locale
    )
    return _publish_child(index, page)


def _ensure_question(topic: FaqTopicPage, spec: QuestionSpec, placeholders: Placeholders) -> FaqQuestionPage:
    question = FaqQuestionPage.objects.child_of(topic).filter(slug=spec.slug).first()
    if question is not None:
        return question
    page = FaqQuestionPage(
        title=spec.title[SOURCE_LANGUAGE],
        slug=spec.slug,
        answer=_answer(spec.answer, SOURCE_LANGUAGE, placeholders),
        show_on_help_index=spec.featured,
        locale=topic.locale,
    )
    page.services = _services(spec, topic.locale)
    return _publish_child(topic, page)


# --- Translations ------------------------------------------------------------------


def _ensure_translation(page: Page, locale: Locale, title: str, fields: dict) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific

    translated = page.specific.copy_for_translation(locale)
    translated.title = title
    translated.slug = page.slug
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    logger.info("Created the %s translation %s of help page %s", locale.language_code, translated.pk, page.pk)
    return translated


def _ensure_contact_translation(contact: ContactPage, locale: Locale, language: str) -> None:
    if contact.get_translation_or_none(locale) is not None:
        return
    translated = contact.copy_for_translation(locale)
    translated.title = content.CONTACT_TITLE[language]
    translated.slug = contact.slug
    for name, value in _contact_fields(language).items():
        setattr(translated, name, value)
    translated.phone_numbers = [
        ContactPhone(sort_order=order, label=phone.label[language], number=phone.number, note=phone.note[language])
        for order, phone in enumerate(content.CONTACT_PHONES)
    ]
    translated.save_revision().publish()


def _ensure_question_translation(
    question: FaqQuestionPage, spec: QuestionSpec, locale: Locale, language: str, placeholders: Placeholders
) -> None:
    if question.get_translation_or_none(locale) is not None:
        return
    translated = question.copy_for_translation(locale)
    translated.title = spec.title[language]
    translated.slug = question.slug
    translated.answer = _answer(spec.answer, language, placeholders)
    translated.services = _services(spec, locale)
    translated.save_revision().publish()


# --- Links in answers ----------------------------------------------------------------


def _answer(text: Text, language: str, placeholders: Placeholders) -> str:
    return text[language].format_map(placeholders)


def _services(spec: QuestionSpec | GuideSpec | SampleSpec, locale: Locale) -> list[ServicePage]:
    """Return the shipped e-service pages in ``locale`` that the question names; a missing one is logged and left out."""
    pages = []
    for slug in spec.services:
        page = ServicePage.objects.filter(locale=locale, slug=slug).first()
        if page is None:
            logger.warning("The help question %s names the e-service %s, which does not exist in %s", spec.slug, slug, locale)
            continue
        pages.append(page)
    return pages


def _placeholders(language: str, locale: Locale, contact: ContactPage) -> Placeholders:
    """Return the values of the answers' placeholders in ``language``: addresses, page ids and document ids."""
    values = Placeholders(article_urls(language))
    with translation.override(language):
        values.update({name: reverse(url_name) for name, url_name in URL_PLACEHOLDERS.items()})

    localized_contact = contact.get_translation_or_none(locale)
    if localized_contact is not None:
        values["contact_id"] = localized_contact.pk

    services = dict(ServicePage.objects.filter(locale=locale).values_list("slug", "pk"))
    for name, slug in SERVICE_PLACEHOLDERS.items():
        if slug in services:
            values[name] = services[slug]

    Document = get_document_model()
    for name, key in DOCUMENT_PLACEHOLDERS.items():
        document = Document.objects.filter(title=SAMPLES[key].title).order_by("pk").first()
        if document is not None:
            values[name] = document.pk
    return values


# --- Video guides ------------------------------------------------------------------


def _ensure_guides(index: HelpIndexPage, others: list[tuple[str, Locale]]) -> None:
    guide_index = _ensure_list_page(index, GuideIndexPage, guide_content)
    for language, locale in others:
        _ensure_translation(
            guide_index, locale, guide_content.INDEX_TITLE[language], {"intro": guide_content.INDEX_INTRO[language]}
        )
    for spec in guide_content.GUIDES:
        guide = _ensure_guide(guide_index, spec)
        for language, locale in others:
            _ensure_translation_with_services(guide, spec, locale, _guide_fields(spec, language) | {"title": spec.title[language]})


def _ensure_list_page(index: HelpIndexPage, page_class: type[Page], module) -> Page:
    """Return the guide or sample list page under ``index``, creating it from ``module``'s texts when missing."""
    existing = page_class.objects.child_of(index).first()
    if existing is not None:
        return existing
    page = page_class(
        title=module.INDEX_TITLE[SOURCE_LANGUAGE],
        slug=module.INDEX_SLUG,
        intro=module.INDEX_INTRO[SOURCE_LANGUAGE],
        locale=index.locale,
    )
    return _publish_child(index, page)


def _guide_fields(spec: GuideSpec, language: str) -> dict:
    return {"description": spec.description[language], "transcript": spec.transcript[language]}


def _ensure_guide(guide_index: GuideIndexPage, spec: GuideSpec) -> VideoGuidePage:
    guide = VideoGuidePage.objects.child_of(guide_index).filter(slug=spec.slug).first()
    if guide is not None:
        return guide
    page = VideoGuidePage(
        title=spec.title[SOURCE_LANGUAGE],
        slug=spec.slug,
        duration=spec.duration,
        poster=_ensure_poster(spec),
        locale=guide_index.locale,
        **_guide_fields(spec, SOURCE_LANGUAGE),
    )
    with spec.video_path.open("rb") as handle:
        page.video_file.save(spec.video_path.name, File(handle), save=False)
    for language in CAPTION_LANGUAGES:
        path = spec.caption_path(language)
        with path.open("rb") as handle:
            getattr(page, f"caption_{language}").save(path.name, File(handle), save=False)
    page.services = _services(spec, guide_index.locale)
    return _publish_child(guide_index, page)


def _ensure_poster(spec: GuideSpec):
    """Return the guide's poster image, loading it into Wagtail's images the first time."""
    Image = get_image_model()
    title = f"{spec.title[SOURCE_LANGUAGE]}: poster"
    image = Image.objects.filter(title=title).order_by("pk").first()
    if image is None:
        with spec.poster_path.open("rb") as handle:
            image = Image(title=title, file=ImageFile(handle, name=spec.poster_path.name))
            image.save()
        logger.info("Created the poster image %s (%s)", image.pk, spec.poster_path.name)
    return image


def _ensure_translation_with_services(page: Page, spec: GuideSpec | SampleSpec, locale: Locale, fields: dict) -> None:
    """Translate a guide or sample into ``locale`` once, linking it to the e-services in that language.

    The video, captions, poster and documents stay those of the Azerbaijani page.
    """
    if page.get_translation_or_none(locale) is not None:
        return
    translated = page.copy_for_translation(locale)
    translated.slug = page.slug
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.services = _services(spec, locale)
    translated.save_revision().publish()


# --- Document samples ----------------------------------------------------------------


def _ensure_samples(index: HelpIndexPage, others: list[tuple[str, Locale]]) -> None:
    sample_index = _ensure_list_page(index, SampleIndexPage, sample_content)
    for language, locale in others:
        _ensure_translation(
            sample_index, locale, sample_content.INDEX_TITLE[language], {"intro": sample_content.INDEX_INTRO[language]}
        )
    documents = ensure_sample_documents()
    for spec in sample_content.SAMPLES:
        sample = _ensure_sample(sample_index, spec, documents)
        for language, locale in others:
            fields = {"title": spec.title[language], "description": spec.description[language]}
            _ensure_translation_with_services(sample, spec, locale, fields)


def _ensure_sample(sample_index: SampleIndexPage, spec: SampleSpec, documents: dict) -> DocumentSamplePage:
    sample = DocumentSamplePage.objects.child_of(sample_index).filter(slug=spec.slug).first()
    if sample is not None:
        return sample
    shipped = documents[spec.document]
    page = DocumentSamplePage(
        title=spec.title[SOURCE_LANGUAGE],
        slug=spec.slug,
        description=spec.description[SOURCE_LANGUAGE],
        locale=sample_index.locale,
    )
    if spec.filled_path is None:
        page.filled_document = shipped
    else:
        page.filled_document = _ensure_filled_document(spec, shipped)
        page.blank_document = shipped
    page.services = _services(spec, sample_index.locale)
    return _publish_child(sample_index, page)


def _ensure_filled_document(spec: SampleSpec, blank):
    """Return the filled-in version of a sample as a Wagtail document beside its blank one, loading it once."""
    Document = get_document_model()
    title = blank.title + sample_content.FILLED_TITLE_SUFFIX
    document = Document.objects.filter(collection=blank.collection, title=title).order_by("pk").first()
    if document is None:
        document = Document(title=title, collection=blank.collection)
        with spec.filled_path.open("rb") as handle:
            document.file.save(spec.filled_path.name, File(handle), save=False)
        document._set_document_file_metadata()
        document.save()
        logger.info("Created the sample document %s (%s)", document.pk, spec.filled_path.name)
    return document


# --- Permissions -------------------------------------------------------------------


def ensure_help_permissions() -> Group:
    """Let editors and moderators read answers' feedback, and hotline operators and moderators handle call-backs.

    Returns the hotline operators' group.
    """
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    view_feedback = Permission.objects.get(content_type__app_label="help", codename="view_answervote")
    callbacks = Permission.objects.filter(
        content_type__app_label="help", codename__in=["view_callbackrequest", "change_callbackrequest"]
    )

    for name in ("Editors", "Moderators"):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access, view_feedback)

    Group.objects.get(name="Moderators").permissions.add(*callbacks)
    hotline, _created = Group.objects.get_or_create(name=HOTLINE_GROUP)
    hotline.permissions.add(admin_access, *callbacks)
    return hotline
