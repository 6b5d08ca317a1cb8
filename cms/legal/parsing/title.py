"""The act title on the first lines of a text, and repeats of it further down."""

import re

from .lines import (
    Line,
    is_notes_heading,
    is_sources_heading,
    is_toc_heading,
    leading_markers,
    match_article,
    match_division,
)
from .titlecase import fold, is_upper_text, title_case
from .tokens import MAX_TITLE_LENGTH, POINT_NUMBER

_ACT_TYPE_WORDS = re.compile(
    r"\b(?:qanunu?|məcəlləsi|məcəllə|konstitusiyasi|qərari|qərar|fərmani|fərman|sərəncami"
    r"|qaydalari|qaydasi|təlimati|təlimat|əsasnaməsi)\b"
)
_TERMINAL_PROSE = (".", ":", ";")
_KEY_CHARS = re.compile(r"[^\w]+")


def title_key(text: str) -> str:
    """Comparison key for title repeats: markers, case and punctuation ignored."""
    _, rest = leading_markers(text)
    return _KEY_CHARS.sub("", fold(rest))


def read_title(lines: list[Line]) -> tuple[str, int, list[int], set[str]]:
    """Read the act title from the first lines.

    The title is a run of capitals lines, optionally led by one mixed-case
    line (``İcbari sığortalar haqqında`` above ``AZƏRBAYCAN RESPUBLİKASININ
    QANUNU``), or one mixed-case line that names the act type. It must name
    an act type (Qanunu, Məcəlləsi, Qərarı...); a registry header or a
    preamble is not a title. Returns the title, the index of the first line
    after it, the footnote markers on it and the keys of its lines.
    """
    chosen: list[str] = []
    markers: list[int] = []
    end = 0
    index = 0
    while index < len(lines) and len(chosen) < 4:
        text = lines[index].text
        if not text:
            index += 1
            continue

        found, rest = leading_markers(text)
        if (
            not rest
            or len(rest) > MAX_TITLE_LENGTH
            or match_article(rest)
            or match_division(rest)
            or is_toc_heading(rest)
            or is_sources_heading(rest)
            or is_notes_heading(rest)
            or POINT_NUMBER.match(rest)
            or rest.startswith(("№", "#"))
        ):
            break
        if chosen and title_key(rest) in {title_key(line) for line in chosen}:
            # The Constitution prints its title twice.
            end = index + 1
            index += 1
            continue

        if is_upper_text(rest):
            accepted = True
        elif not chosen and not rest.endswith(_TERMINAL_PROSE):
            next_text = next((line.text for line in lines[index + 1 : index + 6] if line.text), "")
            names_act = bool(_ACT_TYPE_WORDS.search(fold(rest))) and len(rest) <= 150
            accepted = names_act or is_upper_text(next_text)
        else:
            accepted = False
        if not accepted:
            break

        chosen.append(rest)
        markers.extend(found)
        end = index + 1
        index += 1
        if not is_upper_text(rest) and _ACT_TYPE_WORDS.search(fold(rest)) and not is_upper_text(
            next((line.text for line in lines[index : index + 5] if line.text), "")
        ):
            break

    if not chosen or not _ACT_TYPE_WORDS.search(fold(" ".join(chosen))):
        return "", 0, [], set()
    title = " ".join(title_case(line) for line in chosen)
    keys = {title_key(line) for line in chosen} | {title_key(" ".join(chosen))}
    return title, end, markers, keys
