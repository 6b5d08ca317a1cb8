"""E-services in the Wagtail admin: the audit log's filing actions, and the
review queue and reports, whose modules register their own hooks."""

from wagtail import hooks

from .models import ServicePage
from .review.actions import LOG_ACTIONS
from .review.admin import queue, reports  # noqa: F401  (imported for their hooks)
from .review.log_details import formatter_class


@hooks.register("register_log_actions")
def register_filing_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action)(formatter_class(label, message))


@hooks.register("filter_form_submissions_for_user")
def hide_services_from_form_submissions(user, editable_forms):
    """Leave e-services out of Wagtail's "Forms" list: their filings are not
    form submissions, and reviewers read them under "Filings"."""
    return editable_forms.not_type(ServicePage)
