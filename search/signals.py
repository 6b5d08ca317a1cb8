"""Reindex an act after its text or status changes in the admin."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import published, unpublished

from cms.legal.models import ActVersion, LegalAct
from cms.legal.signals import act_text_imported


def _reindex_later(act_id: int) -> None:
    from .indexing import index_act

    transaction.on_commit(lambda: index_act(act_id))


def _act_changed(sender, instance, **kwargs):
    _reindex_later(instance.pk)


def _version_changed(sender, instance, **kwargs):
    _reindex_later(instance.act_id)


published.connect(_act_changed, sender=LegalAct, dispatch_uid="lawsearch_act_published")
unpublished.connect(_act_changed, sender=LegalAct, dispatch_uid="lawsearch_act_unpublished")
published.connect(_version_changed, sender=ActVersion, dispatch_uid="lawsearch_version_published")
unpublished.connect(_version_changed, sender=ActVersion, dispatch_uid="lawsearch_version_unpublished")
post_delete.connect(_version_changed, sender=ActVersion, dispatch_uid="lawsearch_version_deleted")


def _act_imported(sender, act_id, **kwargs):
    _reindex_later(act_id)


act_text_imported.connect(_act_imported, dispatch_uid="lawsearch_act_imported")
