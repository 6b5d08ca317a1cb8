"""Readers' feedback in the admin: the answers report and its orderings, one answer's page, the editor's tab."""

import csv
import datetime
import io
import uuid

import pytest
from django.utils import timezone

from help.models import AnswerViews, AnswerVote, FaqQuestionPage
from help.stats import summarise, with_feedback

from .conftest import client_for, publish_child

REPORT_URL = "/admin/help-feedback/"
SCRIPT = "<script>alert('şərh')</script>"


def add_votes(page, yes: int = 0, no: int = 0, comments: tuple[str, ...] = ()):
    for helpful, count in ((True, yes), (False, no)):
        for _ in range(count):
            AnswerVote.objects.create(page=page, helpful=helpful, language="az", session_hash=uuid.uuid4().hex)
    for text in comments:
        AnswerVote.objects.create(
            page=page, helpful=False, language="en", comment=text, session_hash=uuid.uuid4().hex
        )


@pytest.fixture
def answers(question, other_question, topic):
    """Four answers: 75 % helpful and most viewed, 0 %, never voted on, and 50 %."""
    never_voted = publish_child(topic, FaqQuestionPage(title="Heç kim səs verməyib", slug="sessiz", answer="<p>…</p>"))
    half = publish_child(topic, FaqQuestionPage(title="Yarı faydalı", slug="yari", answer="<p>…</p>"))
    AnswerViews.objects.create(page=question, views=50)
    AnswerViews.objects.create(page=other_question, views=5)
    AnswerViews.objects.create(page=never_voted, views=20)
    AnswerViews.objects.create(page=half, views=10)
    add_votes(question, yes=3, no=1)
    add_votes(other_question, no=2)
    add_votes(half, yes=1, no=1)
    return {"best": question, "worst": other_question, "silent": never_voted, "half": half}


def listed(response) -> list[int]:
    return [page.pk for page in response.context["object_list"]]


def test_figures_per_answer(answers):
    figures = {page.pk: page for page in with_feedback(FaqQuestionPage.objects.all())}

    best = figures[answers["best"].pk]
    assert (best.view_total, best.yes_total, best.no_total, best.helpful_share) == (50, 3, 1, 0.75)
    assert figures[answers["worst"].pk].helpful_share == 0.0
    assert figures[answers["silent"].pk].helpful_share is None
    assert figures[answers["silent"].pk].yes_total == 0


def test_report_most_viewed_first(editor, answers):
    response = client_for(editor).get(REPORT_URL, {"ordering": "-views"})

    assert response.status_code == 200
    assert listed(response) == [answers[key].pk for key in ("best", "silent", "half", "worst")]


def test_report_default_is_most_viewed(editor, answers):
    response = client_for(editor).get(REPORT_URL)

    assert listed(response) == [answers[key].pk for key in ("best", "silent", "half", "worst")]


def test_report_least_helpful_first(editor, answers):
    """Lowest share first; answers nobody voted on go last, on SQLite and PostgreSQL alike."""
    response = client_for(editor).get(REPORT_URL, {"ordering": "helpful"})

    assert listed(response) == [answers[key].pk for key in ("worst", "half", "best", "silent")]


def test_report_least_helpful_ties_by_no_votes(editor, answers, topic):
    worse = publish_child(topic, FaqQuestionPage(title="Daha pis", slug="daha-pis", answer="<p>…</p>"))
    add_votes(worse, no=5)

    response = client_for(editor).get(REPORT_URL, {"ordering": "helpful"})

    assert listed(response)[:2] == [worse.pk, answers["worst"].pk]


def test_report_unknown_ordering_falls_back(editor, answers):
    response = client_for(editor).get(REPORT_URL, {"ordering": "title; DROP TABLE"})

    assert response.status_code == 200
    assert listed(response)[0] == answers["best"].pk


def test_report_filters_by_language(editor, answers, english_question):
    response = client_for(editor).get(REPORT_URL, {"language": "en"})

    assert listed(response) == [english_question.pk]


def test_report_shows_percentages(editor, answers):
    text = client_for(editor).get(REPORT_URL).content.decode()

    assert "75%" in text
    assert "50%" in text
    assert "—" in text


def test_report_exports_csv(editor, answers):
    response = client_for(editor).get(REPORT_URL, {"ordering": "helpful", "export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert response.status_code == 200
    assert [row[0] for row in rows[1:]] == [answers[key].title for key in ("worst", "half", "best", "silent")]
    assert rows[1][2:6] == ["5", "0", "2", "0%"]


def test_report_needs_permission(plain_staff, answers):
    response = client_for(plain_staff).get(REPORT_URL)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_reports_menu_shows_both_entries(editor, plain_staff):
    shown = client_for(editor).get("/admin/").content.decode()
    hidden = client_for(plain_staff).get("/admin/").content.decode()

    assert "/admin/help-feedback/?ordering=-views" in shown
    assert "/admin/help-feedback/?ordering=helpful" in shown
    assert "/admin/help-feedback/" not in hidden


def test_answer_page_lists_comments_escaped(editor, answers):
    add_votes(answers["worst"], comments=(SCRIPT, "Ünvan köhnədir"))

    response = client_for(editor).get(f"{REPORT_URL}{answers['worst'].pk}/")
    text = response.content.decode()

    assert response.status_code == 200
    assert SCRIPT not in text
    assert "&lt;script&gt;alert(&#x27;şərh&#x27;)&lt;/script&gt;" in text
    assert "Ünvan köhnədir" in text
    assert 'data-figure="no">4<' in text


def test_answer_page_needs_permission(plain_staff, answers):
    response = client_for(plain_staff).get(f"{REPORT_URL}{answers['worst'].pk}/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_answer_page_unknown_id_is_404(editor, db):
    assert client_for(editor).get(f"{REPORT_URL}999999/").status_code == 404


def test_editor_tab_shows_figures_and_comments(editor, answers):
    add_votes(answers["best"], comments=(SCRIPT,))

    text = client_for(editor).get(f"/admin/pages/{answers['best'].pk}/edit/").content.decode()

    assert 'data-figure="views">50<' in text
    assert 'data-figure="yes">3<' in text
    assert 'data-figure="no">2<' in text
    assert 'data-figure="helpful">60%<' in text
    assert SCRIPT not in text
    assert "&lt;script&gt;alert(&#x27;şərh&#x27;)&lt;/script&gt;" in text


def test_summary_recent_comments_newest_first(answers):
    add_votes(answers["half"], comments=("Birinci", "İkinci"))
    first, second = AnswerVote.objects.filter(page=answers["half"]).exclude(comment="").order_by("pk")
    AnswerVote.objects.filter(pk=first.pk).update(commented_at=timezone.now() - datetime.timedelta(days=1))
    AnswerVote.objects.filter(pk=second.pk).update(commented_at=timezone.now())

    summary = summarise(answers["half"])

    assert [vote.comment for vote in summary.recent_comments] == ["İkinci", "Birinci"]
    assert summary.comment_count == 2
