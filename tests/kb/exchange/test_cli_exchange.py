"""`kb export`, `kb import-qda` and `kb import-vault` end to end."""

import json
import zipfile

import click
import pytest
from click.testing import CliRunner

from kb.cli import exchange
from kb.errors import InvalidInput


def _setup(kb, tmp_path):
    (tmp_path / "doc.md").write_text("---\ntitle: Housing report\n---\nRents rose in the north.\n",
                                     "utf-8")
    assert kb("theme", "add", "Housing", "--colour", "#aa0000")[0] == 0
    assert kb("import", str(tmp_path / "doc.md"))[0] == 0


def test_export_and_import_every_format(kb, tmp_path):
    _setup(kb, tmp_path)
    code, out, err = kb("export", "qdc", "-o", tmp_path / "book.qdc")
    assert code == 0, err
    assert "Exported the library" in out and "1 themes" in out
    code, out, _ = kb("export", "qdpx", "-o", tmp_path / "p.qdpx")
    assert code == 0 and "1 sources" in out and zipfile.is_zipfile(tmp_path / "p.qdpx")
    code, out, _ = kb("export", "vault", "-o", tmp_path / "vault")
    assert code == 0 and (tmp_path / "vault" / "Themes" / "Housing.md").exists()
    code, out, _ = kb("export", "qdc", "-o", tmp_path / "one.qdc", "--theme", "Housing")
    assert code == 0 and "theme 'Housing'" in out

    code, out, _ = kb("import-qda", tmp_path / "book.qdc")
    assert code == 0 and "Imported the codebook; themes: 1 added" in out
    assert "--merge-by-name" in out  # offered, since 'Housing' was there already
    code, out, _ = kb("import-qda", tmp_path / "p.qdpx", "--merge-by-name", "--json")
    report = json.loads(out)
    assert code == 0 and report["format"] == "qdpx" and report["merged"] == ["Housing"]
    assert report["sources"] == 1
    code, out, _ = kb("import-vault", tmp_path / "vault")
    assert code == 0 and "Imported 1 sources" in out and "1 added" in out


def test_errors_are_one_sentence(kb, tmp_path):
    _setup(kb, tmp_path)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.md").write_text("x", "utf-8")
    code, _, err = kb("export", "vault", "-o", tmp_path / "full")
    assert code == 1 and err.startswith("kb: The folder") and "not empty" in err
    (tmp_path / "bad.qdpx").write_bytes(b"PK\x03\x04nope")
    code, _, err = kb("import-qda", tmp_path / "bad.qdpx")
    assert code == 1 and "not a readable zip" in err and "Traceback" not in err
    code, _, err = kb("export", "qdc", "-o", tmp_path / "x.qdc", "--collection", "Nope")
    assert code == 1 and "no collection called 'Nope'" in err


def test_commands_list_builds_a_group(tmp_path):
    group = click.Group("kb", commands={c.name: c for c in exchange.COMMANDS})
    result = CliRunner().invoke(group, ["import-qda", "--help"])
    assert result.exit_code == 0 and "--merge-by-name" in result.output
    assert sorted(group.commands) == ["import-qda", "import-vault"]


def test_export_summary_names_what_was_left_out(library, coded, tmp_path):
    from kb.exchange.exports import export

    text = export(library, "qdpx", tmp_path / "p.qdpx", collection="Client A")
    assert text.startswith("Exported the collection 'Client A' to ")
    assert "left out: 1 quote(s)" in text
    with pytest.raises(InvalidInput, match="not an exchange format"):
        export(library, "docx", tmp_path / "x")
