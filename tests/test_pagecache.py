"""The public page cache: served to anonymous readers, dropped on any edit, never for signed-in users."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.legal.models import LegalAct

pytestmark = pytest.mark.django_db

ARTICLE = "/qanunlar/aile-mecellesi/madde-1/"


def test_second_read_runs_no_queries(client):
    client.get(ARTICLE)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(ARTICLE)

    assert response.status_code == 200
    assert len(queries.captured_queries) == 0


def test_edit_invalidates_cached_pages(client):
    client.get("/qanunlar/")
    act = LegalAct.objects.get(slug="aile-mecellesi")
    act.title_en = "Family Code"
    act.title = "Ailə Məcəlləsi (yeni ad)"
    act.save()

    response = client.get("/qanunlar/")

    assert "Ailə Məcəlləsi (yeni ad)" in response.content.decode()


def test_signed_in_users_bypass_cache(client, django_user_model):
    client.get(ARTICLE)
    user = django_user_model.objects.create_user(username="reader", password="x")
    client.force_login(user)

    with CaptureQueriesContext(connection) as queries:
        client.get(ARTICLE)

    assert len(queries.captured_queries) > 0


def test_not_found_is_not_cached(client):
    client.get("/qanunlar/aile-mecellesi/madde-99999/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/qanunlar/aile-mecellesi/madde-99999/")

    assert response.status_code == 404
    assert len(queries.captured_queries) > 0


def test_each_host_has_its_own_copy(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "e-pencere.example.az"]
    client.get(ARTICLE)

    response = client.get(ARTICLE, HTTP_HOST="e-pencere.example.az")

    assert "http://e-pencere.example.az/qanunlar/aile-mecellesi/madde-1/" in response.content.decode()


def test_unknown_host_is_rejected_even_when_cached(client):
    client.get(ARTICLE)

    response = client.get(ARTICLE, HTTP_HOST="evil.example")

    assert response.status_code == 400


def test_page_made_private_leaves_cache(client, django_capture_on_commit_callbacks):
    from wagtail.models import Page, PageViewRestriction

    library = Page.objects.get(url_path__endswith="/qanunlar/", locale__language_code="az")
    assert client.get("/qanunlar/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/qanunlar/").status_code == 302


def test_page_move_leaves_cache(client, django_capture_on_commit_callbacks):
    from wagtail.signals import post_page_move

    client.get("/qanunlar/")
    act = LegalAct.objects.get(slug="aile-mecellesi")
    LegalAct.objects.filter(pk=act.pk).update(title="Ailə Məcəlləsi (köçürüldü)")

    with django_capture_on_commit_callbacks(execute=True):
        post_page_move.send(sender=LegalAct, instance=act, parent_page_before=None, parent_page_after=None,
                            url_path_before="", url_path_after="")

    assert "Ailə Məcəlləsi (köçürüldü)" in client.get("/qanunlar/").content.decode()
