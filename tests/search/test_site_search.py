"""The site search over help and news pages: indexing through Wagtail's signals, matching, languages, privacy, the page."""

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import PageViewRestriction

from help.models import ContactPage, FaqQuestionPage, FaqTopicPage
from search import pages as site_pages
from search.models import PageEntry
from search.page_query import search_pages

from .conftest import QUESTION_PATH, publish_child

pytestmark = pytest.mark.django_db

# The most queries the help section runs, once the site's root paths are
# cached: the law search (its engine query, the relaxed query and its count,
# the rows, the hits' acts and articles, the library page and its locale),
# the page entries, the relaxed page entries, the view restrictions, and
# the hits with their pages.
MAX_HELP_SECTION_QUERIES = 11


def found_urls(text: str, language: str = "az", kind: str = "") -> list[str]:
    return [hit.url for hit in search_pages(text, language, kind).hits]


# --- Finding a question ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sifremi unutmusam",  # typed without Azerbaijani letters
        "Şifrəmi unutmuşam",  # as written
        "ŞİFRƏMİ UNUTMUŞAM",  # caps lock: İ is the capital of i
        "sifre",  # the start of a word
        "muqavile qeydiyyati",  # words from the answer, inflected differently
        "istiqlal",  # İSTİQLAL in capitals in the answer
        '"qrant müqaviləsinin qeydiyyatı"',  # a phrase
    ],
)
def test_question_found_by_typed_forms(help_tree, text):
    assert found_urls(text) == [QUESTION_PATH]


@pytest.mark.parametrize("text", ["sifremi unutmusam parol", "şifrə"])
def test_question_found_by_some_words(help_tree, text):
    """When no page has every word, pages with some of them are found, as in the law search."""
    results = search_pages(text, "az")

    assert [hit.url for hit in results.hits] == [QUESTION_PATH]


def test_unrelated_words_find_nothing(help_tree):
    assert found_urls("vergi bəyannaməsi") == []


def test_snippet_marks_matches_and_escapes(help_tree):
    hit = search_pages("muqavile", "az").hits[0]

    assert "<mark>müqaviləsinin</mark>" in hit.snippet
    assert "<strong>" not in hit.snippet  # plain text, from the answer's rich text


@pytest.mark.parametrize(
    ("language", "text", "path"),
    [
        ("az", "sifremi", QUESTION_PATH),
        ("en", "forgotten password", "/en" + QUESTION_PATH),
        ("ru", "забыл пароль", "/ru" + QUESTION_PATH),
    ],
)
def test_each_language_finds_its_own_page(translated_help_tree, client, language, text, path):
    prefix = "" if language == "az" else f"/{language}"

    response = client.get(f"{prefix}/axtaris/", {"q": text, "section": "help"})

    assert response.status_code == 200
    assert [hit.url for hit in response.context["page_hits"]] == [path]


@pytest.mark.parametrize("text", ["забыл пароль", "ЗАБЫЛ ПАРОЛЬ", "пароля", "как войти", "восстановить на странице входа"])
def test_russian_question_found_by_inflected_words(translated_help_tree, text):
    assert found_urls(text, "ru") == ["/ru" + QUESTION_PATH]


@pytest.mark.parametrize("text", ["налог", "как"])
def test_russian_words_must_match(translated_help_tree, text):
    """A query of stopwords only keeps them, so "как" finds the question whose title has it."""
    expected = ["/ru" + QUESTION_PATH] if text == "как" else []

    assert found_urls(text, "ru") == expected


def test_russian_snippet_marks_matches(translated_help_tree):
    hit = search_pages("пароля", "ru").hits[0]

    assert "<mark>пароль</mark>" in hit.snippet


def test_other_language_pages_are_left_out(translated_help_tree):
    assert found_urls("sifremi", "en") == []
    assert found_urls("forgotten", "az") == []


# --- Keeping the index current ----------------------------------------------------------


def test_publishing_indexes_and_unpublishing_removes(help_tree, django_capture_on_commit_callbacks):
    question = help_tree["question"]
    assert PageEntry.objects.filter(page=question).exists()

    with django_capture_on_commit_callbacks(execute=True):
        question.unpublish()

    assert not PageEntry.objects.filter(page=question).exists()
    assert found_urls("sifremi") == []


