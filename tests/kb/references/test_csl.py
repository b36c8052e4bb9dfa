"""Sources <-> CSL-JSON items, checked against the CSL data schema."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from kb.errors import InvalidInput
from kb.references.csl import (
    csl_to_source_fields,
    export_csl_json,
    parse_csl_json,
    source_to_csl,
)
from kb.sources import Source
from tests.kb.references.strategies import source_dicts

SCHEMA = (Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "schemas" / "csl"
          / "csl-data.json")

REPORT = Source(
    id="01HREPORT", kind="report", title="Housing need in the North",
    authors=["Dr Priya Raman", "Tom O'Brien"], publisher="Centre for Place Policy",
    date="2021-03", url="https://example.org/housing.pdf", accessed="2023-01-10",
    language="en-GB", tags=["housing", "planning"],
)
ARTICLE = Source(
    id="01HARTICLE", kind="article", title="Local growth deals", authors=["Raman, Priya"],
    date="2019-06-02",
    extra={"doi": "10.1080/00343404.2019.1234567", "container_title": "Regional Studies",
           "volume": "53", "issue": "2", "pages": "100-120", "speakers": ["A", "B"]},
)

# As Zotero 6 exports it ("Export Library..." > CSL JSON), trimmed.
ZOTERO_CSL = r"""[
  {"id": "http://zotero.org/users/local/abc/items/QW3E", "type": "article-journal",
   "title": "Community wealth building in <i>Preston</i>", "container-title": "Local Economy",
   "page": "45-67", "volume": "36", "issue": "1", "source": "SAGE Journals",
   "abstract": "We study the Preston model.", "DOI": "10.1177/02690942211012345",
   "ISSN": "0269-0942", "journalAbbreviation": "Local Econ.", "language": "en",
   "author": [{"family": "Manley", "given": "Julian"},
              {"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"},
              {"literal": "Centre for Local Economic Strategies"}],
   "issued": {"date-parts": [["2021", 2]]},
   "accessed": {"date-parts": [[2023, 5, 17]]}},
  {"id": "mendeley-7", "type": "webpage", "title": "Levelling up the United Kingdom",
   "URL": "https://www.gov.uk/government/publications/levelling-up",
   "issued": {"raw": "2 February 2022"}, "accessed": {"raw": "2023-01-10"},
   "author": [{"literal": "Department for Levelling Up, Housing and Communities"}],
   "keyword": "levelling up; regional policy"},
  {"id": "x", "type": "book", "title": "Grey literature", "issued": {"literal": "circa 1998"}},
  {"id": "y", "type": "speech", "title": "An unknown type", "issued": {"date-parts": [[2020]]}}
]"""


def test_a_report_becomes_a_csl_report():
    item = source_to_csl(REPORT)
    assert item["id"] == "01HREPORT"
    assert item["type"] == "report"
    assert item["author"] == [{"family": "Raman", "given": "Priya"},
                              {"family": "O'Brien", "given": "Tom"}]
    assert item["issued"] == {"date-parts": [[2021, 3]]}
    assert item["accessed"] == {"date-parts": [[2023, 1, 10]]}
    assert item["publisher"] == "Centre for Place Policy"
    assert item["URL"] == "https://example.org/housing.pdf"
    assert item["language"] == "en-GB"
    assert item["categories"] == ["housing", "planning"]
    # the typed names travel along so a round trip keeps "Dr Priya Raman"
    assert item["custom"]["evidence_desk"]["authors"] == ["Dr Priya Raman", "Tom O'Brien"]


def test_an_article_carries_doi_and_container_from_extra():
    item = source_to_csl(ARTICLE)
    assert item["type"] == "article-journal"
    assert item["DOI"] == "10.1080/00343404.2019.1234567"
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == (
        "Regional Studies", "53", "2", "100-120")
    assert item["custom"]["evidence_desk"]["extra"] == {"speakers": ["A", "B"]}


@pytest.mark.parametrize(("kind", "extra", "csl_type"), [
    ("article", {}, "article"), ("web_page", {}, "webpage"), ("note", {}, "document"),
    ("transcript", {}, "interview"), ("article", {"container_title": "J"}, "article-journal"),
])
def test_kinds_map_to_csl_types(kind, extra, csl_type):
    assert source_to_csl({"id": "a", "kind": kind, "title": "T", "extra": extra})["type"] == csl_type


def test_organisations_are_literal_names():
    item = source_to_csl({"id": "a", "kind": "report", "title": "T",
                          "authors": ["Centre for Place Policy"]})
    assert item["author"] == [{"literal": "Centre for Place Policy"}]


def test_zotero_and_mendeley_exports_are_read_leniently():
    first, second, third, fourth = parse_csl_json(ZOTERO_CSL)
    assert first["kind"] == "article"
    assert first["title"] == "Community wealth building in Preston"
    assert first["authors"] == ["Julian Manley", "Ursula von der Leyen",
                                "Centre for Local Economic Strategies"]
    assert (first["date"], first["accessed"], first["language"]) == ("2021-02", "2023-05-17", "en")
    assert first["extra"]["doi"] == "10.1177/02690942211012345"
    assert first["extra"]["container_title"] == "Local Economy"
    assert first["extra"]["pages"] == "45-67"
    assert first["body"] == "We study the Preston model."
    assert second["kind"] == "web_page"
    assert second["date"] == "2022-02-02"
    assert second["accessed"] == "2023-01-10"
    assert second["authors"] == ["Department for Levelling Up, Housing and Communities"]
    assert second["tags"] == ["levelling up", "regional policy"]
    assert third["kind"] == "report"
    assert third["date"] == "1998"
    assert fourth["kind"] == "article"


def test_a_single_object_or_an_items_wrapper_is_accepted():
    one = json.dumps({"type": "report", "title": "Alone"})
    wrapped = json.dumps({"items": [{"type": "report", "title": "Wrapped"}]})
    assert parse_csl_json(one)[0]["title"] == "Alone"
    assert parse_csl_json(wrapped)[0]["title"] == "Wrapped"


@pytest.mark.parametrize(("text", "message"), [
    ("[{\"type\": \"report\", ", "not valid CSL-JSON"),
    ("\"just a string\"", "should be a list"),
    ("[{\"type\": \"report\"}]", "has no title"),
    ("[42]", "is not an object"),
    ("[]", "holds no references"),
])
def test_bad_csl_json_is_one_clear_sentence(text, message):
    with pytest.raises(InvalidInput, match=message):
        parse_csl_json(text)


def test_unreadable_dates_are_kept_as_text():
    fields = csl_to_source_fields({"type": "report", "title": "T",
                                   "issued": {"literal": "Hilary term"}})
    assert fields["date"] == "Hilary term"


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("the shared corpus (CSL schema) is not available")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def test_exported_csl_json_matches_the_csl_schema():
    validator = _validator()
    data = json.loads(export_csl_json([REPORT, ARTICLE]))
    errors = [error.message for error in validator.iter_errors(data)]
    assert errors == []


@settings(max_examples=40, deadline=None)
@given(source_dicts())
def test_any_source_exports_schema_valid_csl(source):
    validator = _validator()
    errors = [error.message for error in validator.iter_errors([source_to_csl(source)])]
    assert errors == []
