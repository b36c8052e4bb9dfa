"""extract(): choosing the extractor, and the checks every file gets first."""

import os
import sys

import pytest

from kb.errors import ExtractionError
from kb.importing.extractors import SUPPORTED_SUFFIXES, extract


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}


@pytest.mark.parametrize(
    ("name", "content", "file_type"),
    [
        ("NOTE.TXT", b"A note\n\nSome text.", "txt"),
        ("Read.Me.MARKDOWN", b"# Title\n\nText", "md"),
        ("page.HTM", b"<html><body><p>Hello there, reader.</p></body></html>", "html"),
    ],
)
def test_suffix_is_case_insensitive(tmp_path, name, content, file_type):
    path = tmp_path / name
    path.write_bytes(content)
    assert extract(path).file_type == file_type


def test_unsupported_suffix_lists_what_is_supported(tmp_path):
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ExtractionError) as caught:
        extract(path)
    message = str(caught.value)
    assert message.startswith("budget.xlsx is not a supported file type (")
    assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)
    assert str(tmp_path) not in message  # the file name only, never the whole path


def test_no_suffix_is_unsupported(tmp_path):
    path = tmp_path / "README"
    path.write_text("hello")
    with pytest.raises(ExtractionError, match=r"^README is not a supported file type"):
        extract(path)


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"nothing{suffix}"
    path.write_bytes(b"")
    with pytest.raises(ExtractionError, match=rf"^nothing\{suffix} is empty\.$"):
        extract(path)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 600_000)  # about 2.9 MB
    with pytest.raises(ExtractionError, match=r"^big\.txt is too large \(2\.9 MB; the limit is 1 MB\)\.$"):
        extract(path, max_bytes=1024 * 1024)


def test_too_large_small_limits_are_shown_in_kilobytes(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(ExtractionError, match=r"^big\.md is too large \(5 KB; the limit is 2 KB\)\.$"):
        extract(path, max_bytes=2048)


def test_missing_file(tmp_path):
    with pytest.raises(ExtractionError, match=r"^gone\.pdf could not be found\.$"):
        extract(tmp_path / "gone.pdf")


def test_folder_named_like_a_file(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ExtractionError, match=r"^folder\.txt is a folder, not a file\.$"):
        extract(tmp_path / "folder.txt")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "private.txt"
    path.write_text("secret")
    path.chmod(0)
    try:
        with pytest.raises(ExtractionError, match=r"^private\.txt cannot be read \(permission denied\)\.$"):
            extract(path)
    finally:
        path.chmod(0o600)


def test_unreadable_file_message_without_permissions(tmp_path, monkeypatch):
    """The same check where the test runs as root: make open() itself refuse."""
    path = tmp_path / "private.txt"
    path.write_text("secret")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "open", refuse)
    with pytest.raises(ExtractionError, match=r"^private\.txt cannot be read \(permission denied\)\.$"):
        extract(path)
