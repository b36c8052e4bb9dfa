"""The evidence commands end to end: themes, highlights, evidence, matrix, links, suggestions,
reports, collections, memos, backups and the trash."""

import json

import docx
import pytest

from kb.cli.main import main


@pytest.fixture
def kb(tmp_path, capsys):
    folder = tmp_path / "library"

    def run(*args, expect: int = 0):
        code = main(["--library", str(folder), *args])
        out, err = capsys.readouterr()
        assert code == expect, f"exit {code}, stderr: {err}"
        return out, err

    return run


@pytest.fixture
def source_id(kb, tmp_path):
    doc = tmp_path / "report.md"
    doc.write_text("---\ntitle: Skills and devolution\nauthors: [Ann Lee]\ndate: 2022-03-01\n---\n"
                   "Mayors want control of adult skills budgets. The apprenticeship levy is "
                   "underspent in the north, say colleges.\n", "utf-8")
    return json.loads(kb("import", str(doc), "--json")[0])["imported"][0]["id"]


def test_theme_lifecycle(kb):
    kb("theme", "add", "Skills", "--colour", "#59a14f", "--keywords", "training, levy")
    kb("theme", "add", "Apprenticeships", "--parent", "Skills")
    kb("theme", "add", "Devolution")
    tree = json.loads(kb("theme", "list", "--json")[0])
    assert {t["name"] for t in tree} == {"Skills", "Apprenticeships", "Devolution"}
    kb("theme", "rename", "Devolution", "Local control")
    kb("theme", "move", "Apprenticeships", "Local control")
    kb("theme", "merge", "Local control", "Skills")
    names = {t["name"]: t for t in json.loads(kb("theme", "list", "--json")[0])}
    assert set(names) == {"Skills", "Apprenticeships"}
    assert names["Apprenticeships"]["parent_id"] == names["Skills"]["id"]
    _, err = kb("theme", "add", "skills", expect=1)
    assert "already exists" in err
    _, err = kb("theme", "rename", "Nothing", "X", expect=1)
    assert "no theme called" in err


def test_highlight_evidence_matrix_report(kb, source_id, tmp_path):
    kb("theme", "add", "Skills")
    kb("theme", "add", "Devolution")
    out, _ = kb("highlight", "add", source_id, "--text", "apprenticeship levy is underspent",
                "--theme", "Skills", "--stance", "challenges", "--note", "levy gap", "--json")
    assert json.loads(out)["themes"][0]["stance"] == "challenges"
    kb("highlight", "add", source_id, "--text", "Mayors want control", "--theme", "Devolution",
       "--theme", "Skills", "--stance", "supports")
    _, err = kb("highlight", "add", source_id, "--text", "not in the text at all", "--theme", "Skills",
                expect=1)
    assert "not in" in err
    rows = json.loads(kb("evidence", "Skills", "--json")[0])
    assert {row["stance"] for row in rows} == {"challenges", "supports"}
    assert json.loads(kb("evidence", "Skills", "--stance", "supports", "--json")[0])[0]["passage"] == \
        "Mayors want control"
    grid = json.loads(kb("matrix", "--by", "year", "--json")[0])
    assert grid["columns"] == ["2022"] and grid["max_count"] == 2
    hits = json.loads(kb("search", "levy gap", "--json")[0])
    assert hits[0]["kind"] == "highlight"
    assert json.loads(kb("search", "theme:devolution", "--json")[0])
    kb("report", "Skills", "--format", "docx", "-o", str(tmp_path / "skills.docx"))
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "skills.docx")).paragraphs)
    assert "apprenticeship levy is underspent" in text and "Lee (2022)" in text
    coverage = json.loads(kb("coverage", "--json")[0])
    assert coverage["uncoded_sources"] == []


def test_code_and_uncode_a_whole_source(kb, source_id):
    kb("theme", "add", "Skills")
    kb("code", source_id, "Skills", "--stance", "supports")
    found = json.loads(kb("search", "theme:skills", "--json")[0])
    assert source_id in {hit["id"] for hit in found}
    assert json.loads(kb("uncode", source_id, "Skills", "--json")[0]) == {"removed_links": 1}
    found = json.loads(kb("search", "theme:skills", "--json")[0])
    assert source_id not in {hit["id"] for hit in found}
    _, err = kb("uncode", source_id, "Skills", expect=1)
    assert "not tied" in err


def test_links_collections_memos_suggest(kb, source_id, tmp_path):
    other = tmp_path / "note.md"
    other.write_text("# A note\n\nColleges on the apprenticeship levy.\n", "utf-8")
    other_id = json.loads(kb("import", str(other), "--json")[0])["imported"][0]["id"]
    kb("link", other_id, source_id, "--relation", "answers")
    backlinks = json.loads(kb("links", source_id, "--json")[0])
    assert backlinks[0]["direction"] == "in" and backlinks[0]["relation"] == "answers"
    kb("collection", "add", "Client A")
    kb("collection", "put", "Client A", source_id)
    assert json.loads(kb("collection", "list", "--json")[0])[0]["count"] == 1
    kb("memo", source_id, "Argument: levy reform first")
    assert json.loads(kb("search", "argument reform", "--json")[0])[0]["id"] == source_id
    kb("theme", "add", "Skills", "--keywords", "apprenticeship levy")
    suggestions = json.loads(kb("suggest", other_id, "--json")[0])
    assert suggestions[0]["theme"] == "Skills"


def test_backup_trash_and_restore(kb, source_id, tmp_path):
    out, _ = kb("backup", "--json")
    backup_path = json.loads(out)["backup"]
    assert json.loads(kb("backups", "--json")[0])[0]["path"] == backup_path
    kb("delete", source_id)
    trash = json.loads(kb("trash", "--json")[0])
    assert [item["id"] for item in trash] == [source_id]
    kb("restore", source_id)
    assert json.loads(kb("trash", "--json")[0]) == []
    kb("delete", source_id)
    kb("empty-trash", "--yes")
    assert json.loads(kb("list", "--json")[0]) == []
    kb("restore", backup_path, "--yes")
    assert [row["id"] for row in json.loads(kb("list", "--json")[0])] == [source_id]


def test_suggest_for_a_passage(kb, source_id):
    kb("theme", "add", "Skills", "--keywords", "apprenticeship levy")
    found = json.loads(kb("suggest", "--text", "The apprenticeship levy is underspent", "--json")[0])
    assert found[0]["theme"] == "Skills"
