"""Normalisation and hashing of act texts, so the same text always has the same hash."""

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    """Return ``text`` in NFC with Unix newlines, Latin ə for the Cyrillic schwa, no trailing blanks.

    Whitespace at the end of lines and of the text carries no meaning, and
    forms and editors drop or add it freely; it must not make a text count as
    changed.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("ә", "ə").replace("Ә", "Ə")
    return "\n".join(line.rstrip() for line in text.strip().split("\n")) + "\n"


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
