"""Adding a video guide in Wagtail's admin: the editor's form checks uploads by content and shows why it rejected one."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import rich_text

from help.models import GuideIndexPage, VideoGuidePage
from tests.accounts.people import translated

from .conftest import client_for, publish_child

FILES = Path(__file__).resolve().parents[2] / "help" / "content" / "files"


@pytest.fixture
def guide_index(help_index, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return publish_child(help_index, GuideIndexPage(title="Video təlimatlar", slug="videolar"))


@pytest.fixture
def poster(guide_index):
    with (FILES / "muraciet-demo-poster.png").open("rb") as handle:
        image = get_image_model()(title="Poster", file=ImageFile(handle, name="poster.png"))
        image.save()
    return image


@pytest.fixture
def admin_client(db):
    user = get_user_model().objects.create_superuser(username="admin-videolar", password="admin-password-2026")
    return client_for(user)


def add_guide(admin_client, guide_index, poster, video_name: str, caption: bytes = b"WEBVTT\n"):
    url = reverse("wagtailadmin_pages:add", args=["help", "videoguidepage", guide_index.pk])
    data = {
        "title": "Qrantı necə qeydiyyata almaq",
        "slug": "qrant",
        "description": "Qısa video.",
        "duration": "6",
        "poster": str(poster.pk),
        "embed_url": "",
        "transcript": rich_text("<p>Addım 1: daxil olun.</p>"),
        "video_file": SimpleUploadedFile(video_name, (FILES / "qrant-demo.webm").read_bytes()),
        "caption_az": SimpleUploadedFile("qrant.az.vtt", caption),
    }
    return admin_client.post(url, data)


def test_webm_uploaded_as_webm_saved(admin_client, guide_index, poster):
    response = add_guide(admin_client, guide_index, poster, "qrant.webm")

    assert response.status_code == 302
    guide = VideoGuidePage.objects.get(slug="qrant")
    assert guide.video_file.name.endswith(".webm")
    assert guide.caption_az.name.endswith(".vtt")


def test_webm_renamed_mp4_rejected(admin_client, guide_index, poster):
    response = add_guide(admin_client, guide_index, poster, "qrant.mp4")

    assert response.status_code == 200
    assert translated('The file is a %(format)s video, but its name ends in “.%(extension)s”. Rename it to end in “.%(expected)s”.', format="WebM", extension="mp4", expected="webm") in response.content.decode()
    assert not VideoGuidePage.objects.filter(slug="qrant").exists()


def test_caption_without_header_rejected(admin_client, guide_index, poster):
    response = add_guide(admin_client, guide_index, poster, "qrant.webm", caption=b"1\n00:00:00,000 --> 00:00:01,000\nSalam\n")

    assert response.status_code == 200
    assert translated('The caption file is not WebVTT: its first line must start with “WEBVTT”.') in response.content.decode()
    assert not VideoGuidePage.objects.filter(slug="qrant").exists()
