"""A notification as the site and the API show it: title and link in the reader's language.

The target may be gone (a deleted object), or the kind may be no longer
registered. Such a notification still shows, with a neutral title and no link.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import kinds
from .models import Notification

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShownNotification:
    notification: Notification
    title: str
    # A path on this site, or None when there is nothing left to open.
    url: str | None

    @property
    def pk(self) -> int:
        return self.notification.pk

    @property
    def is_unread(self) -> bool:
        return self.notification.read_at is None

    @property
    def created_at(self):
        return self.notification.created_at


def unavailable_title() -> str:
    return _("This notification is about something that is no longer available.")


def describe(notification: Notification) -> ShownNotification:
    """Build the title and link of ``notification`` in the active language."""
    try:
        kind = kinds.get(notification.kind)
        target = notification.target
        if target is None:
            return ShownNotification(notification, unavailable_title(), None)
        title = kind.title(target)
        url = kind.url(target)
    except (LookupError, ObjectDoesNotExist) as error:
        # LookupError: a kind that is no longer registered; ObjectDoesNotExist:
        # an object the target points to, such as a filing's page, was deleted.
        logger.warning("Notification %s cannot be shown: %r", notification.pk, error)
        return ShownNotification(notification, unavailable_title(), None)

    # Kinds build their own paths; anything that would leave the site is dropped.
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        logger.warning("Notification %s has a link off the site: %r", notification.pk, url)
        url = None
    return ShownNotification(notification, title, url)


def describe_all(notifications) -> list[ShownNotification]:
    return [describe(notification) for notification in notifications]
