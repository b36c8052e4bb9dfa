"""`kb search`, `kb related` and `kb saved` from the command line, with their JSON."""

import json

from tests.kb.cli.test_cli import documents, kb  # noqa: F401 - fixtures


def test_search_json_is_a_list_and_with_facets_one_object(kb, documents):  # noqa: F811
    kb("import", str(documents))
    out, _ = kb("search", "mayors", "--json")
    hits = json.loads(out)
    assert isinstance(hits, list) and hits[0]["title"] == "Devolution deals"
    out, _ = kb("search", "mayors", "--json", "--facets")
    found = json.loads(out)
    assert {"total", "hits", "facets", "suggestion"} <= set(found)
    assert found["total"] == 1 and found["suggestion"] is None
    assert set(found["facets"]) == {"kind", "author", "year", "tag", "theme", "collection"}
    assert found["facets"]["kind"] == {"report": 1}
    out, _ = kb("search", "mayros skills", "--json", "--facets")
    assert json.loads(out)["suggestion"] == "mayors skills"


def test_related_for_a_quote_and_saved_searches(kb, documents):  # noqa: F811
    kb("import", str(documents))
    out, _ = kb("quote", "add", "--text", "Mayors want control over skills funding.", "--json")
    quote_id = json.loads(out)["id"]
    out, _ = kb("related", quote_id, "--json")
    assert [hit["title"] for hit in json.loads(out)][0] == "Devolution deals"
    kb("related", "NOSUCHITEM", expect=1)

    kb("saved", "add", "Reports", "devolution", "--filter", "kind=report")
    out, _ = kb("saved", "list", "--json")
    assert [saved["name"] for saved in json.loads(out)] == ["Reports"]
    out, _ = kb("saved", "run", "Reports", "--json")
    assert [hit["title"] for hit in json.loads(out)["hits"]] == ["Devolution deals"]
    kb("saved", "delete", "Reports")
    out, _ = kb("saved", "list", "--json")
    assert json.loads(out) == []
