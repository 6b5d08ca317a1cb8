"""Template tags that link the rest of the site to the help centre.

``help_url`` gives the site's navigation the help centre's address, and
``service_questions`` lists an e-service's questions on its page.
"""

from django import template

from cms.home.templatetags.site_tags import _section_url

from ..models import FaqQuestionPage, HelpIndexPage

register = template.Library()

# An e-service page lists at most this many of its questions; the help centre has the rest.
MAX_SERVICE_QUESTIONS = 6


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
