"""The news index's routes: the list with its category filter, and the feeds.

An unknown ``?category=`` is the reader's or a link's mistake. It gets a
400 page (or 400 text for a feed) with a message in the reader's language,
never an empty list that looks like "no news".
"""

from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from .categories import NewsCategory
from .feeds import FEED_ITEMS, FeedItem, as_datetime, feed_response
from .models import NEWS_PER_PAGE

CATEGORY_PARAMETER = "category"


class UnknownCategory(ValueError):
    pass


def chosen_category(request) -> NewsCategory | None:
    """Return the category named by ``?category=``, None when there is none, or raise UnknownCategory."""
    value = request.GET.get(CATEGORY_PARAMETER, "").strip()
    if not value:
        return None
    if value not in NewsCategory.values:
        raise UnknownCategory(value)
    return NewsCategory(value)


def unknown_category_message() -> str:
    return _("There is no news category with that name. Choose one of the categories in the list.")


def news_list(index, request):
    try:
        category = chosen_category(request)
    except UnknownCategory:
        context = {**index.get_context(request), "category_error": unknown_category_message(), "categories": list(NewsCategory)}
        return TemplateResponse(request, index.get_template(request), context, status=400)

    news = index.news()
    if category is not None:
        news = news.filter(category=category)
    page = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **index.get_context(request),
        "news_page": page,
        "category": category,
        "categories": list(NewsCategory),
    }
    return TemplateResponse(request, index.get_template(request), context)


def news_feed(index, request, kind: str):
    try:
        category = chosen_category(request)
    except UnknownCategory:
        return HttpResponseBadRequest(unknown_category_message(), content_type="text/plain; charset=utf-8")

    news = index.news()
    title = index.title
    if category is not None:
        news = news.filter(category=category)
        title = f"{index.title}: {category.label}"
    index_url = request.build_absolute_uri(index.get_url(request))
    query = f"?{CATEGORY_PARAMETER}={category.value}" if category is not None else ""
    items = [
        FeedItem(
            title=item.title,
            link=request.build_absolute_uri(item.get_url(request)),
            summary=item.summary,
            published=as_datetime(item.date),
            updated=item.last_published_at,
            categories=[str(NewsCategory(item.category).label)] if item.category in NewsCategory.values else [],
        )
        for item in news[:FEED_ITEMS]
    ]
    return feed_response(
        kind,
        title=title,
        link=index_url + query,
        feed_url=request.build_absolute_uri(request.get_full_path()),
        description=_("News of the Ministry of Justice for civil society organisations"),
        language=translation.get_language() or "az",
        items=items,
    )
