"""The public pages of the library, in all three languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.legal.models import LegalAct

pytestmark = pytest.mark.django_db

FAMILY_CODE = "/qanunlar/aile-mecellesi/"


def test_home_page_links_library(client):
    response = client.get("/")

    assert response.status_code == 200
    assert 'href="/qanunlar/"' in response.content.decode()


def test_act_list_shows_public_acts(client):
    response = client.get("/qanunlar/")

    assert response.status_code == 200
    assert "Azərbaycan Respublikasının Ailə Məcəlləsi" in response.content.decode()


def test_act_list_filters_by_type(client):
    response = client.get("/qanunlar/", {"type": "constitution"})

    content = response.content.decode()
    assert "Konstitusiya" in content
    assert "Ailə Məcəlləsi" not in content


@pytest.mark.parametrize("query", [{"year": "abc"}, {"type": "nonsense"}, {"year": "19\x0099"}, {"page": "x"}])
def test_act_list_bad_filter_is_not_an_error_page(client, query):
    response = client.get("/qanunlar/", query)

    assert response.status_code == 200


def test_act_page_has_table_of_contents(client):
    response = client.get(FAMILY_CODE)

    content = response.content.decode()
    assert response.status_code == 200
    assert "madde-1/" in content or "fesil-" in content


def test_article_permalink(client):
    response = client.get(FAMILY_CODE + "madde-1/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Maddə 1" in content
    assert "madde-2/" in content


def test_article_permalink_in_english_and_russian(client):
    for prefix in ("/en", "/ru"):
        response = client.get(prefix + FAMILY_CODE + "madde-1/")

        assert response.status_code == 200, prefix
        assert 'lang="az"' in response.content.decode(), prefix


def test_repaired_article_has_permalink(client):
    response = client.get("/qanunlar/konstitusiya/madde-98-1/")

    assert response.status_code == 200


def test_unknown_article_is_404(client):
    response = client.get(FAMILY_CODE + "madde-9999/")

    assert response.status_code == 404


def test_unknown_act_is_404(client):
    response = client.get("/qanunlar/no-such-act/")

    assert response.status_code == 404


def test_old_version_is_marked(client):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    old_version = act.current_version
    from cms.legal.publishing import copy_as_draft, on_version_published

    new_version = copy_as_draft(old_version)
    new_version.effective_date = old_version.effective_date.replace(year=old_version.effective_date.year + 1)
    new_version.live = True
    new_version.save()
    on_version_published(new_version)

    response = client.get(f"{FAMILY_CODE}versiya-{old_version.pk}/madde-1/")
    current = client.get(FAMILY_CODE + "madde-1/")

    assert response.status_code == 200
    assert response.context["version"] == old_version
    assert current.context["version"] == new_version


def test_version_list(client):
    response = client.get(FAMILY_CODE + "versiyalar/")

    assert response.status_code == 200


def test_print_view(client):
    response = client.get("/qanunlar/nk-qerari-339-2015-xarici-donorlarin-qrant-huququ/cap/")

    assert response.status_code == 200


def test_draft_act_is_not_public(client):
    LegalAct.objects.filter(slug="aile-mecellesi").update(live=False)

    response = client.get(FAMILY_CODE)

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/qanunlar/", FAMILY_CODE, FAMILY_CODE + "madde-5/"])
def test_query_count_does_not_grow_with_library(client, path, settings):
    """Loading more acts adds rows, not queries."""
    settings.PUBLIC_PAGE_CACHE = False
    with CaptureQueriesContext(connection) as before:
        client.get(path)

    from tests.conftest import import_files

    import_files(["az-code-water-1997.txt", "az-code-forest-1997.txt", "az-law-medical-insurance-1999.txt"])
    with CaptureQueriesContext(connection) as after:
        client.get(path)

    assert len(before.captured_queries) > 3
    assert len(after.captured_queries) <= len(before.captured_queries)


def test_closing_page_shows_transitional_provisions(client):
    response = client.get("/qanunlar/konstitusiya/yekun/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "KEÇİD MÜDDƏALARI" in content


def test_part_page_lists_chapters_not_all_articles(client):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    part = act.current_version.divisions.filter(kind="part").first()

    response = client.get(f"{FAMILY_CODE}{part.slug}/")

    assert response.status_code == 200
    assert len(response.context["children"]) > 0
    assert response.context["provisions"] == []


def test_parts_numbered_in_words_get_digits():
    act = LegalAct.objects.get(slug="aile-mecellesi")

    numbers = list(act.current_version.divisions.filter(kind="part").values_list("number", flat=True))

    assert numbers[:3] == ["1", "2", "3"]


def test_note_text_excludes_previous_wording():
    """The wording is shown apart, so the note's text ends with the sentence that introduces it, if any."""
    from cms.legal.models import AmendmentNote

    notes = AmendmentNote.objects.exclude(previous_wording="")
    repeated = [note.number for note in notes if note.previous_wording[:40] in note.text]

    assert notes.count() > 20
    assert repeated == []


@pytest.mark.parametrize("prefix", ["", "/en", "/ru"])
def test_language_links_keep_path_and_query(client, prefix):
    response = client.get(f"{prefix}{FAMILY_CODE}madde-1/?x=1")

    content = response.content.decode()
    assert f'href="{FAMILY_CODE}madde-1/?x=1"' in content
    assert f'href="/en{FAMILY_CODE}madde-1/?x=1"' in content
    assert f'href="/ru{FAMILY_CODE}madde-1/?x=1"' in content


def test_english_page_shows_translated_title_and_original(client):
    response = client.get("/en" + FAMILY_CODE)

    content = response.content.decode()
    assert "Family Code of the Republic of Azerbaijan" in content
    assert "Azərbaycan Respublikasının Ailə Məcəlləsi" in content


@pytest.mark.parametrize(
    "path",
    [
        FAMILY_CODE + "versiya-99999999999999999999999/",
        FAMILY_CODE + "versiya-99999999999999999999999/madde-1/",
        FAMILY_CODE + "versiya-0/",
        FAMILY_CODE + "madde-1-1-1-1/",
        FAMILY_CODE + "fesil-999/",
        "/qanunlar/AILE-MECELLESI/",
        "/qanunlar/ail%C9%99-m%C9%99c%C9%99ll%C9%99si/",
        "/qanunlar/" + "a" * 3000 + "/",
    ],
)
def test_odd_addresses_are_404(client, path):
    response = client.get(path)

    assert response.status_code == 404


def test_huge_version_number_is_404(client):
    response = client.get(FAMILY_CODE + "versiya-" + "9" * 4301 + "/")

    assert response.status_code == 404


def test_non_ascii_digits_are_not_version_numbers(client):
    act = LegalAct.objects.get(slug="aile-mecellesi")

    response = client.get(f"{FAMILY_CODE}versiya-{str(act.current_version_id).translate(str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩'))}/")

    assert response.status_code == 404
