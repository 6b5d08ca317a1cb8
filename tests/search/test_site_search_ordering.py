"""Which comes first: the legislation or help and news (search.ordering), on its own and on the results page."""

from types import SimpleNamespace

import pytest

from help.models import FaqQuestionPage
from search.normalise import folded_terms
from search.ordering import laws_first
from search.page_query import PageHit, PageResults
from search.query import parse_query

from .conftest import QUESTION_PATH, publish_child

HELP = PageResults(count=1, counts={"faq": 1}, hits=[PageHit(entry=None, url="/komek/x/", snippet="")], complete=True)
HELP_WITH_SOME_WORDS = PageResults(count=1, counts={"faq": 1}, hits=HELP.hits, complete=False)


def law_hit(title: str, text: str = ""):
    entry = SimpleNamespace(title_folded=" ".join(folded_terms(title)), body_folded=" ".join(folded_terms(text)))
    return SimpleNamespace(entry=entry)


def article_hit():
    return law_hit("13 Mülkiyyət", "Mülkiyyət toxunulmazdır.")


@pytest.mark.parametrize(
    ("text", "law_hits", "pages", "expected"),
    [
        ("sifre", [], PageResults(), True),  # 1. no help hit
        ("maddə 13", [article_hit()], HELP, True),  # 2. a number
        ("Mulkiyyet maddesi", [], HELP, True),  # 2. a legal word, folded and inflected
        ("ictimai birliklər haqqında qanun", [], HELP, True),  # 2. a legal word
        ("какая статья о собраниях", [], HELP, True),  # 2. a Russian legal word, though a question
        ("şifrəmi necə bərpa edim", [], HELP, False),  # 3. a question word
        ("sifre unutmusam?", [], HELP, False),  # 3. a question mark
        ("как восстановить пароль", [], HELP, False),  # 3. a Russian question word
        ("how do I reset the password", [], HELP, False),  # 3. an English one
        ("как указать адрес", [], HELP, False),  # "указать" is not "указ"
        ("ailə məcəlləsi", [law_hit("Azərbaycan Respublikasının Ailə Məcəlləsi")], HELP, True),  # 2. and 4.
        ("ictimai birlik", [article_hit(), law_hit("İctimai birliklər haqqında Qanun")], HELP, True),  # 4. an act
        ("ictimai birliyin qeydiyyatı", [law_hit("10", "İctimai birliklərin qeydiyyatı")], HELP, True),  # 4. an article
        ("ictimai birlik", [article_hit()], HELP, False),  # 5. help contains every word
        ("ictimai birlik", [article_hit()], HELP_WITH_SOME_WORDS, True),  # 6.
    ],
)
def test_laws_first_rules(text, law_hits, pages, expected):
    assert laws_first(parse_query(text), law_hits, pages) is expected


@pytest.fixture
def constitution_indexed(db):
    from cms.legal.models import LegalAct
    from search.indexing import index_act

    index_act(LegalAct.objects.get(slug="konstitusiya").pk)


@pytest.fixture
def article_question(help_tree, django_capture_on_commit_callbacks):
    """A question whose answer cites article 13 of the Constitution and says how to ask about property."""
    page = FaqQuestionPage(
        title="Mülkiyyət hüququ necə qorunur?",
        slug="mulkiyyet",
        answer="<p>Konstitusiyanın maddə 13 mülkiyyəti qoruyur. Mülkiyyət barədə sualı necə verim?</p>",
    )
    with django_capture_on_commit_callbacks(execute=True):
        return publish_child(help_tree["topic"], page)


def section_positions(content: str) -> tuple[int, int]:
    return content.index('id="results"'), content.index('id="help-results"')


@pytest.mark.usefixtures("constitution_indexed")
def test_article_query_lists_laws_first(article_question, client):
    response = client.get("/axtaris/", {"q": "maddə 13"})

    laws, help_section = section_positions(response.content.decode())
    assert response.context["laws_first"]
    assert response.context["hits"]
    assert [hit.url for hit in response.context["page_hits"]] == ["/komek/hesab-ve-giris/mulkiyyet/"]
    assert laws < help_section


@pytest.mark.usefixtures("constitution_indexed")
def test_how_question_lists_help_first(article_question, client):
    response = client.get("/axtaris/", {"q": "mülkiyyət necə qorunur"})

    laws, help_section = section_positions(response.content.decode())
    assert not response.context["laws_first"]
    assert response.context["hits"]
    assert help_section < laws


@pytest.mark.usefixtures("constitution_indexed")
def test_laws_section_has_no_help_hits(article_question, client):
    response = client.get("/axtaris/", {"q": "mülkiyyət", "section": "laws"})

    assert response.context["hits"]
    assert response.context["page_hits"] == []
    assert 'id="help-results"' not in response.content.decode()
    assert QUESTION_PATH not in response.content.decode()
