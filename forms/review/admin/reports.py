"""Reports for the ministry: the dashboard and filing exports.

The views live in reports_dashboard.py and reports_export.py; this module
registers their URLs (namespace "filing_reports") and the "E-service
filings" item of Wagtail's "Reports" menu, which only reviewers see.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .. import access
from .reports_dashboard import ReportsView
from .reports_export import FilingExportView

URL_NAMESPACE = "filing_reports"

urlpatterns = [
    path("", ReportsView.as_view(), name="index"),
    path("export/", FilingExportView.as_view(), name="export"),
]


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_reviewer(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include((urlpatterns, URL_NAMESPACE), namespace=URL_NAMESPACE))]


@hooks.register("register_reports_menu_item")
def register_reports_menu_item():
    # Wagtail's "Reports" submenu shows itself only when one of its items is shown.
    return ReviewerMenuItem(
        _("E-service filings"), reverse(f"{URL_NAMESPACE}:index"), name="filing-reports", icon_name="table", order=50
    )
