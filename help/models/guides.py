"""Video guides: the list at ``komek/videolar/`` and one page per guide.

A guide's video is either a file uploaded with the page or a video on
YouTube or Vimeo. Uploaded videos and captions are files of the page itself
(``FileField``), not Wagtail documents. The web server then serves the video
straight from MEDIA_ROOT, with the byte ranges a player needs to seek,
instead of Wagtail's document view streaming up to 200 MB through a Django
worker. It also keeps video formats and their 200 MB limit out of the
document library, whose 10 MB limit stays right for PDFs. Translations of a
guide share its video and caption files, because ``copy_for_translation``
copies the file names.

Captions are served by the page's ``altyazi/<language>/`` route, so their
Content-Type is ``text/vtt`` whatever the web server's MIME table says.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import FileResponse, Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html, get_text_for_indexing
from wagtail.search import index

from ..embeds import parse_video_url, validate_embed_url
from ..uploads import validate_caption_file, validate_video_file, video_format_for_name
from .pages import FaqQuestionPageForm, HelpListPage

# A transcript reads like an answer: steps, lists, sub-headings and links.
TRANSCRIPT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Caption languages, each with its name in that language: a reader looks for their own language's name.
CAPTION_LANGUAGES = {"az": "Azərbaycanca", "en": "English", "ru": "Русский"}
MAX_DURATION_SECONDS = 4 * 60 * 60
POSTER_FILTER = "width-640"


def plain_text(rich_text: str) -> str:
    return " ".join(strip_tags(get_text_for_indexing(rich_text)).split())


def live_translations_of(services, locale_id: int):
    """Return the live, public e-service pages in ``locale_id`` that translate any of ``services``.

    Editors may choose a service in another language; the reader gets the
    one in the page's own language, or nothing when it has none.
    """
    from forms.models import ServicePage

    keys = [service.translation_key for service in services]
    return (
        ServicePage.objects.live().public().filter(locale_id=locale_id, translation_key__in=keys).order_by("path")
    )


class GuideIndexPage(HelpListPage):
    """The list of video guides in the help centre."""

    subpage_types = ["help.VideoGuidePage"]
    template = "help/guide_index_page.html"

    class Meta:
        verbose_name = _("video guides")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = (
            VideoGuidePage.objects.live().public().child_of(self).select_related("poster").order_by("path")
        )
        return context


class CaptionSerializer(serializers.Field):
    """A guide's caption files as a list of {language, label, url}."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[dict]:
        return [
            {"language": caption.language, "label": caption.label, "url": caption.url} for caption in page.captions()
        ]


class ServiceLinkSerializer(serializers.Field):
    """The e-services a page concerns, as a list of {id, title, url}.

    ``method`` names the page method that returns the live service pages.
    """

    def __init__(self, method: str = "related_services", **kwargs):
        self.method = method
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[dict]:
        services = getattr(page, self.method)()
        return [{"id": service.pk, "title": service.title, "url": service.url} for service in services]


class Caption:
    """One caption file of a guide, as the player and the API need it."""

    def __init__(self, page: "VideoGuidePage", language: str):
        self.language = language
        self.label = CAPTION_LANGUAGES[language]
        self.url = page.url + page.reverse_subpage("caption", args=[language])


