"""By-lines on saved web pages, job titles kept out of author lists, and the demo library."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest

from kb.importing.docx_file import extract_docx
from kb.importing.extractors import SUPPORTED_SUFFIXES, extract
from kb.importing.metadata import byline_authors, split_authors
from kb.importing.pdf_file import extract_pdf
from kb.importing.text_file import extract_text_file
from kb.importing.web_page import extract_web_page

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "documents"

PARAGRAPHS = (
    "<p>Councils across England face the hardest budget round in a decade, with social care and "
    "special educational needs costs rising faster than any other service line in the accounts, "
    "and reserves running down.</p>"
    "<p>Eight councils have issued section 114 notices since 2018, and a further nineteen asked "
    "for exceptional financial support to balance their budgets for the coming financial year, "
    "mostly to borrow.</p>"
    "<p>By 2030, on current trends, the gap between spending pressures and income will have "
    "doubled, according to the analysis published alongside the tracker this week by the "
    "research team at Finance Watch.</p>"
)


def page(article_top: str, head: str = "", after: str = "") -> bytes:
    """A saved page without <meta name=author>: the by-line is only in the article."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Councils on the brink | Finance Watch</title>"
        f"<meta property='og:site_name' content='Finance Watch'>{head}</head><body>"
        "<header class='site-header'><p class='site-title'>Finance Watch</p>"
        "<nav><a href='/'>Home</a> <a href='/authors'>Our authors</a></nav></header>"
        f"<main><article><h1>Councils on the brink</h1>{article_top}{PARAGRAPHS}</article>"
        f"{after}</main><footer><address>Finance Watch, 1 High Street, Leeds LS1 1AA</address>"
        "</footer></body></html>"
    ).encode()


def authors(article_top: str, **kwargs) -> list[str]:
    return extract_web_page(page(article_top, **kwargs), "p.html").authors


# --- 1. by-lines found in the page itself ---------------------------------------------------


@pytest.mark.parametrize(
    ("article_top", "expected"),
    [
        # a class that merely contains "author" ("author-line"), role after a bar
        ("<p class='author-line'><strong>By Rachel Adeyemi</strong> | Research Director</p>",
         ["Rachel Adeyemi"]),
        # BEM class names ("post__authors"), two people
        ("<p class='post__authors'>By Tom O'Brien and Hannah Okafor</p>",
         ["Tom O'Brien", "Hannah Okafor"]),
        # a corporate by-line
        ("<p class='news-byline'>By the Communications Team, Eastmoor Borough Council</p>",
         ["Communications Team, Eastmoor Borough Council"]),
        # itemprop and rel mark the author's name without any "By"
        ("<div>Written for us by <span itemprop='author'>Siân Llewelyn</span></div>",
         ["Siân Llewelyn"]),
        ("<p>Posted in Finance by <a rel='author' href='/people/ann'>Ann Lee</a></p>", ["Ann Lee"]),
        # <address> in the article names its author
        ("<address>Dr Kwame Asante</address>", ["Dr Kwame Asante"]),
        # an unmarked short "By ..." paragraph at the top of the article
        ("<div class='meta'><p>By Zoë Castellanos, Senior Policy Analyst</p><p>16 May 2023</p></div>",
         ["Zoë Castellanos"]),
        ("<p><em>Words by Marta Wiśniewska</em></p>", ["Marta Wiśniewska"]),
    ],
)
def test_by_line_without_author_meta(article_top, expected):
    assert authors(article_top) == expected


def test_prose_starting_with_by_is_not_a_by_line():
    # "By 2030, ..." in the paragraphs, and no by-line at all: no authors are invented.
    assert authors("") == []
    assert authors("<p>By March the council had run out of reserves.</p>") == []
    assert authors("<p>By Christmas, Eastmoor Council will act.</p>") == []


def test_a_by_line_far_down_the_article_is_not_the_articles():
    late = "<p>By Jane Smith</p>"
    html = page("").replace(b"</article>", late.encode() + b"</article>")
    assert extract_web_page(html, "p.html").authors == []


