"""kb bundle export/import, kb conflicts and kb sync between two libraries."""

import json

from kb.cli.main import main


def run(capsys, library, *args, expect=0):
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    assert code == expect, err
    return out, err


def test_bundle_round_trip_dry_run_passphrase_and_sync(tmp_path, capsys, monkeypatch):
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    doc = tmp_path / "a.md"
    doc.write_text("# Skills note\n\nColleges and the levy.\n", "utf-8")
    run(capsys, ann, "import", str(doc))
    secret = tmp_path / "pass.txt"
    secret.write_text("team secret\n", "utf-8")
    bundle = tmp_path / "to-bob.bin"
    run(capsys, ann, "bundle", "export", str(bundle), "--passphrase-file", str(secret))
    _, err = run(capsys, bob, "bundle", "import", str(bundle), expect=1)
    assert "encrypted" in err
    monkeypatch.setenv("KB_PASSPHRASE", "team secret")
    preview = json.loads(run(capsys, bob, "bundle", "import", str(bundle), "--dry-run", "--json")[0])
    assert preview["added"]["sources"] == 1 and preview["dry_run"]
    assert json.loads(run(capsys, bob, "list", "--json")[0]) == []
    run(capsys, bob, "bundle", "import", str(bundle))
    assert [r["title"] for r in json.loads(run(capsys, bob, "list", "--json")[0])] == ["Skills note"]
    monkeypatch.delenv("KB_PASSPHRASE")
    shared = tmp_path / "shared"
    shared.mkdir()
    run(capsys, bob, "edit", json.loads(run(capsys, bob, "list", "--json")[0])[0]["id"], "--title", "Bob's")
    run(capsys, ann, "sync", "--folder", str(shared))
    report = json.loads(run(capsys, bob, "sync", "--folder", str(shared), "--json")[0])
    assert report["exported"] and len(report["imported"]) == 1
    run(capsys, ann, "sync")
    assert [r["title"] for r in json.loads(run(capsys, ann, "list", "--json")[0])] == ["Bob's"]
    assert json.loads(run(capsys, ann, "conflicts", "--json")[0]) == []
