"""The help centre's pages: where each type may go, what each shows, links from e-services, escaping, caching."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from cms.home.models import HomePage
from cms.legal.models import LegalActIndexPage
from help.models import (
    AnswerViews,
    ContactPage,
    ContactPhone,
    FaqQuestionPage,
    FaqTopicPage,
    GuideIndexPage,
    HelpIndexPage,
    SampleIndexPage,
)
from tests.eservices.conftest import make_service_page, translate_page

from .conftest import (
    ANSWER,
    CONTACT_PATH,
    ENGLISH_QUESTION_PATH,
    INDEX_PATH,
    QUESTION_PATH,
    QUESTION_TITLE,
    TOPIC_PATH,
    client_for,
    publish_child,
)

# --- Page types and the tree ---------------------------------------------------------


def test_parent_page_types():
    assert HelpIndexPage.allowed_parent_page_models() == [HomePage]
    assert FaqTopicPage.allowed_parent_page_models() == [HelpIndexPage]
    assert FaqQuestionPage.allowed_parent_page_models() == [FaqTopicPage]
    assert ContactPage.allowed_parent_page_models() == [HelpIndexPage]


def test_subpage_types():
    assert set(HelpIndexPage.allowed_subpage_models()) == {FaqTopicPage, GuideIndexPage, SampleIndexPage, ContactPage}
    assert FaqTopicPage.allowed_subpage_models() == [FaqQuestionPage]
    assert FaqQuestionPage.allowed_subpage_models() == []
    assert ContactPage.allowed_subpage_models() == []
    assert HelpIndexPage in HomePage.allowed_subpage_models()


def test_where_editors_can_create_pages(help_index, topic, contact):
    home = HomePage.objects.get(locale__language_code="az")
    library = LegalActIndexPage.objects.child_of(home).first()

    assert not HelpIndexPage.can_create_at(home)  # one per home page, and it exists
    assert not ContactPage.can_create_at(help_index)  # one per help centre, and it exists
    assert FaqTopicPage.can_create_at(help_index)
    assert FaqQuestionPage.can_create_at(topic)
    assert not FaqQuestionPage.can_create_at(help_index)
    assert not FaqTopicPage.can_create_at(topic)
    assert not FaqTopicPage.can_create_at(library)


def test_help_index_creatable_under_home_without_one(db):
    home = HomePage.objects.get(locale__language_code="az")

    assert HelpIndexPage.can_create_at(home)


# --- What the pages show ----------------------------------------------------------------


def test_index_lists_topics_and_featured_questions(client, question, other_question, contact):
    response = client.get(INDEX_PATH)
    text = response.content.decode()

    assert response.status_code == 200
    assert f'href="{TOPIC_PATH}"' in text
    assert "Şifrə, giriş keçidi və iki faktorlu giriş." in text
    assert f'href="{QUESTION_PATH}"' in text
    # Not marked for the index, and editors marked one, so the fallback is off.
    assert 'href="/komek/hesab-ve-giris/giris-kecidi/"' not in text
    assert f'href="{CONTACT_PATH}"' in text
    assert 'href="tel:+994120000000"' in text
    assert "+994 12 000 00 00" in text


def test_index_falls_back_to_most_viewed(help_index, question, other_question):
    FaqQuestionPage.objects.filter(pk=question.pk).update(show_on_help_index=False)
    AnswerViews.objects.create(page=question, views=3)
    AnswerViews.objects.create(page=other_question, views=10)

    shown = help_index.most_useful_questions()

    assert [page.pk for page in shown] == [other_question.pk, question.pk]


def test_index_shows_no_questions_nobody_viewed(help_index, question):
    FaqQuestionPage.objects.filter(pk=question.pk).update(show_on_help_index=False)

    assert help_index.most_useful_questions() == []


def test_topic_lists_its_live_questions(client, question, other_question):
    other_question.unpublish()

    text = client.get(TOPIC_PATH).content.decode()

    assert f'href="{QUESTION_PATH}"' in text
    assert "giris-kecidi" not in text


def test_question_page_shows_answer_and_feedback(client, question, contact):
    response = client.get(QUESTION_PATH)
    text = response.content.decode()

    assert response.status_code == 200
    assert f"<h1>{QUESTION_TITLE}</h1>" in text
    assert ANSWER in text
    assert 'action="/komek/hesab-ve-giris/sifremi-unutmusam/rey/"' in text
    assert 'name="csrfmiddlewaretoken"' in text
    assert f'href="{TOPIC_PATH}"' in text
    assert 'href="tel:+994120000000"' in text


def test_question_page_in_english(client, english_question):
    response = client.get(ENGLISH_QUESTION_PATH)

    assert response.status_code == 200
    assert "I have forgotten my password" in response.content.decode()
    assert 'action="/en/komek/hesab-ve-giris/sifremi-unutmusam/rey/"' in response.content.decode()


def test_preview_does_not_count_a_view(question):
    question.answer = "<p>Qaralama cavab</p>"

    response = question.make_preview_request()

    assert response.status_code == 200
    assert "Qaralama cavab" in response.content.decode()
    assert not AnswerViews.objects.filter(page=question).exists()


def test_unknown_address_under_question_is_404(client, question):
    assert client.get(QUESTION_PATH + "yoxdur/").status_code == 404


def test_answer_text_is_plain(question):
    assert question.answer_text() == "Şifrəni bərpa edin: Konstitusiya, maddə 1. İkinci addım"


def test_contact_page_shows_numbers_and_hours(client, contact):
    text = client.get(CONTACT_PATH).content.decode()

    assert '<a class="help-phones__number" href="tel:+994120000000">+994 12 000 00 00</a>' in text
    assert "Bazar ertəsi – cümə: 09:00–18:00" in text
    assert "Şənbə, bazar: işləmir" in text
    assert 'name="served"' in text
    assert 'class="help-trap"' in text


def test_phone_number_normalised_on_clean(contact):
    phone = ContactPhone(page=contact, label="Qaynar xətt", number="012 000 00 05")

    phone.full_clean()

    assert phone.number == "+994120000005"
    assert phone.display_number == "+994 12 000 00 05"


def test_phone_number_rejected_when_not_azerbaijani(contact):
    phone = ContactPhone(page=contact, label="Qaynar xətt", number="+7 495 000 00 00")

    with pytest.raises(ValidationError) as error:
        phone.full_clean()

    assert "number" in error.value.message_dict


# --- Links with the e-services ------------------------------------------------------------


def test_service_page_lists_its_questions(client, question, other_question):
    service = make_service_page()
    question.services.add(service)
    question.save_revision().publish()

    text = client.get("/e-xidmetler/qrant-muqavilesi/").content.decode()

    assert "service-questions-title" in text
    assert f'href="{QUESTION_PATH}"' in text
    assert "giris-kecidi" not in text


def test_service_page_without_questions_shows_no_list(client, question):
    make_service_page()

    text = client.get("/e-xidmetler/qrant-muqavilesi/").content.decode()

    assert "service-questions-title" not in text


def test_english_service_page_lists_english_questions(client, english_question, question):
    """An English question that names the Azerbaijani service still shows on the English service page."""
    service = make_service_page()
    english_service = translate_page(service, "en", "Registering a grant agreement")
    english_question.services.add(service)
    english_question.save_revision().publish()

    english_text = client.get("/en/e-xidmetler/qrant-muqavilesi/").content.decode()
    azerbaijani_text = client.get("/e-xidmetler/qrant-muqavilesi/").content.decode()

    assert f'href="{ENGLISH_QUESTION_PATH}"' in english_text
    assert "service-questions-title" not in azerbaijani_text
    assert [page.pk for page in english_question.related_services()] == [english_service.pk]


def test_question_lists_its_live_services(client, question):
    service = make_service_page()
    question.services.add(service)
    question.save_revision().publish()

    text = client.get(QUESTION_PATH).content.decode()

    assert '<a href="/e-xidmetler/qrant-muqavilesi/">Qrant müqaviləsinin qeydiyyatı</a>' in text


def test_navigation_links_to_help_centre(client, help_index, english_question):
    assert 'href="/komek/"' in client.get("/").content.decode()
    assert 'href="/en/komek/"' in client.get("/en/").content.decode()


# --- Escaping ------------------------------------------------------------------------------


def test_title_is_escaped(client, topic):
    publish_child(topic, FaqQuestionPage(title="<script>alert('x')</script> nə?", slug="skript", answer="<p>Cavab</p>"))

    text = client.get("/komek/hesab-ve-giris/skript/").content.decode()

    assert "<script>alert('x')</script>" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; nə?" in text


def draftail(text: str, url: str) -> str:
    """Rich text as the admin's editor posts it: one paragraph whose last four characters link to ``url``."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": len(text) - 4, "length": 4, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def test_answer_from_admin_is_escaped(client, question, help_groups):
    """Markup typed into the answer shows as text, and a javascript: link loses its address."""
    admin = superuser()
    edit_url = f"/admin/pages/{question.pk}/edit/"
    form = client_for(admin).get(edit_url).context["form"]
    data = {
        "title": question.title,
        "slug": question.slug,
        "answer": draftail("<script>alert(1)</script> klik", "javascript:alert(1)"),
        "show_on_help_index": "on",
        "action-publish": "action-publish",
    }
    for name, formset in form.formsets.items():
        management = formset.management_form
        data.update({f"{management.prefix}-{key}": value for key, value in management.initial.items()})

    response = client_for(admin).post(edit_url, data)
    text = client.get(QUESTION_PATH).content.decode()

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)</script>" not in text
    assert "javascript:" not in text


