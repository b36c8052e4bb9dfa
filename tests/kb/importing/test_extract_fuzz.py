"""Damaged input of every kind ends in an ExtractionError, never a library's own exception."""

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.errors import ExtractionError
from kb.importing.docx_file import extract_docx
from kb.importing.markdown_file import extract_markdown_file
from kb.importing.pdf_file import extract_pdf
from kb.importing.text_file import extract_text_file
from kb.importing.web_page import extract_web_page

EXTRACTORS = [extract_text_file, extract_markdown_file, extract_web_page, extract_pdf, extract_docx]
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])


def outcome(extractor, data: bytes) -> None:
    try:
        extractor(data, "fuzz.bin")
    except ExtractionError as err:
        assert "fuzz.bin" in str(err)
        assert "\n" not in str(err)


@pytest.mark.parametrize("extractor", EXTRACTORS, ids=lambda f: f.__name__)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(extractor, data):
    outcome(extractor, data)


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=12))
def test_damaged_pdf(make_pdf, flips):
    data = bytearray(make_pdf([["A line of text on the page.", "Another line."]] * 2, {"Title": "T"}))
    for position, value in flips:
        data[position % len(data)] ^= value
    outcome(extract_pdf, bytes(data))


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Heading", 1)
    document.add_paragraph("Some text.")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "cell"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX = _docx_bytes()


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=12),
       cut=st.integers(min_value=100, max_value=len(DOCX)))
def test_damaged_docx(flips, cut):
    data = bytearray(DOCX[:cut])
    for position, value in flips:
        data[position % len(data)] ^= value
    outcome(extract_docx, bytes(data))


@FUZZ
@given(st.text(max_size=400))
def test_any_markup_text(text):
    outcome(extract_web_page, f"<html><body>{text}</body></html>".encode())
    outcome(extract_markdown_file, f"---\n{text}\n---\nbody".encode())
