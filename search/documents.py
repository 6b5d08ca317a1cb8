"""Build the search entries of one act from its current version."""

from cms.legal.models import LegalAct

from .models import SearchEntry
from .normalise import exact_terms, folded_terms
from .snippets import split_paragraphs


def _terms(text: str) -> tuple[str, str]:
    return " ".join(exact_terms(text)), " ".join(folded_terms(text))


def _body_terms(text: str) -> tuple[str, str]:
    """Return the exact and folded terms of an article's text, one line per paragraph.

    Snippets read the lines to choose a paragraph without normalising the
    text again. Every engine tokenizes on any whitespace, so the newlines
    change no term and no position.
    """
    lines = [_terms(paragraph) for paragraph in split_paragraphs(text)]
    return "\n".join(exact for exact, _folded in lines), "\n".join(folded for _exact, folded in lines)


def entries_for_act(act: LegalAct) -> list[SearchEntry]:
    """Return unsaved entries: one for the act's title, one per provision of its current version."""
    version = act.current_version
    common = {
        "act": act,
        "act_type": act.act_type,
        "act_status": act.status,
        "year": act.adoption_date.year if act.adoption_date else None,
    }
    # The act's number and translated titles help people who search by them.
    title_text = " ".join(filter(None, [act.title, act.number, act.title_en, act.title_ru]))
    title_exact, title_folded = _terms(title_text)
    entries = [
        SearchEntry(
            kind=SearchEntry.ACT,
            title_exact=title_exact,
            title_folded=title_folded,
            body_exact="",
            body_folded="",
            **common,
        )
    ]

    provisions = version.provisions.only("id", "kind", "number", "title", "text", "version_id")
    for provision in provisions:
        heading_exact, heading_folded = _terms(f"{provision.number} {provision.title}")
        body_exact, body_folded = _body_terms(provision.text)
        entries.append(
            SearchEntry(
                kind=SearchEntry.ARTICLE,
                provision=provision,
                title_exact=heading_exact,
                title_folded=heading_folded,
                body_exact=body_exact,
                body_folded=body_folded,
                **common,
            )
        )
    return entries
