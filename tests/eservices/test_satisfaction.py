"""The satisfaction question on a decided filing's page: 0 to 10 and an
optional comment, asked once per member, never before the decision."""

import html

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from forms.models import Filing, FilingEvent, FilingStatus, SatisfactionResponse
from forms.review.actions import accept, reject
from tests.accounts.people import make_person, translated

pytestmark = pytest.mark.django_db


def detail_url(filing):
    return f"/muracietler/{filing.pk}/"


def answer_url(filing):
    return f"/muracietler/{filing.pk}/rey/"


def text_of(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def reviewer(db):
    person = make_person("nazir@example.az")
    person.user_permissions.add(Permission.objects.get(codename="review_filing", content_type__app_label="eservices"))
    return person


@pytest.fixture
def submitted(service_page, organization, member) -> Filing:
    filing = Filing.objects.create(
        page=service_page,
        organization=organization,
        created_by=member,
        status=FilingStatus.SUBMITTED,
        reference="QR-2026-000031",
        form_data={"teskilatin_adi": "Gənclər Birliyi"},
        submission_count=1,
    )
    FilingEvent.objects.create(filing=filing, user=member, from_status="draft", to_status=FilingStatus.SUBMITTED)
    return filing


@pytest.fixture
def accepted(submitted, reviewer) -> Filing:
    return accept(submitted.pk, by=reviewer, registration_number="QR-REG-0007")


def test_question_hidden_before_decision(member_client, submitted):
    response = member_client.get(detail_url(submitted))

    assert response.status_code == 200
    assert response.context["satisfaction_form"] is None
    assert 'name="score"' not in response.content.decode()


def test_answer_refused_before_decision(member_client, submitted):
    response = member_client.post(answer_url(submitted), {"score": "7"})

    assert response.status_code == 302
    assert response["Location"] == detail_url(submitted)
    assert not SatisfactionResponse.objects.exists()
    followed = text_of(member_client.get(response["Location"]))
    assert translated("You can answer this question once the ministry has decided on the application.") in followed


def test_question_shown_after_acceptance(member_client, accepted):
    response = member_client.get(detail_url(accepted))

    content = text_of(response)
    assert f'<legend class="label">{translated("How satisfied are you with how the ministry handled this application?")}</legend>' in content
    assert translated("0 = not at all satisfied, 10 = extremely satisfied") in content
    for score in range(11):
        assert f'type="radio" name="score" value="{score}"' in content
    assert f'action="{answer_url(accepted)}"' in content
    assert 'name="csrfmiddlewaretoken"' in content


def test_question_shown_after_rejection(member_client, submitted, reviewer):
    reject(submitted.pk, by=reviewer, reason="Sənədlər natamamdır.")

    response = member_client.get(detail_url(submitted))

    assert response.context["satisfaction_form"] is not None


def test_answer_saved_with_thanks(member, member_client, accepted):
    response = member_client.post(answer_url(accepted), {"score": "9", "comment": "Tez və aydın cavab verildi."})

    saved = SatisfactionResponse.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{detail_url(accepted)}#satisfaction"
    assert (saved.filing_id, saved.user_id, saved.score) == (accepted.pk, member.pk, 9)
    assert saved.comment == "Tez və aydın cavab verildi."
    after = member_client.get(detail_url(accepted))
    content = text_of(after)
    assert translated("Thank you for your answer.") in content
    assert after.context["satisfaction_form"] is None
    assert after.context["satisfaction_answered"] is True


def test_zero_is_a_valid_score(member_client, accepted):
    member_client.post(answer_url(accepted), {"score": "0"})

    assert SatisfactionResponse.objects.get().score == 0


@pytest.mark.parametrize("score", ["11", "-1", "abc", "", "7.5"])
def test_invalid_score_shows_error(member_client, accepted, score):
    response = member_client.post(answer_url(accepted), {"score": score})

    content = text_of(response)
    assert response.status_code == 200
    assert 'class="error-summary"' in content
    assert translated("Choose a number from 0 to 10") in content
    assert not SatisfactionResponse.objects.exists()


def test_missing_score_field_shows_error(member_client, accepted):
    response = member_client.post(answer_url(accepted), {"comment": "Qiymət yoxdur"})

    assert response.status_code == 200
    assert translated("Choose a number from 0 to 10") in text_of(response)
    assert not SatisfactionResponse.objects.exists()


def test_overlong_comment_rejected(member_client, accepted):
    response = member_client.post(answer_url(accepted), {"score": "5", "comment": "ə" * 2001})

    assert response.status_code == 200
    assert response.context["satisfaction_form"].has_error("comment")
    assert not SatisfactionResponse.objects.exists()


def test_second_answer_changes_nothing(member_client, accepted):
    member_client.post(answer_url(accepted), {"score": "3", "comment": "Gecikdi."})

    response = member_client.post(answer_url(accepted), {"score": "10", "comment": "Əla."})

    saved = SatisfactionResponse.objects.get()
    assert response.status_code == 302
    assert (saved.score, saved.comment) == (3, "Gecikdi.")
    assert translated("You have already answered. Thank you.") in text_of(member_client.get(response["Location"]))


def test_each_member_answers_once(member_client, colleague_client, accepted):
    member_client.post(answer_url(accepted), {"score": "8"})
    colleague_client.post(answer_url(accepted), {"score": "4"})

    assert sorted(SatisfactionResponse.objects.values_list("score", flat=True)) == [4, 8]
    assert colleague_client.get(detail_url(accepted)).context["satisfaction_form"] is None


def test_outsider_gets_404(outsider_client, accepted):
    assert outsider_client.post(answer_url(accepted), {"score": "0"}).status_code == 404
    assert outsider_client.get(answer_url(accepted)).status_code == 404
    assert not SatisfactionResponse.objects.exists()


def test_get_leads_to_the_question(member_client, accepted):
    response = member_client.get(answer_url(accepted))

    assert response["Location"] == f"{detail_url(accepted)}#satisfaction"


def test_signed_out_visitor_is_sent_to_sign_in(client, accepted):
    response = client.post(answer_url(accepted), {"score": "5"})

    assert response["Location"].startswith("/hesab/login/")
    assert not SatisfactionResponse.objects.exists()


def test_answer_needs_csrf_token(member, accepted):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)

    response = strict.post(answer_url(accepted), {"score": "6"})

    assert response.status_code == 403
    assert not SatisfactionResponse.objects.exists()


def test_person_without_membership_is_outsider(accepted):
    stranger = Client()
    stranger.force_login(make_person("yad@example.az"))

    assert stranger.post(answer_url(accepted), {"score": "6"}).status_code == 404
