"""The guides' and samples' api_fields through Wagtail's pages API (v2), mounted here only for the test.

The site's own API endpoints for these pages are wired elsewhere; this checks
that the fields a headless client needs serialize from real pages.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as site_urlpatterns
from help.models import DocumentSamplePage

from .conftest import publish_child
from .test_guides import GUIDE_PATH, WEBM, guide, guide_index, media, poster  # noqa: F401 (fixtures)
from .test_samples import FILLED, documents, sample, sample_index  # noqa: F401 (fixtures)

router = WagtailAPIRouter("testapi")
router.register_endpoint("pages", PagesAPIViewSet)
# The site's own patterns follow, because the API reverses page and document URLs.
urlpatterns = [path("api/v2/", router.urls), *site_urlpatterns]

pytestmark = pytest.mark.urls(__name__)


def test_guide_fields(guide, client):
    response = client.get(f"/api/v2/pages/{guide.pk}/")
    data = response.json()

    assert response.status_code == 200
    assert data["meta"]["type"] == "help.VideoGuidePage"
    assert data["video_url"].endswith(".webm")
    assert data["video_content_type"] == "video/webm"
    assert data["video_size"] == len(WEBM)
    assert data["duration"] == 65
    assert data["embed_url"] == ""
    assert [caption["language"] for caption in data["captions"]] == ["az", "en", "ru"]
    assert data["captions"][0]["label"] == "Azərbaycanca"
    assert data["captions"][0]["url"].endswith("altyazi/az/")
    assert data["poster"]["url"].startswith("/")
    assert data["poster"]["width"] == 320
    assert "<ol><li>Formu doldurun.</li></ol>" in data["transcript"]
    assert data["services"] == []


def test_sample_fields(sample, documents, client):
    data = client.get(f"/api/v2/pages/{sample.pk}/").json()

    assert data["filled_document"]["format"] == "DOCX"
    assert data["filled_document"]["size"] == FILLED.stat().st_size
    assert data["filled_document"]["url"] == documents.filled.url
    assert data["blank_document"]["url"] == documents.blank.url
    assert "<ul><li>Məbləğ</li></ul>" in data["description"]


def test_sample_without_blank(sample_index, documents, client):
    page = publish_child(
        sample_index,
        DocumentSamplePage(title="Protokol", slug="protokol", description="<p>x</p>", filled_document=documents.filled),
    )

    assert client.get(f"/api/v2/pages/{page.pk}/").json()["blank_document"] is None
