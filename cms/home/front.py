"""The home page's sections besides the library: e-services, news, changes to legislation, help.

Four queries whatever the amount of content (plus the view-restriction
check that ``public()`` makes). Help pages are found by type, and a type
that is not installed or not published is skipped, so the home page never
links to a page that does not exist.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

LATEST_NEWS = 4
LATEST_CHANGES = 5

# The help centre's entry points, in the order the home page lists them.
HELP_ENTRY_POINTS = (
    ("help.HelpIndexPage", _("Questions and answers")),
    ("help.GuideIndexPage", _("Video guides")),
    ("help.SampleIndexPage", _("Document samples")),
    ("help.ContactPage", _("Hotline and call-back")),
)
NEWS_INDEX_MODEL = "news.NewsIndexPage"


def _installed_entry_points():
    entry_points = []
    for label, name in HELP_ENTRY_POINTS:
        try:
            entry_points.append((apps.get_model(label), name))
        except LookupError:
            continue
    return entry_points


def front_page_sections(home) -> dict:
    from cms.legal.models import ActChange
    from cms.news.models import NewsPage
    from forms.models import ServicePage

    entry_points = _installed_entry_points()
    news_index_model = apps.get_model(NEWS_INDEX_MODEL)
    content_types = ContentType.objects.get_for_models(*(model for model, _name in entry_points), news_index_model)
    first_of_type = {}
    sections = (
        Page.objects.live()
        .public()
        .descendant_of(home)
        .filter(content_type__in=content_types.values())
        .order_by("path")
    )
    for page in sections:
        first_of_type.setdefault(page.content_type_id, page)

    return {
        "services": ServicePage.objects.live().public().descendant_of(home).order_by("path"),
        "latest_news": NewsPage.objects.live()
        .public()
        .descendant_of(home)
        .order_by("-date", "-first_published_at", "-pk")[:LATEST_NEWS],
        "news_index": first_of_type.get(content_types[news_index_model].pk),
        "latest_changes": ActChange.objects.public().select_related("act", "version")[:LATEST_CHANGES],
        "help_links": [
            {"page": first_of_type[content_types[model].pk], "name": name}
            for model, name in entry_points
            if content_types[model].pk in first_of_type
        ],
    }
