"""The ministry staff's side of organizations in the Wagtail admin.

This package contains Wagtail admin views only; nothing here registers with
``django.contrib.admin``. cms/organizations/wagtail_hooks.py registers it.
"""
