"""Content detection for uploaded documents.

The type of an upload is decided by its bytes alone: the file name and the
browser's Content-Type are whatever the sender chose. Every check reads the
file in bounded pieces through seek and read, so a large upload kept on disk
by Django (TemporaryUploadedFile) is never loaded into memory whole.
"""

import re
import zipfile
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

# The header may follow a byte-order mark and white space, and the %%EOF
# marker must be within the last PDF_WINDOW bytes.
PDF_WINDOW = 1024
PDF_HEADER = re.compile(rb"%PDF-\d")
UTF8_BOM = b"\xef\xbb\xbf"
# PDF white-space characters: NUL, tab, line feed, form feed, carriage return, space.
PDF_WHITESPACE = b"\x00\t\n\x0c\r "

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ZIP_MAGIC = b"PK\x03\x04"

# Limits for DOCX and XLSX archives. Ordinary Office files expand a few to
# a few dozen times (python-docx's blank document: about 23), while zip bombs
# expand a thousandfold or more.
MAX_ARCHIVE_MEMBERS = 10_000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_EXPANSION_RATIO = 100
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    content_type: str
    extensions: tuple[str, ...]
    # English needs "an" before a label read with a leading vowel sound ("an XLSX").
    label_takes_an: bool = False
    # For Office files: the content type [Content_Types].xml gives the main part.
    main_part: str = ""
    main_part_type: str = ""

    @property
    def accept(self) -> list[str]:
        """Tokens for the accept attribute of <input type="file">."""
        return [f".{extension}" for extension in self.extensions] + [self.content_type]


PDF = FileKind("pdf", "PDF", "application/pdf", ("pdf",))
JPG = FileKind("jpg", "JPG", "image/jpeg", ("jpg", "jpeg"))
PNG = FileKind("png", "PNG", "image/png", ("png",))
DOCX = FileKind(
    "docx",
    "DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("docx",),
    main_part="word/document.xml",
    main_part_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
)
XLSX = FileKind(
    "xlsx",
    "XLSX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ("xlsx",),
    label_takes_an=True,
    main_part="xl/workbook.xml",
    main_part_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)

# In the order forms.field_types.FILE_TYPE_CHOICES lists them.
KINDS = {kind.key: kind for kind in (PDF, JPG, PNG, DOCX, XLSX)}


def kinds_for(keys) -> list[FileKind]:
    """Return the FileKinds for type keys such as ["pdf", "jpg"], where "jpeg" means jpg.

    Raises KeyError for an unknown key, which the editor's form prevents.
    """
    ordered = []
    for key in keys:
        kind = KINDS["jpg" if key == "jpeg" else key]
        if kind not in ordered:
            ordered.append(kind)
    return ordered


def detect_kind(file, allowed: list[FileKind]) -> FileKind | None:
    """Return the kind among ``allowed`` that the content of ``file`` is, or None.

    ``file`` needs read, seek and a ``size`` attribute (Django's File and
    UploadedFile have them). It is left positioned at the start.
    """
    try:
        head = _read_at(file, 0, PDF_WINDOW)
        if head.startswith(JPEG_MAGIC) and JPG in allowed:
            return JPG if _is_image(file, "JPEG") else None
        if head.startswith(PNG_MAGIC) and PNG in allowed:
            return PNG if _is_image(file, "PNG") else None
        if head.startswith(ZIP_MAGIC):
            return _office_kind(file, [kind for kind in allowed if kind.main_part])
        if PDF in allowed and _is_pdf(file, head):
            return PDF
        return None
    finally:
        file.seek(0)


def _read_at(file, offset: int, length: int) -> bytes:
    file.seek(offset)
    return file.read(length)


def _is_pdf(file, head: bytes) -> bool:
    body = head.removeprefix(UTF8_BOM).lstrip(PDF_WHITESPACE)
    if not PDF_HEADER.match(body):
        return False
    tail = _read_at(file, max(file.size - PDF_WINDOW, 0), PDF_WINDOW)
    return b"%%EOF" in tail


def _is_image(file, pillow_format: str) -> bool:
    # verify() checks the structure (for PNG, every chunk's CRC) without
    # decoding pixels; images over Pillow's pixel limit count as invalid.
    file.seek(0)
    try:
        with Image.open(file, formats=[pillow_format]) as image:
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return False
    return True


def _office_kind(file, allowed: list[FileKind]) -> FileKind | None:
    if not allowed:
        return None
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return _office_archive_kind(archive, file.size, allowed)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError):
        # Corrupt, encrypted (RuntimeError) or using an unsupported compression
        # method (NotImplementedError): not a document the ministry can open.
        return None


def _office_archive_kind(archive: zipfile.ZipFile, archive_size: int, allowed: list[FileKind]) -> FileKind | None:
    members = archive.infolist()
    if len(members) > MAX_ARCHIVE_MEMBERS:
        return None

    names = {member.filename for member in members}
    candidates = [kind for kind in allowed if kind.main_part in names]
    if "[Content_Types].xml" not in names or not candidates:
        return None

    if not _within_expansion_limits(members, archive_size):
        return None

    content_types = _read_member(archive, "[Content_Types].xml", MAX_CONTENT_TYPES_BYTES)
    kind = next((kind for kind in candidates if kind.main_part_type.encode() in content_types), None)
    # Macro-enabled documents and templates declare other main-part types
    # and fall out here.
    if kind is None:
        return None

    _check_every_member(archive, members)
    return kind


def _within_expansion_limits(members: list[zipfile.ZipInfo], archive_size: int) -> bool:
    declared = sum(member.file_size for member in members)
    if declared > MAX_UNCOMPRESSED_BYTES:
        return False
    return declared <= MAX_EXPANSION_RATIO * max(archive_size, 1)


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with archive.open(name) as member:
        return member.read(limit)


def _check_every_member(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Decompress every member in chunks, discarding the output.

    zipfile stops at each member's declared size and raises BadZipFile on a
    CRC mismatch, so an archive whose directory understates its sizes, or a
    corrupt one, is rejected here and the limits checked above hold.
    """
    for member in members:
        with archive.open(member) as stream:
            while stream.read(CHUNK_BYTES):
                pass
