"""Plain-text notes and interview transcripts (.txt)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.errors import ExtractionError
from kb.importing.extractors import extract
from kb.importing.text_file import extract_text_file

NOTE = """Top of page
==========

Skills funding in South Yorkshire
Date: 12 March 2023
Author: Jane Smith

Notes from the briefing on the adult skills budget. The council expects
£5m for Doncaster – “levelling up” money – over three years.

Actions:
- check the allocation letter
- ask the college for numbers
"""

TRANSCRIPT = """Interview transcript: council leader
Date: 3 April 2022
Participants: Ann Lee, Bob Jones

Bob Jones: Thanks for seeing me.
Ann Lee: Happy to. We have been working on this
for years, honestly.
Bob Jones: What about the funding?
[00:02:10] Ann Lee: It is never enough.
"""


def test_note_title_date_author_and_body(tmp_path):
    path = tmp_path / "briefing.txt"
    path.write_bytes(NOTE.encode("utf-8"))
    result = extract(path)
    assert result.file_type == "txt"
    assert result.kind == "note"
    assert result.title == "Skills funding in South Yorkshire"  # not "Top of page" or "====="
    assert result.date == "2023-03-12"
    assert result.authors == ["Jane Smith"]
    assert "£5m for Doncaster – “levelling up”" in result.body
    assert "Top of page" not in result.body
    assert "\n\n- check the allocation letter\n- ask the college" in result.body


def test_by_line_gives_authors():
    result = extract_text_file(b"My note\nBy Jane Smith and Tom O'Brien\n\nText.", "n.txt")
    assert result.authors == ["Jane Smith", "Tom O'Brien"]
    assert result.title == "My note"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_legacy_and_utf16_files_decode(tmp_path, encoding):
    path = tmp_path / "note.txt"
    path.write_bytes(NOTE.encode(encoding))
    assert "£5m for Doncaster – “levelling up” money" in extract(path).body


def test_transcript_turns_become_bold_paragraphs():
    result = extract_text_file(TRANSCRIPT.encode(), "interview.txt")
    assert result.kind == "transcript"
    assert result.title == "Interview transcript: council leader"
    assert result.date == "2022-04-03"
    assert result.extra["participants"] == ["Ann Lee", "Bob Jones"]
    assert result.extra["speakers"] == ["Bob Jones", "Ann Lee"]
    assert "**Bob Jones:** Thanks for seeing me.\n\n**Ann Lee:** Happy to." in result.body
    # a turn's continuation line joins it
    assert "**Ann Lee:** Happy to. We have been working on this for years, honestly." in result.body
    assert "[00:02:10] **Ann Lee:** It is never enough." in result.body


def test_transcript_recognised_by_turns_alone():
    text = "Q: How long?\nA: Ten years.\nQ: Why?\nA: Money.\n"
    result = extract_text_file(text.encode(), "qa.txt")
    assert result.kind == "transcript"
    assert result.body.startswith("**Q:** How long?\n\n**A:** Ten years.")


def test_labelled_lines_do_not_make_a_transcript():
    text = "Minutes\nDate: 1 May 2023\nLocation: Town hall\nNote: draft\nSubject: budget\n\nText."
    assert extract_text_file(text.encode(), "m.txt").kind == "note"


def test_long_first_line_gives_a_short_title():
    first = "This is a long opening sentence that goes on. " * 6
    result = extract_text_file(first.encode(), "long.txt")
    assert result.title == "This is a long opening sentence that goes on."


def test_title_line_can_be_labelled():
    result = extract_text_file(b"Title: The real title\nSomething else\n", "t.txt")
    assert result.title == "The real title"


def test_binary_named_txt_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ExtractionError, match=r"^photo\.txt looks like a binary file, not text\.$"):
        extract(path)


def test_whitespace_only_file_has_no_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t\n")
    with pytest.raises(ExtractionError, match=r"^No text could be extracted from blank\.txt\.$"):
        extract(path)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=600))
def test_any_text_extracts_without_surprises(text):
    try:
        result = extract_text_file(text.encode("utf-8"), "x.txt")
    except ExtractionError:
        return  # e.g. text full of control characters looks binary
    assert result.kind in ("note", "transcript")
    assert result.title is None or result.title.strip()
