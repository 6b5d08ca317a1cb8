"""Switch acts to the versions that take effect today. Run it daily (cron or a task scheduler)."""

from django.core.management.base import BaseCommand

from cms.legal.models import LegalAct
from cms.legal.publishing import refresh_current_version


class Command(BaseCommand):
    help = "Make each act's current version the published one in force today."

    def handle(self, *args, **options):
        changed = 0
        for act in LegalAct.objects.only("pk", "current_version_id"):
            before = act.current_version_id
            refresh_current_version(act)
            if act.current_version_id != before:
                changed += 1
                self.stdout.write(f"{act.slug}: version {before} → {act.current_version_id}")
        self.stdout.write(self.style.SUCCESS(f"{changed} acts changed their current version."))
