"""Citations and bibliographic exchange: CSL styles (Harvard, APA, Chicago) and CSL-JSON, RIS
and BibTeX import/export.

    from kb.references import cite_source, format_bibliography, import_references

Modules: `csl` (sources <-> CSL-JSON), `styles` + `cite` (formatting with citeproc-py),
`ris`, `bibtex` (+ `latex`), `exchange` (files in and out of a library), `matching`
(duplicates), `names` (author names), `fields` (shared value converters).
"""

from kb.references.bibtex import export_bibtex, parse_bibtex
from kb.references.cite import (
    citation_for_quote,
    cite_source,
    format_bibliography,
    format_citation,
    narrative_citation,
)
from kb.references.csl import csl_to_source_fields, export_csl_json, parse_csl_json, source_to_csl
from kb.references.exchange import (
    FORMATS,
    detect_format,
    export_references,
    import_references,
    import_text,
    render_references,
)
from kb.references.ris import export_ris, parse_ris
from kb.references.styles import STYLES, StyleError

__all__ = [
    "FORMATS",
    "STYLES",
    "StyleError",
    "citation_for_quote",
    "cite_source",
    "csl_to_source_fields",
    "detect_format",
    "export_bibtex",
    "export_csl_json",
    "export_references",
    "export_ris",
    "format_bibliography",
    "format_citation",
    "import_references",
    "import_text",
    "narrative_citation",
    "parse_bibtex",
    "parse_csl_json",
    "parse_ris",
    "render_references",
    "source_to_csl",
]
