"""The ministry's review of filings in the Wagtail admin: the queue and a
filing's page with its actions (queue.py), and reports with exports
(reports.py). forms/wagtail_hooks.py imports both so their hooks register."""
