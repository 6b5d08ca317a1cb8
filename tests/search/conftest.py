"""Search tests index the whole shipped corpus once per database, so relevance is measured on real data."""

import pytest

from tests.conftest import import_files
from tests.pages import publish_child, translate  # noqa: F401  (the tests of this folder import them from here)


@pytest.fixture(scope="session")
def search_corpus(django_db_setup, django_db_blocker):
    """Import every shipped act on top of the session's acts and index them all."""
    from cms.legal.catalogue import load_catalogue
    from search.indexing import rebuild

    with django_db_blocker.unblock():
        _topics, entries = load_catalogue()
        from cms.legal.models import LegalAct

        present = set(LegalAct.objects.values_list("slug", flat=True))
        import_files([entry.file for entry in entries if entry.slug not in present])
        rebuild()
    yield


# --- Help pages for the site search ----------------------------------------------------
# A help tree built here, in az, en and ru, rather than by help.setup, which
# needs the shipped e-services. Publishing runs inside
# django_capture_on_commit_callbacks, so the real signals index the pages.

QUESTION_TITLE = "Şifrəmi unutmuşam. Hesaba necə daxil olum?"
QUESTION_ANSWER = (
    "<p>Giriş səhifəsində <strong>“Şifrəni bərpa et”</strong> keçidini seçin.</p>"
    "<p>Qrant müqaviləsinin qeydiyyatı üçün İSTİQLAL küçəsindəki şöbəyə gəlməyin: hər şey onlayndır.</p>"
)
QUESTION_PATH = "/komek/hesab-ve-giris/sifremi-unutmusam/"
TRANSLATIONS = {
    "en": {
        "title": "I have forgotten my password. How do I sign in?",
        "answer": "<p>Choose the “Reset your password” link on the sign-in page.</p>",
    },
    "ru": {
        "title": "Я забыл пароль. Как войти?",
        "answer": "<p>Выберите ссылку «Восстановить пароль» на странице входа.</p>",
    },
}


@pytest.fixture
def help_tree(db, django_capture_on_commit_callbacks):
    """A help index, one topic and one question, published in az; returns the pages by name."""
    from cms.home.models import HomePage
    from help.models import FaqQuestionPage, FaqTopicPage, HelpIndexPage

    home = HomePage.objects.get(locale__language_code="az")
    with django_capture_on_commit_callbacks(execute=True):
        index = publish_child(home, HelpIndexPage(title="Kömək", slug="komek", intro="<p>Tez-tez verilən suallar.</p>"))
        topic = publish_child(
            index, FaqTopicPage(title="Hesab və giriş", slug="hesab-ve-giris", summary="Şifrə və giriş.")
        )
        question = publish_child(
            topic, FaqQuestionPage(title=QUESTION_TITLE, slug="sifremi-unutmusam", answer=QUESTION_ANSWER)
        )
    return {"index": index, "topic": topic, "question": question}


@pytest.fixture
def translated_help_tree(help_tree, django_capture_on_commit_callbacks):
    """The help tree with the question translated into en and ru; adds "question_en" and "question_ru"."""
    pages = dict(help_tree)
    with django_capture_on_commit_callbacks(execute=True):
        for language, fields in TRANSLATIONS.items():
            translate(help_tree["index"], language, title="Help")
            translate(help_tree["topic"], language, title="Account", summary="Account.")
            pages[f"question_{language}"] = translate(help_tree["question"], language, **fields)
    return pages
