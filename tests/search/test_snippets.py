"""Highlighted snippets, and the one-line-per-paragraph bodies they choose a paragraph from.

The tests without the database build bodies as indexing does
(``search.documents._body_terms``). The corpus test compares the fast path
with folding every word, on the hits of every relevance query.
"""

import json
import re
from pathlib import Path

import pytest

from search import snippets
from search.documents import _body_terms
from search.normalise import folded_terms
from search.query import parse_query
from search.snippets import highlight, split_paragraphs

RELEVANCE = json.loads((Path(__file__).parent / "relevance.json").read_text(encoding="utf-8"))
MARKED = re.compile(r"<mark>(.*?)</mark>")


def terms_of(query: str) -> set[str]:
    return parse_query(query).folded_terms


def filler(paragraphs: int, prefix: str) -> list[str]:
    """Paragraphs of words found nowhere else, so each folds once and misses the token cache."""
    return [f"{prefix}{number}a {prefix}{number}b {prefix}{number}c sözləri." for number in range(paragraphs)]


def test_body_has_one_line_per_paragraph():
    text = "1. Qrant müqaviləsi bağlanır.\n\n   \n\n2. İctimai birliklərin hüquqları.\n\n3. —"

    exact, folded = _body_terms(text)

    assert folded.split("\n") == ["1 qrant muqavile baglanir", "2 ictimai birlik huquq", "3"]
    assert len(exact.split("\n")) == len(split_paragraphs(text))
    assert folded.split() == folded_terms(text)


def test_long_article_marks_best_paragraph():
    paragraphs = filler(300, "x")
    paragraphs.insert(250, "5. Qrant müqaviləsi yazılı formada bağlanır; qrant alan <tərəf> & qrant verən.")
    paragraphs.insert(20, "2. Müqavilə bir dəfə deyilir.")
    text = "\n\n".join(paragraphs)
    _exact, folded = _body_terms(text)

    snippet = highlight(text, terms_of("qrant müqaviləsi"), indexed_body=folded)

    assert MARKED.findall(snippet) == ["Qrant", "müqaviləsi", "qrant", "qrant"]
    assert "&lt;tərəf&gt; &amp; <mark>qrant</mark>" in snippet
    assert "<tərəf>" not in snippet


def test_indexed_body_folds_one_paragraph():
    paragraphs = filler(400, "y")
    paragraphs.insert(300, "Qrant verilir.")
    text = "\n\n".join(paragraphs)
    _exact, folded = _body_terms(text)
    snippets._first_term.cache_clear()

    highlight(text, terms_of("qrant"), indexed_body=folded)

    # The chosen paragraph has three words; folding the article would fold 1,600.
    assert snippets._first_term.cache_info().misses <= 3


def test_long_paragraph_snippet_starts_near_match():
    words = " ".join(f"z{number}söz" for number in range(400))
    text = f"{words} qrant müqaviləsi {words}"
    _exact, folded = _body_terms(text)

    snippet = highlight(text, terms_of("qrant"), indexed_body=folded)

    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert MARKED.findall(snippet) == ["qrant"]
    assert len(snippet) < 400


def test_stale_body_falls_back_to_folding():
    text = "Birinci bənd.\n\nQrant müqaviləsi.\n\nÜçüncü bənd."
    stale_body = "birinci bend qrant muqavile"

    snippet = highlight(text, terms_of("qrant"), indexed_body=stale_body)

    assert snippet == highlight(text, terms_of("qrant"))
    assert MARKED.findall(snippet) == ["Qrant"]


def test_heading_match_shows_article_start():
    text = "Bu maddə başqa sözlərdən ibarətdir.\n\nİkinci bənd."
    _exact, folded = _body_terms(text)
    snippets._first_term.cache_clear()

    snippet = highlight(text, terms_of("qrant"), indexed_body=folded)

    assert snippet == "Bu maddə başqa sözlərdən ibarətdir."
    assert snippets._first_term.cache_info().misses == 0


@pytest.mark.django_db
@pytest.mark.usefixtures("search_corpus")
def test_indexed_snippets_match_folding_on_corpus():
    from search.views import run_search

    compared = 0
    for case in RELEVANCE:
        _count, hits, query = run_search(case["query"], {}, 1)
        for hit in hits:
            if hit.entry.provision is None:
                continue
            text = hit.entry.provision.text
            assert hit.snippet == highlight(text, query.folded_terms), (case["query"], hit.url)
            compared += 1

    assert compared > 500
