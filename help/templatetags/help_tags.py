"""Template tags that link the rest of the site to the help centre.

``help_url`` gives the site's navigation the help centre's address,
``service_questions`` and ``service_guides_and_samples`` list an e-service's
questions, video guides and document samples on its page, and
``sample_page_for`` finds the sample page of a form field's sample document.
"""

from django import template

from cms.home.templatetags.site_tags import _section_url

from ..models import DocumentSamplePage, FaqQuestionPage, HelpIndexPage, VideoGuidePage

register = template.Library()

# An e-service page lists at most this many of its questions; the help centre has the rest.
MAX_SERVICE_QUESTIONS = 6
# An e-service page or a question lists at most this many video guides and samples.
MAX_SERVICE_GUIDES = 4
MAX_SERVICE_SAMPLES = 6


@register.simple_tag(takes_context=True)
def help_url(context) -> str:
    """Return the URL of the live help centre in the active language, or "" when there is none."""
    # The site shell's helper: one query per request and language, none on the help centre itself.
    return _section_url(context, HelpIndexPage)


@register.inclusion_tag("help/includes/service_questions.html", takes_context=True)
def service_questions(context, service_page) -> dict:
    """List the live questions in ``service_page``'s language that editors related to that e-service.

    A question counts when it names this page or any translation of it.
    """
    questions = (
        FaqQuestionPage.objects.live()
        .public()
        .filter(locale_id=service_page.locale_id, services__translation_key=service_page.translation_key)
        .distinct()
        .order_by("path")[:MAX_SERVICE_QUESTIONS]
    )
    return {
        "request": context.get("request"),
        "questions": list(questions),
        "help_url": help_url(context),
    }


def _pages_for_service(page_class, service_page, limit: int):
    """Return live pages of ``page_class`` in ``service_page``'s language that name it or a translation of it."""
    return list(
        page_class.objects.live()
        .public()
        .filter(locale_id=service_page.locale_id, services__translation_key=service_page.translation_key)
        .distinct()
        .order_by("path")[:limit]
    )


@register.inclusion_tag("help/includes/service_guides_and_samples.html", takes_context=True)
def service_guides_and_samples(context, service_page) -> dict:
    """List the live video guides and document samples that editors related to ``service_page``."""
    guides = _pages_for_service(VideoGuidePage, service_page, MAX_SERVICE_GUIDES)
    samples = _pages_for_service(DocumentSamplePage, service_page, MAX_SERVICE_SAMPLES)
    return {"request": context.get("request"), "guides": guides, "samples": samples}


@register.inclusion_tag("help/includes/question_guides.html", takes_context=True)
def question_guides(context, question_page) -> dict:
    """List the live video guides in the question's language that explain one of the question's e-services."""
    keys = [service.translation_key for service in question_page.services.all()]
    guides = []
    if keys:
        guides = list(
            VideoGuidePage.objects.live()
            .public()
            .filter(locale_id=question_page.locale_id, services__translation_key__in=keys)
            .distinct()
            .order_by("path")[:MAX_SERVICE_GUIDES]
        )
    return {"request": context.get("request"), "guides": guides}


@register.simple_tag
def sample_page_for(document):
    """Return the live sample page in the active language that offers ``document``, or None."""
    return DocumentSamplePage.for_document(document)
