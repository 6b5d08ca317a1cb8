"""Notifications in the Wagtail admin: e-mail deliveries staff watch and retry."""
