"""REFI-QDA projects (.qdpx): export, import from other tools, all-or-nothing, hostile archives."""

import zipfile

import pytest

from kb import evidence, sources, themes
from kb.errors import InvalidInput
from kb.exchange import archive, export_project, import_project, import_qda, resolve_scope
from kb.exchange.common import guid_for
from kb.library import open_library

NS = {"q": "urn:QDA-XML:project:1.0"}


def _zip(path, members: dict[str, bytes | str]):
    with zipfile.ZipFile(path, "w") as out:
        for name, data in members.items():
            out.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _state(library):
    """Everything a round trip must keep, independent of ids."""
    by_id = {t.id: t for t in themes.all_themes(library)}
    found = []
    for source_id in sources.list_ids(library):
        source = sources.get_source(library, source_id)
        found.append((source.title, source.body, sorted(
            (h.start, h.end, h.exact, h.note, tuple(sorted((t.theme, t.stance) for t in h.themes)))
            for h in evidence.highlights_for_source(library, source_id)),
            sorted((t.theme, t.stance) for t in evidence.source_themes(library, source_id))))
    tree = {t.name: (by_id[t.parent_id].name if t.parent_id else None, t.colour, t.description,
                     t.memo) for t in by_id.values()}
    return tree, sorted(found)


def test_export_validates_and_holds_the_text(library, coded, tmp_path, schema):
    path = tmp_path / "project.qdpx"
    result = export_project(library, path)
    assert (result["sources"], result["highlights"], result["themes"]) == (2, 2, 3)
    assert "quote" in result["skipped"][0]
    with zipfile.ZipFile(path) as archive_file:
        qde = archive_file.read("project.qde")
        schema(qde, "Project.xsd")
        guid = guid_for("source", coded["first"].id)
        assert archive_file.read(f"sources/{guid}.txt").decode("utf-8") == coded["first"].body
    from lxml import etree

    root = etree.fromstring(qde)
    source = root.xpath(f"//q:TextSource[@guid='{guid}']", namespaces=NS)[0]
    assert source.get("plainTextPath") == f"internal://{guid}.txt"
    selections = source.xpath("q:PlainTextSelection", namespaces=NS)
    start = int(selections[0].get("startPosition"))
    # positions count code points: the emoji before the second highlight is one character
    assert coded["first"].body[start:int(selections[0].get("endPosition"))] == coded["highlights"][0].exact
    assert len(selections[0].xpath("q:Coding/q:CodeRef", namespaces=NS)) == 2
    notes = root.xpath("//q:Note/q:PlainTextContent/text()", namespaces=NS)
    assert {"Capacity gap", "Stance: supports", "Stance: challenges", "Read for the client.",
            "Apprenticeships matter.\n\nSee the levy."} <= set(notes)


def test_round_trip_into_an_empty_library(library, coded, tmp_path):
    export_project(library, tmp_path / "p.qdpx")
    with open_library(tmp_path / "other") as other:
        report = import_project(other, tmp_path / "p.qdpx")
        assert (report["sources"], report["highlights"], report["unsupported"]) == (2, 2, [])
        assert _state(other) == _state(library)
        first = next(sources.get_source(other, i) for i in sources.list_ids(other)
                     if sources.get_source(other, i).title.startswith("Bidding"))
        assert (first.kind, first.authors, first.date, first.url, first.memo) == (
            "report", ["Ann Lee", "Bo Chen"], "2022-05-01", "https://example.org/bids",
            "Read for the client.")


def test_collection_scope(library, coded, tmp_path):
    result = export_project(library, tmp_path / "c.qdpx", resolve_scope(library, collection="Client A"))
    assert result["sources"] == 1 and result["themes"] == 3


FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="MAXQDA 2022">
  <Users><User guid="{00000000-0000-0000-0000-000000000001}" name="ana"/></Users>
  <CodeBook><Codes>
    <Code guid="{C0DE0000-0000-0000-0000-000000000001}" name="Housing" isCodable="true" color="#AA0000">
      <Description>Homes</Description>
      <NoteRef targetGUID="{40000000-0000-0000-0000-000000000003}"/>
      <Code guid="C0DE0000-0000-0000-0000-000000000002" name="Rent" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Cases><Case guid="50000000-0000-0000-0000-000000000001" name="Ana"/></Cases>
  <Sources>
    <TextSource guid="{10000000-0000-0000-0000-000000000001}" name="Interview 1"
        plainTextPath="internal://10000000-0000-0000-0000-000000000001.txt" colourScheme="x">
      <Description>First interview</Description>
      <PlainTextSelection guid="20000000-0000-0000-0000-000000000001" startPosition="2" endPosition="9">
        <Coding guid="30000000-0000-0000-0000-000000000001">
          <CodeRef targetGUID="c0de0000-0000-0000-0000-000000000001"/></Coding>
        <NoteRef targetGUID="40000000-0000-0000-0000-000000000001"/>
      </PlainTextSelection>
      <PlainTextSelection guid="20000000-0000-0000-0000-000000000002" startPosition="2" endPosition="9">
        <Coding guid="30000000-0000-0000-0000-000000000002">
          <CodeRef targetGUID="{C0DE0000-0000-0000-0000-000000000002}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="20000000-0000-0000-0000-000000000003" startPosition="9" endPosition="10"/>
    </TextSource>
    <TextSource guid="10000000-0000-0000-0000-000000000002" name="Field note">
      <PlainTextContent>Inline text about rent.</PlainTextContent>
      <PlainTextSelection guid="20000000-0000-0000-0000-000000000004" startPosition="18" endPosition="22">
        <Description>the word</Description>
        <Coding guid="30000000-0000-0000-0000-000000000004">
          <CodeRef targetGUID="c0de0000-0000-0000-0000-000000000002"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="10000000-0000-0000-0000-000000000003" name="Report.pdf" path="internal://x.pdf"/>
    <PDFSource guid="10000000-0000-0000-0000-000000000004" name="Other.pdf" path="internal://y.pdf"/>
  </Sources>
  <Notes>
    <Note guid="40000000-0000-0000-0000-000000000001" name="memo"><PlainTextContent>Said twice</PlainTextContent></Note>
    <Note guid="40000000-0000-0000-0000-000000000002" name="Journal"><PlainTextContent>Day one went well.</PlainTextContent></Note>
    <Note guid="40000000-0000-0000-0000-000000000003" name="Code memo"><PlainTextContent>About homes</PlainTextContent></Note>
  </Notes>