def test_biographies_commenters_authority_classes_and_postal_addresses_are_not_authors():
    after = (
        "<div class='author-bio'><p><strong>Jennifer Walsh</strong> is a fellow at the centre.</p></div>"
        "<ol class='comments'><li class='comment'><p class='comment-author'>J. Hartley</p>"
        "<p>By Tom Lee</p></li></ol>"
        "<aside><p class='byline'>By Somebody Else</p></aside>"
    )
    top = "<p class='combined-authority-logo'>Pennine Valleys</p>"
    assert authors(top, after=after) == []


def test_by_line_completes_and_cleans_author_meta():
    head = "<meta name='author' content='Chloé Barnard'>"
    top = "<p class='byline'>By Chloé Barnard, Policy Editor | 19 September 2023</p>"
    assert authors(top, head=head) == ["Chloé Barnard"]
    top = "<p class='byline'>By Chloé Barnard and Tom Lee, Transport Correspondents</p>"
    assert authors(top, head=head) == ["Chloé Barnard", "Tom Lee"]


# --- 2. job titles and affiliations are not authors ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chloé Barnard, Policy Editor", ["Chloé Barnard"]),
        ("Marta Wiśniewska, Town Centres Reporter", ["Marta Wiśniewska"]),
        ("Siân Llewelyn, Local Government Correspondent", ["Siân Llewelyn"]),
        ("Zoë Castellanos, Senior Policy Analyst", ["Zoë Castellanos"]),
        ("Jane Smith | Research Director", ["Jane Smith"]),
        ("Jane Smith - Professor of Economics", ["Jane Smith"]),
        ("Jane Smith, Head of Research and Development", ["Jane Smith"]),
        ("Jane Smith, Senior Fellow at the Centre for Cities", ["Jane Smith"]),
        ("Jane Smith at the Centre for Cities", ["Jane Smith"]),
        ("Jane Smith, University of Leeds", ["Jane Smith"]),
        ("Eilidh MacLeod, skills policy reporter, FE Bulletin", ["Eilidh MacLeod"]),
        ("Dr Lorraine Whitby, Principal and Chief Executive, Calder Valley College",
         ["Dr Lorraine Whitby"]),
        ("Sam Lee, Editor-in-Chief", ["Sam Lee"]),
        ("Jane Smith OBE", ["Jane Smith"]),
        ("Tom Lee, PhD", ["Tom Lee"]),
        ("Tom O'Brien (Centre for Place Policy)", ["Tom O'Brien"]),
        ("Jane Smith, Policy Editor, and Tom Lee, Reporter", ["Jane Smith", "Tom Lee"]),
        ("Jane Smith and Tom Lee, Reporters", ["Jane Smith", "Tom Lee"]),
        ("Research Director", []),
        # what must stay as it is
        ("Smith, Jane", ["Smith, Jane"]),
        ("Smith, Jane, Policy Editor", ["Smith, Jane"]),
        ("Smith, Jane and Jones, Tom", ["Smith, Jane", "Jones, Tom"]),
        ("Jane Smith, Tom Jones and Ann Lee", ["Jane Smith", "Tom Jones", "Ann Lee"]),
        ("Jane Smith, Tom Head and Sam Lee", ["Jane Smith", "Tom Head", "Sam Lee"]),
        ("Department for Environment, Food and Rural Affairs",
         ["Department for Environment, Food and Rural Affairs"]),
        ("Policy Exchange", ["Policy Exchange"]),
    ],
)
def test_roles_are_not_authors(text, expected):
    assert split_authors(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Chloé Barnard, Policy Editor | 19 September 2023", ["Chloé Barnard"]),
        ("By Dr Kwame Asante · Head of Research · 7 April 2022", ["Dr Kwame Asante"]),
        ("By Rachel Adeyemi | Research Director", ["Rachel Adeyemi"]),
        ("By the Communications Team, Eastmoor Borough Council",
         ["Communications Team, Eastmoor Borough Council"]),
        ("By March", []),
        ("By the time the council met", []),
    ],
)
def test_by_line_roles(text, expected):
    assert byline_authors(text) == expected


# --- 3. publishers only where a document states one ------------------------------------------


