"""REFI-QDA codebooks (.qdc): export, import, merging by name, reporting what is not understood."""

from pathlib import Path

import pytest

from kb import themes
from kb.errors import InvalidInput
from kb.exchange import export_codebook, import_codebook, resolve_scope
from kb.exchange.refi_codebook import code_guid
from kb.library import open_library

REFI = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "schemas" / "refi-qda"


def _tree(library):
    by_id = {t.id: t for t in themes.all_themes(library)}
    return {t.name: (by_id[t.parent_id].name if t.parent_id else None, t.colour, t.description)
            for t in by_id.values()}


def test_export_is_valid_stable_and_nested(library, coded, tmp_path, schema):
    path = tmp_path / "book.qdc"
    result = export_codebook(library, path)
    assert result["themes"] == 3
    data = path.read_bytes()
    schema(data, "Codebook.xsd")
    skills = themes.get_theme(library, "Skills")
    assert code_guid(skills.id).encode() in data and b'isCodable="true"' in data
    export_codebook(library, tmp_path / "again.qdc")
    assert (tmp_path / "again.qdc").read_bytes() == data  # same GUIDs, same file
    from lxml import etree

    root = etree.fromstring(data)
    ns = {"q": "urn:QDA-XML:codebook:1.0"}
    assert root.xpath("q:Codes/q:Code[@name='Economy']/q:Code/@name", namespaces=ns) == ["Skills"]
    assert root.xpath("//q:Code[@name='Economy']/q:Description/text()", namespaces=ns) == [
        "Money, jobs and growth"]


def test_round_trip_into_an_empty_library(library, coded, tmp_path):
    export_codebook(library, tmp_path / "book.qdc")
    with open_library(tmp_path / "other") as other:
        report = import_codebook(other, tmp_path / "book.qdc")
        assert sorted(report["added"]) == ["Economy", "Funding", "Skills"]
        assert report["merged"] == [] and report["unsupported"] == []
        assert _tree(other) == _tree(library)


def test_same_names_are_suffixed_unless_merged(library, coded, tmp_path):
    export_codebook(library, tmp_path / "book.qdc")
    report = import_codebook(library, tmp_path / "book.qdc")
    assert sorted(report["added"]) == ["Economy (imported)", "Funding (imported)", "Skills (imported)"]
    assert themes.get_theme(library, "Skills (imported)").parent_id == themes.get_theme(
        library, "Economy (imported)").id
    again = import_codebook(library, tmp_path / "book.qdc", merge_by_name=True)
    assert sorted(again["merged"]) == ["Economy", "Funding", "Skills"] and again["added"] == []
    assert len(themes.all_themes(library)) == 6


def test_theme_scope_exports_the_subtree_with_its_ancestors(library, coded, tmp_path):
    result = export_codebook(library, tmp_path / "skills.qdc", resolve_scope(library, theme="Skills"))
    assert result["themes"] == 2
    assert b"Funding" not in (tmp_path / "skills.qdc").read_bytes()


CODEBOOK = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo" mood="sunny">
  <Codes>
    <Code guid="{11111111-2222-3333-4444-555555555555}" name="Barriers" isCodable="false">
      <Code guid="AAAAAAAA-2222-3333-4444-555555555555" name="Other" isCodable="true" color="red"/>
    </Code>
    <Code guid="bbbbbbbb-2222-3333-4444-555555555555" name="Enablers" isCodable="true" color="#0f0">
      <Code guid="cccccccc-2222-3333-4444-555555555555" name="Other" isCodable="true"/>
      <Shape kind="star"/>
    </Code>
  </Codes>
  <Sets><Set guid="dddddddd-2222-3333-4444-555555555555" name="A set"/></Sets>
</CodeBook>"""


def test_foreign_codebook_reports_what_it_does_not_understand(library, tmp_path):
    path = tmp_path / "nvivo.qdc"
    path.write_text(CODEBOOK, "utf-8")
    report = import_codebook(library, path)
    assert report["added"] == ["Barriers", "Other", "Enablers", "Other (Enablers)"]
    assert themes.get_theme(library, "Enablers").colour == "#00ff00"
    unsupported = " | ".join(report["unsupported"])
    assert "attribute 'mood'" in unsupported and "<Shape>" in unsupported
    assert "colour 'red'" in unsupported and "sets" in unsupported
    assert themes.get_theme(library, "Other (Enablers)").parent_id == themes.get_theme(
        library, "Enablers").id


def test_the_specification_example_codebook(library):
    example = REFI / "spec-annexA1-codebook.qdc"
    if not example.exists():
        pytest.skip("the REFI-QDA example codebook in shared/ is not here")
    report = import_codebook(library, example)
    assert set(report["added"]) == {"Topics", "Economy", "Health care", "Values",
                                    "Conservatives", "Liberals"}
    assert report["unsupported"] == []
    economy = themes.get_theme(library, "Economy")
    assert economy.colour == "#ffff00"
    assert economy.description == "Anything about jobs or taxes or business"


@pytest.mark.parametrize("text, message", [
    ("<CodeBook", "not well-formed"),
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CodeBook/>', "document type"),
    ("<Project xmlns='urn:QDA-XML:project:1.0'/>", "not a REFI-QDA codebook"),
    ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code name='x' isCodable='true' "
     "guid='nope'/></Codes></CodeBook>", "not a GUID"),
])
def test_bad_codebooks_change_nothing(library, tmp_path, text, message):
    path = tmp_path / "bad.qdc"
    path.write_text(text, "utf-8")
    with pytest.raises(InvalidInput, match=message):
        import_codebook(library, path)
    assert themes.all_themes(library) == []


def test_a_failure_half_way_rolls_everything_back(library, tmp_path, monkeypatch):
    path = tmp_path / "nvivo.qdc"
    path.write_text(CODEBOOK, "utf-8")
    real = themes.add_theme
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise InvalidInput("Boom.")
        return real(*args, **kwargs)

    monkeypatch.setattr(themes, "add_theme", failing)
    with pytest.raises(InvalidInput, match="Boom"):
        import_codebook(library, path)
    assert themes.all_themes(library) == []
