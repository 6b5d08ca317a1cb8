"""The help centre's pages: the index, FAQ topics, one page per question, and the contact page.

Each language tree has its own help index at the slug ``komek`` under its
home page. Translations keep the Azerbaijani page's slugs, so a question's
address differs between languages only in the language prefix.

The index and topic pages carry no forms, so they opt into the public page
cache (``cms.pagecache``). Question and contact pages carry a form with a
CSRF token, which sets a cookie. The page cache never stores such a
response, so those pages are rendered for every request. That is what lets
a question page count its views in ``serve``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from cms.organizations.validators import format_phone, normalise_phone, validate_phone

from ..panels import FeedbackPanel

INTRO_FEATURES = ["bold", "italic", "link"]
# What an answer needs: steps, lists, sub-headings, links to pages, to law articles and to documents.
ANSWER_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]

# The most useful questions on the index: those editors mark, at most this many.
MAX_FEATURED_QUESTIONS = 8
# When editors mark none, the index shows this many of the most viewed instead.
MOST_VIEWED_FALLBACK = 6


class PublicCacheMixin:
    """Let cms.pagecache store the page for anonymous readers, except previews."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.public_cache = not getattr(request, "is_preview", False)
        return response


class HelpListPage(PublicCacheMixin, Page):
    """A list page under the help index (video guides, document samples): an introduction, then its pages."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["help.HelpIndexPage"]
    max_count_per_parent = 1

    api_fields = [APIField("intro")]

    class Meta:
        abstract = True


class HelpIndexPage(PublicCacheMixin, Page):
    """The help centre's front page: topics, the most useful questions and the hotline."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["help.FaqTopicPage", "help.GuideIndexPage", "help.SampleIndexPage", "help.ContactPage"]
    max_count_per_parent = 1
    template = "help/help_index_page.html"

    class Meta:
        verbose_name = _("help centre")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = FaqTopicPage.objects.live().public().child_of(self).order_by("path")
        context["questions"] = self.most_useful_questions()
        context["contact"] = ContactPage.objects.live().public().child_of(self).first()
        context.update(self.guide_and_sample_lists())
        return context

    def guide_and_sample_lists(self) -> dict:
        """Return the live video guide and sample list pages under this index, each or None."""
        from .guides import GuideIndexPage
        from .samples import SampleIndexPage

        return {
            "guide_index": GuideIndexPage.objects.live().public().child_of(self).first(),
            "sample_index": SampleIndexPage.objects.live().public().child_of(self).first(),
        }

    def most_useful_questions(self) -> list["FaqQuestionPage"]:
        """Return the questions editors marked for the index or, when they marked none, the most viewed."""
        questions = FaqQuestionPage.objects.live().public().descendant_of(self)
        featured = list(questions.filter(show_on_help_index=True).order_by("path")[:MAX_FEATURED_QUESTIONS])
        if featured:
            return featured
        return list(
            questions.filter(view_count__views__gt=0).order_by("-view_count__views", "path")[:MOST_VIEWED_FALLBACK]
        )


class FaqTopicPage(PublicCacheMixin, Page):
    """A group of questions, such as "Account and sign-in"."""

    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("One sentence shown under the topic on the help centre's page.")
    )
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    api_fields = [APIField("summary"), APIField("intro")]
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = ["help.FaqQuestionPage"]
    template = "help/faq_topic_page.html"

    class Meta:
        verbose_name = _("FAQ topic")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["questions"] = FaqQuestionPage.objects.live().public().child_of(self).order_by("path")
        context["contact"] = ContactPage.objects.live().public().sibling_of(self, inclusive=False).first()
        return context


