"""Markdown vaults: export for Obsidian, import back, safe names, and a folder never left."""

import os

import pytest

from kb import collections, evidence, links, quotes, sources, themes
from kb.errors import InvalidInput
from kb.exchange import export_vault, import_vault, resolve_scope
from kb.exchange.vault_format import NameBook, safe_name
from kb.library import open_library


def _by_title(library):
    return {sources.get_source(library, i).title: sources.get_source(library, i)
            for i in sources.list_ids(library)}


def test_export_reads_well_in_obsidian(library, coded, tmp_path):
    result = export_vault(library, tmp_path / "vault")
    assert (result["sources"], result["themes"], result["highlights"], result["quotes"]) == (2, 3, 2, 1)
    names = sorted(p.relative_to(tmp_path / "vault").as_posix() for p in (tmp_path / "vault").rglob("*.md"))
    assert names == ["Collections/Client A.md", "Sources/Bidding wars a review.md",
                     "Sources/Skills money.md", "Themes/Economy.md", "Themes/Funding.md",
                     "Themes/Skills.md"]
    text = (tmp_path / "vault" / "Sources" / "Bidding wars a review.md").read_text("utf-8")
    assert text.startswith("---\nid: ") and "title: 'Bidding wars: a review'" in text
    assert "- theme/economy/skills" in text and "- theme/funding" in text
    one = coded["highlights"][0]
    assert f"> {one.exact} ^hl-{one.id}" in text
    assert "- themes:: [[Economy]] (context), [[Funding]] (supports)" in text
    assert "- note:: Capacity gap" in text and "- cites → [[Skills money]]" in text
    skills = (tmp_path / "vault" / "Themes" / "Skills.md").read_text("utf-8")
    assert "Part of [[Economy]]." in skills and "Apprenticeships matter." in skills
    assert f"[[Bidding wars a review#^hl-{coded['highlights'][1].id}|" in skills
    assert "- [[Skills money]] (supports, whole source)" in skills


def test_round_trip_keeps_metadata_memos_quotes_collections_and_links(library, coded, tmp_path):
    export_vault(library, tmp_path / "vault")
    with open_library(tmp_path / "other") as other:
        report = import_vault(other, tmp_path / "vault")
        assert report["unsupported"] == [] and report["skipped"] == []
        assert (report["sources"], report["highlights"], report["quotes"], report["links"]) == (2, 2, 1, 1)
        first = _by_title(other)["Bidding wars: a review"]
        original = coded["first"]
        for name in ("kind", "authors", "date", "publisher", "url", "tags", "body", "memo"):
            assert getattr(first, name) == getattr(original, name), name
        marks = {(h.start, h.end, h.note, tuple(sorted((t.theme, t.stance) for t in h.themes)))
                 for h in evidence.highlights_for_source(other, first.id)}
        assert marks == {(h.start, h.end, h.note, tuple(sorted((t.theme, t.stance) for t in h.themes)))
                         for h in coded["highlights"]}
        skills = themes.get_theme(other, "Skills")
        assert skills.memo == "Apprenticeships matter.\n\nSee the levy." and skills.keywords == ["levy"]
        second = _by_title(other)["Skills money"]
        assert [(t.theme, t.stance) for t in evidence.source_themes(other, second.id)] == [
            ("Skills", "supports")]
        (quote,) = quotes.list_quotes(other)
        assert (quote.speaker, quote.themes, quote.source_id) == ("A mayor", ["Skills"], first.id)
        (client,) = collections.all_collections(other)
        assert (client.name, client.description, client.count) == ("Client A", "The northern councils", 1)
        assert [(link.relation, link.other_title) for link in links.links_of(other, first.id)] == [
            ("cites", "Skills money")]


def test_scopes(library, coded, tmp_path):
    export_vault(library, tmp_path / "client", resolve_scope(library, collection="Client A"))
    assert [p.name for p in (tmp_path / "client" / "Sources").iterdir()] == ["Bidding wars a review.md"]
    result = export_vault(library, tmp_path / "funding", resolve_scope(library, theme="Funding"))
    assert result["sources"] == 1 and not (tmp_path / "funding" / "Collections").exists()