def test_republishing_indexes_the_new_text(help_tree, django_capture_on_commit_callbacks):
    question = FaqQuestionPage.objects.get(pk=help_tree["question"].pk)
    question.answer = "<p>Zümrüdvari sınaq sözü.</p>"

    with django_capture_on_commit_callbacks(execute=True):
        question.save_revision().publish()

    assert found_urls("zumrudvari") == [QUESTION_PATH]
    assert found_urls("muqavile") == []


def test_rolled_back_publish_is_not_indexed(help_tree):
    """Without a commit the on-commit callback never runs, so the index keeps the published text."""
    question = FaqQuestionPage.objects.get(pk=help_tree["question"].pk)
    question.answer = "<p>Zümrüdvari sınaq sözü.</p>"

    question.save_revision().publish()

    assert found_urls("zumrudvari") == []


def test_deleting_removes_entry(help_tree, django_capture_on_commit_callbacks):
    question = help_tree["question"]

    with django_capture_on_commit_callbacks(execute=True):
        question.delete()

    assert not PageEntry.objects.filter(page_id=question.pk).exists()


def test_restricting_a_section_removes_its_pages(help_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=help_tree["topic"], restriction_type=PageViewRestriction.LOGIN
        )

    assert not PageEntry.objects.filter(page=help_tree["question"]).exists()
    assert found_urls("sifremi") == []

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    assert found_urls("sifremi") == [QUESTION_PATH]


def test_private_page_left_out_even_when_indexed(help_tree):
    """A restriction saved without signals leaves a stale entry; the search still never shows the page."""
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=help_tree["index"], restriction_type=PageViewRestriction.PASSWORD, password="x")]
    )

    assert PageEntry.objects.filter(page=help_tree["question"]).exists()
    assert found_urls("sifremi") == []


