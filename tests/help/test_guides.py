"""Video guides: file checks, the guide's rules, the page a reader sees and the caption files it serves.

Pages are built under the small help tree of conftest.py, with the committed
demo files of help/content/files/ uploaded into a temporary MEDIA_ROOT.
"""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import translation
from wagtail.images import get_image_model

from help.embeds import parse_video_url
from help.models import GuideIndexPage, VideoGuidePage
from help.uploads import MAX_CAPTION_BYTES, MAX_VIDEO_BYTES, validate_caption_file, validate_video_file
from tests.accounts.people import translated

from .conftest import publish_child, translate

FILES = Path(__file__).resolve().parents[2] / "help" / "content" / "files"
WEBM = (FILES / "muraciet-demo.webm").read_bytes()
# The start of an MP4 file: a 24-byte "ftyp" box with the major brand "mp42".
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
CAPTION_AZ = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nAddım 1: İlk öncə ŞİFRƏNİ yazın, sonra «Daxil ol» düyməsini basın.\n"
GUIDE_PATH = "/komek/videolar/muracieti-gondermek/"
TITLE = "Müraciəti necə göndərmək <script>alert(1)</script>"
DESCRIPTION = 'Qısa video: "daxil olun" & <b>göndərin</b>'


def video_errors(content: bytes, name: str, size: int | None = None) -> list[str]:
    upload = UploadedFile(io.BytesIO(content), name=name, size=len(content) if size is None else size)
    try:
        validate_video_file(upload)
    except ValidationError as error:
        return error.messages
    return []


def caption_errors(content: bytes, name: str = "altyazi.vtt") -> list[str]:
    try:
        validate_caption_file(SimpleUploadedFile(name, content))
    except ValidationError as error:
        return error.messages
    return []


# --- File checks ----------------------------------------------------------------------


def test_webm_and_mp4_accepted():
    assert video_errors(WEBM, "video.webm") == []
    assert video_errors(MP4_HEAD, "video.mp4") == []
    assert video_errors(MP4_HEAD, "VIDEO.M4V") == []


def test_webm_renamed_mp4_rejected():
    messages = video_errors(WEBM, "video.mp4")

    assert messages == [translated('The file is a %(format)s video, but its name ends in “.%(extension)s”. Rename it to end in “.%(expected)s”.', format="WebM", extension="mp4", expected="webm")]


def test_mp4_renamed_webm_rejected():
    assert video_errors(MP4_HEAD, "video.webm") != []


def test_other_content_rejected_as_video():
    not_videos = [
        b"%PDF-1.7\n" + b"x" * 100,
        b"\x1a\x45\xdf\xa3" + b"\x42\x82\x88matroska" + b"\x00" * 50,  # Matroska, not WebM.
        b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ",  # QuickTime.
        b"",
    ]
    for content in not_videos:
        messages = video_errors(content, "video.webm")
        assert messages == [translated('The file is not a WebM or MP4 video. Export the video as WebM (VP8 or VP9) or MP4 and upload it again.')]


def test_video_over_limit_rejected():
    messages = video_errors(WEBM, "video.webm", size=MAX_VIDEO_BYTES + 1)

    assert len(messages) == 1
    assert "200" in messages[0]


def test_caption_accepted():
    assert caption_errors(CAPTION_AZ.encode()) == []
    assert caption_errors(b"\xef\xbb\xbf" + CAPTION_AZ.encode()) == []
    assert caption_errors(b"WEBVTT - Azerbaijani captions\n\n") == []
    assert caption_errors(b"WEBVTT") == []


def test_caption_without_header_rejected():
    for content in (b"1\n00:00:00,000 --> 00:00:02,000\nSalam\n", b"WEBVTTX\n", b"", b" WEBVTT\n"):
        messages = caption_errors(content)
        assert messages == [translated('The caption file is not WebVTT: its first line must start with “WEBVTT”.')]


def test_caption_error_translated(monkeypatch):
    # The az catalogue gets its text from the translators; until then this
    # checks that the message goes through gettext in the active language.
    calls = []
    from help import uploads

    def recording_gettext(message):
        calls.append(translation.get_language())
        return message

    monkeypatch.setattr(uploads, "_", recording_gettext)
    with translation.override("az"):
        caption_errors(b"SRT\n")
    assert calls == ["az"]


def test_caption_not_utf8_rejected():
    messages = caption_errors("WEBVTT\n\nAddım 1: Şuşa, Ağdam, Gürcüstan\n".encode("cp1254"))

    assert len(messages) == 1
    assert "UTF-8" in messages[0]


def test_caption_over_limit_rejected():
    content = b"WEBVTT\n\n" + b"a" * MAX_CAPTION_BYTES

    assert "512" in caption_errors(content)[0]


def test_caption_name_must_end_vtt():
    assert caption_errors(CAPTION_AZ.encode(), name="altyazi.srt") != []


# --- Video site addresses -------------------------------------------------------------


def test_video_site_addresses_parsed():
    cases = {
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10": "dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ": "dQw4w9WgXcQ",
        "https://m.youtube.com/shorts/dQw4w9WgXcQ": "dQw4w9WgXcQ",
        "https://vimeo.com/76979871": "76979871",
        "https://player.vimeo.com/video/76979871": "76979871",
    }
    for url, video_id in cases.items():
        video = parse_video_url(url)
        assert video is not None, url
        assert video.video_id == video_id
        assert video.player_url.startswith(("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"))


def test_other_addresses_rejected():
    for url in (
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com.evil.az/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks",
        "",
    ):
        assert parse_video_url(url) is None, url


# --- Pages ------------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def poster(media):
    with (FILES / "muraciet-demo-poster.png").open("rb") as handle:
        image = get_image_model()(title="Poster", file=ImageFile(handle, name="poster.png"))
        image.save()
    return image