def test_export_only_into_a_new_or_empty_folder(library, coded, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.md").write_text("mine", "utf-8")
    with pytest.raises(InvalidInput, match="not empty"):
        export_vault(library, tmp_path / "full")
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["keep.md"]
    (tmp_path / "empty").mkdir()
    export_vault(library, tmp_path / "empty")
    assert (tmp_path / "empty" / "Themes").is_dir()


def test_safe_unique_names():
    assert safe_name("a/b\\c:d*?\"<>|#^[]e") == "a b c d e"
    assert safe_name("CON") == "CON_" and safe_name("nul.txt") == "nul.txt_"
    assert safe_name("...") == "Untitled" and safe_name(" .hidden. ") == "hidden"
    long = safe_name("😀" * 300)
    assert len(long) <= 100 and len(long.encode("utf-8")) <= 200
    book = NameBook()
    assert [book.claim("Skills"), book.claim("skills"), book.claim("Skills", clash_suffix="(theme)")] == [
        "Skills", "skills (2)", "Skills (theme)"]


def test_same_titles_get_unique_files_and_links_still_resolve(library, tmp_path):
    a = sources.create_source(library, title="Notes", body="First text.")
    b = sources.create_source(library, title="notes", body="Second text.")
    themes.add_theme(library, "Notes")
    links.add_link(library, a.id, b.id, "follows")
    export_vault(library, tmp_path / "v")
    files = sorted(p.name for p in (tmp_path / "v").rglob("*.md"))
    assert files == ["Notes (theme).md", "Notes.md", "notes (2).md"]
    with open_library(tmp_path / "other") as other:
        assert import_vault(other, tmp_path / "v")["links"] == 1


def test_import_foreign_notes(library, tmp_path):
    vault = tmp_path / "notes"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / ".obsidian" / "app.md").write_text("settings", "utf-8")
    (vault / "Plain note.md").write_text("Just text\n\nwith lines", "utf-8")
    (vault / "Meeting.md").write_text(
        "---\ntitle: Council meeting\ndate: 2023-02-01\ntags: [housing, theme/x]\nauthors: Jo Bloggs\n"
        "aliases: [CM]\nrating: 5\n---\nThe council met.\n", "utf-8")
    (vault / "Bad date.md").write_text("---\ndate: sometime soon\n---\nText", "utf-8")
    (vault / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "secret.md").write_text("outside the vault", "utf-8")
    os.symlink(tmp_path / "secret.md", vault / "link.md")
    report = import_vault(library, vault)
    titles = _by_title(library)
    assert set(titles) == {"Plain note", "Council meeting", "Bad date"}
    assert titles["Plain note"].body == "Just text\n\nwith lines"
    meeting = titles["Council meeting"]
    assert (meeting.date, meeting.tags, meeting.authors, meeting.body) == (
        "2023-02-01", ["housing"], ["Jo Bloggs"], "The council met.\n")
    assert meeting.extra == {"aliases": ["CM"], "rating": 5}
    assert titles["Bad date"].extra == {"date": "sometime soon"}
    assert any("sometime soon" in line for line in report["unsupported"])
    assert any("not Markdown" in line for line in report["unsupported"])
    assert any("link.md" in line for line in report["skipped"])


def test_highlights_are_found_by_text(library, tmp_path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "Doc.md").write_text(
        "---\ntype: source\ntitle: Doc\n---\n# Doc\n\n<!-- evidence-desk:text -->\n"
        "Alpha beta gamma. Delta epsilon.\n<!-- /evidence-desk:text -->\n\n## Highlights\n\n"
        "> Delta epsilon ^hl-1\n\n- themes:: [[New theme]] (supports)\n- position:: 0-5\n\n"
        "> not in the text ^hl-2\n", "utf-8")
    report = import_vault(library, vault)
    assert report["added"] == ["New theme"] and len(report["skipped"]) == 1
    (mark,) = evidence.highlights_for_source(library, sources.list_ids(library)[0])
    assert (mark.exact, mark.start, [t.stance for t in mark.themes]) == ("Delta epsilon", 18, ["supports"])


@pytest.mark.parametrize("text, message", [
    ("---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
    ("---\na: &x [1, 2]\nb: *x\n---\nbody", "not valid YAML"),
    ("---\n- a list\n---\nbody", "name: value"),
])
def test_bad_front_matter_changes_nothing(library, tmp_path, text, message):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "A good one.md").write_text("Fine text", "utf-8")
    (vault / "Broken.md").write_text(text, "utf-8")
    with pytest.raises(InvalidInput, match=message):
        import_vault(library, vault)
    assert sources.list_ids(library) == []


def test_import_needs_a_folder_with_notes(library, tmp_path):
    with pytest.raises(InvalidInput, match="not a folder"):
        import_vault(library, tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InvalidInput, match="no Markdown files"):
        import_vault(library, tmp_path / "empty")


def test_a_vault_saved_with_windows_line_endings(library, tmp_path):
    themes.add_theme(library, "T")
    source = sources.create_source(library, title="Doc", body="Line one\nline two has words\nend")
    evidence.add_highlight(library, source.id, 5, 20, [("T", "supports")], note="n1\nn2")
    export_vault(library, tmp_path / "v")
    for path in (tmp_path / "v").rglob("*.md"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with open_library(tmp_path / "other") as other:
        report = import_vault(other, tmp_path / "v")
        assert report["skipped"] == [] and report["highlights"] == 1
        (mark,) = evidence.highlights_for_source(other, sources.list_ids(other)[0])
        assert (mark.exact, mark.note) == ("one\r\nline two ha", "n1\nn2")
