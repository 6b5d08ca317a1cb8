"""The public list at /reyestr/: who is listed, filters, search, order, pagination, errors and query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import ngettext

from cms.directory.views import PER_PAGE
from tests.accounts.people import translated

from .factories import make_many, make_registered

pytestmark = pytest.mark.django_db

LIST_URL = "/reyestr/"


def counted(singular: str, plural: str, count: int, language: str = "az") -> str:
    with translation.override(language):
        return ngettext(singular, plural, count) % {"counter": count}


def listed_names(response) -> list[str]:
    return [organization.name for organization in response.context["organizations_page"].object_list]


def test_lists_registered_organizations(client, health_seki, others):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert set(listed_names(response)) == {organization.name for organization in health_seki + others}


def test_hides_unverified_applicant_organization(client, health_seki, private_organization):
    response = client.get(LIST_URL)

    assert private_organization.name not in listed_names(response)
    assert "Gizli Təşəbbüs" not in response.content.decode()


def test_lists_verified_organization_without_register_status(client, verified_only):
    response = client.get(LIST_URL)

    assert listed_names(response) == [verified_only.name]


def test_lists_imported_organization_without_status(client):
    organization = make_registered("“Statussuz” Fondu", register_status="")

    response = client.get(LIST_URL)

    assert listed_names(response) == [organization.name]


def test_withdrawn_verification_hides_organization(client, verified_only):
    verified_only.verified_at = None
    verified_only.save(update_fields=["verified_at"])

    response = client.get(LIST_URL)

    assert listed_names(response) == []


def test_sorted_in_azerbaijani_alphabetical_order(client):
    for name in ["“Şəfa Yolu” İctimai Birliyi", "Gənclər Təşkilatlarının Regional İttifaqı", "“Sağlam Gələcək” Fondu",
                 "“Əlinizdən Tutaq” İctimai Birliyi", "“Ürək Dostları” Fondu", "“Ekologiya” İctimai Birliyi"]:
        make_registered(name)

    response = client.get(LIST_URL)

    assert listed_names(response) == [
        "“Ekologiya” İctimai Birliyi",
        "“Əlinizdən Tutaq” İctimai Birliyi",
        "Gənclər Təşkilatlarının Regional İttifaqı",
        "“Sağlam Gələcək” Fondu",
        "“Şəfa Yolu” İctimai Birliyi",
        "“Ürək Dostları” Fondu",
    ]


def test_shows_count_and_columns(client, health_seki):
    response = client.get(LIST_URL)

    html = response.content.decode()
    assert counted("%(counter)s organization found", "%(counter)s organizations found", 3) in html
    assert "“Şəfqət” Tibbi Yardım Fondu" in html
    assert "Şəki şəhəri" in html
    assert "14 mart 2015" in html
    assert translated("Health") in html
    assert translated("Foundation") in html
    assert translated("Liquidated") in html
    assert 'href="/reyestr/{}/"'.format(health_seki[0].pk) in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sphere": "health"}, {"“Sağlam Gələcək” İctimai Birliyi", "“Şəfqət” Tibbi Yardım Fondu", "“Sağlam Ana və Uşaq” İctimai Birliyi"}),
        ({"sphere": "youth"}, {"“İstiqlal Gəncləri” İctimai Birliyi"}),
        ({"region": "gence"}, {"“Bilik Körpüsü” Maarifçilik İctimai Birliyi"}),
        ({"legal_form": "foundation"}, {"“Şəfqət” Tibbi Yardım Fondu"}),
        ({"status": "liquidated"}, {"“Sağlam Ana və Uşaq” İctimai Birliyi"}),
        ({"status": "suspended"}, {"“Bilik Körpüsü” Maarifçilik İctimai Birliyi"}),
        ({"sphere": "health", "region": "seki-seheri", "status": "active"}, {"“Sağlam Gələcək” İctimai Birliyi", "“Şəfqət” Tibbi Yardım Fondu"}),
        ({"sphere": "health", "region": "baki"}, set()),
    ],
)
def test_filters(client, health_seki, others, query, expected):
    response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert set(listed_names(response)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sehiyye", {"“Səhiyyə Maarifi” İctimai Birliyi"}),
        ("SƏHİYYƏ", {"“Səhiyyə Maarifi” İctimai Birliyi"}),
        ("səhiyyəsi", {"“Səhiyyə Maarifi” İctimai Birliyi"}),
        ("ISTIQLAL", {"“İstiqlal Gəncləri” İctimai Birliyi"}),
        ("istiqlal genclerinin", {"“İstiqlal Gəncləri” İctimai Birliyi"}),
        ("sagliq", {"“Sağlıq Evi” Fondu"}),
        ("SAĞLIĞIN", {"“Sağlıq Evi” Fondu"}),
        ("saglam", {"“Sağlam Gələcək” İctimai Birliyi", "“Sağlam Ana və Uşaq” İctimai Birliyi"}),
        ("sağlam gələcək", {"“Sağlam Gələcək” İctimai Birliyi"}),
        ("gelecek saglam", {"“Sağlam Gələcək” İctimai Birliyi"}),
        ("ana və uşaq", {"“Sağlam Ana və Uşaq” İctimai Birliyi"}),
        ("Şəf", {"“Şəfqət” Tibbi Yardım Fondu"}),
        ("shefqet", {"“Şəfqət” Tibbi Yardım Fondu"}),
        ("1500110337", {"“Sağlam Gələcək” İctimai Birliyi"}),
        ("15001 10337", {"“Sağlam Gələcək” İctimai Birliyi"}),
        ("1400200713", {"“Sağlam Gələcək” İctimai Birliyi"}),
        ("1400-200713", {"“Sağlam Gələcək” İctimai Birliyi"}),
        ("Gizli", set()),
        ("qqqzzz", set()),
    ],
)
def test_search_handles_azerbaijani_variants(client, health_seki, others, private_organization, text, expected):
    make_registered("“Səhiyyə Maarifi” İctimai Birliyi", region="gence")
    make_registered("“Sağlıq Evi” Fondu", legal_form="foundation")

    response = client.get(LIST_URL, {"q": text})

    assert response.status_code == 200
    assert set(listed_names(response)) == expected


def test_search_combines_with_filters(client, health_seki, others):
    response = client.get(LIST_URL, {"q": "saglam", "status": "liquidated"})

    assert listed_names(response) == ["“Sağlam Ana və Uşaq” İctimai Birliyi"]


def test_empty_state_explains_what_to_do(client, health_seki):
    response = client.get(LIST_URL, {"q": "mövcud olmayan ad"})

    html = response.content.decode()
    assert listed_names(response) == []
    assert translated("No organizations match your search.") in html
    assert 'data-export="csv"' not in html


def test_export_links_keep_filters_without_page(client, health_seki):
    response = client.get(LIST_URL, {"sphere": "health", "q": "Sağlam", "page": "1"})

    html = response.content.decode()
    assert 'href="/reyestr/ixrac.csv?sphere=health&amp;q=Sa%C4%9Flam"' in html
    assert 'href="/reyestr/ixrac.xlsx?sphere=health&amp;q=Sa%C4%9Flam"' in html


def test_paginates(client):
    make_many(PER_PAGE + 5)

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": "2"})

    assert first.context["organizations_page"].paginator.count == PER_PAGE + 5
    assert len(listed_names(first)) == PER_PAGE
    assert len(listed_names(second)) == 5
    assert 'href="?page=2"' in first.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "9" * 5000, "1\x00"])
def test_odd_page_numbers_show_a_page(client, health_seki, page):
    response = client.get(LIST_URL, {"page": page})

    assert response.status_code == 200
    assert listed_names(response)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"sphere": "astrology"}, "sphere", "Choose a sphere of activity from the list."),
        ({"region": "atlantis"}, "region", "Choose a region from the list."),
        ({"legal_form": "company"}, "legal_form", "Choose a legal form from the list."),
        ({"status": "sleeping"}, "status", "Choose a status from the list."),
        ({"status": "active\x00"}, "status", "Choose a status from the list."),
        ({"q": "sağlam\x00"}, "q", "The search contains a NUL character. Remove it and try again."),
        ({"q": "ə" * 201}, "q", "Enter at most %(limit_value)d characters to search for."),
    ],
)
def test_bad_filter_shows_translated_error(client, health_seki, query, field, message):
    response = client.get(LIST_URL, query)

    html = response.content.decode()
    expected = translated(message)
    if "%(limit_value)d" in expected:
        expected = expected % {"limit_value": 200}
    assert response.status_code == 400
    assert expected in html
    assert f'href="#id_{field}"' in html
    assert listed_names(response) == []


@pytest.mark.parametrize("language", ["en", "ru"])
def test_list_in_other_languages(client, health_seki, language):
    response = client.get(f"/{language}{LIST_URL}", {"sphere": "health"})

    html = response.content.decode()
    assert response.status_code == 200
    assert translated("Health", language) in html
    assert f'<a href="/{language}/reyestr/{health_seki[0].pk}/" lang="az">“Sağlam Gələcək” İctimai Birliyi</a>' in html


def test_header_links_to_directory(client):
    response = client.get("/axtaris/")

    assert 'href="/reyestr/"' in response.content.decode()


def test_only_get_and_head(client):
    assert client.post(LIST_URL).status_code == 405
    assert client.head(LIST_URL).status_code == 200


def count_queries(client, url, query=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("query", [{}, {"q": "numune birliyi", "sphere": "health"}])
def test_query_count_does_not_grow_with_rows(client, query):
    make_many(3)
    client.get(LIST_URL)  # warms the per-process caches (content types, site root)
    few = count_queries(client, LIST_URL, query)
    make_many(27)

    many = count_queries(client, LIST_URL, query)

    assert many == few


def test_clear_link_only_when_filtered(client, health_seki):
    plain = client.get(LIST_URL, {"page": "1", "q": "  "}).content.decode()
    filtered = client.get(LIST_URL, {"sphere": "health"}).content.decode()

    assert 'class="filters__clear"' not in plain
    assert 'class="filters__clear"' in filtered


def test_home_page_has_directory_search(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/reyestr/"' in html
    assert 'id="home-directory-q" name="q"' in html
