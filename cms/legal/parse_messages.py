"""The parser's messages in the reader's language.

The parser has no Django imports, so it gives each message a code and
parameters besides its English text; this module turns them into
translated sentences for the admin.
"""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "dot_for_hyphen": _("Article %(printed)s was read as %(number)s: the text has a dot in place of the hyphen."),
    "spaces_removed": _("Article number “%(printed)s” was read as %(number)s: the spaces were removed."),
    "superscript": _("Article %(printed)s was read as %(number)s: the raised part of the number was lost."),
    "repeated_article": _(
        "Article %(number)s appears again; this heading and its text were added to article %(previous)s."
    ),
    "repeated_number": _("Number %(number)s is used again; this part is numbered %(unique)s."),
    "section_inferred": _("The heading of section %(number)s was not found; the section was made from its points."),
    "no_points": _("No numbered points were found; the operative text is kept as point 1."),
    "empty": _("The text is empty."),
    "binary": _(
        "The file contains binary data (character U+%(character)s in column %(column)s). Upload plain text."
    ),
    "not_legal_text": _(
        "This does not look like a legal text: only %(letters)s of the first %(visible)s characters are letters."
    ),
    "no_provisions": _("No articles (Maddə N.) or numbered points were found in %(lines)s lines."),
}


def localized(message) -> str:
    """Return a ParseMessage or ParseError as a sentence in the active language."""
    template = MESSAGES.get(getattr(message, "code", ""))
    if template is None:
        return message.message
    return str(template) % message.params
