"""Normalisation and hashing of act texts, so the same text always has the same hash."""

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, and Latin ə for the Cyrillic schwa that official texts sometimes carry."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("ә", "ə").replace("Ә", "Ə")


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