class FaqQuestionPageForm(WagtailAdminPageForm):
    """Offer the e-services of the question's own language, and any chosen before in another one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("services")
        if field is None:
            return
        chosen = list(self.instance.services.values_list("pk", flat=True)) if self.instance.pk else []
        locale_id = self.instance.locale_id
        if locale_id:
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen)).order_by("path")


class FaqQuestionPage(RoutablePageMixin, Page):
    """One question, with its answer, the e-services it concerns and readers' feedback.

    The title is the question. The page's own routes take the "Was this
    helpful?" votes (``rey/``) and the comment after a "no" (``rey/serh/``);
    ``help.feedback`` does the work.
    """

    answer = RichTextField(_("answer"), features=ANSWER_FEATURES)
    show_on_help_index = models.BooleanField(
        _("show on the help centre's page"),
        default=False,
        help_text=_("Lists the question among the most useful ones on the help centre's front page."),
    )
    services = ParentalManyToManyField(
        "eservices.ServicePage",
        blank=True,
        related_name="help_questions",
        verbose_name=_("e-services"),
        help_text=_("The e-services this question is about. Their pages link to it."),
    )

    search_fields = Page.search_fields + [index.SearchField("answer")]
    # Not "services": Wagtail's API would list the linked e-services whether or not they are live.
    api_fields = [APIField("answer"), APIField("show_on_help_index")]

    content_panels = Page.content_panels + [
        FieldPanel("answer"),
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("show_on_help_index"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([FeedbackPanel()], heading=_("Feedback")),
        ]
    )
    base_form_class = FaqQuestionPageForm
    # The site search indexes this page as a question and answer (search.pages).
    site_search_kind = "faq"
    parent_page_types = ["help.FaqTopicPage"]
    subpage_types = []
    template = "help/faq_question_page.html"

    class Meta:
        verbose_name = _("FAQ question")

    def answer_text(self) -> str:
        """Return the answer as plain text, for search indexes and summaries."""
        return " ".join(strip_tags(get_text_for_indexing(self.answer)).split())

    def site_search_text(self) -> str:
        """Return the text the site search indexes: the answer."""
        return self.answer_text()

    def related_services(self):
        """Return the live e-service pages this question concerns, in the question's language where one exists."""
        from forms.models import ServicePage

        # In a preview the chosen services are in memory, so read them through all().
        keys = [service.translation_key for service in self.services.all()]
        return ServicePage.objects.live().public().filter(locale_id=self.locale_id, translation_key__in=keys).order_by(
            "path"
        )

    def get_context(self, request, *args, **kwargs):
        from ..feedback import feedback_context

        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.related_services()
        context["topic"] = self.get_parent()
        context["contact"] = ContactPage.objects.live().public().sibling_of(context["topic"], inclusive=False).first()
        context.update(feedback_context(self, request))
        return context

    @path("")
    def answer_view(self, request):
        from ..feedback import count_view

        if request.method == "GET" and not getattr(request, "is_preview", False):
            count_view(self)
        return self.render(request)

    @path("rey/")
    def vote_view(self, request):
        from ..feedback import vote

        return vote(self, request)

    @path("rey/serh/")
    def comment_view(self, request):
        from ..feedback import comment

        return comment(self, request)


class ContactPage(RoutablePageMixin, Page):
    """The hotline's numbers and hours, and the form that asks the ministry to call back."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    working_hours = models.TextField(
        _("working hours"),
        help_text=_("When the hotline answers, one line per group of days, for example “Monday to Friday, 09:00–18:00”."),
    )
    callback_intro = RichTextField(
        _("introduction to the call-back form"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("Shown above the form: who calls back and when."),
    )
    confirmation_text = RichTextField(
        _("text after a call-back request"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("Shown with the reference number once someone has asked for a call back: what happens next."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [InlinePanel("phone_numbers", label=_("Phone number"), min_num=1), FieldPanel("working_hours")],
            heading=_("Hotline"),
        ),
        MultiFieldPanel([FieldPanel("callback_intro"), FieldPanel("confirmation_text")], heading=_("Call-back form")),
    ]
    api_fields = [APIField("intro"), APIField("phone_numbers"), APIField("working_hours"), APIField("callback_intro")]
    parent_page_types = ["help.HelpIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "help/contact_page.html"

    class Meta:
        verbose_name = _("contact and hotline page")

    def working_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.working_hours.splitlines() if line.strip()]

    @path("")
    def form_view(self, request):
        from ..callbacks import callback_form

        return callback_form(self, request)

    @path("qebul/")
    def confirmation_view(self, request):
        from ..callbacks import confirmation

        return confirmation(self, request)


class ContactPhone(Orderable):
    """One hotline number on the contact page."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="phone_numbers")
    label = models.CharField(_("label"), max_length=100, help_text=_("What the number is for, for example “Hotline”."))
    number = models.CharField(
        _("number"),
        max_length=20,
        help_text=_(
            "An Azerbaijani number such as +994 12 345 67 89. The numbers the site ships with "
            "(+994 12 000 00 0…) are demo placeholders: replace them with the ministry's real numbers before going live."
        ),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Optional, for example who answers or what a call costs.")
    )

    panels = [FieldPanel("label"), FieldPanel("number"), FieldPanel("note")]

    api_fields = [APIField("label"), APIField("number"), APIField("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def clean(self):
        super().clean()
        self.number = normalise_phone(self.number)
        try:
            validate_phone(self.number)
        except ValidationError as error:
            raise ValidationError({"number": error.messages}) from error

    @property
    def display_number(self) -> str:
        return format_phone(self.number)
