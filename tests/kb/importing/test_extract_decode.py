"""Bytes to text: byte-order marks, UTF-8, Windows-1252, and refusing binary data."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.errors import ExtractionError
from kb.importing.decode import decode_text, looks_binary

WESTERN = "£5m for Doncaster – “levelling up” at the café (naïve €10 … ok)"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_round_trips_common_encodings(encoding):
    assert decode_text(WESTERN.encode(encoding), "notes.txt") == WESTERN


def test_latin1_bytes_read_as_western_text():
    assert decode_text("café déjà vu, naïve".encode("latin-1"), "notes.txt") == "café déjà vu, naïve"


def test_short_cp1252_text_is_not_mistaken_for_an_exotic_code_page():
    # One "£" in ASCII text is the classic case where detectors guess Cyrillic or Turkish.
    assert decode_text("Budget: £5m".encode("cp1252"), "n.txt") == "Budget: £5m"
    assert decode_text("“Quoted” – dash".encode("cp1252"), "n.txt") == "“Quoted” – dash"


def test_non_western_legacy_text_falls_back_to_detection():
    text = "Привет, как дела? Это тестовый текст на русском языке, довольно длинный."
    assert decode_text(text.encode("cp1251"), "ru.txt") == text


def test_bom_is_removed():
    assert decode_text(b"\xef\xbb\xbfHello", "a.txt") == "Hello"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
        bytes(range(32)) * 50,
    ],
)
def test_binary_data_is_refused_with_a_clear_message(data):
    with pytest.raises(ExtractionError, match=r"^photo\.txt looks like a binary file, not text\.$"):
        decode_text(data, "photo.txt")


def test_random_bytes_are_binary():
    assert looks_binary(os.urandom(4096))
    assert not looks_binary(b"plain text\r\n\twith tabs\x0c")


def test_utf16_without_bom_is_recognised():
    assert decode_text("Hello world, plain text".encode("utf-16-le"), "a.txt") == "Hello world, plain text"


def test_broken_bytes_after_a_bom_name_the_file():
    with pytest.raises(ExtractionError, match=r"^bad\.txt could not be read as UTF-16-LE text"):
        decode_text(b"\xff\xfeA\x00\x00\xd8", "bad.txt")  # a lone surrogate


@settings(deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_give_text_or_an_extraction_error(data):
    try:
        assert isinstance(decode_text(data, "x.txt"), str)
    except ExtractionError as err:
        assert "x.txt" in str(err)


@settings(deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=500))
def test_any_utf8_text_round_trips(text):
    assert decode_text(text.encode("utf-8"), "x.txt") == text


@given(st.text())
def test_content_hash_collapses_whitespace_like_a_regular_expression(text):
    # Duplicate detection compares hashes made by earlier versions, which collapsed r"\s+".
    import hashlib
    import re

    from kb.importing.pipeline import content_hash
    expected = hashlib.sha256(re.sub(r"\s+", " ", text).strip().casefold().encode("utf-8")).hexdigest()
    assert content_hash(text) == expected


@given(st.binary(max_size=2000))
def test_binary_detection_counts_control_bytes(data):
    from kb.importing.decode import _SAMPLE, _TEXT_CONTROLS, looks_binary
    sample = data[:_SAMPLE]
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    expected = bool(sample) and (b"\x00" in sample or controls / len(sample) > 0.02)
    assert looks_binary(data) == expected
