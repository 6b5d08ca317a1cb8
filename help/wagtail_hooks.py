"""The help centre in the admin: the call-back queue, and the answers report in the "Reports" menu."""

from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .admin.callbacks import CallbackRequestPermissionPolicy, CallbackRequestViewSet
from .admin.feedback import (
    LEAST_HELPFUL,
    MOST_VIEWED,
    URL_NAMESPACE,
    AnswerFeedbackReportView,
    AnswerFeedbackView,
    can_view_feedback,
)
from .models import CallbackRequest

# Registered before the viewset, which would otherwise create Wagtail's default policy.
register_permission_policy(CallbackRequest, CallbackRequestPermissionPolicy(CallbackRequest))

feedback_urlpatterns = [
    path("", AnswerFeedbackReportView.as_view(), name="index"),
    path("results/", AnswerFeedbackReportView.as_view(results_only=True), name="results"),
    path("<int:page_id>/", AnswerFeedbackView.as_view(), name="answer"),
]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_feedback(request.user)


@hooks.register("register_admin_viewset")
def register_callback_viewset():
    return CallbackRequestViewSet()


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [path("help-feedback/", include((feedback_urlpatterns, URL_NAMESPACE), namespace=URL_NAMESPACE))]


def _report_url(ordering: str) -> str:
    return f"{reverse(f'{URL_NAMESPACE}:index')}?{urlencode({'ordering': ordering})}"


@hooks.register("register_reports_menu_item")
def register_most_viewed_report():
    return FeedbackMenuItem(
        _("Most viewed answers"), _report_url(MOST_VIEWED), name="help-most-viewed", icon_name="view", order=60
    )


@hooks.register("register_reports_menu_item")
def register_least_helpful_report():
    return FeedbackMenuItem(
        _("Least helpful answers"), _report_url(LEAST_HELPFUL), name="help-least-helpful", icon_name="help", order=61
    )
