"""The `kb` command end to end: every command, JSON output, and clear errors."""

import json
import subprocess
import sys

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
def documents(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "devolution.md").write_text(
        "---\ntitle: Devolution deals\nauthors: [Tom O'Brien]\ndate: 2021-06-01\n"
        "publisher: Northern Futures\nkind: report\ntags: [devolution]\n---\n"
        "# Devolution deals\n\nMayors want more control over skills funding.\n", "utf-8")
    (folder / "sub" / "notes.txt").write_text(
        "Meeting notes\n\nThe council discussed the high street and the levelling up fund.\n", "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    return folder


def test_init_creates_the_library(kb, tmp_path):
    out, _ = kb("init", "--json")
    assert json.loads(out)["library"] == str(tmp_path / "library")
    assert (tmp_path / "library" / "library.sqlite").exists()


def test_import_list_show_search_json(kb, documents):
    out, _ = kb("import", str(documents), "--json")
    report = json.loads(out)
    assert sorted(item["title"] for item in report["imported"]) == ["Devolution deals", "Meeting notes"]
    assert report["duplicates"] == []
    assert len(report["failed"]) == 1 and "empty" in report["failed"][0]["error"]

    again = json.loads(kb("import", str(documents), "--json")[0])
    assert again["imported"] == [] and len(again["duplicates"]) == 2

    rows = json.loads(kb("list", "--json", "--sort", "title")[0])
    assert [row["title"] for row in rows] == ["Devolution deals", "Meeting notes"]

    hits = json.loads(kb("search", "skills funding", "--json")[0])
    assert [hit["title"] for hit in hits] == ["Devolution deals"]
    assert set(hits[0]) >= {"id", "kind", "title", "authors", "date", "score", "snippet"}
    assert "«skills»" in hits[0]["snippet"]

    item = json.loads(kb("show", hits[0]["id"], "--json")[0])
    assert item["authors"] == ["Tom O'Brien"] and "Mayors want" in item["body"]
    assert item["publisher"] == "Northern Futures" and item["kind"] == "report"


def test_edit_delete_restore(kb, documents):
    kb("import", str(documents))
    rows = json.loads(kb("list", "--json")[0])
    target = rows[0]["id"]
    edited = json.loads(kb("edit", target[-10:], "--title", "Renamed item", "--date", "2020",
                           "--tags", "a, b", "--json")[0])
    assert edited["title"] == "Renamed item" and edited["tags"] == ["a", "b"]
    assert [h["title"] for h in json.loads(kb("search", "renamed", "--json")[0])] == ["Renamed item"]
    kb("delete", target)
    assert json.loads(kb("search", "renamed", "--json")[0]) == []
    assert [row["id"] for row in json.loads(kb("list", "--trash", "--json")[0])] == [target]
    kb("restore", target)
    assert len(json.loads(kb("search", "renamed", "--json")[0])) == 1


def test_errors_are_one_sentence_with_nonzero_exit(kb, documents):
    kb("import", str(documents))
    _, err = kb("show", "NOSUCHID123", expect=1)
    assert err.startswith("kb: No item") and "Traceback" not in err
    target = json.loads(kb("list", "--json")[0])[0]["id"]
    _, err = kb("edit", target, "--date", "not a date at all", expect=1)
    assert "not a date" in err
    _, err = kb("import", "/no/such/path", expect=1)
    assert "does not exist" in err


def test_reindex_and_check(kb, documents):
    kb("import", str(documents))
    assert json.loads(kb("reindex", "--json")[0]) == {"indexed": 2}
    report = json.loads(kb("check", "--json")[0])
    assert report["ok"] and report["items"] == 2 and report["indexed"] == 2


def test_any_query_from_the_command_line(kb, documents):
    kb("import", str(documents))
    for query in ['"unbalanced', "title:", "((", "NOT", "x" * 10_000]:
        kb("search", query, "--json")


def test_entry_point_runs_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kb.cli.main", "--library", str(tmp_path / "lib"), "show", "XYZXYZXYZ"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "No item" in result.stderr
