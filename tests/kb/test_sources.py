import pytest

from kb import sources
from kb.errors import InvalidInput, NotFound


def test_create_get_and_update_bumps_revision(library):
    source = sources.create_source(library, title="A note", body="Text", authors="Ann Lee; Bo Chen")
    assert source.rev == 1 and source.authors == ["Ann Lee", "Bo Chen"]
    updated = sources.update_source(library, source.id, date="3 March 2021", tags="skills, Devolution")
    assert updated.rev == 2
    assert updated.date == "2021-03-03"
    assert updated.tags == ["skills", "Devolution"]
    assert updated.updated_at >= source.updated_at


def test_invalid_edit_changes_nothing(library):
    source = sources.create_source(library, title="A note")
    with pytest.raises(InvalidInput, match="not a date"):
        sources.update_source(library, source.id, title="New", date="the day after never")
    again = sources.get_source(library, source.id)
    assert again.title == "A note" and again.rev == 1
    with pytest.raises(InvalidInput, match="not a real date"):
        sources.update_source(library, source.id, date="2021-02-30")
    with pytest.raises(InvalidInput, match="web address"):
        sources.update_source(library, source.id, url="javascript:alert(1)")
    with pytest.raises(InvalidInput, match="not a kind"):
        sources.update_source(library, source.id, kind="spaceship")
    with pytest.raises(InvalidInput, match="cannot be empty"):
        sources.update_source(library, source.id, title="   ")


def test_ids_resolve_from_unique_prefix(library):
    source = sources.create_source(library, title="A")
    assert sources.resolve_id(library, source.id[:12].lower()) == source.id
    with pytest.raises(NotFound):
        sources.resolve_id(library, "ZZZZZZZZZZ")


def test_trash_and_restore(library):
    source = sources.create_source(library, title="Keep me")
    sources.trash(library, [source.id])
    assert sources.list_ids(library) == []
    assert sources.list_ids(library, trash=True) == [source.id]
    with pytest.raises(NotFound):
        sources.get_source(library, source.id)
    assert sources.get_source(library, source.id, include_deleted=True).deleted_at
    sources.restore(library, [source.id])
    assert sources.list_ids(library) == [source.id]
    assert sources.count_trash(library) == 0


def test_empty_trash_deletes_for_good(library):
    source = sources.create_source(library, title="Gone")
    sources.trash(library, [source.id])
    assert sources.empty_trash(library) == 1
    with pytest.raises(NotFound):
        sources.get_source(library, source.id, include_deleted=True)


def test_list_sorting_and_counts(library):
    for title, kind, date in (("b", "report", "2020"), ("A", "note", "2022"), ("c", "report", None)):
        sources.create_source(library, title=title, kind=kind, date=date)
    titles = [row["title"] for row in sources.summaries(library, sources.list_ids(library, sort="title"))]
    assert titles == ["A", "b", "c"]
    assert sources.count_by_kind(library)["report"] == 2
    reports = sources.list_ids(library, kind="report")
    assert len(reports) == 2
    with pytest.raises(InvalidInput):
        sources.list_ids(library, sort="colour")
