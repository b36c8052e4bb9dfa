"""kb quote, kb draft and kb cite end to end."""

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


def test_quote_draft_export_cycle(kb, tmp_path):
    doc = tmp_path / "r.md"
    doc.write_text("---\ntitle: Bidding Wars\nauthors: [Siân Llewelyn]\ndate: 2023-02-01\n"
                   "publisher: Local Government Review\nkind: report\n---\n"
                   "Councils called the funds “a beauty contest for capacity”.\n", "utf-8")
    source_id = json.loads(kb("import", str(doc), "--json")[0])["imported"][0]["id"]
    kb("theme", "add", "Central–local relations")
    quote = json.loads(kb("quote", "add", "--text", "a beauty contest for capacity", "--source",
                          source_id, "--locator", "p. 2", "--theme", "Central–local relations",
                          "--json")[0])
    assert quote["locator"] == "2" and quote["themes"] == ["Central–local relations"]
    typed = json.loads(kb("quote", "add", "--text", "We need certainty.", "--speaker", "Cllr Ahmed",
                          "--date", "2024-03-04", "--json")[0])
    assert [q["id"] for q in json.loads(kb("quote", "list", "--theme", "Central–local relations",
                                           "--json")[0])] == [quote["id"]]
    assert "search" and json.loads(kb("search", "kind:quote beauty", "--json")[0])[0]["kind"] == "quote"
    draft = json.loads(kb("draft", "new", "Briefing", "--json")[0])
    kb("draft", "edit", draft["id"], "--add-quote", quote["id"], "--add-quote", typed["id"])
    shown = json.loads(kb("draft", "show", draft["id"], "--json")[0])
    assert shown["quotes"] == [quote["id"], typed["id"]]
    used = json.loads(kb("quote", "show", quote["id"], "--json")[0])
    assert used["drafts"][0]["title"] == "Briefing" and "Llewelyn" in used["citation"]
    kb("draft", "export", draft["id"], "--format", "docx", "--style", "apa", "-o", str(tmp_path / "b.docx"))
    texts = [p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs]
    assert any("a beauty contest for capacity" in t for t in texts)
    assert any("Bidding Wars" in t for t in texts)
    out, _ = kb("cite", source_id, "--style", "harvard", "--locator", "2")
    assert out.strip() == "(Llewelyn, 2023, p. 2)"
    out, _ = kb("cite", source_id, "--style", "chicago", "--bibliography")
    assert "Bidding Wars" in out and "Local Government Review" in out
    _, err = kb("draft", "export", draft["id"], "--format", "odt", "-o", str(tmp_path / "x"), expect=2)


@pytest.mark.parametrize("fmt", ["csl-json", "ris", "bibtex"])
def test_reference_export_reimports_without_loss(kb, tmp_path, fmt, capsys):
    doc = tmp_path / "r.md"
    doc.write_text("---\ntitle: Bidding Wars\nauthors: [Siân Llewelyn, Tom O'Brien]\n"
                   "date: 2023-02-01\npublisher: Local Government Review\nkind: report\n"
                   "url: https://example.org/bidding\n---\nText.\n", "utf-8")
    kb("import", str(doc))
    out = tmp_path / f"refs.{fmt}"
    kb("export", fmt, "-o", str(out))
    fresh = tmp_path / "fresh"
    from kb.cli.main import main as cli_main

    assert cli_main(["--library", str(fresh), "import-refs", str(out)]) == 0
    capsys.readouterr()
    assert cli_main(["--library", str(fresh), "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["title"] == "Bidding Wars" and rows[0]["date"] == "2023-02-01"
    assert rows[0]["authors"] == ["Siân Llewelyn", "Tom O'Brien"]
    again = json.loads(kb("import-refs", str(out), "--json")[0])
    assert again["imported"] == [] and len(again["matched"]) == 1