</Project>"""
TEXT = "\ufeffA 🏠 home. Rent is high.\n"


def test_import_from_another_tool(library, tmp_path):
    path = _zip(tmp_path / "maxqda.qdpx", {"project.qde": FOREIGN,
                                           "Sources/10000000-0000-0000-0000-000000000001.txt": TEXT})
    report = import_qda(library, path)
    assert report["format"] == "qdpx"
    assert (report["sources"], report["highlights"], report["notes"]) == (2, 2, 1)
    unsupported = " | ".join(report["unsupported"])
    assert "PDF sources (<PDFSource>) are not imported (2 times)" in unsupported
    assert "cases" in unsupported and "colourScheme" in unsupported
    assert any("blank" in line for line in report["skipped"])
    housing = themes.get_theme(library, "Housing")
    assert (housing.colour, housing.description, housing.memo) == ("#aa0000", "Homes", "About homes")
    by_title = {sources.get_source(library, i).title: sources.get_source(library, i)
                for i in sources.list_ids(library)}
    interview = by_title["Interview 1"]
    assert interview.body == TEXT[1:] and interview.kind == "note" and interview.memo == "First interview"
    (merged,) = evidence.highlights_for_source(library, interview.id)
    assert merged.exact == "🏠 home." and merged.note == "Said twice"
    assert sorted(link.theme for link in merged.themes) == ["Housing", "Rent"]
    (inline,) = evidence.highlights_for_source(library, by_title["Field note"].id)
    assert (inline.exact, inline.note) == ("rent", "the word")
    assert by_title["Journal"].body == "Day one went well."


def _count(library):
    return (len(sources.list_ids(library)), len(themes.all_themes(library)))


@pytest.mark.parametrize("change, message", [
    (lambda q: q.replace('endPosition="10"', 'endPosition="99"'), "outside its text"),
    (lambda q: q.replace('targetGUID="c0de0000-0000-0000-0000-000000000001"',
                         'targetGUID="c0de0000-0000-0000-0000-00000000dead"'), "not in the project"),
    (lambda q: q.replace('startPosition="2"', 'startPosition="two"', 1), "whole-number"),
    (lambda q: q.replace("<Notes>", "<Notes", 1), "not well-formed"),
    (lambda q: '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
               + q.split("?>", 1)[1], "document type"),
    (lambda q: q.replace("internal://10000000", "internal://missing"), "which is not in"),
])
def test_bad_projects_change_nothing(library, coded, tmp_path, change, message):
    before = _count(library)
    path = _zip(tmp_path / "bad.qdpx", {"project.qde": change(FOREIGN),
                                        "sources/10000000-0000-0000-0000-000000000001.txt": TEXT})
    with pytest.raises(InvalidInput, match=message):
        import_project(library, path)
    assert _count(library) == before


def test_failure_while_writing_rolls_back(library, coded, tmp_path, monkeypatch):
    path = _zip(tmp_path / "p.qdpx", {"project.qde": FOREIGN,
                                      "sources/10000000-0000-0000-0000-000000000001.txt": TEXT})
    before = _count(library)

    def boom(*args, **kwargs):
        raise InvalidInput("Disk trouble.")

    monkeypatch.setattr(evidence, "link_source", boom)
    monkeypatch.setattr(evidence, "add_highlight", boom)
    with pytest.raises(InvalidInput, match="Disk trouble"):
        import_project(library, path)
    assert _count(library) == before


@pytest.mark.parametrize("members, message", [
    ({"../evil.txt": "x"}, "unsafe path"),
    ({"/etc/passwd": "x"}, "unsafe path"),
    ({"C:\\temp\\x.txt": "x"}, "unsafe path"),
    ({"sources/..\\..\\x.txt": "x"}, "unsafe path"),
])
def test_hostile_archives_are_refused(library, tmp_path, members, message):
    path = _zip(tmp_path / "evil.qdpx", {"project.qde": FOREIGN, **members})
    with pytest.raises(InvalidInput, match=message):
        import_project(library, path)
    assert _count(library) == (0, 0)


def test_size_limits(library, tmp_path, monkeypatch):
    path = _zip(tmp_path / "big.qdpx", {"project.qde": FOREIGN,
                                        "sources/10000000-0000-0000-0000-000000000001.txt": "x" * 5000})
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 4000)
    with pytest.raises(InvalidInput, match="over 200 MB"):
        import_project(library, path)
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 10_000)
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 6000)
    with pytest.raises(InvalidInput, match="more than 2 GB"):
        import_project(library, path)


def test_not_a_project(library, tmp_path):
    (tmp_path / "x.qdpx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(InvalidInput, match="not a readable zip"):
        import_qda(library, tmp_path / "x.qdpx")
    _zip(tmp_path / "empty.qdpx", {"readme.txt": "hi"})
    with pytest.raises(InvalidInput, match="no project.qde"):
        import_project(library, tmp_path / "empty.qdpx")
    (tmp_path / "x.txt").write_text("hello", "utf-8")
    with pytest.raises(InvalidInput, match="neither"):
        import_qda(library, tmp_path / "x.txt")
