"""The news section: one index per language (slug ``xeberler`` under the home page) and its news items.

The index is a routable page: its list (``?category=`` and ``?page=``) and
its Atom and RSS feeds (``atom/``, ``rss/``, with the same ``?category=``).
Both page types carry no forms, so they opt into the public page cache.
"""

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from help.models.guides import ServiceLinkSerializer
from help.models.pages import PublicCacheMixin

from .categories import NewsCategory

INTRO_FEATURES = ["bold", "italic", "link"]
BODY_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
NEWS_PER_PAGE = 10


class NewsIndexPage(PublicCacheMixin, RoutablePageMixin, Page):
    """The list of news, newest first, with a filter by category and the feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    template = "news/news_index_page.html"

    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("news list")

    def news(self):
        """Return the live news items of this index, newest first."""
        return NewsPage.objects.live().public().child_of(self).order_by("-date", "-first_published_at", "-pk")

    @path("")
    def news_list(self, request):
        from .views import news_list

        return news_list(self, request)

    @path("atom/")
    def atom_feed(self, request):
        from .views import news_feed

        return news_feed(self, request, "atom")

    @path("rss/")
    def rss_feed(self, request):
        from .views import news_feed

        return news_feed(self, request, "rss")


class NewsPage(PublicCacheMixin, Page):
    """One news item: what the ministry announces to civil society organisations."""

    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.CharField(_("category"), max_length=32, choices=NewsCategory.choices)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists, on the home page and in feeds.")
    )
    body = RichTextField(_("text"), features=BODY_FEATURES)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Give the image a description in the image library: it is read out to blind readers."),
    )
    related_acts = ParentalManyToManyField(
        "legal.LegalAct", blank=True, related_name="news", verbose_name=_("related legal acts")
    )
    related_services = ParentalManyToManyField(
        "eservices.ServicePage", blank=True, related_name="news", verbose_name=_("related e-services")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("category")], heading=_("Date and category")),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("related_acts"), FieldPanel("related_services")], heading=_("Related")),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_page.html"

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("category"),
        APIField("category_label"),
        APIField("summary"),
        APIField("body"),
        APIField("image", serializer=ImageRenditionField("max-720x480")),
        APIField("related_act_list"),
        APIField("services", serializer=ServiceLinkSerializer(method="live_related_services")),
    ]

    # Site-wide search indexes pages that declare a kind and their plain text.
    site_search_kind = "news"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def category_label(self) -> str:
        return str(NewsCategory(self.category).label) if self.category in NewsCategory.values else ""

    @property
    def related_act_list(self) -> list[dict]:
        """The related public acts for API clients: slug (the address under the library) and title."""
        acts = self.related_acts.model.objects.public().filter(pk__in=[act.pk for act in self.related_acts.all()])
        return [{"slug": act.slug, "title": act.localized_title} for act in acts]

    def body_text(self) -> str:
        return " ".join(strip_tags(get_text_for_indexing(self.body)).split())

    def site_search_text(self) -> str:
        return f"{self.summary} {self.body_text()}".strip()

    def live_related_services(self):
        """Return the live e-service pages this item names, in the item's language where a translation exists."""
        from forms.models import ServicePage

        # In a preview the chosen services are in memory, so read them through all().
        keys = [service.translation_key for service in self.related_services.all()]
        return ServicePage.objects.live().public().filter(locale_id=self.locale_id, translation_key__in=keys).order_by(
            "path"
        )

    def get_context(self, request, *args, **kwargs):
        from cms.legal.models import LegalActIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.get_parent()
        context["services"] = self.live_related_services()
        keys = [act.pk for act in self.related_acts.all()]
        context["acts"] = self.related_acts.model.objects.public().filter(pk__in=keys) if keys else []
        context["library"] = LegalActIndexPage.objects.live().filter(locale_id=self.locale_id).first() if keys else None
        return context


class NewsAnnouncement(models.Model):
    """That ``news_published`` was sent for a page.

    Kept outside the page, so publishing an old revision or copying the page
    (a translation is its own page) never resets it, and the primary key lets
    only one publication claim the announcement.
    """

    page = models.OneToOneField(NewsPage, on_delete=models.CASCADE, primary_key=True, related_name="announcement")
    announced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("news announcement")
