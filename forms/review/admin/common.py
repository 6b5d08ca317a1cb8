"""Addresses and labels that the review views in the admin share."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, ngettext

from cms.organizations.admin.common import person_label

from ...models import Filing

URL_NAMESPACE = "filing_review"

# forms/review/admin/reports.py registers the export of the queue under this name.
EXPORT_URL_NAME = "filing_reports:export"
EXPORT_FORMATS = ("csv", "xlsx")

__all__ = ["URL_NAMESPACE", "admin_url", "deadline_text", "export_urls", "person_label", "service_title"]


def admin_url(view_name: str, *args) -> str:
    """Return the address of a review view; pass a Filing, a FilingFile or a pk as arguments."""
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=[getattr(arg, "pk", arg) for arg in args])


def export_urls(query) -> dict[str, str]:
    """Return the export address for each format with the queue's filters in ``query``, or {} without exports."""
    try:
        base = reverse(EXPORT_URL_NAME)
    except NoReverseMatch:
        return {}

    urls = {}
    for file_format in EXPORT_FORMATS:
        parameters = query.copy()
        # The page number of the listing means nothing to an export of every row.
        parameters.pop("p", None)
        parameters["format"] = file_format
        urls[file_format] = f"{base}?{parameters.urlencode()}"
    return urls


def service_title(filing: Filing) -> str:
    """Return the service's title in the reader's language when that translation is published."""
    return filing.page.localized.title


def deadline_text(filing: Filing) -> str:
    """Describe the time left for the ministry's decision, such as "3 days left" or "Overdue by 2 days"."""
    days = filing.days_left()
    if days is None:
        return ""
    if days < 0:
        return ngettext("Overdue by %(days)d day", "Overdue by %(days)d days", -days) % {"days": -days}
    if days == 0:
        return gettext("Due today")
    return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}
