"""Trust nothing in a bundle: every damaged, tampered or hostile file is refused with one clear
sentence and the library is left exactly as it was."""

import hashlib
import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb import sources, themes
from kb.bundle.export import export_bundle
from kb.bundle.importer import import_bundle
from kb.errors import InvalidInput, KbError
from kb.index import indexer
from kb.library import open_library


@pytest.fixture(scope="module")
def good_bundle(tmp_path_factory):
    folder = tmp_path_factory.mktemp("source")
    lib = open_library(folder / "lib")
    indexer.ensure_current(lib)
    source = sources.create_source(lib, title="Bundle source", body="Some words about skills.")
    themes.add_theme(lib, "Skills")
    from kb import evidence

    evidence.highlight_text(lib, source.id, "words about skills", [("Skills", "supports")])
    path = folder / "good.edbundle"
    export_bundle(lib, path)
    lib.close()
    return path.read_bytes()


@pytest.fixture
def target(tmp_path):
    lib = open_library(tmp_path / "target")
    indexer.ensure_current(lib)
    sources.create_source(lib, title="Mine", body="my own words")
    yield lib
    lib.close()


def state(lib):
    return [tuple(row) for table in ("sources", "themes", "highlights", "evidence")
            for row in lib.conn.execute(f"SELECT * FROM {table} ORDER BY id")]


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rebuild(files: dict[str, bytes], fix_manifest: bool = True) -> bytes:
    files = dict(files)
    if fix_manifest:
        manifest = json.loads(files["manifest.json"])
        manifest["files"] = {name: hashlib.sha256(body).hexdigest()
                             for name, body in files.items() if name != "manifest.json"}
        files["manifest.json"] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def refused(lib, tmp_path, data: bytes, match: str) -> None:
    before = state(lib)
    path = tmp_path / "incoming.anything"
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match=match):
        import_bundle(lib, path)
    assert state(lib) == before


def test_good_bundle_is_recognised_whatever_its_name(target, tmp_path, good_bundle):
    path = tmp_path / "notes.txt"
    path.write_bytes(good_bundle)
    assert import_bundle(target, path).added["sources"] == 1


def test_tampered_record(target, tmp_path, good_bundle):
    files = members(good_bundle)
    files["records/sources.jsonl"] = files["records/sources.jsonl"].replace(b"Bundle source", b"Evil source")
    refused(target, tmp_path, rebuild(files, fix_manifest=False), "checksum .* is wrong")


def test_truncated(target, tmp_path, good_bundle):
    refused(target, tmp_path, good_bundle[: len(good_bundle) // 2], "damaged or cut short")


def test_not_a_bundle(target, tmp_path):
    refused(target, tmp_path, b"just some text", "not an Evidence Desk bundle")


def test_newer_format(target, tmp_path, good_bundle):
    files = members(good_bundle)
    manifest = json.loads(files["manifest.json"])
    manifest["format_version"] = 99
    files["manifest.json"] = json.dumps(manifest).encode()
    refused(target, tmp_path, rebuild(files), "newer Evidence Desk")


def test_unknown_kind(target, tmp_path, good_bundle):
    files = members(good_bundle)
    files["records/spells.jsonl"] = b"{}\n"
    refused(target, tmp_path, rebuild(files), "unknown kind")


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/passwd", "originals/../../x",
                                  "C:\\windows\\x", "records/../../evil.jsonl"])
def test_paths_outside_the_bundle(target, tmp_path, good_bundle, name):
    files = members(good_bundle)
    files[name] = b"x"
    refused(target, tmp_path, rebuild(files), "outside the bundle|unexpected file|unknown kind")


def test_symlink_member(target, tmp_path, good_bundle):
    files = members(good_bundle)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in files.items():
            archive.writestr(name, body)
        link = zipfile.ZipInfo("originals/" + "a" * 64)
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    refused(target, tmp_path, buffer.getvalue(), "link")


def test_zip_bomb(target, tmp_path, good_bundle):
    files = members(good_bundle)
    files["originals/" + "b" * 64] = b"\0" * (50 * 1024 * 1024)
    refused(target, tmp_path, rebuild(files), "zip bomb|beyond sane limits")


def test_malformed_json_and_oversized_and_bad_fields(target, tmp_path, good_bundle):
    files = members(good_bundle)
    broken = dict(files, **{"records/sources.jsonl": b"{not json\n"})
    refused(target, tmp_path, rebuild(broken), "malformed JSON")
    extra = dict(files, **{"records/sources.jsonl": files["records/sources.jsonl"].replace(
        b'"title"', b'"spell": 1, "title"')})
    refused(target, tmp_path, rebuild(extra), "unknown fields")
    bad_id = dict(files, **{"records/sources.jsonl": json.dumps(
        {"row": {"id": "../../x"}, "history": []}).encode() + b"\n"})
    refused(target, tmp_path, rebuild(bad_id), "no valid id")


def test_reference_to_a_missing_item(target, tmp_path, good_bundle):
    files = members(good_bundle)
    files["records/sources.jsonl"] = b""
    refused(target, tmp_path, rebuild(files), "missing item")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_bundles_never_damage_the_library(target, tmp_path, good_bundle, data):
    blob = bytearray(good_bundle)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(blob) - 1))
        blob[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(blob) // 2, len(blob)))
    path = tmp_path / "fuzzed.edbundle"
    path.write_bytes(bytes(blob[:cut]))
    before = state(target)
    try:
        import_bundle(target, path)
    except KbError:
        assert state(target) == before


def test_oversized_record(target, tmp_path, good_bundle, monkeypatch):
    from kb.bundle import reader

    monkeypatch.setattr(reader, "MAX_RECORD_BYTES", 100)
    refused(target, tmp_path, good_bundle, "oversized")
