"""The shipped video guides and document samples: pages in az, en and ru, valid files, service links, idempotence.

Like test_setup.py, these run forms.setup.ensure_services and
help.setup.ensure_help_centre inside the test's transaction, with uploads in
a temporary MEDIA_ROOT.
"""

import pytest
from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from forms.setup import ensure_services
from help.content.guides import GUIDES
from help.content.samples import SAMPLES
from help.models import DocumentSamplePage, GuideIndexPage, SampleIndexPage, VideoGuidePage
from help.setup import ensure_help_centre
from help.uploads import MAX_VIDEO_BYTES, detect_video_format, validate_caption_file, validate_video_file

LANGUAGES = ("az", "en", "ru")
PREFIXES = {"az": "", "en": "/en", "ru": "/ru"}
GRANT_SERVICE_PATH = "/e-xidmetler/qrant-qeydiyyati/"


@pytest.fixture
def help_centre(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_services()
    return ensure_help_centre()


def test_committed_files_pass_checks():
    for spec in GUIDES:
        assert spec.video_path.stat().st_size < 300 * 1024
        with spec.video_path.open("rb") as handle:
            video = File(handle, name=spec.video_path.name)
            assert detect_video_format(video).label == "WebM"
            validate_video_file(video)
        for language in LANGUAGES:
            with spec.caption_path(language).open("rb") as handle:
                validate_caption_file(File(handle, name=spec.caption_path(language).name))
    assert MAX_VIDEO_BYTES == 200 * 1024 * 1024


def test_pages_in_every_language(help_centre, client):
    for language in LANGUAGES:
        prefix = PREFIXES[language]
        assert GuideIndexPage.objects.filter(locale__language_code=language).count() == 1
        assert SampleIndexPage.objects.filter(locale__language_code=language).count() == 1
        assert VideoGuidePage.objects.filter(locale__language_code=language).count() == len(GUIDES)
        assert DocumentSamplePage.objects.filter(locale__language_code=language).count() == len(SAMPLES)
        assert client.get(f"{prefix}/komek/videolar/").status_code == 200
        assert client.get(f"{prefix}/komek/numuneler/").status_code == 200
        for spec in GUIDES:
            response = client.get(f"{prefix}/komek/videolar/{spec.slug}/")
            assert response.status_code == 200
            assert f'srclang="{language}" label=' in response.content.decode()
        for spec in SAMPLES:
            assert client.get(f"{prefix}/komek/numuneler/{spec.slug}/").status_code == 200


def test_translations_share_files(help_centre):
    az_guide = VideoGuidePage.objects.get(locale__language_code="az", slug=GUIDES[0].slug)
    ru_guide = VideoGuidePage.objects.get(locale__language_code="ru", slug=GUIDES[0].slug)

    assert ru_guide.video_file.name == az_guide.video_file.name
    assert ru_guide.caption_ru.name == az_guide.caption_ru.name
    assert ru_guide.poster_id == az_guide.poster_id
    assert ru_guide.title == GUIDES[0].title.ru
    assert {service.locale.language_code for service in ru_guide.services.all()} == {"ru"}
    assert ru_guide.services.count() == len(GUIDES[0].services)


def test_guides_say_they_are_demos(help_centre):
    demo_words = {"az": "nümayiş", "en": "demonstration", "ru": "демонстрац"}
    for guide in VideoGuidePage.objects.select_related("locale"):
        word = demo_words[guide.locale.language_code]
        assert word in guide.title.lower()
        assert word in guide.description.lower()


def test_grant_sample_has_filled_and_blank(help_centre):
    sample = DocumentSamplePage.objects.get(locale__language_code="az", slug="qrant-melumat-vereqesi")

    assert sample.filled_document.file.name.endswith(".docx")
    assert sample.blank_document is not None
    assert sample.filled_document.pk != sample.blank_document.pk
    with sample.filled_document.file.open("rb") as handle:
        assert handle.read(4) == b"PK\x03\x04"


def test_service_page_links_guides_and_samples(help_centre, client):
    content = client.get(GRANT_SERVICE_PATH).content.decode()

    assert '/komek/videolar/qrant-muqavilesinin-qeydiyyati/' in content
    assert '/komek/videolar/muracieti-nece-gondermek/' in content
    assert '/komek/numuneler/qrant-melumat-vereqesi/' in content
    assert "DOCX, " in content

    english = client.get("/en" + GRANT_SERVICE_PATH).content.decode()
    assert '/en/komek/videolar/qrant-muqavilesinin-qeydiyyati/' in english
    assert '/en/komek/numuneler/qrant-melumat-vereqesi/' in english


def test_help_index_links_lists(help_centre, client):
    content = client.get("/ru/komek/").content.decode()

    assert 'href="/ru/komek/videolar/"' in content
    assert 'href="/ru/komek/numuneler/"' in content


def test_running_again_changes_nothing(help_centre):
    guide = VideoGuidePage.objects.get(locale__language_code="en", slug=GUIDES[1].slug)
    guide.description = "Edited by an editor."
    guide.save_revision().publish()
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        get_document_model().objects.count(),
        get_image_model().objects.count(),
    )

    ensure_help_centre()

    guide.refresh_from_db()
    assert guide.description == "Edited by an editor."
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        get_document_model().objects.count(),
        get_image_model().objects.count(),
    ) == counts


def test_question_links_guides_on_its_services(help_centre, client):
    content = client.get("/komek/elektron-xidmetler/qrant-muqavilesinin-qeydiyyati-muddeti/").content.decode()

    assert 'href="/komek/videolar/qrant-muqavilesinin-qeydiyyati/"' in content
    assert 'href="/komek/videolar/muracieti-nece-gondermek/"' in content
