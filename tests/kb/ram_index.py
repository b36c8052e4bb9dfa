"""A small RAM index of word lists, for tests of the index against Whoosh or a plain scan."""

from whoosh.filedb.filestore import RamStorage

from kb.index.schema import build_schema
from kb.index.segment_writer import FastSegmentWriter


def ram_index(bodies: list[list[str]], deleted: list[int], segments: int, fast: bool = False,
              years: list[int] | None = None):
    """`bodies` (document dN holds bodies[N], and years[N] if given) written in `segments`
    commits (not merged), then some deleted; by Whoosh's writer or by our bulk writer (`fast`:
    protocol-5 blocks, some uncompressed). Each body gets its stop map, as
    kb.index.documents gives it."""
    ix = RamStorage().create_index(build_schema())
    per_segment = max(1, -(-len(bodies) // segments))
    for start in range(0, len(bodies), per_segment):
        writer = FastSegmentWriter(ix) if fast else ix.writer()
        for number in range(start, min(len(bodies), start + per_segment)):
            text = " ".join(bodies[number])
            year = {"year": years[number]} if years else {}
            writer.add_document(id=f"d{number}", item_type="source", kind="note", body=text,
                                body_stops=text, **year)
        writer.commit(merge=False)
    if deleted:
        writer = ix.writer()
        for number in deleted:
            writer.delete_by_term("id", f"d{number % len(bodies)}")
        writer.commit(merge=False)
    return ix
