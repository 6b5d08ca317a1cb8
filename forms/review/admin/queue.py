"""The review queue and a filing's review page in the Wagtail admin."""
