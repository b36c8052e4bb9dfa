"""Whatever text arrives, the readers return references or raise InvalidInput: never a
traceback."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.errors import InvalidInput
from kb.references import parse_bibtex, parse_csl_json, parse_ris
from kb.references.exchange import read_references

# Fragments of the three formats, shuffled into near-misses.
FRAGMENTS = st.sampled_from([
    "TY  - JOUR\n", "TY - RPRT\n", "TI  - A title\n", "AU  - Raman, Priya\n", "PY  - 2021///\n",
    "DA  - 13/13/13\n", "ER  - \n", "KW  - a; b\n", "UR  - www.x.org\n", "Y2  - yesterday\n",
    "@article{k,", "@misc{", "title = {T", "}", "{", "author = {A and B}", "year = {20x1}",
    "month = foo,", "\\'{e}", "\\", "%", '"', "[", "]", '{"type": "report",', '"title": "x"',
    '"issued": {"date-parts": [["x"]]}', '"author": [{"given": 1}]', ",", "\n", "null",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(FRAGMENTS, max_size=30).map("".join))


@pytest.mark.parametrize("parse", [parse_ris, parse_bibtex, parse_csl_json, read_references])
@settings(max_examples=60, deadline=None)
@given(text=TEXTS)
def test_readers_never_crash(parse, text):
    try:
        result = parse(text)
    except InvalidInput as error:
        assert str(error).endswith((".", ")"))
    else:
        assert isinstance(result, list)


def test_deeply_nested_json_is_refused_politely():
    with pytest.raises(InvalidInput):
        parse_csl_json("[" * 100_000 + "]" * 100_000)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)
CSL_KEYS = st.sampled_from(["type", "title", "author", "issued", "accessed", "URL", "DOI",
                            "categories", "keyword", "custom", "publisher", "language",
                            "abstract", "note", "page", "container-title", "id"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(CSL_KEYS, JSON_VALUES, max_size=8), min_size=1, max_size=3))
def test_odd_csl_items_never_crash(items):
    import json

    try:
        result = parse_csl_json(json.dumps(items))
    except InvalidInput:
        return
    for fields in result:
        assert isinstance(fields["title"], str) and fields["title"]
        assert all(isinstance(author, str) for author in fields["authors"])


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(CSL_KEYS, JSON_VALUES, max_size=8),
       st.sampled_from(["harvard", "apa", "chicago"]))
def test_odd_csl_items_are_cited_or_refused(item, style):
    from kb.references import format_bibliography, format_citation

    item = {**item, "type": item.get("type") if isinstance(item.get("type"), str) else "report"}
    try:
        assert isinstance(format_citation([item], style, locator="3"), str)
        assert isinstance(format_bibliography([item], style), list)
    except InvalidInput:
        pass
