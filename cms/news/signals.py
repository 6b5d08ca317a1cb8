"""Signals other apps can follow without the news app knowing about them."""

from django.dispatch import Signal

# Sent with ``page`` (the specific news page) after the transaction that first
# published it commits. Republishing an edited item does not send it again.
news_published = Signal()
