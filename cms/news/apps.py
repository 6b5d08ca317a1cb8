from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The ministry's news and notifications, and the feeds that carry them."""

    name = "cms.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from wagtail.signals import page_published

        from .announce import on_page_published
        from .models import NewsPage

        page_published.connect(on_page_published, sender=NewsPage, dispatch_uid="news_announce_first_publication")
