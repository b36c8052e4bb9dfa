"""Three members editing the same items in random orders through one sync folder converge to
identical libraries, and no edit is lost (each is current somewhere or kept as a conflict)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb import conflicts, records, sources
from kb.bundle.export import row_for_bundle
from kb.bundle.format import KINDS
from kb.bundle.sync import sync
from kb.bundle.versions import content_hash
from kb.index import indexer
from kb.library import open_library

MEMBERS = ("ann", "bob", "cat")
TITLES = ("Alpha", "Beta", "Gamma", "Delta")
TAGS = ("skills", "devolution", "funding", "transport")

operations = st.lists(
    st.one_of(
        st.tuples(st.just("create"), st.sampled_from(MEMBERS), st.sampled_from(TITLES)),
        st.tuples(st.just("title"), st.sampled_from(MEMBERS), st.integers(0, 9), st.sampled_from(TITLES)),
        st.tuples(st.just("tag"), st.sampled_from(MEMBERS), st.integers(0, 9), st.sampled_from(TAGS)),
        st.tuples(st.just("date"), st.sampled_from(MEMBERS), st.integers(0, 9), st.integers(2000, 2024)),
        st.tuples(st.just("trash"), st.sampled_from(MEMBERS), st.integers(0, 9)),
        st.tuples(st.just("sync"), st.sampled_from(MEMBERS)),
    ),
    min_size=3, max_size=18,
)


def snapshot(lib) -> dict:
    found = {}
    for kind, spec in KINDS.items():
        columns = ", ".join(("id", "created_at", "updated_at", "rev", "deleted_at", *spec.fields))
        for row in records.fetch(lib.conn, f"SELECT {columns} FROM {spec.table}"):
            found[row["id"]] = content_hash(row_for_bundle(kind, row))
    return found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(ops=operations)
def test_members_converge_and_keep_every_edit(tmp_path_factory, ops):
    root = tmp_path_factory.mktemp("sync")
    folder = root / "shared"
    folder.mkdir()
    libs = {}
    for name in MEMBERS:
        lib = open_library(root / name)
        indexer.ensure_current(lib)
        lib.set_meta("member_name", name)
        libs[name] = lib
    edits = []  # edits that reached the folder (a member's later edit of the same field
    pending = {}  # before syncing simply supersedes the earlier one: that is not a loss)

    def share(member):
        for key in [key for key in pending if key[0] == member]:
            edits.append((key[2], key[1], pending.pop(key)))

    try:
        for op in ops:
            lib = libs[op[1]]
            ids = sources.list_ids(lib, sort="added") + sources.list_ids(lib, trash=True)
            if op[0] == "create":
                sources.create_source(lib, title=op[2], body=f"{op[2]} body")
            elif op[0] == "sync":
                sync(lib, folder)
                share(op[1])
            elif ids:
                target = ids[op[2] % len(ids)]
                if op[0] == "title" and target in sources.list_ids(lib):
                    sources.update_source(lib, target, title=op[3])
                    pending[(op[1], target, "title")] = op[3]
                elif op[0] == "tag":
                    current = sources.get_source(lib, target, include_deleted=True).tags
                    if target in sources.list_ids(lib):
                        sources.update_source(lib, target, tags=[*current, op[3]])
                elif op[0] == "date":
                    if target in sources.list_ids(lib):
                        sources.update_source(lib, target, date=str(op[3]))
                        pending[(op[1], target, "date")] = str(op[3])
                elif op[0] == "trash" and target in sources.list_ids(lib):
                    sources.trash(lib, [target])
        for _round in range(3):  # everyone syncs until nothing is new
            for name in MEMBERS:
                sync(libs[name], folder)
                share(name)
        states = [snapshot(libs[name]) for name in MEMBERS]
        assert states[0] == states[1] == states[2]
        for field_name, item_id, value in edits:
            kept = set()
            for lib in libs.values():
                row = lib.conn.execute(f"SELECT {field_name} FROM sources WHERE id = ?", (item_id,)).fetchone()
                kept.add(row[0])
                for conflict in conflicts.list_conflicts(lib):
                    if conflict.item_id == item_id and conflict.field == field_name:
                        kept.update({conflict.current, conflict.other})
            history = set()
            for lib in libs.values():
                for (data,) in lib.conn.execute("SELECT data FROM record_versions WHERE item_id = ? "
                                                "AND data != ''", (item_id,)):
                    history.add(json.loads(data).get(field_name))
            assert value in kept or value in history
    finally:
        for lib in libs.values():
            lib.close()
