"""The order of the results page's sections: the legislation first, or the help centre and news.

The first of these rules that applies decides:

1. No help or news hit: the legislation.
2. The query contains a number (an article, an act number) or a legal word
   (maddə, qanun, məcəllə, fərman …; article, law, decree …; статья, закон,
   кодекс …): the legislation.
3. The query is a question (it has a "?" or a question word such as necə,
   nə vaxt, how, как): help and news.
4. One of the first three law hits (an act's title or an article) contains
   every word of the query: the legislation.
5. Help or news hits contain every word: help and news.
6. Otherwise (both found only some of the words): the legislation.
"""

import re

from .normalise import folded_terms, words
from .page_query import PageResults
from .query import SearchQuery

LEGAL_WORDS = (
    "maddə bənd fəsil qanun qanunvericilik məcəllə konstitusiya fərman sərəncam article chapter law constitution decree"
)
# Words that also name everyday things on this site are left out: "qərar" (a
# filing's decision), "code" (a sign-in code), "пункт", "глава" ("главная").
LEGAL_STEMS = frozenset(folded_terms(LEGAL_WORDS))
# Russian words are matched on the lowercased text, because search.normalise
# reads Latin script only: by their start, except "указ", whose start is also "указать".
RUSSIAN_LEGAL_WORD = re.compile(r"(стать|закон|кодекс|конституц|постановлен)\w*|указ(а|е|ом|у|ы|ов)?")
QUESTION_WORDS = frozenset(
    "necə niyə nə nəyə nəyi harada haraya hara haradan hansı kim kimə neçə nə vaxt mümkündürmü olarmı "
    "how what where why when which who can do does".split()
)
RUSSIAN_QUESTION_WORDS = frozenset("как что где почему когда какой какие какая куда зачем можно нужно".split())
CYRILLIC_WORD = re.compile(r"[а-яё]+")
# How many of the first law hits rule 4 reads.
LAW_HITS_READ = 3


def _has_legal_words(query: SearchQuery) -> bool:
    if any(term.isdigit() for term in query.folded_terms) or query.folded_terms & LEGAL_STEMS:
        return True
    russian = CYRILLIC_WORD.findall(query.text.lower())
    return any(RUSSIAN_LEGAL_WORD.fullmatch(word) for word in russian)


def _is_question(query: SearchQuery) -> bool:
    if "?" in query.text:
        return True
    # Question words are stopwords, so they are read from the text, not from the clauses.
    typed = set(words(query.text)) | set(CYRILLIC_WORD.findall(query.text.lower()))
    return bool(typed & (QUESTION_WORDS | RUSSIAN_QUESTION_WORDS))


def _laws_contain_every_word(query: SearchQuery, law_hits: list) -> bool:
    for hit in law_hits[:LAW_HITS_READ]:
        if query.folded_terms <= set(hit.entry.title_folded.split()) | set(hit.entry.body_folded.split()):
            return True
    return False


def laws_first(query: SearchQuery, law_hits: list, pages: PageResults) -> bool:
    """Return whether the legislation comes before help and news for ``query``; the module docstring gives the rules."""
    if not pages.hits:
        return True
    if _has_legal_words(query):
        return True
    if _is_question(query):
        return False
    if _laws_contain_every_word(query, law_hits):
        return True
    return not pages.complete
