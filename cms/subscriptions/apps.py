from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    """E-mail subscriptions: the news, and the acts a reader follows."""

    name = "cms.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        from cms.legal.signals import act_changed
        from cms.news.signals import news_published

        from . import receivers

        news_published.connect(receivers.on_news_published, dispatch_uid="subscriptions.news_published")
        act_changed.connect(receivers.on_act_changed, dispatch_uid="subscriptions.act_changed")
