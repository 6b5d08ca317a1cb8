"""A user's search, parsed once and passed to whichever engine runs it."""

import re
from dataclasses import dataclass, field

from .normalise import STOPWORDS, exact_terms, fold, folded_terms

MAX_QUERY_CHARS = 500
MAX_TERMS = 20
QUOTED = re.compile(r'"([^"]*)"')


@dataclass
class Clause:
    """One required part of the query: a single word or a quoted phrase."""

    folded: list[str]
    exact: list[str]
    phrase: bool = False


@dataclass
class SearchQuery:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    act_type: str = ""
    status: str = ""
    year: int | None = None
    offset: int = 0
    limit: int = 20
    # When every clause together finds nothing, engines may accept entries
    # that match any clause; the ranking then prefers those matching most.
    match_any: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def exact_terms(self) -> set[str]:
        return {term for clause in self.clauses for term in clause.exact}

    @property
    def folded_terms(self) -> set[str]:
        return {term for clause in self.clauses for term in clause.folded}


def parse_query(text: str, **filters) -> SearchQuery:
    """Split ``text`` into required clauses: quoted phrases, then words.

    Stopwords outside quotes are dropped unless the query has nothing else,
    so "qrant haqqında" finds articles that never say "haqqında". An
    unbalanced quote is read as if it were closed at the end.
    """
    text = (text or "").replace("\x00", " ")[:MAX_QUERY_CHARS]
    if text.count('"') % 2:
        text += '"'

    clauses = []
    for phrase in QUOTED.findall(text):
        folded, exact = folded_terms(phrase), exact_terms(phrase)
        if folded:
            clauses.append(Clause(folded=folded, exact=exact, phrase=len(folded) > 1))

    loose = QUOTED.sub(" ", text)
    words = list(zip(folded_terms(loose), exact_terms(loose)))
    content = [(folded, exact) for folded, exact in words if fold(exact) not in STOPWORDS]
    for folded, exact in dict.fromkeys(content or words):
        clauses.append(Clause(folded=[folded], exact=[exact]))

    return SearchQuery(text=text.strip().strip('"').strip(), clauses=clauses[:MAX_TERMS], **filters)
