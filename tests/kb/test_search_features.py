"""Facets, filters, "did you mean", related items and saved searches."""

import pytest

from kb import saved_searches
from kb.errors import InvalidInput, NotFound
from kb.related import related
from kb.search import search


@pytest.fixture
def policy_library(library, add_source):
    add_source(title="Skills funding", body="Councils and colleges on skills funding.",
               authors="Ann Lee; Tom O'Brien", kind="report", date="2021-04-01", tags="skills, funding")
    add_source(title="Skills and mayors", body="Mayors ask for skills budgets and colleges.",
               authors="Ann Lee", kind="article", date="2022", tags="skills, devolution")
    add_source(title="Rail investment", body="Transport and rail across the north.",
               authors="Bo Chen", kind="report", date="2019", tags="infrastructure")
    return library


def test_facets_count_all_matches(policy_library):
    results = search(policy_library, "skills", facets=True)
    assert results.total == 2
    assert results.facets["kind"] == {"report": 1, "article": 1}
    assert results.facets["author"]["Ann Lee"] == 2
    assert results.facets["author"]["Tom O'Brien"] == 1
    assert results.facets["year"] == {"2022": 1, "2021": 1}
    assert results.facets["tag"]["skills"] == 2
    assert results.to_dict()["facets"] == results.facets


def test_filters_narrow_by_facet_values(policy_library):
    assert [h.title for h in search(policy_library, "skills", filters={"kind": ["report"]}).hits] == [
        "Skills funding"]
    assert search(policy_library, "skills", filters={"author": ["tom o'brien"]}).total == 1
    assert search(policy_library, "skills", filters={"year": ["2022"]}).total == 1
    assert search(policy_library, "", filters={"tag": ["infrastructure"]}).total == 1
    both = search(policy_library, "", filters={"kind": ["report", "article"]}, facets=True)
    assert both.total == 3


def test_theme_and_collection_facets_count_and_narrow(policy_library):
    """Coded to a sub-theme counts for it (and `theme:` of the parent finds it); a collection's
    members count for it; both narrow as filters and as fields."""
    from kb import collections, evidence, themes
    from kb.index import indexer

    skills_report, mayors = (search(policy_library, f"title:{word}").hits[0]
                             for word in ("funding", "mayors"))
    themes.add_theme(policy_library, "Skills")
    themes.add_theme(policy_library, "Adult skills", parent="Skills")
    evidence.link_source(policy_library, skills_report.id, "Adult skills")
    collections.add_collection(policy_library, "Eastmoor")
    collections.add_to_collection(policy_library, "Eastmoor", [mayors.id])
    indexer.sync(policy_library)
    results = search(policy_library, "colleges", facets=True)
    assert results.facets["theme"] == {"Skills": 1, "Adult skills": 1}
    assert results.facets["collection"] == {"Eastmoor": 1}
    assert [hit.title for hit in search(policy_library, "colleges",
                                        filters={"theme": ["skills"]}).hits] == ["Skills funding"]
    assert [hit.title for hit in search(policy_library, "colleges",
                                        filters={"collection": ["eastmoor"]}).hits] == ["Skills and mayors"]
    coded = [hit.title for hit in search(policy_library, "theme:skills").hits]
    assert "Skills funding" in coded and "Skills and mayors" not in coded
    assert [hit.title for hit in search(policy_library, "collection:eastmoor kind:article").hits] == [
        "Skills and mayors"]


def test_did_you_mean_uses_the_library_vocabulary(policy_library):
    results = search(policy_library, "colleges fundng")
    assert results.total == 0 or results.relaxed
    assert results.suggestion == "colleges funding"
    assert search(policy_library, "skills").suggestion is None


def test_related_items_share_key_terms(policy_library):
    first = search(policy_library, "title:funding").hits[0]
    titles = [hit.title for hit in related(policy_library, first.id)]
    assert titles and titles[0] == "Skills and mayors"
    assert "Skills funding" not in titles


def test_every_kind_of_item_has_related_items(policy_library):
    """A quote, a highlight, a draft and a theme find items sharing their key terms, as a
    source does; the item itself is never among them, and an unknown id says so."""
    from kb import drafts, evidence, quotes, themes
    from kb.index import indexer

    mayors = search(policy_library, "title:mayors").hits[0]
    quote = quotes.add_quote(policy_library, "Rail investment across the north is transport policy.")
    highlight = evidence.add_highlight(policy_library, mayors.id, 0, 10, note="skills budgets for colleges")
    draft = drafts.new_draft(policy_library, "Rail note", "Transport and rail investment in the north.")
    theme = themes.add_theme(policy_library, "Rail and transport investment")
    indexer.sync(policy_library)
    for item_id, expected in ((quote.id, "Rail investment"), (draft.id, "Rail investment"),
                              (theme.id, "Rail investment"), (highlight.id, "Skills funding")):
        titles = [hit.title for hit in related(policy_library, item_id)]
        assert expected in titles, item_id
        assert item_id not in [hit.id for hit in related(policy_library, item_id)]
    with pytest.raises(NotFound):
        related(policy_library, "NOSUCHITEM")


def test_saved_searches_stay_live(policy_library, add_source):
    saved_searches.save(policy_library, "Skills reports", "skills", {"kind": ["report"]})
    assert saved_searches.run(policy_library, "skills reports").total == 1
    add_source(title="More skills", body="skills again", kind="report")
    assert saved_searches.run(policy_library, "Skills reports").total == 2
    saved_searches.save(policy_library, "Skills reports", "colleges")
    assert [s.query for s in saved_searches.list_all(policy_library)] == ["colleges"]
    saved_searches.delete(policy_library, "Skills reports")
    with pytest.raises(NotFound):
        saved_searches.run(policy_library, "Skills reports")
    with pytest.raises(InvalidInput):
        saved_searches.save(policy_library, "", "x")
    with pytest.raises(InvalidInput):
        saved_searches.save(policy_library, "bad", "x", {"colour": ["red"]})
