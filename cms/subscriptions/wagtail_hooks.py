"""Subscriptions in the Wagtail admin (see admin.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import SubscriptionPermissionPolicy, SubscriptionViewSet
from .models import Subscription

# Registered before the viewset, which would otherwise create Wagtail's default policy.
register_permission_policy(Subscription, SubscriptionPermissionPolicy(Subscription))


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet()
