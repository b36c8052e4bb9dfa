"""Exporting a library's sources and importing reference files, with duplicate matching."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from kb import sources
from kb.errors import InvalidInput
from kb.library import open_library
from kb.references import detect_format, export_references, import_references, render_references
from kb.references.names import display_name, parse_name
from tests.kb.references.strategies import distinct_sources

COMPARED = ("kind", "title", "authors", "publisher", "date", "url", "accessed", "language",
            "tags", "extra")


@pytest.fixture
def lib(tmp_path):
    library = open_library(tmp_path / "lib")
    yield library
    library.close()


def _insert(library, **fields):
    """A source with `extra` (which create_source cannot set), as the import pipeline makes."""
    values = sources.validate_fields({k: v for k, v in fields.items() if k != "extra"})
    with library.transaction() as conn:
        return sources.insert_source(conn, {**values, "extra": fields.get("extra", {})})


def _stored(library) -> list[dict]:
    return [sources.get_source(library, source_id).to_dict() for source_id in
            sources.list_ids(library)]


def _import_into_empty_library(items, fmt) -> tuple[dict, list[dict], dict]:
    """Export `items` as `fmt`, import into a new library, then import the file again."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"refs.{fmt}"
        path.write_text(render_references(items, fmt), encoding="utf-8")
        with open_library(Path(folder) / "lib") as library:
            first = import_references(library, path)
            stored = _stored(library)
            again = import_references(library, path)
            assert len(_stored(library)) == len(stored)
    return first, stored, again


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(distinct_sources())
def test_csl_json_round_trip_keeps_every_field(items):
    first, stored, again = _import_into_empty_library(items, "csl-json")
    assert len(first["imported"]) == len(items) and first["failed"] == []
    for original, back in zip(items, stored, strict=True):
        for name in COMPARED:
            assert back[name] == original[name] or (not back[name] and not original[name]), name
    assert again["imported"] == [] and len(again["matched"]) == len(items)
    assert {m["id"] for m in again["matched"]} == {s["id"] for s in stored}


def _canonical(authors):
    """Names as RIS and BibTeX give them back: no titles, given name first, no repeats."""
    names = [display_name(parse_name(author)) for author in authors]
    return list(dict.fromkeys(names))


@pytest.mark.parametrize("fmt", ["ris", "bibtex"])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=distinct_sources(unmapped_extra=False))
def test_ris_and_bibtex_round_trips_keep_the_bibliographic_fields(fmt, items):
    first, stored, again = _import_into_empty_library(items, fmt)
    assert len(first["imported"]) == len(items) and first["failed"] == []
    for original, back in zip(items, stored, strict=True):
        assert back["kind"] == original["kind"]
        assert back["title"] == original["title"]
        assert back["authors"] == _canonical(original["authors"])  # "Dr P Raman" -> "P Raman"
        for name in ("date", "publisher", "url", "accessed", "language", "tags"):
            assert back[name] == original[name] or (not back[name] and not original[name]), name
        assert back["extra"].get("doi") == original["extra"].get("doi")
        for key in ("container_title", "volume", "issue", "pages"):
            assert back["extra"].get(key) == original["extra"].get(key), key
    assert again["imported"] == [] and len(again["matched"]) == len(items)


def test_export_writes_the_chosen_sources_atomically(lib, tmp_path):
    kept = _insert(lib, kind="report", title="Kept", authors=["Priya Raman"], date="2021")
    _insert(lib, kind="note", title="Not exported")
    path = tmp_path / "out.json"
    path.write_text("old contents", encoding="utf-8")
    assert export_references(lib, "csl-json", path, source_ids=[kept.id[-8:]]) == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [item["title"] for item in data] == ["Kept"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert export_references(lib, "bibtex", tmp_path / "all.bib") == 2
    assert export_references(lib, "ris", tmp_path / "all.ris") == 2


def test_export_errors_are_clear(lib, tmp_path):
    with pytest.raises(InvalidInput, match="choose one of csl-json, ris, bibtex"):
        export_references(lib, "endnote", tmp_path / "x")
    with pytest.raises(InvalidInput, match="does not exist"):
        export_references(lib, "ris", tmp_path / "missing" / "x.ris")


def test_duplicates_match_by_doi_url_or_title_and_year(lib, tmp_path):
    by_doi = _insert(lib, kind="article", title="Growth deals", date="2019",
                     extra={"doi": "10.1080/ABC.123"})
    by_url = _insert(lib, kind="web_page", title="Bus funding", url="https://www.gov.uk/bus/")
    by_title = _insert(lib, kind="report", title="Housing Need: the North", date="2021-03")
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([
        {"type": "article-journal", "title": "Another title", "DOI": "https://doi.org/10.1080/abc.123"},
        {"type": "webpage", "title": "Bus funding (updated)", "URL": "http://gov.uk/bus"},
        {"type": "report", "title": "housing need - the north", "issued": {"date-parts": [[2021]]}},
        {"type": "report", "title": "Housing need: the North", "issued": {"date-parts": [[2015]]}},
        {"type": "article", "title": "Growth deals", "issued": {"date-parts": [[2019]]},
         "DOI": "10.9999/other"},
        {"type": "report", "title": "In the file twice"},
        {"type": "report", "title": "In the file twice!"},
    ]), encoding="utf-8")
    result = import_references(lib, path)
    assert result["matched"][:3] == [
        {"id": by_doi.id, "title": "Growth deals"},
        {"id": by_url.id, "title": "Bus funding"},
        {"id": by_title.id, "title": "Housing Need: the North"},
    ]
    assert len(result["imported"]) == 3  # another year, another DOI, the first copy
    assert result["matched"][3]["id"] == result["imported"][2]
    assert result["failed"] == []


