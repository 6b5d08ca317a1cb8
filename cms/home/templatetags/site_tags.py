"""Template tags for the site shell: header, navigation, language switcher, pagination.

Tags for legal texts are in ``cms.legal.templatetags.legal_tags``. These
helpers read only what the views put in the context, except the section links
(``library_url``, ``services_url`` and the help centre's), which share one query
per request, and ``library_act_types``, which runs one.
"""

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.conf import settings
from django.db.models import Count
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.models import Page

from cms.legal.models import ActType, LegalAct, LegalActIndexPage

register = template.Library()

# Legal texts exist only in Azerbaijani, whatever the interface language.
TEXT_LANGUAGE = "az"

# Request attribute that keeps section URLs per language for the rest of the request.
SECTION_URL_CACHE = "_site_tags_section_urls"


def _active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _home_url(language: str) -> str:
    with translation.override(language):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return "/"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Return links to the current page in every site language, for the language switcher.

    Each item is ``{code, name, url, current, translated}``. The address
    keeps its query string. A Wagtail page with no live translation in a
    language, or an address that no URL pattern matches, links to the home
    page of that language instead, with ``translated`` false so the page
    names no alternate version there.
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = _active_language()
    page = context.get("page")
    # Translations share the Azerbaijani page's slugs, so the address differs only in its prefix.
    languages_with_page = (
        set(page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True))
        if isinstance(page, Page) and page.pk
        else None
    )

    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        translated = code == current or (url != path and (languages_with_page is None or code in languages_with_page))
        if not translated:
            url = _home_url(code)
        links.append({"code": code, "name": name, "url": url, "current": code == current, "translated": translated})
    return links


@register.simple_tag(takes_context=True)
def library_url(context) -> str:
    """Return the URL of the live legal-acts library in the active language, or "" when there is none."""
    return _section_url(context, LegalActIndexPage)


@register.simple_tag(takes_context=True)
def services_url(context) -> str:
    """Return the URL of the live e-services list in the active language, or "" when there is none."""
    from forms.models import ServiceIndexPage

    return _section_url(context, ServiceIndexPage)


# The sections the header links to, as "app_label.ModelName"; one live page of each per language.
SECTION_MODELS = ("legal.LegalActIndexPage", "eservices.ServiceIndexPage", "help.HelpIndexPage")


def _section_url(context, model) -> str:
    """URL of the one live page of ``model`` in the active language.

    On that page itself this is the page in the context. Elsewhere the first
    call loads every section of ``SECTION_MODELS`` in one query, kept on the
    request, so adding a section to the header costs no extra query.
    """
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, model):
        # Wagtail serves each language's own translation of the page, so no query is needed.
        return page.get_url(request) or ""

    language = _active_language()
    cache = getattr(request, SECTION_URL_CACHE, None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            setattr(request, SECTION_URL_CACHE, cache)
    if language not in cache:
        cache[language] = _load_section_urls(request, language)
    return cache[language].get(ContentType.objects.get_for_model(model).pk, "")


def _load_section_urls(request, language: str) -> dict[int, str]:
    """Map each section model's content type id to the URL of its first live page in ``language``."""
    content_types = ContentType.objects.get_for_models(*(apps.get_model(label) for label in SECTION_MODELS))
    sections = (
        Page.objects.live()
        .filter(locale__language_code=language, content_type__in=content_types.values())
        .order_by("path")
    )
    urls = {}
    for section in sections:
        # A plain Page has url_path, so get_url needs no query for the specific page.
        urls.setdefault(section.content_type_id, section.get_url(request) or "")
    return urls


@register.simple_tag
def library_act_types() -> list[dict]:
    """Return the act types that have at least one public act, in the order of ``ActType``, with their counts."""
    counts = dict(LegalAct.objects.public().order_by().values_list("act_type").annotate(total=Count("pk")))
    return [
        {"value": value, "label": label, "count": counts[value]}
        for value, label in ActType.choices
        if counts.get(value)
    ]


@register.simple_tag
def az_lang(displayed=None, azerbaijani=None) -> str:
    """Return ` lang="az"` for an element holding Azerbaijani text when the interface language is not Azerbaijani.

    With two arguments, the attribute is returned only when ``displayed`` is the
    Azerbaijani value, as when a title has no translation:
    ``{% az_lang act.localized_title act.title %}``.
    """
    if _active_language() == TEXT_LANGUAGE:
        return ""
    if displayed is not None and displayed != azerbaijani:
        return ""
    return mark_safe(f' lang="{TEXT_LANGUAGE}"')


@register.simple_tag
def page_links(page_obj) -> list[dict]:
    """Return the page numbers around the current page for a pagination bar.

    Each item is ``{number, current}``. The ``number`` is None where pages are left out.
    """
    paginator = page_obj.paginator
    links = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            links.append({"number": None, "current": False})
        else:
            links.append({"number": number, "current": number == page_obj.number})
    return links
