"""Set up the site and load the shipped content. Safe to run again: it changes only what is missing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.claims.setup import ensure_claim_reviewer_group
from cms.corrections.setup import ensure_reviewer_group as ensure_correction_reviewer_group
from cms.home import setup
from cms.news.setup import ensure_news
from cms.organizations import demo
from cms.organizations.setup import ensure_officer_group
from forms import demo as demo_filings
from forms.review.setup import ensure_reviewer_groups
from forms.setup import ensure_services
from help.setup import ensure_help_centre
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Create the page tree in az/en/ru with the e-services, import the shipped legal acts and, in demo mode, the demo accounts and organizations."

    def handle(self, *args, **options):
        locales = setup.ensure_locales()
        setup.ensure_site_tree(locales)
        ensure_services()
        ensure_help_centre()
        ensure_news()
        setup.ensure_moderation_workflow()
        setup.ensure_editor_groups()
        ensure_officer_group()
        reviewers, grant_reviewers = ensure_reviewer_groups()
        correction_reviewers = ensure_correction_reviewer_group()
        claim_reviewers = ensure_claim_reviewer_group()
        call_command("import_legal_acts", stdout=self.stdout)
        if not SearchEntry.objects.exists():
            call_command("rebuild_search_index", stdout=self.stdout)

        if settings.DEMO_MODE:
            accounts = setup.ensure_demo_accounts()
            # The demo moderator also plays the ministry officer who verifies
            # organizations and restores access.
            officers = ensure_officer_group()
            moderator = get_user_model().objects.get(username=setup.DEMO_MODERATOR[0])
            officers.user_set.add(moderator)
            # ...and reviews filings of every e-service.
            reviewers.user_set.add(moderator)
            # ...and decides on members' requests to correct the ministry's data.
            correction_reviewers.user_set.add(moderator)
            # ...and approves or refuses claims on organizations from the register.
            claim_reviewers.user_set.add(moderator)
            demo_filings.ensure_demo_reviewer(grant_reviewers)
            self.stdout.write("")
            self.stdout.write(f"Admin: {settings.SITE_BASE_URL}/admin/ (demo accounts, local demo mode only)")
            for username, password, group in accounts:
                self.stdout.write(f"  {group}: {username} / {password}")
            self.stdout.write(f"  {grant_reviewers.name}: {demo_filings.DEMO_REVIEWER[0]} / {demo_filings.DEMO_REVIEWER[1]}")

            people = demo.ensure_demo_organizations()
            self.stdout.write("")
            self.stdout.write(f"Applicants: {settings.SITE_BASE_URL}/hesab/login/ (password for all: {demo.DEMO_PASSWORD})")
            for email, role, organization in people:
                self.stdout.write(f"  {email} — {role}, {organization}")
            made = demo_filings.ensure_demo_filings(moderator)
            if made:
                self.stdout.write(f"Demo filings in every status: {made}")
            register = demo.ensure_demo_register()
            counts = register.counts
            self.stdout.write(
                f"Sample register ({register.source}): {counts['added']} added, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged, {counts['rejected']} rejected (the sample has bad rows on purpose)."
            )
            self.stdout.write("E-mails the site sends (confirmation, sign-in links, invitations) are printed here.")
