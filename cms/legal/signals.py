"""Signals other apps can follow without the library knowing about them."""

from django.dispatch import Signal

# Sent with ``act_id`` after the importer created, replaced or rebuilt an act's text.
act_text_imported = Signal()

# Sent with ``change`` (an ``ActChange``: a new version in force, or a new
# status) after the transaction that recorded it commits.
act_changed = Signal()
