"""Videos on video sites: which addresses a guide may use, and the player and watch addresses made from them.

Only YouTube and Vimeo are accepted, and the player address is built here
from the video's id rather than fetched through oEmbed, so rendering a guide
never calls another host. The player loads only when the reader presses
play (``help/static/help/guides.js``).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{1,12}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class EmbeddedVideo:
    provider: str
    video_id: str
    # The iframe's address; it starts the video because the reader has just pressed play.
    player_url: str
    # The page on the video site, for readers without JavaScript.
    watch_url: str


def parse_video_url(url: str) -> EmbeddedVideo | None:
    """Return the YouTube or Vimeo video that ``url`` points to, or None for any other address."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]

    if host in YOUTUBE_HOSTS:
        video_id = _youtube_id(segments, parts.query)
    elif host == "youtu.be":
        video_id = segments[0] if len(segments) == 1 else ""
    else:
        video_id = ""
    if YOUTUBE_ID.match(video_id):
        return EmbeddedVideo(
            provider="YouTube",
            video_id=video_id,
            player_url=f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0",
            watch_url=f"https://www.youtube.com/watch?v={video_id}",
        )

    if host in VIMEO_HOSTS:
        video_id = segments[-1] if segments and (host != "player.vimeo.com" or segments[0] == "video") else ""
        if VIMEO_ID.match(video_id):
            return EmbeddedVideo(
                provider="Vimeo",
                video_id=video_id,
                player_url=f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1",
                watch_url=f"https://vimeo.com/{video_id}",
            )
    return None


def _youtube_id(segments: list[str], query: str) -> str:
    if segments == ["watch"]:
        return (parse_qs(query).get("v") or [""])[0]
    if len(segments) == 2 and segments[0] in ("embed", "shorts", "live"):
        return segments[1]
    return ""


def validate_embed_url(value: str) -> None:
    if value and parse_video_url(value) is None:
        raise ValidationError(
            _("Use the address of a YouTube or Vimeo video, such as https://www.youtube.com/watch?v=… or https://vimeo.com/…"),
            code="embed_url",
        )
