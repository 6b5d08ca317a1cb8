"""The signed-in person's notifications: the list, opening one, and marking all as read.

Opening a notification is a plain link (GET) that marks it read and
redirects to what it is about. A GET that changes state is acceptable here
because the change is harmless and idempotent: it only marks the person's
own notification as read, so a forged link cannot do more than that. The
list stays usable without JavaScript, and links open in new tabs as usual.
Marking all as read is a POST with a CSRF token, because it changes every
notification at once.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from . import kinds
from .display import describe, describe_all
from .models import Notification

PER_PAGE = 20


@login_required
@require_safe
def notification_list(request):
    notifications = Notification.objects.filter(recipient=request.user).prefetch_related(kinds.targets_prefetch())
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "notifications_page": page,
        "shown_notifications": describe_all(page.object_list),
        "has_unread": Notification.objects.filter(recipient=request.user).unread().exists(),
    }
    return render(request, "notifications/list.html", context)


@login_required
@require_safe
def open_notification(request, notification_id: int):
    """Mark one of the person's notifications as read and go to what it is about."""
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at=None).update(read_at=timezone.now())

    shown = describe(notification)
    if shown.url is None:
        messages.info(request, shown.title)
        return redirect("notifications:list")
    return redirect(shown.url)


@login_required
@require_POST
def mark_all_read(request):
    count = Notification.objects.filter(recipient=request.user).unread().update(read_at=timezone.now())
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")
