"""Atom 1.0 and RSS 2.0 feeds, written with Django's feedgenerator.

Shared by the news feeds and the feed of changes to legislation. Items carry
plain text. Both formats declare their summaries as HTML, so the text is
HTML-escaped here, and the XML writer then escapes it again.
"""

import datetime
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

FEED_CLASSES = {"atom": Atom1Feed, "rss": Rss201rev2Feed}
# A feed carries the latest items only; readers keep what they fetched before.
FEED_ITEMS = 20


@dataclass
class FeedItem:
    title: str
    link: str  # absolute
    summary: str  # plain text
    published: datetime.datetime
    updated: datetime.datetime | None = None
    categories: list[str] = field(default_factory=list)


def as_datetime(value: datetime.date | datetime.datetime | None) -> datetime.datetime | None:
    """Feeds date every entry to the second: a date becomes midnight in the site's time zone."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))


def feed_response(
    kind: str, *, title: str, link: str, feed_url: str, description: str, language: str, items: list[FeedItem]
) -> HttpResponse:
    """Render ``items`` as an Atom (``kind="atom"``) or RSS 2.0 (``"rss"``) document. Every URL must be absolute."""
    feed_class = FEED_CLASSES[kind]
    feed = feed_class(
        title=title, link=link, description=description, language=language, feed_url=feed_url, feed_guid=feed_url
    )
    for item in items:
        feed.add_item(
            title=item.title,
            link=item.link,
            description=escape(item.summary),
            unique_id=item.link,
            pubdate=item.published,
            updateddate=item.updated or item.published,
            categories=item.categories,
        )
    response = HttpResponse(content_type=f"{feed.content_type.split(';')[0]}; charset=utf-8")
    feed.write(response, "utf-8")
    response.public_cache = True
    return response
