"""Bundles between members: round trip, idempotence, three-way merges, conflicts, deletions."""

import pytest

from kb import conflicts, evidence, sources, themes, trash
from kb.bundle.export import export_bundle
from kb.bundle.importer import import_bundle
from kb.check import check
from kb.index import indexer
from kb.library import open_library
from kb.search import search
from kb.theme_views import evidence_for_theme


@pytest.fixture
def two(tmp_path):
    libraries = []
    for name in ("ann", "bob"):
        lib = open_library(tmp_path / name)
        indexer.ensure_current(lib)
        lib.set_meta("member_name", name)
        libraries.append(lib)
    yield libraries
    for lib in libraries:
        lib.close()


def send(source_lib, target_lib, tmp_path, name="b.edbundle", **options):
    path = tmp_path / name
    export_bundle(source_lib, path, **options)
    return import_bundle(target_lib, path)


def seed(lib, tmp_path):
    doc = tmp_path / "report.md"
    doc.write_text("---\ntitle: Skills report\ndate: 2021-05-01\ntags: [skills]\n---\n"
                   "Mayors want control of adult skills budgets.\n", "utf-8")
    from kb.importing.pipeline import import_paths

    source_id = import_paths(lib, [doc]).imported[0]["id"]
    themes.add_theme(lib, "Devolution")
    evidence.highlight_text(lib, source_id, "Mayors want control", [("Devolution", "supports")],
                            note="key")
    indexer.sync(lib)
    return source_id


def test_round_trip_and_second_import_changes_nothing(two, tmp_path):
    ann, bob = two
    source_id = seed(ann, tmp_path)
    plan = send(ann, bob, tmp_path)
    assert plan.added["sources"] == 1 and plan.added["highlights"] == 1 and plan.added["themes"] == 1
    assert sources.get_source(bob, source_id).title == "Skills report"
    assert [row.passage for row in evidence_for_theme(bob, "Devolution")] == ["Mayors want control"]
    assert search(bob, "adult skills").total == 1
    assert (bob.files_dir / sources.get_source(bob, source_id).file_hash[:2]).exists()
    again = send(ann, bob, tmp_path)
    assert sum(again.added.values()) == sum(again.updated.values()) == sum(again.merged.values()) == 0
    assert check(bob).ok


def test_edits_on_both_sides_merge_field_by_field(two, tmp_path):
    ann, bob = two
    source_id = seed(ann, tmp_path)
    send(ann, bob, tmp_path)
    sources.update_source(bob, source_id, tags="skills, further education")  # colleague's new tag
    sources.update_source(ann, source_id, date="2021-06-01")  # my corrected date
    plan = send(bob, ann, tmp_path)
    merged = sources.get_source(ann, source_id)
    assert merged.date == "2021-06-01" and merged.tags == ["skills", "further education"]
    assert plan.conflicts == []
    send(ann, bob, tmp_path, "back.edbundle")
    assert sources.get_source(bob, source_id).date == "2021-06-01"


def test_same_field_changed_both_sides_is_a_visible_conflict(two, tmp_path):
    ann, bob = two
    source_id = seed(ann, tmp_path)
    send(ann, bob, tmp_path)
    sources.update_source(ann, source_id, title="Ann's title")
    sources.update_source(bob, source_id, title="Bob's title")
    plan = send(bob, ann, tmp_path)
    assert [c["field"] for c in plan.conflicts] == ["title"]
    open_conflicts = conflicts.list_conflicts(ann)
    assert {open_conflicts[0].current, open_conflicts[0].other} == {"Ann's title", "Bob's title"}
    conflicts.resolve(ann, open_conflicts[0].id, "edit", "Agreed title")
    assert sources.get_source(ann, source_id).title == "Agreed title"
    send(ann, bob, tmp_path, "resolved.edbundle")
    assert sources.get_source(bob, source_id).title == "Agreed title"


def test_same_theme_name_from_two_members_is_one_theme(two, tmp_path):
    ann, bob = two
    themes.add_theme(ann, "Devolution", description="Powers to places")
    themes.add_theme(bob, "devolution")
    send(ann, bob, tmp_path)
    names = [t.name for t in themes.all_themes(bob)]
    assert names == ["devolution"]
    assert themes.get_theme(bob, "Devolution").description == "Powers to places"