def _docx(custom: dict[str, str] | None = None, category: str | None = None) -> bytes:
    document = docx.Document()
    document.core_properties.created = dt.datetime(2024, 7, 1, 9, 0)
    if category:
        document.core_properties.category = category
    document.add_paragraph("A short paragraph of text in the document body.")
    out = io.BytesIO()
    document.save(out)
    if not custom:
        return out.getvalue()
    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" name="{k}">'
        f"<vt:lpwstr>{v}</vt:lpwstr></property>"
        for i, (k, v) in enumerate(custom.items(), start=2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{props}</Properties>"
    )
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w") as package:
        for item in source.infolist():
            package.writestr(item, source.read(item.filename))
        package.writestr("docProps/custom.xml", xml)
    return rebuilt.getvalue()


def test_docx_publisher_from_custom_property_and_kind_from_category():
    result = extract_docx(_docx({"Publisher": "Northern Futures Institute"}, "Discussion paper"),
                          "d.docx")
    assert result.publisher == "Northern Futures Institute"
    assert result.kind == "report"  # short, but its category says so
    assert result.extra["category"] == "Discussion paper"
    plain = extract_docx(_docx(), "d.docx")
    assert plain.publisher is None and plain.kind == "article"
    assert extract_docx(_docx(category="Meeting notes"), "d.docx").kind == "note"


def test_pdf_creator_is_not_the_publisher(make_pdf):
    info = {"Title": "A Paper", "Creator": "Microsoft® Word for Microsoft 365"}
    result = extract_pdf(make_pdf([["A Paper", "Some text on the page."]], info), "p.pdf")
    assert result.publisher is None


# --- 4. curly apostrophes in a Windows-1252 text file ----------------------------------------


def test_cp1252_curly_apostrophe_is_kept():
    text = "Roundtable note\r\nAttendees:\r\n  Tom O\u2019Brien \u2013 Northern Futures Institute\r\n"
    result = extract_text_file(text.encode("cp1252"), "n.txt")
    assert "Tom O\u2019Brien" in result.body
    assert "\ufffd" not in result.body


# --- the demo library ------------------------------------------------------------------------


def demo_files() -> list[Path]:
    if not DEMO.is_dir():
        return []
    return sorted(p for p in DEMO.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)


@pytest.mark.skipif(not demo_files(), reason="the demo library is not in this checkout")
@pytest.mark.parametrize("path", demo_files(), ids=lambda p: p.name)
def test_demo_document_imports_with_metadata(path):
    result = extract(path)
    assert result.body.strip()
    assert result.title and result.date
    if path.suffix.lower() in (".html", ".htm"):
        assert result.authors, "every demo web page has a by-line"
        assert result.kind == "web_page"
    for name in result.authors:
        for role in ("Editor", "Reporter", "Correspondent", "Analyst", "Director", "Head of"):
            assert role not in name, f"{name!r} carries a job title"


EXPECTED_WEB_AUTHORS = {
    "councils-on-the-brink.html": ["Rachel Adeyemi"],
    "fixing-the-apprenticeship-levy.html": ["Tom O'Brien", "Hannah Okafor"],
    "eastmoor-investment-zone-news.html": ["Communications Team, Eastmoor Borough Council"],
    "bus-franchising-explainer.html": ["Chloé Barnard"],
    "high-street-rental-auctions.html": ["Marta Wiśniewska"],
}


@pytest.mark.skipif(not demo_files(), reason="the demo library is not in this checkout")
@pytest.mark.parametrize(("name", "expected"), EXPECTED_WEB_AUTHORS.items())
def test_demo_web_page_authors(name, expected):
    path = DEMO / name
    if not path.exists():
        pytest.skip(f"{name} is not in the demo library")
    assert extract(path).authors == expected


@pytest.mark.skipif(not demo_files(), reason="the demo library is not in this checkout")
def test_demo_cp1252_notes_keep_the_curly_apostrophe():
    path = DEMO / "skills-roundtable-notes-2022.txt"
    if not path.exists():
        pytest.skip("the cp1252 note is not in the demo library")
    assert "O\u2019Brien" in extract(path).body
