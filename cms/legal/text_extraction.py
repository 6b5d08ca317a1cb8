"""Read the text of an uploaded act: plain text or a Word (.docx) file.

The file's content decides how it is read, not its name: a ``.docx`` must be
a ZIP archive holding ``word/document.xml``, and plain text must decode as
UTF-8 (or UTF-16 with a byte-order mark).
"""

import io
import logging
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"


def extract_text(uploaded) -> str:
    """Return the text of ``uploaded``, or raise ValidationError saying what is wrong."""
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is 10 MB."), params={"size": round(uploaded.size / 1_048_576, 1)}
        )

    data = b"".join(uploaded.chunks())
    if data.startswith(ZIP_MAGIC):
        return _docx_text(data)
    return _plain_text(data)


def _docx_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ValidationError(_("This archive is not a Word document. Upload a .docx or a plain-text file."))
    except zipfile.BadZipFile:
        raise ValidationError(_("The Word file is damaged and cannot be opened.")) from None

    import docx  # python-docx; imported here because only uploads need it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on malformed XML
        logger.warning("Unreadable Word upload", exc_info=True)
        raise ValidationError(
            _("The Word file cannot be read. Save it again from Word as .docx, or upload it as plain text.")
        ) from None
    return "\n".join(_docx_lines(document))


def _docx_lines(document):
    """Yield the document's paragraphs and table rows in reading order."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = dict.fromkeys(cell.text.strip() for cell in row.cells)
                yield " ".join(cell for cell in cells if cell)
        else:
            yield block.text


def _plain_text(data: bytes) -> str:
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(_("This is not a text file. Upload a plain-text (.txt) or Word (.docx) file."))

    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise ValidationError(_("The text is not in UTF-8. Save the file as UTF-8 and upload it again."))
