"""Parser for the plain text of Azerbaijani legal acts; no Django imports.

``parse_text(text, source)`` returns a ParsedAct (see ``structure``) or raises
ParseError. ``title_case`` turns a heading printed in capitals into title case.
"""

from .parser import parse_text
from .structure import (
    ARTICLE,
    CHAPTER,
    PART,
    POINT,
    SECTION,
    ParsedAct,
    ParsedDivision,
    ParsedNote,
    ParsedProvision,
    ParseError,
    ParseMessage,
)
from .titlecase import az_lower, az_upper, title_case

__all__ = [
    "ARTICLE",
    "CHAPTER",
    "PART",
    "POINT",
    "SECTION",
    "ParseError",
    "ParseMessage",
    "ParsedAct",
    "ParsedDivision",
    "ParsedNote",
    "ParsedProvision",
    "az_lower",
    "az_upper",
    "parse_text",
    "title_case",
]
