from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "cms.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import CollectionViewRestriction, PageViewRestriction, Site
        from wagtail.signals import post_page_move

        from cms.pagecache import bump_generation_after_commit

        # A page made private, a page moved or a site's address changed would
        # otherwise stay in the anonymous page cache as it was.
        for model in (PageViewRestriction, CollectionViewRestriction, Site):
            name = model.__name__
            post_save.connect(bump_generation_after_commit, sender=model, dispatch_uid=f"pagecache_save_{name}")
            post_delete.connect(bump_generation_after_commit, sender=model, dispatch_uid=f"pagecache_delete_{name}")
        post_page_move.connect(bump_generation_after_commit, dispatch_uid="pagecache_page_move")