def test_theme_renamed_by_one_while_other_adds_evidence(two, tmp_path):
    ann, bob = two
    source_id = seed(ann, tmp_path)
    send(ann, bob, tmp_path)
    themes.update_theme(ann, "Devolution", name="Local control")
    evidence.highlight_text(bob, source_id, "adult skills budgets", [("Devolution", "context")])
    send(bob, ann, tmp_path)
    rows = evidence_for_theme(ann, "Local control")
    assert sorted(row.passage for row in rows) == ["Mayors want control", "adult skills budgets"]


def test_deletions_travel_to_the_trash(two, tmp_path):
    ann, bob = two
    source_id = seed(ann, tmp_path)
    send(ann, bob, tmp_path)
    sources.trash(ann, [source_id])
    plan = send(ann, bob, tmp_path, "trashed.edbundle")
    assert {"id": source_id, "kind": "sources"} in plan.trashed
    assert any(item.id == source_id for item in trash.list_trash(bob))
    trash.restore_items(bob, [source_id])
    assert sources.get_source(bob, source_id)
    trash.empty_trash(ann)
    send(ann, bob, tmp_path, "tombstones.edbundle")
    assert any(item.id == source_id for item in trash.list_trash(bob))


def test_dry_run_previews_exactly_and_changes_nothing(two, tmp_path):
    ann, bob = two
    seed(ann, tmp_path)
    path = tmp_path / "preview.edbundle"
    export_bundle(ann, path)
    preview = import_bundle(bob, path, dry_run=True)
    assert preview.added["sources"] == 1 and sources.list_ids(bob) == []
    real = import_bundle(bob, path)
    assert dict(real.added) == dict(preview.added)


def test_scoped_exports(two, tmp_path):
    ann, bob = two
    seed(ann, tmp_path)
    sources.create_source(ann, title="Unrelated note", body="nothing")
    send(ann, bob, tmp_path, theme="Devolution")
    assert [row["title"] for row in sources.summaries(bob, sources.list_ids(bob))] == ["Skills report"]


def test_encrypted_bundle_needs_the_passphrase(two, tmp_path):
    ann, bob = two
    seed(ann, tmp_path)
    path = tmp_path / "secret.edbundle"
    export_bundle(ann, path, passphrase="team secret")
    assert b"Mayors" not in path.read_bytes()
    from kb.errors import InvalidInput

    with pytest.raises(InvalidInput, match="passphrase"):
        import_bundle(bob, path, "wrong")
    with pytest.raises(InvalidInput, match="encrypted"):
        import_bundle(bob, path)
    assert sources.list_ids(bob) == []
    assert import_bundle(bob, path, "team secret").added["sources"] == 1


def test_sync_tells_a_wrong_passphrase_from_a_file_still_arriving(two, tmp_path):
    from kb.bundle.sync import sync

    ann, bob = two
    seed(ann, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    sync(ann, shared, passphrase="right")
    sent = next(shared.iterdir())
    report = sync(bob, shared, passphrase="wrong")
    assert [item["name"] for item in report.refused] == [sent.name] and not report.waiting
    (shared / "arriving.edbundle").write_bytes(sent.read_bytes()[:-40])
    report = sync(bob, shared, passphrase="right")
    assert report.waiting == ["arriving.edbundle"] and len(report.imported) == 1


def test_cancelling_mid_merge_leaves_the_library_as_it_was(two, tmp_path):
    from kb.errors import Cancelled

    ann, bob = two
    with ann.transaction() as conn:
        for number in range(600):
            sources.insert_source(conn, {"kind": "note", "title": f"Note {number}", "body": "x"})
    path = tmp_path / "big.edbundle"
    export_bundle(ann, path)

    def progress(done, total, label):
        if label == "Merging records":
            raise Cancelled("Import cancelled; nothing was imported.")

    with pytest.raises(Cancelled):
        import_bundle(bob, path, progress=progress)
    assert sources.list_ids(bob) == []
    assert import_bundle(bob, path).added["sources"] == 600
