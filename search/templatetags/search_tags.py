"""Template filters of the search results page."""

from django import template

from ..pages import KINDS

register = template.Library()


@register.filter
def page_kind_label(kind: str) -> str:
    """Return the label of one help or news hit's kind, such as "Video guide", in the active language."""
    return str(KINDS[kind][1]) if kind in KINDS else ""
