"""Rebuild the search index from the published acts and the help and news pages."""

import time

from django.core.management.base import BaseCommand

from search import pages
from search.indexing import rebuild


class Command(BaseCommand):
    help = "Drop the search index and index every published act and every live help and news page again, showing progress."

    def handle(self, *args, **options):
        started = time.monotonic()

        def act_progress(done, total, act):
            self.stdout.write(f"[{done}/{total}] {act.slug}")

        def page_progress(done, total, page):
            self.stdout.write(f"[{done}/{total}] {page.url_path}")

        entries = rebuild(progress=act_progress)
        page_entries = pages.rebuild(progress=page_progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index: {entries} entries, {page_entries} help and news pages "
                f"({time.monotonic() - started:.1f} s)."
            )
        )