def test_trashed_sources_are_not_matched(lib, tmp_path):
    old = _insert(lib, kind="report", title="Binned report", date="2020")
    sources.trash(lib, [old.id])
    path = tmp_path / "refs.ris"
    path.write_text("TY  - RPRT\nTI  - Binned report\nPY  - 2020\nER  - \n", encoding="utf-8")
    assert len(import_references(lib, path)["imported"]) == 1


def test_bad_entries_fail_alone_and_bad_values_are_kept_aside(lib, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(
        "@misc{untitled, year = {2020}}\n"
        "@article{fine, title = {Fine}, year = {Spring 2019}, url = {not a url}}\n"
        "@misc{broken, title = {Broken\n",
        encoding="utf-8",
    )
    result = import_references(lib, path)
    assert [f["entry"] for f in result["failed"]] == ["BibTeX entry 'untitled'",
                                                     "BibTeX entry 'broken'"]
    assert "has no title" in result["failed"][0]["error"]
    assert "malformed" in result["failed"][1]["error"]
    (fine,) = [sources.get_source(lib, i) for i in result["imported"]]
    assert fine.date is None and fine.url is None
    assert fine.extra == {"date_as_given": "Spring 2019", "url_as_given": "not a url"}


def test_abstract_becomes_the_body(lib, tmp_path):
    path = tmp_path / "refs.ris"
    path.write_text("TY  - JOUR\nTI  - With abstract\nAB  - What we found.\nER  - \n",
                    encoding="utf-8")
    (new_id,) = import_references(lib, path)["imported"]
    source = sources.get_source(lib, new_id)
    assert source.body == "What we found."
    assert source.extra["abstract"] == "What we found."


def test_an_import_is_all_or_nothing(lib, tmp_path, monkeypatch):
    path = tmp_path / "refs.ris"
    path.write_text("TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nTI  - Two\nER  - \n",
                    encoding="utf-8")
    real_insert = sources.insert_source
    calls = []

    def failing_insert(conn, values):
        calls.append(values["title"])
        if len(calls) == 2:
            raise RuntimeError("disk trouble")
        return real_insert(conn, values)

    monkeypatch.setattr(sources, "insert_source", failing_insert)
    with pytest.raises(RuntimeError):
        import_references(lib, path)
    assert _stored(lib) == []


@pytest.mark.parametrize(("text", "fmt"), [
    ('[{"type": "report", "title": "x"}]', "csl-json"),
    ('\ufeff  {"items": []}', "csl-json"),
    ("Provider: Zotero\n\nTY  - JOUR\nTI  - x\nER  - \n", "ris"),
    ("% comment\n@article{x, title={y}}", "bibtex"),
])
def test_format_is_detected_from_content(text, fmt):
    assert detect_format(text) == fmt


@pytest.mark.parametrize(("content", "message"), [
    (b"Dear colleague, please find attached.", "not a reference file"),
    (b"\x00\x01\x02\x03binary" * 50, "binary"),
    (b'[{"type": "report", "title": ', "not valid CSL-JSON"),
])
def test_bad_files_are_one_clear_sentence(lib, tmp_path, content, message):
    path = tmp_path / "refs.txt"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        import_references(lib, path)


def test_missing_file(lib, tmp_path):
    with pytest.raises(InvalidInput, match="There is no file"):
        import_references(lib, tmp_path / "nope.ris")
    with pytest.raises(InvalidInput, match="is a folder"):
        import_references(lib, tmp_path)


def test_windows_1252_files_are_read(lib, tmp_path):
    path = tmp_path / "refs.ris"
    path.write_bytes("TY  - RPRT\r\nTI  - Café culture £5\r\nER  - \r\n".encode("cp1252"))
    (new_id,) = import_references(lib, path)["imported"]
    assert sources.get_source(lib, new_id).title == "Café culture £5"
