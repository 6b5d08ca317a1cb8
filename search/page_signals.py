"""Keep the help and news entries current as editors publish, unpublish, move, restrict and delete pages.

Each change is indexed after its transaction commits, so a rolled-back
publish leaves the index alone. The callbacks use on_commit(robust=True), so
Django logs an error while indexing instead of failing the editor's request,
and ``manage.py rebuild_search_index`` repairs what it missed.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import PageEntry
from .pages import implementers, index_page, index_subtree


def _is_indexed_type(page) -> bool:
    return isinstance(page, tuple(implementers()))


def _page_changed(sender, instance, **kwargs):
    if _is_indexed_type(instance):
        transaction.on_commit(partial(index_page, instance.pk), robust=True)


def _page_deleted(sender, instance, **kwargs):
    # The foreign key's cascade already removes the entry with the page. This
    # receiver states the rule here, beside the other ways a page leaves the site.
    page_id = instance.pk
    transaction.on_commit(lambda: PageEntry.objects.filter(page_id=page_id).delete(), robust=True)


def _page_moved(sender, instance, **kwargs):
    # A move can put pages under a view restriction or take them out of one.
    transaction.on_commit(partial(index_subtree, instance.pk), robust=True)


def _restriction_changed(sender, instance, **kwargs):
    transaction.on_commit(partial(index_subtree, instance.page_id), robust=True)


page_published.connect(_page_changed, dispatch_uid="lawsearch_page_published")
page_unpublished.connect(_page_changed, dispatch_uid="lawsearch_page_unpublished")
post_page_move.connect(_page_moved, dispatch_uid="lawsearch_page_moved")
# One receiver per implementer: a receiver without a sender would make Django
# send post_delete for every model, which turns its fast bulk deletes (such
# as the law index's) into row-by-row ones.
for _model in implementers():
    post_delete.connect(_page_deleted, sender=_model, dispatch_uid=f"lawsearch_page_deleted_{_model._meta.label_lower}")
post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="lawsearch_restriction_saved")
post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="lawsearch_restriction_deleted")
