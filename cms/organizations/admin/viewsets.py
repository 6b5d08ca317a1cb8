"""The "Organizations" viewset and the permission policy it runs under."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import Organization
from .actions import RestoreAccessView, VerifyView, WithdrawVerificationView
from .common import URL_NAMESPACE
from .forms import OrganizationAdminForm
from .views import OrganizationEditView, OrganizationFilterSet, OrganizationIndexView, OrganizationInspectView


class OrganizationPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds or deletes organizations in the admin.

    Applicants create organizations through membership.create_organization,
    which makes the first owner. Deleting one would also delete its members
    and invitations, so the admin offers no way to do it, superusers included.
    """

    DISABLED_ACTIONS = frozenset({"add", "delete"})

    def user_has_permission(self, user, action):
        if action in self.DISABLED_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in self.DISABLED_ACTIONS])


class OrganizationViewSet(ModelViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "organizations"
    url_namespace = URL_NAMESPACE

    index_view_class = OrganizationIndexView
    edit_view_class = OrganizationEditView
    inspect_view_class = OrganizationInspectView
    inspect_view_enabled = True
    inspect_template_name = "organizations/admin/inspect.html"
    copy_view_enabled = False

    ordering = "name"
    filterset_class = OrganizationFilterSet
    # The index view searches with search.search_organizations; these fields
    # only switch the search box on, as Wagtail needs them to be set.
    search_fields = ["name", "voen", "registration_number"]
    search_backend_name = None
    inspect_view_fields = [
        "name",
        "legal_form",
        "voen",
        "registration_number",
        "registration_date",
        "legal_address",
        "region",
        "sphere",
        "register_status",
        "phone",
        "email",
        "created_at",
        "created_by",
    ]

    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("legal_form"),
            FieldRowPanel([FieldPanel("voen"), FieldPanel("registration_number"), FieldPanel("registration_date")]),
            FieldPanel("legal_address"),
            FieldPanel("region"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        ],
        base_form_class=OrganizationAdminForm,
    )

    def get_permissions_to_register(self):
        # Only these two do anything under OrganizationPermissionPolicy.
        content_type = ContentType.objects.get_for_model(Organization)
        return Permission.objects.filter(
            content_type=content_type, codename__in=["change_organization", "view_organization"]
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("verify/<int:pk>/", VerifyView.as_view(), name="verify"),
            path("withdraw-verification/<int:pk>/", WithdrawVerificationView.as_view(), name="withdraw_verification"),
            path("restore-access/<int:pk>/", RestoreAccessView.as_view(), name="restore_access"),
        ]