def test_moving_into_a_private_section_removes_page(help_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        private_topic = publish_child(
            help_tree["index"], FaqTopicPage(title="Daxili", slug="daxili", summary="Yalnız işçilər üçün.")
        )
        PageViewRestriction.objects.create(page=private_topic, restriction_type=PageViewRestriction.LOGIN)

    with django_capture_on_commit_callbacks(execute=True):
        help_tree["question"].move(private_topic, pos="last-child")

    assert not PageEntry.objects.filter(page=help_tree["question"]).exists()


def test_moved_page_found_at_new_address(help_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        other_topic = publish_child(help_tree["index"], FaqTopicPage(title="Digər", slug="diger", summary="Digər."))
        help_tree["question"].move(other_topic, pos="last-child")

    assert found_urls("sifremi") == ["/komek/diger/sifremi-unutmusam/"]


def test_rebuild_command_indexes_pages(help_tree, capsys):
    PageEntry.objects.all().delete()

    call_command("rebuild_search_index")

    assert PageEntry.objects.filter(page=help_tree["question"]).exists()
    assert "sifremi-unutmusam" in capsys.readouterr().out


# --- Other page types --------------------------------------------------------------------


def contact_page_as_news(monkeypatch):
    """Make ContactPage a stand-in implementer of the contract, as NewsPage and the guides implement it."""
    monkeypatch.setattr(ContactPage, "site_search_kind", "news", raising=False)
    monkeypatch.setattr(ContactPage, "site_search_text", lambda page: page.working_hours, raising=False)


def make_contact(help_tree, django_capture_on_commit_callbacks):
    page = ContactPage(title="Əlaqə <b>xətti</b>", slug="elaqe", working_hours="Bazar ertəsi – cümə: 09:00–18:00")
    with django_capture_on_commit_callbacks(execute=True):
        return publish_child(help_tree["index"], page)


def test_any_implementer_is_indexed(help_tree, monkeypatch, django_capture_on_commit_callbacks):
    contact_page_as_news(monkeypatch)
    make_contact(help_tree, django_capture_on_commit_callbacks)

    results = search_pages("bazar ertesi", "az")

    assert ContactPage in site_pages.implementers()
    assert [hit.url for hit in results.hits] == ["/komek/elaqe/"]
    assert results.hits[0].entry.kind == "news"


def test_kind_filter_and_counts(help_tree, monkeypatch, django_capture_on_commit_callbacks):
    contact_page_as_news(monkeypatch)
    make_contact(help_tree, django_capture_on_commit_callbacks)
    query = "elaqe sifremi"  # each page has one of the words

    everything = search_pages(query, "az")
    news = search_pages(query, "az", kind="news")

    assert everything.counts == {"faq": 1, "news": 1}
    assert everything.count == 2
    assert news.count == 1
    assert [hit.url for hit in news.hits] == ["/komek/elaqe/"]


def test_unknown_kind_is_not_indexed(help_tree, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(ContactPage, "site_search_kind", "blog", raising=False)
    monkeypatch.setattr(ContactPage, "site_search_text", lambda page: page.working_hours, raising=False)
    make_contact(help_tree, django_capture_on_commit_callbacks)

    assert ContactPage not in site_pages.implementers()
    assert found_urls("bazar") == []


@pytest.mark.parametrize("model_path", ["help.models.VideoGuidePage", "help.models.DocumentSamplePage", "cms.news.models.NewsPage"])
def test_shipped_implementers_keep_the_contract(model_path):
    """The guides, samples and news declare the contract; each is found without any change to the search."""
    module_name, class_name = model_path.rsplit(".", 1)
    module = pytest.importorskip(module_name)
    model = getattr(module, class_name, None)
    if model is None:
        pytest.skip(f"{model_path} does not exist yet")

    assert model in site_pages.implementers()


# --- The results page --------------------------------------------------------------------


def test_help_section_lists_questions(help_tree, client):
    response = client.get("/axtaris/", {"q": "sifremi", "section": "help"})

    content = response.content.decode()
    assert response.status_code == 200
    assert f'href="{QUESTION_PATH}"' in content
    assert 'aria-current="page"' in content
    assert response.context["page_results"].counts == {"faq": 1}


def test_all_section_shows_help_preview(help_tree, client):
    response = client.get("/axtaris/", {"q": "sifremi unutmusam"})

    content = response.content.decode()
    assert response.status_code == 200
    assert f'href="{QUESTION_PATH}"' in content
    assert not response.context["laws_first"]


def test_act_filters_hide_help_preview(help_tree, client):
    response = client.get("/axtaris/", {"q": "sifremi", "type": "law"})

    assert response.context["page_hits"] == []
    assert f'href="{QUESTION_PATH}"' not in response.content.decode()


@pytest.mark.parametrize("params", [{"section": "x"}, {"kind": "x"}, {"section": "help", "kind": "<b>"}, {"page": "9"}])
def test_bad_section_or_kind_is_ignored(help_tree, client, params):
    response = client.get("/axtaris/", {"q": "sifremi", **params})

    assert response.status_code == 200
    assert "<b>" not in response.content.decode()


def test_titles_are_escaped(help_tree, monkeypatch, client, django_capture_on_commit_callbacks):
    contact_page_as_news(monkeypatch)
    make_contact(help_tree, django_capture_on_commit_callbacks)

    response = client.get("/axtaris/", {"q": "bazar", "section": "help"})

    content = response.content.decode()
    assert "Əlaqə &lt;b&gt;xətti&lt;/b&gt;" in content
    assert "<b>xətti</b>" not in content


def test_help_section_query_count_is_bounded(help_tree, client, django_assert_max_num_queries):
    client.get("/axtaris/", {"q": "konstitusiya"})  # fills the cache of site root paths

    with django_assert_max_num_queries(MAX_HELP_SECTION_QUERIES):
        response = client.get("/axtaris/", {"q": "sifremi unutmusam", "section": "help"})

    assert response.context["page_hits"]


def test_all_section_query_count_is_bounded(help_tree, client, django_assert_max_num_queries):
    client.get("/axtaris/", {"q": "konstitusiya"})

    with django_assert_max_num_queries(MAX_HELP_SECTION_QUERIES):
        response = client.get("/axtaris/", {"q": "sifremi unutmusam"})

    assert response.context["page_hits"]


def test_query_count_same_for_one_or_many_hits(help_tree, client, django_capture_on_commit_callbacks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            publish_child(
                help_tree["topic"],
                FaqQuestionPage(title=f"Şifrə sualı {number}", slug=f"sifre-{number}", answer="<p>Şifrə.</p>"),
            )
    client.get("/axtaris/", {"q": "konstitusiya"})
    counts = {}
    for text in ("unutmusam", "sifre"):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/axtaris/", {"q": text, "section": "help"})
        counts[len(response.context["page_hits"])] = len(captured)

    assert sorted(counts) == [1, 6]
    assert counts[1] == counts[6]


def test_english_page_labels_kinds_in_english(translated_help_tree, client):
    response = client.get("/en/axtaris/", {"q": "password", "section": "help"})

    with translation.override("en"):
        assert "Question and answer" in response.content.decode()
