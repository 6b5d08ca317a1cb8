"""The legal-acts library in the Wagtail admin: acts, versions, articles and topics."""

from django.contrib import messages
from django.db.models.signals import post_delete
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.signals import published, unpublished
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import publishing
from .admin_forms import ActVersionForm, ProvisionForm
from .models import ActVersion, LegalAct, Provision, Topic


class LegalActViewSet(SnippetViewSet):
    model = LegalAct
    icon = "doc-full"
    menu_label = gettext_lazy("Acts")
    list_display = ["title", "act_type", "number", "status", "live"]
    list_filter = ["act_type", "status", "issuing_body"]
    ordering = ["sort_order", "title"]
    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("title_ru")],
            heading=gettext_lazy("Translated titles"),
        ),
        FieldRowPanel([FieldPanel("act_type"), FieldPanel("number"), FieldPanel("issuing_body")]),
        FieldRowPanel([FieldPanel("adoption_date"), FieldPanel("effective_date"), FieldPanel("status")]),
        FieldPanel("slug"),
        FieldPanel("topics"),
        FieldPanel("source_reference"),
        MultiFieldPanel(
            [FieldPanel("completeness_note"), FieldPanel("completeness_note_en"), FieldPanel("completeness_note_ru")],
            heading=gettext_lazy("Note on completeness"),
        ),
        FieldPanel("sort_order"),
    ]


class ActVersionViewSet(SnippetViewSet):
    model = ActVersion
    icon = "history"
    menu_label = gettext_lazy("Versions")
    list_display = ["__str__", "effective_date", "live"]
    list_filter = ["act"]
    search_fields = ["act__title", "amendment_note"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("act"),
            FieldPanel("effective_date"),
            FieldPanel("amendment_note"),
            FieldPanel("text_file"),
            FieldPanel("source_text"),
        ],
        base_form_class=ActVersionForm,
    )


class ProvisionViewSet(SnippetViewSet):
    model = Provision
    icon = "list-ol"
    menu_label = gettext_lazy("Articles")
    list_display = ["__str__", "version"]
    list_filter = ["version__act"]
    search_fields = ["number", "title"]
    search_backend_name = None
    edit_handler = ObjectList(
        [FieldPanel("draft_version"), FieldPanel("new_number"), FieldPanel("title"), FieldPanel("text")],
        base_form_class=ProvisionForm,
    )

    def get_queryset(self, request):
        return Provision.objects.select_related("version", "version__act")


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = gettext_lazy("Topics")
    list_display = ["name", "name_en", "name_ru", "slug"]
    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("name_ru"), FieldPanel("slug")]


class LegalLibraryGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Legal acts")
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (LegalActViewSet, ActVersionViewSet, ProvisionViewSet, TopicViewSet)


register_snippet(LegalLibraryGroup)


def new_version_view(request, version_id):
    """Confirm (GET) and create (POST) a draft version copied from ``version_id``."""
    version = get_object_or_404(ActVersion.objects.select_related("act"), pk=version_id)
    if not request.user.has_perm("legal.add_actversion"):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(request, "legal/admin/confirm_new_version.html", {"version": version})

    draft = publishing.copy_as_draft(version, user=request.user)
    messages.success(
        request,
        _("A draft version of “%(act)s” was created. Edit its articles, set the effective date and publish it.")
        % {"act": version.act},
    )
    return redirect(reverse("wagtailsnippets_legal_actversion:edit", args=[draft.pk]))


@hooks.register("register_admin_urls")
def register_legal_admin_urls():
    return [path("legal/versions/<int:version_id>/new-version/", new_version_view, name="legal_new_version")]


@hooks.register("register_snippet_listing_buttons")
def version_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, ActVersion) and user.has_perm("legal.add_actversion"):
        yield ListingButton(
            _("Start a new version from this one"),
            reverse("legal_new_version", args=[snippet.pk]),
            priority=50,
        )


@hooks.register("before_delete_snippet")
def block_deletion_of_published_text(request, instances):
    """Only drafts lose articles or versions; a moderator may still delete a whole published version."""
    for instance in instances:
        published_article = isinstance(instance, Provision) and instance.version.live
        published_version = isinstance(instance, ActVersion) and instance.live
        if published_article or (published_version and not request.user.has_perm("legal.publish_actversion")):
            messages.error(request, _("Published text cannot be deleted. Start a new version and change that instead."))
            return redirect(reverse("wagtailsnippets_legal_actversion:list"))
    return None


@hooks.register("before_edit_snippet")
def block_edits_of_published_articles(request, instance):
    """Published text changes only through a new version, so its history stays intact."""
    if isinstance(instance, Provision) and instance.version.live:
        messages.warning(
            request,
            _(
                "This article belongs to a published version. To amend it, open the act's current version "
                "and choose “Start a new version from this one”, then edit the article in the draft."
            ),
        )
        return redirect(reverse("wagtailsnippets_legal_actversion:list"))
    return None


def _version_published(sender, instance, **kwargs):
    publishing.on_version_published(instance)


def _version_unpublished_or_deleted(sender, instance, **kwargs):
    publishing.on_version_unpublished(instance)


def _act_published(sender, instance, **kwargs):
    publishing.refresh_current_version(instance)


published.connect(_version_published, sender=ActVersion, dispatch_uid="legal_version_published")
unpublished.connect(_version_unpublished_or_deleted, sender=ActVersion, dispatch_uid="legal_version_unpublished")
post_delete.connect(_version_unpublished_or_deleted, sender=ActVersion, dispatch_uid="legal_version_deleted")
published.connect(_act_published, sender=LegalAct, dispatch_uid="legal_act_published")
