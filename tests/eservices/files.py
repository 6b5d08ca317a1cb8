"""Real documents made in memory for upload tests: PDF, images, Office files,
and files that only pretend to be documents."""

import io
import zipfile

from docx import Document
from openpyxl import Workbook
from PIL import Image

MEGABYTE = 1024 * 1024


def pdf_bytes(size: int | None = None, text: str = "Qrant muqavilesi") -> bytes:
    """A one-page PDF with a correct cross-reference table.

    With ``size``, an unreferenced stream object pads the file to exactly
    ``size`` bytes, which keeps it a valid PDF.
    """
    if size is None:
        return _pdf_with_padding(text, 0)
    padding = 0
    for _attempt in range(5):
        built = _pdf_with_padding(text, padding)
        if len(built) == size:
            return built
        padding += size - len(built)
    raise ValueError(f"cannot pad a PDF to exactly {size} bytes")


def _pdf_with_padding(text: str, padding: int) -> bytes:
    content = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if padding > 0:
        objects.append(b"<< /Length %d >>\nstream\n" % padding + b"0" * padding + b"\nendstream")

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"

    xref_offset = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_offset)
    return bytes(output)


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def docx_bytes(text: str = "Qrant müqaviləsi") -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Məbləğ"
    workbook.active["B1"] = 15000
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def html_bytes() -> bytes:
    return b"<!DOCTYPE html>\n<html><head><title>Not a PDF</title></head><body>%PDF-1.4</body></html>\n"


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("readme.txt", "A plain archive, not a document.")
    return buffer.getvalue()


def macro_docx_bytes() -> bytes:
    """A DOCX rewritten to declare itself macro-enabled (DOCM)."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    return _rewrite_member(docx_bytes(), "[Content_Types].xml", lambda data: data.replace(main.encode(), macro.encode()))


def docx_bomb_bytes(expanded: int = 20 * MEGABYTE) -> bytes:
    """A DOCX with a member of ``expanded`` zero bytes: about a thousand to one."""
    buffer = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/zeros.bin", "w") as member:
            chunk = bytes(MEGABYTE)
            for _written in range(expanded // MEGABYTE):
                member.write(chunk)
    return buffer.getvalue()


def docx_understating_bytes() -> bytes:
    """A DOCX whose central directory declares a 5 MB member as 100 bytes, so
    size and ratio checks on declared sizes pass."""
    archive = bytearray(docx_bomb_bytes(5 * MEGABYTE))
    name = b"word/media/zeros.bin"
    entry = archive.rindex(b"PK\x01\x02", 0, archive.rindex(name))
    # Central directory header: the uncompressed size is at offset 24.
    archive[entry + 24 : entry + 28] = (100).to_bytes(4, "little")
    return bytes(archive)


def _rewrite_member(archive_bytes: bytes, name: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, change(data) if info.filename == name else data)
    return buffer.getvalue()
