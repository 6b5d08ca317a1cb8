"""The "Organization claims" section of the admin: the queue, a claim's
review page, the approve and refuse forms, and the documents."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Claim
from .action_views import ApproveView, RefuseView
from .common import URL_NAMESPACE
from .files import file_download, file_preview
from .index import ClaimIndexView
from .policy import CODENAME
from .review_page import ClaimReviewView


class ClaimReviewViewSet(ModelViewSet):
    model = Claim
    icon = "user"
    menu_label = _("Organization claims")
    menu_order = 255
    add_to_admin_menu = True
    url_prefix = "claims"
    url_namespace = URL_NAMESPACE

    index_view_class = ClaimIndexView
    inspect_view_class = ClaimReviewView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30

    def get_common_view_kwargs(self, **kwargs):
        # Claimants write claims and staff change them only by approving or
        # refusing, so the generic add, edit, delete and history views are not routed.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_permissions_to_register(self):
        return Permission.objects.filter(content_type__app_label="claims", codename=CODENAME)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/approve/", ApproveView.as_view(), name="approve"),
            path("<int:pk>/refuse/", RefuseView.as_view(), name="refuse"),
            path("file/<int:file_id>/", file_preview, name="file_preview"),
            path("file/<int:file_id>/download/", file_download, name="file_download"),
        ]
