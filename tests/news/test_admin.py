"""Writing and publishing a news item in Wagtail's admin, as an editor does."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.legal.models import LegalAct
from cms.news.models import NewsPage
from cms.news.signals import news_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(username="xeber-redaktoru", email="redaktor@example.az", password="x")


def test_admin_creates_and_publishes_item(client, superuser, news_index, django_capture_on_commit_callbacks):
    client.force_login(superuser)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    assert client.get(add_url).status_code == 200

    sent = []
    news_published.connect(lambda sender, page, **kwargs: sent.append(page.pk), weak=False, dispatch_uid="test_admin_sent")
    act = LegalAct.objects.get(slug="aile-mecellesi")
    data = nested_form_data(
        {
            "title": "Qrant müqavilələri: İyul ayından yeni qayda",
            "slug": "qrant-muqavileleri-yeni-qayda",
            "date": "2026-12-04",
            "category": "qrantlar",
            "summary": "Əlavə müqavilələr də 15 gün ərzində qeydiyyata təqdim edilir.",
            "body": rich_text("<p>Ətraflı <b>mətn</b>.</p>"),
            "action-publish": "action-publish",
        }
    )
    # nested_form_data would number a list like a formset; a multiple select posts the key once per value.
    data["related_acts"] = [act.pk]
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(add_url, data)
    finally:
        news_published.disconnect(dispatch_uid="test_admin_sent")
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    item = NewsPage.objects.get(slug="qrant-muqavileleri-yeni-qayda")
    assert item.live
    assert list(item.related_acts.all()) == [act]
    assert sent == [item.pk]
    assert client.get("/xeberler/qrant-muqavileleri-yeni-qayda/").status_code == 200


def test_admin_rejects_item_without_category(client, superuser, news_index):
    client.force_login(superuser)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    data = nested_form_data(
        {
            "title": "Kateqoriyasız xəbər",
            "slug": "kateqoriyasiz",
            "date": "2026-12-04",
            "category": "",
            "summary": "Xülasə.",
            "body": rich_text("<p>Mətn.</p>"),
            "action-publish": "action-publish",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 200
    assert "category" in response.context["form"].errors
    assert not NewsPage.objects.filter(slug="kateqoriyasiz").exists()
