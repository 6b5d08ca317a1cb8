"""The "Filings" section of the admin: the queue, a filing's review page,
the reviewer's actions and previews of documents."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from ...models import Filing
from .action_views import AcceptView, AssignView, RejectView, ReturnView
from .common import URL_NAMESPACE
from .index import FilingIndexView
from .previews import file_preview
from .review_page import FilingReviewView


class FilingURLFinder(ModelAdminURLFinder):
    """Link a filing, in Wagtail's reports and logs, to its review page for people who may see it."""

    edit_url_name = f"{URL_NAMESPACE}:inspect"

    def get_edit_url(self, instance):
        policy = policy_registry.get(instance)
        if self.user and not policy.user_has_permission_for_instance(self.user, "view", instance):
            return None
        return self.construct_edit_url(instance)


class FilingReviewViewSet(ModelViewSet):
    model = Filing
    icon = "doc-full"
    menu_label = _("Filings")
    menu_order = 240
    add_to_admin_menu = True
    url_prefix = "filings"
    url_namespace = URL_NAMESPACE

    index_view_class = FilingIndexView
    inspect_view_class = FilingReviewView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30
    url_finder_class = FilingURLFinder

    def get_common_view_kwargs(self, **kwargs):
        # Filings are written by applicants and changed only by the review
        # actions, so the generic add, edit, delete and history views are not routed.
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
        # Only the permission to review every e-service means anything here.
        # Access to single e-services is given in the group's "E-service filings" panel.
        return Permission.objects.filter(content_type__app_label="eservices", codename="review_filing")

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/assign/", AssignView.as_view(), name="assign"),
            path("<int:pk>/accept/", AcceptView.as_view(), name="accept"),
            path("<int:pk>/return/", ReturnView.as_view(), name="return"),
            path("<int:pk>/reject/", RejectView.as_view(), name="reject"),
            path("file/<int:file_id>/", file_preview, name="file_preview"),
        ]
