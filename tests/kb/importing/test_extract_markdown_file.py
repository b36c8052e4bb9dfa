"""Markdown files and their YAML front matter."""

import pytest

from kb.errors import ExtractionError
from kb.importing.extractors import extract
from kb.importing.markdown_file import extract_markdown_file

FRONT_MATTER = """---
title: Adult skills in Doncaster
authors:
  - Jane Smith
  - "O'Brien, Tom"
date: 2023-03-12
publisher: Example Council
url: https://example.org/skills
accessed: 14 March 2023
language: EN
kind: report
tags: [skills, devolution]
doi: 10.1234/abcd
---
# A heading that is not the title

£5m for Doncaster – “levelling up”.
"""


def test_front_matter_becomes_metadata(tmp_path):
    path = tmp_path / "skills.md"
    path.write_text(FRONT_MATTER, encoding="utf-8")
    result = extract(path)
    assert result.file_type == "md"
    assert result.title == "Adult skills in Doncaster"
    assert result.authors == ["Jane Smith", "O'Brien, Tom"]
    assert result.date == "2023-03-12"
    assert result.publisher == "Example Council"
    assert result.url == "https://example.org/skills"
    assert result.accessed == "2023-03-14"
    assert result.language == "en"
    assert result.kind == "report"
    assert result.tags == ["skills", "devolution"]
    assert result.extra == {"doi": "10.1234/abcd"}
    assert result.body.startswith("# A heading that is not the title")
    assert "---" not in result.body


def test_single_author_string_and_keywords():
    text = "---\nauthor: Jane Smith and Tom Lee\nkeywords: budget, rail\ndate: March 2021\n---\nBody"
    result = extract_markdown_file(text.encode(), "n.md")
    assert result.authors == ["Jane Smith", "Tom Lee"]
    assert result.tags == ["budget", "rail"]
    assert result.date == "2021-03"


def test_title_falls_back_to_first_heading_then_file_name():
    assert extract_markdown_file(b"Intro\n\n# Real title\n\nText", "n.md").title == "Real title"
    assert extract_markdown_file(b"Real title\n==========\n\nText", "n.md").title == "Real title"
    fenced = b"```\n# not a heading\n```\n\nText"
    assert extract_markdown_file(fenced, "meeting_notes.md").title == "meeting notes"


def test_unknown_kind_is_ignored():
    assert extract_markdown_file(b"---\nkind: podcast\n---\nText", "n.md").kind is None


def test_rules_around_prose_are_not_front_matter():
    text = b"---\n\nJust a paragraph between rules\n\n---\nMore"
    result = extract_markdown_file(text, "n.md")
    assert result.body.startswith("---")


@pytest.mark.parametrize(
    "front",
    ["title: a: b", "title: [unclosed", "- just\n- a list", "key: 'open"],
)
def test_malformed_front_matter_is_a_clear_error(tmp_path, front):
    path = tmp_path / "broken.md"
    path.write_text(f"---\n{front}\n---\nBody text\n", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"^broken\.md has malformed YAML front matter"):
        extract(path)


def test_alias_bomb_in_front_matter_is_refused():
    lines = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\n---\nBody"
    with pytest.raises(ExtractionError, match=r"^bomb\.md has front matter too large"):
        extract_markdown_file(text.encode(), "bomb.md")


def test_front_matter_only_file_has_no_text(tmp_path):
    path = tmp_path / "stub.md"
    path.write_text("---\ntitle: Stub\n---\n", encoding="utf-8")
    with pytest.raises(ExtractionError, match="No text could be extracted from stub.md"):
        extract(path)
