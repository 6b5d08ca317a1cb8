"""Import the shipped legal acts (or named files) into the library."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.legal import importing
from cms.legal.catalogue import CATALOGUE_PATH, load_catalogue, read_text
from cms.legal.parsing import ParseError, parse_text

LARGE_FILE_CHARS = 500_000


class Command(BaseCommand):
    help = (
        "Import legal acts listed in the catalogue. Texts already imported are left alone; "
        "a changed text becomes a new version of its act."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Import only these files (names as in the catalogue).")
        parser.add_argument("--catalogue", type=Path, default=CATALOGUE_PATH, help="Catalogue JSON file.")
        parser.add_argument(
            "--texts", type=Path, default=None, help="Folder with the texts (default: next to the catalogue)."
        )

    def handle(self, *args, **options):
        catalogue_path = options["catalogue"]
        texts_dir = options["texts"] or catalogue_path.parent / "acts"
        try:
            topics, entries = load_catalogue(catalogue_path)
        except (OSError, ValueError, TypeError) as error:
            raise CommandError(f"Cannot read the catalogue {catalogue_path}: {error}") from error

        entries = self.select(entries, options["files"])
        started = time.monotonic()
        work = self.parse_all(entries, texts_dir)

        importing.sync_topics(topics)
        outcomes = []
        for index, (entry, text, parsed) in enumerate(work, start=1):
            outcome = importing.import_entry(entry, text, parsed)
            outcomes.append(outcome)
            if outcome.action != importing.UNCHANGED:
                self.stdout.write(
                    f"[{index}/{len(work)}] {entry.slug}: {outcome.action}, "
                    f"{outcome.provisions} provisions, {outcome.notes} notes"
                )
            for repair in outcome.repairs:
                self.stdout.write(f"    repaired {repair}")

        self.report(outcomes, time.monotonic() - started)

    def select(self, entries, names):
        if not names:
            return entries
        by_file = {entry.file: entry for entry in entries}
        missing = [name for name in names if Path(name).name.removesuffix(".gz") not in by_file]
        if missing:
            raise CommandError(f"Not in the catalogue: {', '.join(missing)}. Add an entry to catalogue.json first.")
        return [by_file[Path(name).name.removesuffix(".gz")] for name in names]

    def parse_all(self, entries, texts_dir):
        """Read and parse every text that needs it before anything is written."""
        work, errors = [], []
        for entry in entries:
            path = entry.path(texts_dir)
            try:
                text = read_text(path)
            except (OSError, UnicodeDecodeError) as error:
                errors.append(f"{path}: cannot read the file ({error})")
                continue

            if importing.plan(entry, text) == importing.UNCHANGED:
                work.append((entry, text, None))
                continue

            if len(text) > LARGE_FILE_CHARS:
                self.stdout.write(f"Parsing {entry.file} ({len(text) / 1_000_000:.1f} M characters)…")
            try:
                work.append((entry, text, parse_text(text, source=entry.file)))
            except ParseError as error:
                errors.append(str(error))

        if errors:
            raise CommandError("Nothing was imported, because these files could not be read:\n" + "\n".join(errors))
        return work

    def report(self, outcomes, seconds):
        counts = {}
        for outcome in outcomes:
            counts[outcome.action] = counts.get(outcome.action, 0) + 1
        summary = ", ".join(f"{count} {action}" for action, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Legal acts: {summary} ({seconds:.1f} s)."))
