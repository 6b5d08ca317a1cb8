from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "cms.legal"
    label = "legal"
    verbose_name = _("Legal acts")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, published, unpublished

        from cms.pagecache import bump_generation

        from . import changes, models

        changes.connect()

        for model in (models.LegalAct, models.ActVersion, models.Provision, models.Topic):
            post_save.connect(bump_generation, sender=model, dispatch_uid=f"pagecache_save_{model.__name__}")
            post_delete.connect(bump_generation, sender=model, dispatch_uid=f"pagecache_delete_{model.__name__}")
        for signal in (page_published, page_unpublished, published, unpublished):
            signal.connect(bump_generation, dispatch_uid=f"pagecache_{id(signal)}")
