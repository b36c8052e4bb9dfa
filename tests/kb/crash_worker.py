"""A worker the crash tests kill with SIGKILL at random moments: it performs one kind of
operation over and over against a library, printing 'ready' once set up."""

import sys
from pathlib import Path

from kb import drafts, evidence, sources, themes
from kb.importing.pipeline import import_paths
from kb.index import indexer
from kb.library import open_library


def main(folder: str, operation: str, documents: str) -> None:
    library = open_library(folder)
    indexer.ensure_current(library)
    if not themes.all_themes(library):
        themes.add_theme(library, "Crash theme")
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        if operation == "import":
            target = Path(documents) / f"doc-{number}-{id(library)}.md"
            target.write_text(f"# Document {number}\n\nCrash-tested words number {number}.\n", "utf-8")
            import_paths(library, [target])
        elif operation == "reindex":
            indexer.rebuild(library)
        elif operation == "highlight":
            source = sources.create_source(library, title=f"Note {number}",
                                           body=f"Passage number {number} about skills.")
            evidence.highlight_text(library, source.id, f"number {number}", [("Crash theme", "supports")])
            indexer.sync(library)
        elif operation == "bundle":
            from kb.bundle.importer import import_bundle

            import_bundle(library, Path(documents) / "incoming.edbundle")
            if number % 2 == 0:  # undo it, so the next import has work to do again
                from kb import trash

                ids = sources.list_ids(library)
                if ids:
                    sources.trash(library, ids)
                    trash.empty_trash(library)
                    with library.transaction() as conn:
                        conn.execute("DELETE FROM tombstones")
                        conn.execute("DELETE FROM record_versions")
        elif operation == "autosave":
            found = drafts.list_drafts(library)
            draft = found[0] if found else drafts.new_draft(library, "Crash draft")
            drafts.autosave(library, draft.id, f"Typed text {number}")
            if number % 3 == 0:
                drafts.save_draft(library, draft.id, body=f"Saved text {number}")
                indexer.sync(library)


if __name__ == "__main__":
    main(*sys.argv[1:4])
