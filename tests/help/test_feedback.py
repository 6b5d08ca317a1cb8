"""\"Was this helpful?\": votes, comments after "no", one vote per session, limits, CSRF and view counts."""

import pytest
from django.test import Client

from help import feedback
from help.models import AnswerViews, AnswerVote
from help.ratelimit import RateLimit
from tests.accounts.people import make_person

from .conftest import ENGLISH_QUESTION_PATH, QUESTION_PATH

VOTE_URL = QUESTION_PATH + "rey/"
COMMENT_URL = QUESTION_PATH + "rey/serh/"


def test_yes_vote_counted(client, question):
    response = client.post(VOTE_URL, {"helpful": "yes"})

    vote = AnswerVote.objects.get()
    assert response.status_code == 302
    assert response["Location"] == QUESTION_PATH + "#feedback"
    assert vote.page_id == question.pk
    assert vote.helpful is True
    assert vote.language == "az"
    assert vote.user is None
    assert vote.comment == ""


def test_thanks_shown_after_vote(client, question):
    client.post(VOTE_URL, {"helpful": "yes"})

    text = client.get(QUESTION_PATH).content.decode()

    assert 'id="feedback-title">' in text
    assert 'name="helpful"' not in text
    assert 'action="/komek/hesab-ve-giris/sifremi-unutmusam/rey/serh/"' not in text


def test_no_vote_offers_comment(client, question):
    client.post(VOTE_URL, {"helpful": "no"})

    text = client.get(QUESTION_PATH).content.decode()

    assert AnswerVote.objects.get().helpful is False
    assert f'action="{COMMENT_URL}"' in text
    assert 'name="comment"' in text


def test_comment_saved_on_no_vote(client, question):
    client.post(VOTE_URL, {"helpful": "no"})

    response = client.post(COMMENT_URL, {"comment": "  Şəki filialının ünvanı yoxdur. ĞÜŞİÖÇƏ  "})

    vote = AnswerVote.objects.get()
    assert response.status_code == 302
    assert vote.comment == "Şəki filialının ünvanı yoxdur. ĞÜŞİÖÇƏ"
    assert vote.commented_at is not None
    assert 'name="comment"' not in client.get(QUESTION_PATH).content.decode()


def test_second_comment_ignored(client, question):
    client.post(VOTE_URL, {"helpful": "no"})
    client.post(COMMENT_URL, {"comment": "Birinci"})

    client.post(COMMENT_URL, {"comment": "İkinci"})

    assert AnswerVote.objects.get().comment == "Birinci"


def test_comment_after_yes_ignored(client, question):
    client.post(VOTE_URL, {"helpful": "yes"})

    response = client.post(COMMENT_URL, {"comment": "Əla"})

    assert response.status_code == 302
    assert AnswerVote.objects.get().comment == ""


def test_comment_without_vote_saves_nothing(client, question):
    response = client.post(COMMENT_URL, {"comment": "Səs vermədən şərh"})

    assert response.status_code == 302
    assert not AnswerVote.objects.exists()


def test_empty_comment_asks_again(client, question):
    client.post(VOTE_URL, {"helpful": "no"})

    response = client.post(COMMENT_URL, {"comment": "   "})

    assert response.status_code == 400
    assert 'class="error-message"' in response.content.decode()
    assert AnswerVote.objects.get().comment == ""


def test_long_comment_rejected_and_kept(client, question):
    client.post(VOTE_URL, {"helpful": "no"})
    text = "ə" * 1001

    response = client.post(COMMENT_URL, {"comment": text})

    assert response.status_code == 400
    assert text in response.content.decode()
    assert AnswerVote.objects.get().comment == ""


def test_one_vote_per_session(client, question):
    client.post(VOTE_URL, {"helpful": "yes"})

    response = client.post(VOTE_URL, {"helpful": "no"})

    assert response.status_code == 302
    assert AnswerVote.objects.count() == 1
    assert AnswerVote.objects.get().helpful is True


def test_other_sessions_vote_separately(question):
    for answer in ("yes", "no", "no"):
        Client().post(VOTE_URL, {"helpful": answer})

    assert AnswerVote.objects.filter(page=question, helpful=True).count() == 1
    assert AnswerVote.objects.filter(page=question, helpful=False).count() == 2


def test_session_votes_once_per_page(client, question, other_question):
    client.post(VOTE_URL, {"helpful": "yes"})
    client.post("/komek/hesab-ve-giris/giris-kecidi/rey/", {"helpful": "no"})

    assert AnswerVote.objects.count() == 2


