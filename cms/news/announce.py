"""Send ``news_published`` once per news page, after the transaction that first published it commits."""

import logging
from functools import partial

from django.db import transaction

from .models import NewsAnnouncement, NewsPage
from .signals import news_published

logger = logging.getLogger(__name__)


def on_page_published(sender, instance, **kwargs):
    """Claim the announcement by creating its row, then send news_published once the transaction commits.

    The row's primary key is the page, so only one publication can create it,
    even when two moderators publish at the same moment. Each language's page
    is its own page and is announced on its own.
    """
    _announcement, created = NewsAnnouncement.objects.get_or_create(page_id=instance.pk)
    if created:
        transaction.on_commit(partial(_announce, instance.pk))


def _announce(page_id: int) -> None:
    page = NewsPage.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return
    # A failing receiver (the mail queue, say) must not turn a committed publication into an error page.
    for receiver, result in news_published.send_robust(sender=NewsPage, page=page):
        if isinstance(result, Exception):
            logger.error("A receiver of news_published failed for page %s: %r", page_id, result, exc_info=result)
