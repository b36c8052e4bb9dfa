"""The demo library loads whole: every document, the codebook, and its coded evidence."""

import json

from kb import check, demo, evidence, quotes, sources, themes
from kb.drafts import list_drafts
from kb.search import search
from kb.theme_views import coverage


def test_demo_library_loads_documents_codebook_and_evidence(library):
    report = demo.load_demo(library)
    assert report.failed == [] and len(report.imported) == len(list(demo.DEMO_DOCUMENTS.iterdir()))
    assert not demo.needs_demo_content(library)
    assert len(themes.all_themes(library)) >= 8
    assert search(library, "apprenticeship levy").total >= 3
    assert search(library, "o'brien").total >= 3
    if demo.DEMO_EVIDENCE.exists():
        spec = json.loads(demo.DEMO_EVIDENCE.read_text("utf-8"))
        highlighted = sum(len(evidence.highlights_for_source(library, i))
                          for i in sources.list_ids(library))
        assert highlighted == len(spec["highlights"])
        assert len(quotes.list_quotes(library)) == len(spec["quotes"])
        assert len(list_drafts(library)) == len(spec["drafts"])
        assert len(coverage(library)["uncoded_sources"]) < len(sources.list_ids(library))
    assert check.check(library).ok
