"""Signals other apps can follow without the library knowing about them."""

from django.dispatch import Signal

# Sent with ``act_id`` after the importer created, replaced or rebuilt an act's text.
act_text_imported = Signal()
