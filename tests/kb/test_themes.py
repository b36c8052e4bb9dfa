"""The codebook: a tree of themes that never loses evidence."""

import pytest

from kb import evidence, themes
from kb.errors import InvalidInput, NotFound
from kb.index import indexer
from kb.search import search
from kb.theme_views import evidence_for_theme


@pytest.fixture
def coded(library, add_source):
    themes.add_theme(library, "Skills", colour="#59a14f", keywords="apprenticeship, training")
    themes.add_theme(library, "Apprenticeships", parent="Skills")
    themes.add_theme(library, "Devolution")
    source = add_source(title="Skills report", body="The apprenticeship levy is underspent. "
                        "Mayors want control of adult skills budgets.", authors="Ann Lee", date="2022")
    evidence.highlight_text(library, source.id, "apprenticeship levy is underspent",
                            [("Apprenticeships", "challenges")], note="key claim")
    evidence.highlight_text(library, source.id, "Mayors want control", [("Devolution", "supports")])
    indexer.sync(library)
    return source


def test_tree_and_evidence_counts(library, coded):
    names = {t.name: t for t in themes.all_themes(library)}
    assert names["Apprenticeships"].parent_id == names["Skills"].id
    assert names["Skills"].colour == "#59a14f"
    counts = themes.evidence_counts(library, include_subthemes=True)
    assert counts[names["Skills"].id] == 1 and counts[names["Devolution"].id] == 1


def test_names_are_unique_and_validated(library):
    themes.add_theme(library, "Devolution")
    with pytest.raises(InvalidInput, match="already exists"):
        themes.add_theme(library, "devolution")
    with pytest.raises(InvalidInput, match="colour"):
        themes.add_theme(library, "Other", colour="blue-ish")
    with pytest.raises(NotFound):
        themes.add_theme(library, "Child", parent="No such theme")
    with pytest.raises(InvalidInput, match="needs a name"):
        themes.add_theme(library, "  ")


def test_rename_flows_into_search(library, coded):
    assert search(library, "theme:devolution").total >= 1
    themes.update_theme(library, "Devolution", name="Local control")
    indexer.sync(library)
    assert search(library, 'theme:"local control"').total >= 1
    assert search(library, "theme:devolution").total == 0


def test_subtheme_evidence_is_found_by_parent_theme_search(library, coded):
    kinds = {hit.item_type for hit in search(library, "theme:skills").hits}
    assert kinds >= {"source", "highlight"}


def test_move_prevents_cycles(library, coded):
    with pytest.raises(InvalidInput, match="under itself"):
        themes.move_theme(library, "Skills", "Apprenticeships")
    moved = themes.move_theme(library, "Apprenticeships", None)
    assert moved.parent_id is None


def test_merge_keeps_evidence_of_both(library, coded):
    themes.merge_themes(library, "Devolution", "Skills")
    rows = evidence_for_theme(library, "Skills")
    assert {row.passage for row in rows} == {"apprenticeship levy is underspent", "Mayors want control"}
    with pytest.raises(NotFound):
        themes.get_theme(library, "Devolution")


def test_delete_moves_evidence_to_parent_or_unlinks(library, coded):
    result = themes.delete_theme(library, "Apprenticeships", evidence="parent")
    assert result["moved_evidence"] == 1
    assert [row.stance for row in evidence_for_theme(library, "Skills")] == ["challenges"]
    with pytest.raises(InvalidInput, match="no parent"):
        themes.delete_theme(library, "Devolution", evidence="parent")
    result = themes.delete_theme(library, "Devolution", evidence="unlink")
    assert result["unlinked_evidence"] == 1
    # the highlight itself is kept
    assert len(evidence.highlights_for_source(library, coded.id)) == 2


def test_import_codebook(library, tmp_path):
    path = tmp_path / "codebook.json"
    path.write_text('[{"name": "Places", "colour": "#123456", "children": [{"name": "Towns"}]}]')
    added = themes.import_codebook(library, path)
    assert [t.name for t in added] == ["Places", "Towns"]
    assert themes.import_codebook(library, path) == []
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}')
    with pytest.raises(InvalidInput):
        themes.import_codebook(library, bad)
    assert len(themes.all_themes(library)) == 2
