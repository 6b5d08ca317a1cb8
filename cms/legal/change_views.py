"""The public list of changes to legislation and its Atom and RSS feeds, routes of the library page.

Newest recorded first. Each entry links to the act and, for a new wording,
to that version's page (the act's own address while it is current).
"""

from django.core.paginator import Paginator
from django.utils import translation
from django.utils.translation import gettext as _

from . import links
from .models import ActChange, ChangeKind

CHANGES_PER_PAGE = 20


def public_changes():
    return ActChange.objects.public().select_related("act", "version")


def describe(change: ActChange) -> str:
    """Return one plain-text sentence for a feed entry, in the active language."""
    if change.kind == ChangeKind.STATUS:
        return _("Status changed from “%(old)s” to “%(new)s” on %(date)s.") % {
            "old": change.get_old_status_display(),
            "new": change.get_new_status_display(),
            "date": change.date.strftime("%d.%m.%Y"),
        }
    if change.kind == ChangeKind.ADDED:
        return _("Added to the library. Text in force from %(date)s.") % {"date": change.date.strftime("%d.%m.%Y")}
    return _("New wording in force from %(date)s.") % {"date": change.date.strftime("%d.%m.%Y")}


def change_url(library_url: str, change: ActChange) -> str:
    """Return the version's page for a new wording, else the act's page."""
    version = change.version if change.kind != ChangeKind.STATUS else None
    return links.act_url(library_url, change.act, version)


def change_list(library, request):
    page = Paginator(public_changes(), CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    return library.render_legal(request, "legal/change_list.html", {"changes_page": page})


def change_feed(library, request, kind: str):
    from cms.news.feeds import FEED_ITEMS, FeedItem, feed_response

    library_url = library.get_url(request)
    items = [
        FeedItem(
            title=f"{change.act.localized_title}: {change.get_kind_display()}",
            link=request.build_absolute_uri(change_url(library_url, change)),
            summary=describe(change),
            published=change.recorded_at,
            categories=[str(change.get_kind_display())],
        )
        for change in public_changes()[:FEED_ITEMS]
    ]
    list_url = library.reverse_subpage("change_list")
    return feed_response(
        kind,
        title=_("Changes to legislation"),
        link=request.build_absolute_uri(library_url + list_url),
        feed_url=request.build_absolute_uri(request.path),
        description=_("New wordings and changes of status of the acts in the library"),
        language=translation.get_language() or "az",
        items=items,
    )
