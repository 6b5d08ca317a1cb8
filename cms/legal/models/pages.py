"""The Wagtail page that presents the legal-acts library.

One routable page per language serves the list, each act, its divisions,
articles, versions and print view. The acts themselves are data (see
``cms.legal.models``), so editors never create a page per article.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import browse
from ..filters import ActFilterForm
from .acts import LegalAct

PROVISION_SLUG = r"(?P<provision_slug>(?:madde|bend)-[0-9a-z-]+)"
ACT_SLUG = r"(?P<act_slug>[-a-z0-9]+)"
DIVISION_SLUG = r"(?P<division_slug>(?:bolme|fesil|hisse)-[0-9a-z-]+)"
VERSION = r"versiya-(?P<version_id>[0-9]+)"
ACTS_PER_PAGE = 20


class LegalActIndexPage(RoutablePageMixin, Page):
    """The library: list of acts, and every act, division and article below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("legal-acts library")

    def render_legal(self, request, template, context):
        context = {**self.get_context(request), **context}
        response = TemplateResponse(request, template, context)
        # Public legal pages are the same for every anonymous reader, but the
        # admin's preview must never be stored.
        response.public_cache = not getattr(request, "is_preview", False)
        return response

    @path("")
    def act_list(self, request):
        form = ActFilterForm(request.GET or None)
        acts = LegalAct.objects.public().prefetch_related("topics")
        if form.is_bound and form.is_valid():
            acts = form.filter(acts)
        elif form.is_bound:
            acts = acts.none()

        page = Paginator(acts, ACTS_PER_PAGE).get_page(request.GET.get("page"))
        return self.render_legal(request, "legal/act_list.html", {"filter_form": form, "acts_page": page})

    # Defined before the act routes, which would take "deyisiklikler" for an act's address.
    # TODO: LegalAct.clean() does not reserve the slug "deyisiklikler", so an act given it would be unreachable.
    @path("deyisiklikler/")
    def change_list(self, request):
        from ..change_views import change_list

        return change_list(self, request)

    @path("deyisiklikler/atom/")
    def change_atom_feed(self, request):
        from ..change_views import change_feed

        return change_feed(self, request, "atom")

    @path("deyisiklikler/rss/")
    def change_rss_feed(self, request):
        from ..change_views import change_feed

        return change_feed(self, request, "rss")

    @re_path(rf"^{ACT_SLUG}/$")
    def act_detail(self, request, act_slug, version_id=None):
        act, version = browse.get_act_and_version(act_slug, version_id)
        inline = version.provisions.count() <= browse.INLINE_TOC_LIMIT
        toc, loose = browse.table_of_contents(version, with_provisions=inline)
        context = {"act": act, "version": version, "toc": toc, "loose_provisions": loose, "toc_inline": inline}
        return self.render_legal(request, "legal/act_detail.html", context)

    @re_path(rf"^{ACT_SLUG}/{VERSION}/$")
    def version_detail(self, request, act_slug, version_id):
        return self.act_detail(request, act_slug, version_id)

    @re_path(rf"^{ACT_SLUG}/(?:{VERSION}/)?{DIVISION_SLUG}/$")
    def division_detail(self, request, act_slug, division_slug, version_id=None):
        act, version = browse.get_act_and_version(act_slug, version_id)
        division = browse.get_division(version, division_slug)
        children, provisions = browse.division_contents(division)
        context = {
            "act": act,
            "version": version,
            "division": division,
            "trail": browse.division_trail(division),
            "children": children,
            "provisions": provisions,
        }
        return self.render_legal(request, "legal/division_detail.html", context)

    @re_path(rf"^{ACT_SLUG}/(?:{VERSION}/)?{PROVISION_SLUG}/$")
    def provision_detail(self, request, act_slug, provision_slug, version_id=None):
        act, version = browse.get_act_and_version(act_slug, version_id)
        provision = browse.get_provision(version, provision_slug)
        previous, following = browse.neighbours(provision)
        context = {
            "act": act,
            "version": version,
            "provision": provision,
            "previous": previous,
            "next": following,
            "trail": browse.division_trail(provision.division),
        }
        return self.render_legal(request, "legal/provision_detail.html", context)

    @re_path(rf"^{ACT_SLUG}/versiyalar/$")
    def version_list(self, request, act_slug):
        act = browse.get_public_act(act_slug)
        versions = act.versions.filter(live=True).order_by("-effective_date", "-pk")
        context = {"act": act, "version": act.current_version, "versions": versions}
        return self.render_legal(request, "legal/version_list.html", context)

    @re_path(rf"^{ACT_SLUG}/(?:{VERSION}/)?yekun/$")
    def closing_view(self, request, act_slug, version_id=None):
        """Text after the last article (transitional provisions, annexes, signature) and the sources."""
        act, version = browse.get_act_and_version(act_slug, version_id)
        context = {"act": act, "version": version, "act_notes": version.act_notes.order_by("number")}
        return self.render_legal(request, "legal/closing.html", context)

    @re_path(rf"^{ACT_SLUG}/(?:{VERSION}/)?cap/$")
    def print_view(self, request, act_slug, version_id=None):
        act, version = browse.get_act_and_version(act_slug, version_id)
        provisions = version.provisions.select_related("division").order_by("position")
        return self.render_legal(request, "legal/print.html", {"act": act, "version": version, "provisions": provisions})
