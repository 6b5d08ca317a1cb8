"""The unread notification count in every page's header."""


def unread_notifications(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Counted lazily: pages that never show the header pay nothing.
    from .models import Notification

    return {"unread_notifications": lambda: Notification.objects.filter(recipient=user).unread().count()}
