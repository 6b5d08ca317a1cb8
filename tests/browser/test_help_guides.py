"""Video guides and document samples on a phone: play a guide with Azerbaijani captions, download a sample.

The site is the one load_content builds, so the guides are the shipped demo
videos (silent VP8 WebM, which Debian's Chromium plays) and the samples are
the shipped DOCX files. Locators are addresses and CSS classes rather than
texts, because translations change.
"""

import io
import zipfile

import pytest

from .test_eservices import check_page, phone_page

pytestmark = pytest.mark.browser

HELP_PATH = "/komek/"
GUIDES_PATH = "/komek/videolar/"
GUIDE_PATH = "/komek/videolar/muracieti-nece-gondermek/"
SAMPLES_PATH = "/komek/numuneler/"

# True once the Azerbaijani caption track is showing and has a cue on screen.
ACTIVE_CUE_SCRIPT = """
() => {
  const tracks = Array.from(document.querySelector("video").textTracks);
  const track = tracks.find((item) => item.language === "az");
  return Boolean(track && track.mode === "showing" && track.activeCues && track.activeCues.length > 0);
}
"""


def test_play_guide_with_captions(browser, site_url):
    context, page = phone_page(browser)

    page.goto(site_url + HELP_PATH)
    page.locator(f"main a[href='{GUIDES_PATH}']").click()
    page.wait_for_url(f"**{GUIDES_PATH}")
    check_page(page, "help-guides")

    page.locator(f"main a[href='{GUIDE_PATH}']").first.click()
    page.wait_for_url(f"**{GUIDE_PATH}")
    video = page.locator("video")
    assert video.get_attribute("preload") == "none"
    assert video.get_attribute("autoplay") is None
    assert video.get_attribute("poster")
    assert page.locator("track[default]").get_attribute("srclang") == "az"
    assert page.locator(".guide__transcript li").count() == 3
    check_page(page, "help-guide")

    # The reader presses play: the same call the player's button makes.
    video.evaluate("element => element.play()")
    page.wait_for_function("() => document.querySelector('video').currentTime > 1", timeout=15_000)
    page.wait_for_function(ACTIVE_CUE_SCRIPT, timeout=10_000)
    cue_text = page.evaluate(
        "() => Array.from(document.querySelector('video').textTracks).find((t) => t.language === 'az').activeCues[0].text"
    )
    assert "Addım" in cue_text
    assert page.evaluate("() => document.querySelector('video').paused") is False

    page.goto(site_url + "/en" + GUIDE_PATH)
    assert page.locator("track[default]").get_attribute("srclang") == "en"
    context.close()


def test_download_sample(browser, site_url):
    context, page = phone_page(browser, accept_downloads=True)

    page.goto(site_url + HELP_PATH)
    page.locator(f"main a[href='{SAMPLES_PATH}']").click()
    page.wait_for_url(f"**{SAMPLES_PATH}")
    assert "DOCX, " in page.locator(".sample-downloads__facts").first.inner_text()
    check_page(page, "help-samples")

    with page.expect_download() as download_info:
        page.locator(".sample-downloads__link").first.click()
    download = download_info.value
    with open(download.path(), "rb") as handle:
        content = handle.read()

    assert download.suggested_filename.endswith(".docx")
    assert content.startswith(b"PK\x03\x04")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "word/document.xml" in archive.namelist()
    context.close()
