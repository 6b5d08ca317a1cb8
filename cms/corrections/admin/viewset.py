"""The "Correction requests" section of the admin: the queue, a request's review page, decisions and evidence."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import CorrectionRequest
from .filters import CorrectionFilterSet
from .views import (
    URL_NAMESPACE,
    AcceptView,
    CorrectionIndexView,
    CorrectionReviewView,
    RejectView,
    evidence_download,
    evidence_preview,
)


class CorrectionReviewViewSet(ModelViewSet):
    model = CorrectionRequest
    icon = "edit"
    menu_label = _("Correction requests")
    menu_order = 245
    add_to_admin_menu = True
    url_prefix = "corrections"
    url_namespace = URL_NAMESPACE

    index_view_class = CorrectionIndexView
    inspect_view_class = CorrectionReviewView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = CorrectionFilterSet
    list_per_page = 30

    def get_common_view_kwargs(self, **kwargs):
        # Members write requests and staff only decide on them, so the
        # generic add, edit, delete and history views are not routed.
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
        return Permission.objects.filter(content_type__app_label="corrections", codename="review_correction")

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/accept/", AcceptView.as_view(), name="accept"),
            path("<int:pk>/reject/", RejectView.as_view(), name="reject"),
            path("evidence/<int:evidence_id>/", evidence_preview, name="evidence_preview"),
            path("evidence/<int:evidence_id>/download/", evidence_download, name="evidence_download"),
        ]
