"""The extractors against real files from the shared corpus (skipped when it is absent).

Expectations are read from the corpus's own description files and from the files themselves
at test time, so no corpus text is copied into the project.
"""

import json
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html

from kb.errors import ExtractionError
from kb.importing.extractors import extract


def words(text: str) -> list[str]:
    """Text reduced to its words, for comparing across formats (no markup, no ligatures)."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"</?(?:sup|sub|br|span|a|b|i|em|strong|small)\b[^<>]*>|\\|\[\d+\]|[*_#|]", " ", text)
    return re.findall(r"\w+", text.casefold())


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    joined = " " + " ".join(haystack) + " "
    return " " + " ".join(needle) + " " in joined


# --- PDF --------------------------------------------------------------------------------------


def pdf_cases(corpus: Path) -> list[tuple[Path, dict]]:
    described = json.loads((corpus / "pdf" / "files.json").read_text("utf-8"))["data"]
    cases = []
    for entry in described:
        path = corpus / "pdf" / Path(entry["path"]).name
        if path.exists():
            cases.append((path, entry))
    return cases


def test_pdf_samples_described_in_files_json(corpus):
    cases = pdf_cases(corpus)
    assert len(cases) >= 10
    for path, entry in cases:
        if entry["encrypted"]:
            with pytest.raises(ExtractionError, match=rf"^{re.escape(path.name)} is password-protected\.$"):
                extract(path)
            continue
        try:
            result = extract(path)
        except ExtractionError as err:
            # The only unencrypted sample without text is the scanned (CCITT fax) page.
            assert "CCITT" in path.name, f"{path.name}: {err}"
            assert str(err) == f"{path.name} has no text layer (a scanned image?)."
            continue
        assert result.extra["page_count"] == entry["pages"], path.name
        assert len(result.page_starts) == entry["pages"]
        assert result.kind == ("report" if entry["pages"] >= 4 else "article")
        if entry["creation_date"]:
            assert result.date == entry["creation_date"][:10], path.name
        assert result.title is None or result.title.strip()


def test_crazyones_text_matches_the_reference(corpus):
    folder = corpus / "pdf" / "pypdf"
    if not (folder / "crazyones.pdf").exists():
        pytest.skip("crazyones.pdf is not in the corpus")
    result = extract(folder / "crazyones.pdf")
    expected = (folder / "crazyones.txt").read_text("utf-8")
    assert words(result.body) == words(expected)
    assert result.title == expected.strip().splitlines()[0]


@pytest.mark.parametrize("name", ["crazyones-encrypted-256.pdf", "encrypted-file.pdf"])
def test_pypdf_encrypted_samples_are_password_protected(corpus, name):
    path = corpus / "pdf" / "pypdf" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    with pytest.raises(ExtractionError, match=rf"^{re.escape(name)} is password-protected\.$"):
        extract(path)


@pytest.mark.parametrize(
    "name", ["issue-297.pdf", "missing_info.pdf", "outlines-with-invalid-destinations.pdf"]
)
def test_pypdf_awkward_samples_still_give_text(corpus, name):
    path = corpus / "pdf" / "pypdf" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    result = extract(path)
    assert result.body.strip()


# --- DOCX -------------------------------------------------------------------------------------


def docx_paths(corpus: Path) -> list[Path]:
    return sorted((corpus / "docx").glob("*/*.docx"))


def test_docx_samples(corpus):
    paths = docx_paths(corpus)
    assert paths
    for path in paths:
        if path.name == "strict-format.docx":
            with pytest.raises(ExtractionError, match=r"^strict-format\.docx is saved in the Strict"):
                extract(path)
            continue
        # What python-docx itself sees decides whether there is text to find.
        document = docx.Document(str(path))
        paragraph_text = [p.text.strip() for p in document.paragraphs if p.text.strip()]
        cell_text = [c.text.strip() for t in document.tables for r in t.rows for c in r.cells
                     if c.text.strip()]
        try:
            result = extract(path)
        except ExtractionError as err:
            assert not paragraph_text and not cell_text, f"{path.name}: {err}"
            assert str(err) == f"No text could be extracted from {path.name}."
            continue
        for text in paragraph_text + cell_text:
            assert contains_run(words(result.body), words(text)), (path.name, text)
        props = document.core_properties
        if props.author and props.author != "python-docx":
            assert result.authors == [props.author]


def test_docx_tables_become_markdown_tables(corpus):
    path = corpus / "docx" / "mammoth" / "tables.docx"
    if not path.exists():
        pytest.skip("tables.docx is not in the corpus")
    body = extract(path).body
    assert re.search(r"^\| .+ \|\n\| --- \| --- \|\n\| .+ \|$", body, re.M)


def test_docx_lists_become_markdown_lists(corpus):
    path = corpus / "docx" / "mammoth" / "simple-list.docx"
    if not path.exists():
        pytest.skip("simple-list.docx is not in the corpus")
    items = extract(path).body.splitlines()
    assert len(items) >= 2 and all(line.startswith("- ") for line in items)


# --- HTML -------------------------------------------------------------------------------------


def navigation_labels(path: Path) -> set[str]:
    """Link texts (two words or more) in the page's navigation areas."""
    tree = lxml_html.parse(str(path)).getroot()
    areas = tree.xpath('//nav | //*[@role="navigation"] | //*[@id="mw-panel"] | //*[@id="mw-head"]')
    labels = {" ".join(a.text_content().split()) for area in areas for a in area.iter("a")}
    return {label for label in labels if len(label.split()) >= 2}


def body_lines(body: str) -> set[str]:
    return {re.sub(r"^(?:[-*+]\s+|\d+\.\s+)", "", line).strip("* ") for line in body.splitlines()}


@pytest.mark.parametrize("name", ["en.wikipedia.org.tsne.html", "creativecommons.org.html"])
def test_saved_pages_drop_navigation(corpus, name):
    path = corpus / "html" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    result = extract(path)
    labels = navigation_labels(path)
    assert labels, "the page should have navigation to test against"
    leaked = labels & body_lines(result.body)
    assert not leaked
    assert result.kind == "web_page"
    assert result.language == "en"
    assert result.url and result.url.startswith("https://")
    assert result.title and " - " not in result.title  # the site suffix is gone
    assert len(result.body) > 1000


def test_readability_wikipedia_page(corpus):
    folder = corpus / "html" / "readability-wikipedia"
    if not (folder / "source.html").exists():
        pytest.skip("the readability sample is not in the corpus")
    expected = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
    result = extract(folder / "source.html")

    # The expected title carries the site suffix (" - Wikipedia"); ours should be the article's.
    assert result.title and expected["title"].startswith(result.title)
    assert result.title != expected["title"]
    assert result.language == expected["lang"]
    if expected["byline"] is None:
        assert result.authors == []
    if expected["publishedTime"] is None:
        assert result.date is None  # not a date guessed from the article's text

    # The article's opening paragraph, as the reference extraction has it, is in our body.
    reference = lxml_html.parse(str(folder / "expected.html")).getroot()
    first = next(p for p in reference.iter("p") if len(words(p.text_content())) > 20)
    assert contains_run(words(result.body), words(first.text_content())[:20])