@pytest.fixture
def guide_index(help_index):
    return publish_child(help_index, GuideIndexPage(title="Video təlimatlar", slug="videolar"))


def new_guide(poster, **fields) -> VideoGuidePage:
    guide = VideoGuidePage(
        title=TITLE,
        slug="muracieti-gondermek",
        description=DESCRIPTION,
        duration=65,
        poster=poster,
        transcript="<p>Addım 1: hesabınıza daxil olun.</p><ol><li>Formu doldurun.</li></ol>",
        **fields,
    )
    return guide


@pytest.fixture
def guide(guide_index, poster):
    page = new_guide(poster)
    page.video_file.save("muraciet.webm", ContentFile(WEBM), save=False)
    for language in ("az", "en", "ru"):
        text = CAPTION_AZ.replace("Addım", {"az": "Addım", "en": "Step", "ru": "Шаг"}[language])
        getattr(page, f"caption_{language}").save(f"muraciet.{language}.vtt", ContentFile(text.encode()), save=False)
    return publish_child(guide_index, page)


def test_video_and_address_both_rejected(guide_index, poster):
    page = new_guide(poster, embed_url="https://youtu.be/dQw4w9WgXcQ")
    page.video_file.save("muraciet.webm", ContentFile(WEBM), save=False)

    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert set(raised.value.message_dict) == {"video_file", "embed_url"}


def test_neither_video_nor_address_rejected(guide_index, poster):
    with pytest.raises(ValidationError) as raised:
        new_guide(poster).clean()
    assert set(raised.value.message_dict) == {"video_file", "embed_url"}


def test_full_clean_checks_video_content(guide_index, poster):
    page = new_guide(poster)
    page.video_file.save("muraciet.mp4", ContentFile(WEBM), save=False)
    page.path, page.depth = "00010001", 2  # Tree fields that add_child would set.

    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "video_file" in raised.value.message_dict


def test_guide_page_player(guide, client):
    response = client.get(GUIDE_PATH)
    content = response.content.decode()

    assert response.status_code == 200
    assert '<video class="guide-player__video" controls preload="none" poster="/' in content
    assert "autoplay" not in content
    assert 'type="video/webm"' in content
    for language in ("az", "en", "ru"):
        assert f'srclang="{language}"' in content
    assert content.count(" default>") == 1
    assert 'srclang="az" label="Azərbaycanca" default>' in content
    assert f'src="{GUIDE_PATH}altyazi/az/"' in content
    assert '<time datetime="PT65S">1:05</time>' in content
    assert "Addım 1: hesabınıza daxil olun." in content
    assert "WebM, 11" in content  # The download link's format and size.
    assert "guides.js" not in content


def test_guide_page_escapes_text(guide, client):
    content = client.get(GUIDE_PATH).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<b>göndərin</b>" not in content
    assert "&lt;b&gt;göndərin&lt;/b&gt;" in content


def test_translation_defaults_to_its_language(guide, guide_index, help_index, client):
    translate(help_index, "en", title="Help")
    translate(guide_index, "en", title="Video guides")
    translate(guide, "en", title="How to apply", description="A short video.")

    content = client.get("/en" + GUIDE_PATH).content.decode()

    assert 'srclang="en" label="English" default>' in content
    assert content.count(" default>") == 1
    assert f'src="/en{GUIDE_PATH}altyazi/en/"' in content


def test_caption_served_as_vtt(guide, client):
    response = client.get(GUIDE_PATH + "altyazi/az/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("WEBVTT")
    assert "İlk öncə ŞİFRƏNİ" in body


def test_missing_caption_not_found(guide, client):
    guide.caption_ru = ""
    guide.save_revision().publish()

    assert client.get(GUIDE_PATH + "altyazi/ru/").status_code == 404
    assert client.get(GUIDE_PATH + "altyazi/de/").status_code == 404
    assert 'srclang="ru"' not in client.get(GUIDE_PATH).content.decode()


def test_embedded_guide_loads_nothing_from_video_site(guide_index, poster, client):
    publish_child(guide_index, new_guide(poster, embed_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"))

    content = client.get(GUIDE_PATH).content.decode()

    assert "<iframe" not in content
    assert "<video" not in content
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in content
    assert 'data-player-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0"' in content
    assert "help/guides.js" in content
    assert "img.youtube.com" not in content and "ytimg" not in content


def test_guide_index_lists_guides(guide, client):
    content = client.get("/komek/videolar/").content.decode()

    assert f'href="{GUIDE_PATH}"' in content
    assert "&lt;script&gt;" in content
    assert "1:05" in content


def test_help_index_links_guide_list(guide, client):
    assert 'href="/komek/videolar/"' in client.get("/komek/").content.decode()


def test_site_search_contract(guide):
    text = guide.site_search_text()

    assert VideoGuidePage.site_search_kind == "guide"
    assert text.startswith(DESCRIPTION)
    assert "Addım 1: hesabınıza daxil olun. Formu doldurun." in text
    assert "<" not in text.replace(DESCRIPTION, "")


def test_api_fields_serialize(guide):
    fields = {field.name: field for field in VideoGuidePage.api_fields}

    captions = fields["captions"].serializer.to_representation(guide)
    assert [caption["language"] for caption in captions] == ["az", "en", "ru"]
    assert captions[0]["url"] == f"{GUIDE_PATH}altyazi/az/"
    assert guide.video_url.endswith(".webm")
    assert guide.video_size == len(WEBM)
    assert guide.video_content_type == "video/webm"
    poster = fields["poster"].serializer.to_representation(guide.poster)
    assert poster["width"] == 320
    assert "<ol>" in guide.transcript_html