# --- Caching -------------------------------------------------------------------------------


def test_index_and_topic_served_from_page_cache(client, question, django_assert_num_queries):
    client.get(INDEX_PATH)
    client.get(TOPIC_PATH)

    with django_assert_num_queries(0):
        assert client.get(INDEX_PATH).status_code == 200
        assert client.get(TOPIC_PATH).status_code == 200


def test_question_page_counted_despite_page_cache(question):
    """The question page carries a CSRF token, so the page cache never stores it and every view counts."""
    from django.test import Client

    for _ in range(3):
        response = Client().get(QUESTION_PATH)
        assert response.status_code == 200
        assert "csrftoken" in response.cookies

    assert AnswerViews.objects.get(page=question).views == 3


# --- The editor's form --------------------------------------------------------------------


def superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("baş-redaktor", "bas@example.az", "superuser-password-2026")


def test_new_question_form_opens(topic, help_groups):
    response = client_for(superuser()).get(f"/admin/pages/add/help/faqquestionpage/{topic.pk}/")

    assert response.status_code == 200
    assert "services" in response.context["form"].fields
    assert gettext("Readers' feedback appears here once the page is published.") in response.content.decode()


def test_services_offered_in_question_language(question, english_question, help_groups):
    service = make_service_page()
    english_service = translate_page(service, "en", "Registering a grant agreement")
    admin = client_for(superuser())

    azerbaijani_choices = admin.get(f"/admin/pages/{question.pk}/edit/").context["form"].fields["services"].queryset
    english_choices = admin.get(f"/admin/pages/{english_question.pk}/edit/").context["form"].fields["services"].queryset

    assert list(azerbaijani_choices) == [service]
    assert list(english_choices) == [english_service]