def test_lost_session_memory_still_one_vote(client, question):
    """A second vote from the same session is refused by the database even if the session forgot the first."""
    client.post(VOTE_URL, {"helpful": "yes"})
    session = client.session
    session[feedback.SESSION_KEY] = {}
    session.save()

    client.post(VOTE_URL, {"helpful": "no"})

    assert AnswerVote.objects.count() == 1


def test_signed_in_vote_records_user(question):
    person = make_person("leyla@example.az")
    client = Client()
    client.force_login(person)

    client.post(VOTE_URL, {"helpful": "yes"})

    assert AnswerVote.objects.get().user == person


def test_vote_language_from_page(client, english_question):
    client.post(ENGLISH_QUESTION_PATH + "rey/", {"helpful": "no"})

    vote = AnswerVote.objects.get()
    assert vote.language == "en"
    assert vote.page_id == english_question.pk


@pytest.mark.parametrize("data", [{}, {"helpful": "maybe"}, {"helpful": ""}, {"helpful": "Bəli"}])
def test_bad_vote_rejected(client, question, data):
    response = client.post(VOTE_URL, data)

    assert response.status_code == 400
    assert 'class="error-message"' in response.content.decode()
    assert not AnswerVote.objects.exists()


def test_vote_address_get_redirects(client, question):
    response = client.get(VOTE_URL)

    assert response.status_code == 302
    assert not AnswerVote.objects.exists()


def test_vote_without_csrf_token_refused(question):
    client = Client(enforce_csrf_checks=True)
    client.get(QUESTION_PATH)

    response = client.post(VOTE_URL, {"helpful": "yes"})

    assert response.status_code == 403
    assert not AnswerVote.objects.exists()


def test_vote_with_csrf_token_accepted(question):
    client = Client(enforce_csrf_checks=True)
    page = client.get(QUESTION_PATH)
    token = page.context["csrf_token"]

    response = client.post(VOTE_URL, {"helpful": "yes", "csrfmiddlewaretoken": str(token)})

    assert response.status_code == 302
    assert AnswerVote.objects.count() == 1


def test_vote_rate_limited(question, monkeypatch):
    monkeypatch.setattr(feedback, "VOTE_LIMIT", RateLimit("answer-feedback-test", per_address=2, per_session=20, seconds=600))
    for _ in range(2):
        assert Client().post(VOTE_URL, {"helpful": "yes"}).status_code == 302

    response = Client().post(VOTE_URL, {"helpful": "yes"})

    assert response.status_code == 429
    assert 'class="error-message"' in response.content.decode()
    assert AnswerVote.objects.count() == 2


def test_shipped_vote_limit_per_address(question):
    """With the shipped limit, the 61st vote from one address within ten minutes is refused."""
    for _ in range(feedback.VOTE_LIMIT.per_address):
        Client().post(VOTE_URL, {"helpful": "yes"})

    response = Client().post(VOTE_URL, {"helpful": "yes"})

    assert response.status_code == 429
    assert AnswerVote.objects.count() == feedback.VOTE_LIMIT.per_address


# --- Views ----------------------------------------------------------------------------


def test_views_counted_per_page(client, question, other_question):
    client.get(QUESTION_PATH)
    client.get(QUESTION_PATH)
    client.get("/komek/hesab-ve-giris/giris-kecidi/")

    assert AnswerViews.objects.get(page=question).views == 2
    assert AnswerViews.objects.get(page=other_question).views == 1


def test_views_counted_per_language(client, english_question, question):
    client.get(QUESTION_PATH)
    client.get(ENGLISH_QUESTION_PATH)

    assert AnswerViews.objects.get(page=question).views == 1
    assert AnswerViews.objects.get(page=english_question).views == 1


def test_votes_and_errors_do_not_count_as_views(client, question):
    client.post(VOTE_URL, {"helpful": "maybe"})
    client.post(VOTE_URL, {"helpful": "no"})
    client.head(QUESTION_PATH)

    assert not AnswerViews.objects.filter(page=question).exists()


def test_view_count_is_one_update(client, question, django_assert_num_queries):
    """After the first view, counting is a single UPDATE … SET views = views + 1."""
    client.get(QUESTION_PATH)

    with django_assert_num_queries(1):
        feedback.count_view(question)

    assert AnswerViews.objects.get(page=question).views == 2


def test_revision_publish_keeps_view_count(client, question):
    client.get(QUESTION_PATH)
    client.get(QUESTION_PATH)

    question.save_revision().publish()

    assert AnswerViews.objects.get(page=question).views == 2