class VideoGuidePage(RoutablePageMixin, Page):
    """One video guide: the player, its captions and transcript, and the e-services it explains."""

    description = models.CharField(
        _("short description"),
        max_length=300,
        help_text=_("One or two sentences under the title and in the list of guides: what the video shows."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays. Use a 16:9 image of at least 640 × 360 pixels."),
    )
    duration = models.PositiveIntegerField(
        _("duration in seconds"), validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_SECONDS)]
    )
    video_file = models.FileField(
        _("video file"),
        upload_to="help/videos/",
        blank=True,
        validators=[validate_video_file],
        help_text=_("A WebM or MP4 file of at most 200 MB. Leave empty when the video is on a video site."),
    )
    embed_url = models.URLField(
        _("address on a video site"),
        blank=True,
        validators=[validate_embed_url],
        help_text=_(
            "The address of the video on YouTube or Vimeo, when it is not uploaded here. "
            "The video site's player loads only after the reader presses play."
        ),
    )
    caption_az = models.FileField(
        _("captions in Azerbaijani"), upload_to="help/captions/", blank=True, validators=[validate_caption_file]
    )
    caption_en = models.FileField(
        _("captions in English"), upload_to="help/captions/", blank=True, validators=[validate_caption_file]
    )
    caption_ru = models.FileField(
        _("captions in Russian"), upload_to="help/captions/", blank=True, validators=[validate_caption_file]
    )
    transcript = RichTextField(
        _("transcript"),
        features=TRANSCRIPT_FEATURES,
        help_text=_("Everything the video says and shows, for readers who cannot watch or hear it."),
    )
    services = ParentalManyToManyField(
        "eservices.ServicePage",
        blank=True,
        related_name="help_guides",
        verbose_name=_("e-services"),
        help_text=_("The e-services this video explains. Their pages link to it."),
    )

    search_fields = Page.search_fields + [index.SearchField("description"), index.SearchField("transcript")]

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("video_file"), FieldPanel("embed_url"), FieldPanel("poster"), FieldPanel("duration")],
            heading=_("Video"),
        ),
        MultiFieldPanel(
            [FieldPanel("caption_az"), FieldPanel("caption_en"), FieldPanel("caption_ru")],
            heading=_("Captions (WebVTT files)"),
        ),
        FieldPanel("transcript"),
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = FaqQuestionPageForm
    parent_page_types = ["help.GuideIndexPage"]
    subpage_types = []
    template = "help/video_guide_page.html"

    api_fields = [
        APIField("description"),
        APIField("duration"),
        APIField("poster", serializer=ImageRenditionField(POSTER_FILTER)),
        APIField("video_url", serializer=serializers.ReadOnlyField()),
        APIField("video_content_type", serializer=serializers.ReadOnlyField()),
        APIField("video_size", serializer=serializers.ReadOnlyField()),
        APIField("embed_url"),
        APIField("captions", serializer=CaptionSerializer()),
        APIField("transcript", serializer=serializers.ReadOnlyField(source="transcript_html")),
        APIField("services", serializer=ServiceLinkSerializer()),
    ]

    # The site search's contract: pages that declare a kind and a text are indexed.
    site_search_kind = "guide"

    class Meta:
        verbose_name = _("video guide")

    def clean(self):
        super().clean()
        if bool(self.video_file) == bool(self.embed_url):
            message = _("Give either a video file or the address of the video on a video site: one of them, not both.")
            raise ValidationError({"video_file": message, "embed_url": message})

    # --- The video ---------------------------------------------------------------

    @property
    def video_url(self) -> str:
        return self.video_file.url if self.video_file else ""

    @property
    def video_content_type(self) -> str:
        video_format = video_format_for_name(self.video_file.name) if self.video_file else None
        return video_format.content_type if video_format else ""

    @property
    def video_format_label(self) -> str:
        video_format = video_format_for_name(self.video_file.name) if self.video_file else None
        return video_format.label if video_format else ""

    @property
    def video_size(self) -> int | None:
        """The uploaded video's size in bytes, or None when there is none or its file is missing."""
        if not self.video_file:
            return None
        try:
            return self.video_file.size
        except OSError:
            return None

    @property
    def embedded_video(self):
        return parse_video_url(self.embed_url) if self.embed_url and not self.video_file else None

    def duration_display(self) -> str:
        """Return the duration as the players show it: "4:05", or "1:02:03" from an hour up."""
        hours, rest = divmod(self.duration or 0, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"

    def duration_iso(self) -> str:
        """Return the duration in ISO 8601, for <time datetime>."""
        return f"PT{self.duration or 0}S"

    # --- Captions and transcript -----------------------------------------------------

    def caption_file(self, language: str):
        return getattr(self, f"caption_{language}", None) if language in CAPTION_LANGUAGES else None

    def captions(self) -> list[Caption]:
        """Return the guide's caption files in the order of CAPTION_LANGUAGES."""
        return [Caption(self, language) for language in CAPTION_LANGUAGES if self.caption_file(language)]

    @property
    def transcript_html(self) -> str:
        return expand_db_html(self.transcript)

    def site_search_text(self) -> str:
        """Return the plain text the site search indexes: the description and the transcript."""
        return " ".join(part for part in (self.description.strip(), plain_text(self.transcript)) if part)

    def related_services(self):
        return live_translations_of(self.services.all(), self.locale_id)

    # --- Routes --------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        context["captions"] = self.captions()
        context["default_caption_language"] = language if self.caption_file(language) else ""
        context["services"] = self.related_services()
        context["guide_index"] = self.get_parent()
        return context

    @path("")
    def guide_view(self, request):
        response = self.render(request)
        response.public_cache = not getattr(request, "is_preview", False)
        return response

    @path("altyazi/<slug:language>/", name="caption")
    def caption_view(self, request, language):
        caption = self.caption_file(language)
        if not caption:
            raise Http404
        try:
            handle = caption.open("rb")
        except OSError:
            raise Http404 from None
        return FileResponse(handle, content_type="text/vtt; charset=utf-8")
