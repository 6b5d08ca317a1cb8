"""Content checks for the help centre's files: guide videos, WebVTT captions and sample documents.

A file's type is decided by its bytes, and its name must agree with them, so
a WebM video renamed to ``.mp4`` is rejected. Browsers pick a player by the
declared type, so a mismatch would leave the reader with a broken video.
The validators raise translated ``ValidationError`` messages that Wagtail's
editor shows beside the field.
"""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from forms.sniffing import DOCX, PDF, FileKind, detect_kind

# A few minutes of 720p video fit in 200 MB; longer guides belong on a video site.
MAX_VIDEO_BYTES = 200 * 1024 * 1024
# An hour of captions is about 100 KB of WebVTT.
MAX_CAPTION_BYTES = 512 * 1024

EBML_MAGIC = b"\x1a\x45\xdf\xa3"
# The EBML header, which names the document type, comes first and is a few dozen bytes long.
EBML_HEADER_WINDOW = 64
# The DocType element: ID 0x4282, a one-byte size 0x84 (four bytes), then "webm".
WEBM_DOCTYPE = b"\x42\x82\x84webm"
# ISO base media (MP4) brands that browsers play. QuickTime ("qt  ") and 3GPP are left out.
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V ", b"mmp4"}

UTF8_BOM = b"\xef\xbb\xbf"
WEBVTT_SIGNATURE = "WEBVTT"

# Sample documents are what applicants download and fill in.
SAMPLE_KINDS = [PDF, DOCX]


@dataclass(frozen=True)
class VideoFormat:
    label: str
    content_type: str
    extensions: tuple[str, ...]


WEBM = VideoFormat("WebM", "video/webm", ("webm",))
MP4 = VideoFormat("MP4", "video/mp4", ("mp4", "m4v"))
VIDEO_FORMATS = (WEBM, MP4)


def file_extension(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def video_format_for_name(name: str) -> VideoFormat | None:
    """Return the video format a file name declares, or None."""
    extension = file_extension(name)
    return next((video_format for video_format in VIDEO_FORMATS if extension in video_format.extensions), None)


def detect_video_format(file) -> VideoFormat | None:
    """Return the format of a WebM or MP4 video by its first bytes, or None; ``file`` is left at its start."""
    file.seek(0)
    head = file.read(EBML_HEADER_WINDOW)
    file.seek(0)
    if head.startswith(EBML_MAGIC):
        return WEBM if WEBM_DOCTYPE in head else None
    # An MP4 file starts with its "ftyp" box: a four-byte size, "ftyp", then the major brand.
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return MP4
    return None


def validate_video_file(value) -> None:
    """Reject a video over MAX_VIDEO_BYTES, one that is not WebM or MP4, or one whose name names another format."""
    if value.size > MAX_VIDEO_BYTES:
        raise ValidationError(
            _("The video is %(size)s. Upload a video of at most %(limit)s, or put it on a video site."),
            code="video_too_large",
            params={"size": filesizeformat(value.size), "limit": filesizeformat(MAX_VIDEO_BYTES)},
        )
    detected = detect_video_format(value)
    if detected is None:
        raise ValidationError(
            _("The file is not a WebM or MP4 video. Export the video as WebM (VP8 or VP9) or MP4 and upload it again."),
            code="video_format",
        )
    if video_format_for_name(value.name) != detected:
        raise ValidationError(
            _("The file is a %(format)s video, but its name ends in “.%(extension)s”. Rename it to end in “.%(expected)s”."),
            code="video_extension",
            params={
                "format": detected.label,
                "extension": file_extension(value.name),
                "expected": detected.extensions[0],
            },
        )


def validate_caption_file(value) -> None:
    """Reject a caption file over MAX_CAPTION_BYTES, not in UTF-8, or without the "WEBVTT" signature."""
    if file_extension(value.name) != "vtt":
        raise ValidationError(
            _("Caption files must be WebVTT files whose name ends in “.vtt”."), code="caption_extension"
        )
    if value.size > MAX_CAPTION_BYTES:
        raise ValidationError(
            _("The caption file is %(size)s. Caption files may be at most %(limit)s."),
            code="caption_too_large",
            params={"size": filesizeformat(value.size), "limit": filesizeformat(MAX_CAPTION_BYTES)},
        )
    value.seek(0)
    content = value.read(MAX_CAPTION_BYTES + 1)
    value.seek(0)
    try:
        text = content.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            _("The caption file is not UTF-8 text. Save it with UTF-8 encoding and upload it again."),
            code="caption_encoding",
        ) from None
    # The signature is followed by the end of the file, a space, a tab or a line break.
    first_line = text.splitlines()[0] if text else ""
    if first_line != WEBVTT_SIGNATURE and not first_line.startswith((WEBVTT_SIGNATURE + " ", WEBVTT_SIGNATURE + "\t")):
        raise ValidationError(
            _("The caption file is not WebVTT: its first line must start with “WEBVTT”."), code="caption_signature"
        )


def sample_document_kind(document) -> FileKind | None:
    """Return the kind (PDF or DOCX) of a Wagtail document by its content, or None for any other file."""
    try:
        with document.file.open("rb") as handle:
            return detect_kind(handle, SAMPLE_KINDS)
    except (OSError, ValueError):
        # A document whose file is missing from storage cannot be offered for download.
        return None


def validate_sample_document(document) -> None:
    if document is not None and sample_document_kind(document) is None:
        raise ValidationError(
            _("“%(title)s” is not a PDF or DOCX document. Samples must be PDF or DOCX files."),
            code="sample_format",
            params={"title": document.title},
        )
