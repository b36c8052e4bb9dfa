"""Fixtures for the extractor tests: small PDFs and DOCX files built on the spot, and the
shared corpus of real-world files (tests using it skip when it is absent)."""

import io
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), the encoding the font below declares."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += f"\\{byte:03o}".encode()
    return bytes(out + b")")


def _info_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte-order mark, so any character survives."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def build_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A valid PDF whose pages show the given lines in Helvetica, top to bottom.

    A page given as [] has no text at all, like a scanned image.
    """
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in below)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        if lines:
            ops = [b"BT /F1 10 Tf 12 TL 50 780 Td"]
            for line in lines:
                ops.append(_pdf_string(line) + b" Tj T*" if line else b"T*")
            ops.append(b"ET")
        else:
            ops = [b"0.5 g 50 50 400 600 re f"]  # a grey box: drawing, but no text
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_ref = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_ref
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_ref = None
    if info:
        entries = b" ".join(
            b"/" + key.encode() + b" " + (_info_string(value) if key != "CreationDate" else _pdf_string(value))
            for key, value in info.items()
        )
        objects.append(b"<< " + entries + b" >>")
        info_ref = len(objects)

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info_ref:
        trailer += b" /Info %d 0 R" % info_ref
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def encrypt_pdf(data: bytes, user_password: str, owner_password: str | None = None) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real files, or skip: a fresh clone has no ../shared folder."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is not available")
    return CORPUS.resolve()


@pytest.fixture
def make_pdf():
    """build_pdf(pages, info) -> bytes; see above."""
    return build_pdf


@pytest.fixture
def make_encrypted_pdf():
    """encrypt_pdf(data, user_password, owner_password) -> bytes."""
    return encrypt_pdf
