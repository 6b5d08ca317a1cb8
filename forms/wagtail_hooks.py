"""E-services in the Wagtail admin: the audit log's filing actions."""

from wagtail import hooks

from cms.organizations.admin.log_details import formatter_class

from .review.actions import LOG_ACTIONS


@hooks.register("register_log_actions")
def register_filing_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action)(formatter_class(label, message))
