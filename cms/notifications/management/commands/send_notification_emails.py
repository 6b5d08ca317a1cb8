from django.core.management.base import BaseCommand

from cms.notifications.delivery import send_due


class Command(BaseCommand):
    help = "Send every notification e-mail that is due now. Run it from cron as a safety net beside the worker."

    def handle(self, *args, **options):
        outcomes = send_due()
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(outcomes.items())) or "nothing due"
        self.stdout.write(summary)
