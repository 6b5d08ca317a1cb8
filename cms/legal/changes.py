"""Record changes to legislation as ``ActChange`` rows and announce them with ``act_changed``.

What counts as a change readers hear about:

- a newer version becomes an act's current one (an amendment is published, or
  a published future version takes effect): kind *new version*. Going back to
  an older version because the newer one was unpublished or deleted is an
  editorial correction, not news, and records nothing;
- an editor publishes the first version of an act that had none: *added*;
- a published act's status changes (in force → repealed…): *status*.

The importer's first import of an act records nothing: the shipped corpus is
the library's starting state, and hundreds of "added" rows would bury the
real changes. A newer text of an act it already has is a real amendment and
is recorded like one published in the admin.

``act_changed`` is sent with ``change`` after the transaction commits, so
receivers (e-mail subscriptions) never see a change that was rolled back.
"""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from .models import ActChange, ActVersion, ChangeKind, LegalAct
from .signals import act_changed

logger = logging.getLogger(__name__)

# Set on a LegalAct by pre_save: its status in the database before this save.
STATUS_BEFORE_SAVE = "_status_before_save"


def current_version_changed(act: LegalAct, old_id: int | None, new_id: int | None, *, by_editor: bool = False):
    """Record the move of ``act``'s current version from ``old_id`` to ``new_id``, when it is news.

    ``by_editor`` is true when an editor published a version in the admin. Only
    then does an act's first version count as "added" (see the module docstring).
    """
    if new_id is None or old_id == new_id:
        return None
    versions = {version.pk: version for version in ActVersion.objects.filter(pk__in=[old_id, new_id]).only("pk", "effective_date")}
    new = versions.get(new_id)
    if new is None:
        return None
    old = versions.get(old_id) if old_id is not None else None
    if old is None:
        if not by_editor:
            return None
        kind = ChangeKind.ADDED
    elif _order_key(new) > _order_key(old):
        kind = ChangeKind.NEW_VERSION
    else:
        return None
    return record(act, kind, date=new.effective_date or timezone.localdate(), version_id=new.pk)


def _order_key(version: ActVersion) -> tuple[datetime.date, int]:
    return (version.effective_date or datetime.date.min, version.pk)


def record(act: LegalAct, kind: str, *, date: datetime.date, version_id=None, old_status="", new_status="") -> ActChange:
    """Write one change and send ``act_changed`` for it once the transaction commits."""
    change = ActChange.objects.create(
        act=act, kind=kind, date=date, version_id=version_id, old_status=old_status, new_status=new_status
    )
    logger.info("Recorded a change to act %s: %s", act.pk, kind)
    transaction.on_commit(partial(_announce, change))
    return change


def _announce(change: ActChange) -> None:
    # A failing receiver (say, the mail queue) must not turn a committed publication into an error page.
    for receiver, result in act_changed.send_robust(sender=ActChange, change=change):
        if isinstance(result, Exception):
            logger.error("A receiver of act_changed failed for change %s: %r", change.pk, result, exc_info=result)


def _remember_status(sender, instance: LegalAct, raw=False, update_fields=None, **kwargs):
    """Store the act's status in the database before a save that may change it."""
    if raw or instance.pk is None:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    before = LegalAct.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    setattr(instance, STATUS_BEFORE_SAVE, before)


def _record_status_change(sender, instance: LegalAct, created=False, raw=False, **kwargs):
    before = instance.__dict__.pop(STATUS_BEFORE_SAVE, None)
    if raw or created or before is None or before == instance.status or not instance.live:
        return
    record(
        instance,
        ChangeKind.STATUS,
        date=timezone.localdate(),
        version_id=instance.current_version_id,
        old_status=before,
        new_status=instance.status,
    )


def connect() -> None:
    """Follow saves of acts, so a status change is recorded however it is made (publishing a revision or a save)."""
    pre_save.connect(_remember_status, sender=LegalAct, dispatch_uid="legal_changes_remember_status")
    post_save.connect(_record_status_change, sender=LegalAct, dispatch_uid="legal_changes_record_status")
