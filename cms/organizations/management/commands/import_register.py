"""Import the ministry's register of CSOs from a CSV or XLSX file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.organizations.register_import import RegisterFileError, import_register


class Command(BaseCommand):
    help = (
        "Import the ministry's register of CSOs (CSV or XLSX). New organizations are added and unclaimed ones "
        "updated; organizations with members are left as they are. Rejected rows are listed and do not stop "
        "the import."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Register file, .csv (UTF-8) or .xlsx.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every row and print the report, then roll back so that nothing is saved.",
        )

    def handle(self, *args, **options):
        try:
            report = import_register(options["file"], dry_run=options["dry_run"])
        except RegisterFileError as error:
            raise CommandError(str(error)) from error

        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing was saved."))

        counts = report.counts
        self.stdout.write(
            _(
                "%(file)s: %(added)s added, %(updated)s updated, %(unchanged)s unchanged, "
                "%(skipped)s skipped, %(rejected)s rejected."
            )
            % {"file": report.source, **counts}
        )
        for outcome in sorted(report.skipped + report.rejected, key=lambda outcome: outcome.line):
            self.stdout.write(_("line %(line)s: %(reason)s") % {"line": outcome.line, "reason": outcome.reason})
