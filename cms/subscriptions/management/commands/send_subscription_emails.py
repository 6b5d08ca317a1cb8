from django.core.management.base import BaseCommand

from cms.subscriptions.sending import sweep


class Command(BaseCommand):
    help = (
        "Send every subscription e-mail that is due and delete subscriptions left unconfirmed for 7 days. "
        "Run it from cron, for example hourly, beside the worker."
    )

    def handle(self, *args, **options):
        outcomes = sweep()
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(outcomes.items()))
        self.stdout.write(summary)
