"""Rebuild the search index from the published acts."""

import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Drop the search index and index every published act again, showing progress."

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done, total, act):
            self.stdout.write(f"[{done}/{total}] {act.slug}")

        entries = rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Search index: {entries} entries ({time.monotonic() - started:.1f} s)."))
