"""Names for form fields, made from the labels editors type.

A field's name is the key of its answer in every filing, so it must be
readable in exports and the API, safe in HTML and JSON, short enough for the
database column, unique within its form, and never change once people have
answered. Wagtail's own helper escapes every non-ASCII letter
(``Təşkilatın adı`` → ``tu0259skilatu0131n_adu0131``), which fails all but
the last of these for Azerbaijani and Russian labels.
"""

from cms.aztext import slugify

MAX_LENGTH = 60
FALLBACK = "field"

_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "ғ": "g", "ҹ": "c", "ј": "y", "һ": "h", "ү": "u", "ө": "o", "ҝ": "g", "ы": "y",
    }
)


def base_name(label: str) -> str:
    """``Təşkilatın adı`` → ``teskilatin_adi``; ``Дата договора`` → ``data_dogovora``."""
    text = label.lower().translate(_CYRILLIC)
    name = slugify(text, max_length=MAX_LENGTH, separator="_")
    if not name:
        return FALLBACK
    if name[0].isdigit():
        # Names start with a letter so they work as HTML ids and template variables.
        name = f"{FALLBACK}_{name}"[:MAX_LENGTH].rstrip("_")
    return name


def unique_name(label: str, taken: set[str]) -> str:
    """Return a name for ``label`` that is not in ``taken``: ``seher``, then ``seher_2``…"""
    name = base_name(label)
    if name not in taken:
        return name

    number = 2
    while True:
        suffix = f"_{number}"
        candidate = name[: MAX_LENGTH - len(suffix)].rstrip("_") + suffix
        if candidate not in taken:
            return candidate
        number += 1
