"""The registry of notification kinds: the title of each and the page it links to.

Apps register their kinds at start-up. A kind turns the notification's
target into words in the active language, so the same notification reads
in Azerbaijani on one visit and in Russian on the next.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import QuerySet


@dataclass(frozen=True)
class Kind:
    name: str
    # Each of these takes the notification's target.
    title: Callable[[object], str]
    url: Callable[[object], str]
    # The e-mail: templates "<email_template>_subject.txt" and "_message.txt",
    # and their context; None when this kind is shown on the site only.
    email_template: str | None = None
    email_context: Callable[[object], dict] | None = None


_kinds: dict[str, Kind] = {}
# Per target model, the queryset that loads targets with what their titles read.
_target_querysets: dict[type, QuerySet] = {}


def register(kind: Kind) -> None:
    _kinds[kind.name] = kind


def get(name: str) -> Kind:
    return _kinds[name]


def find(name: str) -> Kind | None:
    """Return the kind registered as ``name``, or None for a kind no longer registered."""
    return _kinds.get(name)


def register_target_queryset(queryset: QuerySet) -> None:
    """Load targets of ``queryset.model`` through ``queryset`` when notifications are listed,
    so a page of titles costs one query per model rather than one per row."""
    _target_querysets[queryset.model] = queryset


def targets_prefetch():
    """Return the prefetch that loads a page of notifications' targets, for ``prefetch_related``."""
    if not _target_querysets:
        return "target"
    return GenericPrefetch("target", list(_target_querysets.values()))


def sends_email(name: str) -> bool:
    return _kinds[name].email_template is not None
