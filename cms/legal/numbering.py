"""Checks on the numbering of a parsed act, shown to editors before they publish.

Gaps are common in consolidated texts (repealed articles are dropped), so
these are things to check, not errors.
"""

from django.utils.translation import gettext as _

from .parsing import ARTICLE, ParseMessage


def _base_number(number: str) -> int | None:
    head = number.split("-")[0].split(".")[0].split(" ")[0]
    return int(head) if head.isdigit() else None


def numbering_problems(parsed) -> list[ParseMessage]:
    """Return a message for each article number that is out of order or leaves a gap."""
    problems = []
    previous = None
    for provision in parsed.provisions:
        if provision.kind != ARTICLE:
            continue
        current = _base_number(provision.number)
        if current is None:
            continue
        if previous is not None and current < previous:
            problems.append(
                ParseMessage(
                    provision.line,
                    _("Article %(number)s comes after article %(previous)s: check the order.")
                    % {"number": provision.number, "previous": previous},
                )
            )
        elif previous is not None and current > previous + 1:
            problems.append(
                ParseMessage(
                    provision.line,
                    _("Articles %(first)s–%(last)s are missing: check that they were repealed.")
                    % {"first": previous + 1, "last": current - 1},
                )
            )
        previous = current
    return problems
