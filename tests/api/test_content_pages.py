"""``/api/v1/pages/``: Wagtail's page API in the requested language, public pages only."""

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.home.models import HomePage
from help.models import HelpIndexPage

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/pages/"


@pytest.fixture
def az_home():
    return HomePage.objects.get(locale__language_code="az")


@pytest.fixture
def help_index(az_home):
    """A help centre that exists only in Azerbaijani."""
    page = HelpIndexPage(title="Kömək mərkəzi", slug="komek", intro="<p>Şikayət və müqavilə nümunələri</p>")
    az_home.add_child(instance=page)
    return page


@pytest.fixture
def draft_help_index(az_home):
    page = HelpIndexPage(title="Qaralama", slug="qaralama", live=False)
    az_home.add_child(instance=page)
    return page


def locales(response) -> set[str]:
    return {item["meta"]["locale"] for item in response.json()["items"]}


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_listing_holds_one_language(client, language):
    response = client.get(LIST_URL, {"lang": language})

    body = response.json()
    assert response.status_code == 200
    assert body["meta"]["total_count"] == len(body["items"]) > 0
    assert locales(response) == {language}
    assert response["Content-Language"] == language


def test_listing_follows_accept_language(client):
    response = client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")

    assert locales(response) == {"ru"}


def test_listing_defaults_to_azerbaijani(client):
    response = client.get(LIST_URL)

    assert locales(response) == {"az"}


def test_lang_parameter_beats_header(client):
    response = client.get(LIST_URL, {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="ru")

    assert locales(response) == {"en"}


def test_locale_parameter_is_synonym(client):
    response = client.get(LIST_URL, {"locale": "ru"})

    assert locales(response) == {"ru"}


def test_conflicting_lang_and_locale_is_400(client):
    response = client.get(LIST_URL, {"lang": "en", "locale": "ru"})

    assert response.status_code == 400
    assert "locale" in response.json()["errors"]


@pytest.mark.parametrize("parameter", ["lang", "locale"])
def test_unknown_language_is_400(client, parameter):
    response = client.get(LIST_URL, {parameter: "tr"})

    body = response.json()
    assert response.status_code == 400
    assert body["detail"] == "Sorğunun bəzi parametrləri yanlışdır."
    assert parameter in body["errors"]


def test_detail_returns_translation_in_requested_language(client, az_home):
    ru_home = az_home.get_translation(az_home.get_translations().get(locale__language_code="ru").locale)

    response = client.get(f"{LIST_URL}{az_home.pk}/", {"lang": "ru"})

    body = response.json()
    assert response.status_code == 200
    assert body["id"] == ru_home.pk
    assert body["meta"]["locale"] == "ru"
    assert response["Content-Language"] == "ru"


def test_detail_falls_back_to_azerbaijani(client, help_index):
    response = client.get(f"{LIST_URL}{help_index.pk}/", {"lang": "ru"})

    body = response.json()
    assert response.status_code == 200
    assert body["id"] == help_index.pk
    assert body["meta"]["locale"] == "az"
    assert body["meta"]["type"] == "help.HelpIndexPage"
    assert response["Content-Language"] == "az"


def test_detail_without_language_is_page_itself(client, az_home):
    en_home = az_home.get_translations().get(locale__language_code="en")

    response = client.get(f"{LIST_URL}{en_home.pk}/")

    assert response.json()["id"] == en_home.pk
    assert response["Content-Language"] == "en"


def test_detail_has_api_fields_as_html(client, help_index):
    response = client.get(f"{LIST_URL}{help_index.pk}/")

    body = response.json()
    assert body["title"] == "Kömək mərkəzi"
    assert body["intro"] == "<p>Şikayət və müqavilə nümunələri</p>"
    assert body["meta"]["parent"]["title"]


def test_type_filter_lists_only_that_type(client, help_index):
    response = client.get(LIST_URL, {"type": "help.HelpIndexPage", "fields": "intro"})

    items = response.json()["items"]
    assert [item["id"] for item in items] == [help_index.pk]
    assert items[0]["intro"].startswith("<p>")


def test_draft_page_is_hidden(client, draft_help_index):
    listing = client.get(LIST_URL, {"type": "help.HelpIndexPage"})
    detail = client.get(f"{LIST_URL}{draft_help_index.pk}/")

    assert listing.json()["items"] == []
    assert detail.status_code == 404
    assert list(detail.json()) == ["detail"]


def test_restricted_page_is_hidden_even_for_staff(client, help_index, django_user_model):
    PageViewRestriction.objects.create(page=help_index, restriction_type=PageViewRestriction.LOGIN)
    staff = django_user_model.objects.create_superuser("admin@example.az", "admin@example.az", "parol-12345")
    client.force_login(staff)

    listing = client.get(LIST_URL, {"type": "help.HelpIndexPage"})
    detail = client.get(f"{LIST_URL}{help_index.pk}/")

    assert listing.json()["items"] == []
    assert detail.status_code == 404


def test_search_finds_azerbaijani_title(client, help_index):
    response = client.get(LIST_URL, {"search": "Kömək"})

    assert help_index.pk in [item["id"] for item in response.json()["items"]]


def test_limit_is_capped_at_50(client):
    accepted = client.get(LIST_URL, {"limit": "50"})
    rejected = client.get(LIST_URL, {"limit": "51"})

    assert accepted.status_code == 200
    assert rejected.status_code == 400
    assert "limit" in rejected.json()["errors"]


def test_offset_and_limit_page_through(client):
    everything = [item["id"] for item in client.get(LIST_URL).json()["items"]]

    second = client.get(LIST_URL, {"limit": "1", "offset": "1"}).json()

    assert [item["id"] for item in second["items"]] == everything[1:2]
    assert second["meta"]["total_count"] == len(everything)


def test_root_page_is_never_listed(client):
    response = client.get(LIST_URL, {"lang": "az", "limit": "50"})

    assert Page.get_first_root_node().pk not in [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize(("path", "language"), [("/qanunlar/", "az"), ("/en/qanunlar/", "en"), ("/ru/qanunlar/", "ru")])
def test_find_by_path_in_each_language(client, path, language):
    response = client.get(f"{LIST_URL}find/", {"html_path": path})

    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert detail.json()["meta"]["type"] == "legal.LegalActIndexPage"
    assert detail.json()["meta"]["locale"] == language


def test_find_keeps_requested_language(client):
    response = client.get(f"{LIST_URL}find/", {"html_path": "/en/qanunlar/", "lang": "ru"})

    assert response.status_code == 302
    assert "lang=ru" in response["Location"]
    assert client.get(response["Location"]).json()["meta"]["locale"] == "ru"


def test_unknown_address_is_json_404(client):
    response = client.get("/api/v1/pages/abc/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_find_unknown_path_is_404(client):
    response = client.get(f"{LIST_URL}find/", {"html_path": "/yoxdur/"})

    assert response.status_code == 404


def test_find_draft_path_is_404(client, draft_help_index):
    response = client.get(f"{LIST_URL}find/", {"html_path": "/qaralama/"})

    assert response.status_code == 404
