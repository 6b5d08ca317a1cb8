from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page of one language tree."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["legal.LegalActIndexPage", "eservices.ServiceIndexPage", "help.HelpIndexPage", "news.NewsIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.public_cache = not getattr(request, "is_preview", False)
        return response

    def get_context(self, request, *args, **kwargs):
        from cms.legal.models import LegalAct
        from cms.legal.models import LegalActIndexPage

        from .front import front_page_sections

        context = super().get_context(request, *args, **kwargs)
        context["library"] = LegalActIndexPage.objects.live().child_of(self).first()
        context["featured_acts"] = LegalAct.objects.public()[:6]
        context.update(front_page_sections(self))
        return context
