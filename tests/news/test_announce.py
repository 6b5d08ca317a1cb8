"""news_published: sent once per news page, after the transaction that first published it commits."""

import pytest

from cms.news.models import NewsAnnouncement, NewsPage
from cms.news.signals import news_published

from .conftest import make_item, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    pages = []

    def receiver(sender, page, **kwargs):
        pages.append(page)

    news_published.connect(receiver, dispatch_uid="test_news_received")
    yield pages
    news_published.disconnect(dispatch_uid="test_news_received")


def test_sent_once_after_commit_on_first_publication(news_index, received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = make_item(news_index, "ilk", title="İlk dəfə dərc olunan xəbər")
        # Nothing is sent before the transaction commits.
        assert received == []
    assert len(received) == 1
    assert isinstance(received[0], NewsPage)
    assert received[0].pk == item.pk
    assert received[0].title == "İlk dəfə dərc olunan xəbər"

    # An edit published later, an unpublish and a new publication, and an old revision republished: no new mail.
    first_revision = item.latest_revision
    with django_capture_on_commit_callbacks(execute=True):
        item = NewsPage.objects.get(pk=item.pk)
        item.title = "Düzəliş edilmiş başlıq"
        item.save_revision().publish()
        item.unpublish()
        item.save_revision().publish()
        first_revision.publish()
    assert len(received) == 1
    assert NewsAnnouncement.objects.filter(page=item).count() == 1


def test_not_sent_when_the_transaction_rolls_back(news_index, received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_item(news_index, "geri")
    # The callbacks were registered but the transaction never committed: nothing was sent.
    assert callbacks
    assert received == []


def test_each_translation_is_announced_once(news_index, received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = make_item(news_index, "tercume")
        translate(news_index, "en", title="News")
        english = translate(item, "en", title="Translated")
    assert sorted(page.pk for page in received) == sorted([item.pk, english.pk])
    assert {page.locale.language_code for page in received} == {"az", "en"}


def test_drafts_are_not_announced(news_index, received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = NewsPage(title="Qaralama", slug="qaralama", category="elanlar", summary="x", body="<p>x</p>", live=False)
        news_index.add_child(instance=draft)
        draft.save_revision()
    assert received == []


def test_failing_receiver_keeps_publication(news_index, received, django_capture_on_commit_callbacks):
    def broken(sender, page, **kwargs):
        raise RuntimeError("the mail queue is down")

    news_published.connect(broken, dispatch_uid="test_news_broken")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            make_item(news_index, "xeta")
    finally:
        news_published.disconnect(dispatch_uid="test_news_broken")
    assert len(received) == 1
