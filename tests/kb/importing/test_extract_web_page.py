"""Saved web pages: the article without the site chrome, and its citable metadata."""

import socket

import pytest

from kb.errors import ExtractionError
from kb.importing.extractors import extract
from kb.importing.web_page import extract_web_page

ARTICLE = [
    "The government announced £5m for Doncaster – “levelling up” the town's further "
    "education colleges over the next three years, according to documents published on Monday.",
    "Most of the money will fund apprenticeships in engineering and construction, with a "
    "smaller share for adult retraining courses run by the council.",
    "Local employers welcomed the announcement but said the sums were small compared with "
    "the cuts of the previous decade.",
]

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="{charset}">
<title>Skills funding rises - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-03-12T09:30:00Z">
<meta name="author" content="Jane Smith">
<meta name="description" content="Money for colleges.">
<link rel="canonical" href="https://news.example.org/skills-funding">
</head>
<body>
<a href="#main" class="skip-link">Skip to content</a>
<div id="cookie-banner"><p>We use cookies to improve your experience on our website.</p>
<button>Accept cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">Latest news stories</a></li>
<li><a href="/sport">Sport and weather</a></li></ul></nav></header>
<main id="main"><article>
<h1>Skills funding rises</h1>
<p class="byline">By Jane Smith and Tom O'Brien</p>
<p>{p0}</p>
<h2>What the money is for</h2>
<p>{p1}</p>
<p>{p2}</p>
<p><a href="#top">Top of page</a></p>
</article></main>
<footer><p>Copyright Example News 2023. All rights reserved. Contact us. Privacy policy.</p></footer>
</body></html>
"""


def page(charset: str = "utf-8") -> str:
    return PAGE.format(charset=charset, p0=ARTICLE[0], p1=ARTICLE[1], p2=ARTICLE[2])


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the web page extractor tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_article_text_and_metadata(tmp_path, no_network):
    path = tmp_path / "skills.html"
    path.write_text(page(), encoding="utf-8")
    result = extract(path)
    assert result.file_type == "html"
    assert result.kind == "web_page"
    assert result.title == "Skills funding rises"
    assert result.authors == ["Jane Smith", "Tom O'Brien"]  # the by-line completes <meta author>
    assert result.date == "2023-03-12"
    assert result.publisher == "Example News"
    assert result.url == "https://news.example.org/skills-funding"
    assert result.language == "en"
    assert result.extra["description"] == "Money for colleges."
    for paragraph in ARTICLE:
        assert paragraph in result.body
    assert "## What the money is for" in result.body
    for chrome in ("Skip to content", "cookies", "Latest news stories", "Sport and weather",
                   "Top of page", "All rights reserved"):
        assert chrome not in result.body, chrome


def test_declared_windows_1252_is_honoured():
    data = page("windows-1252").encode("cp1252")
    assert ARTICLE[0] in extract_web_page(data, "p.html").body


def test_iso_8859_1_label_means_windows_1252():
    data = page("iso-8859-1").encode("cp1252")  # the curly quotes only exist in cp1252
    assert "“levelling up”" in extract_web_page(data, "p.html").body


def test_undeclared_encoding_is_sniffed():
    data = page("utf-8").replace('<meta charset="utf-8">', "").encode("cp1252")
    assert ARTICLE[1] in extract_web_page(data, "p.htm").body


def test_title_from_title_tag_loses_site_suffix():
    html = "<html><head><title>Budget 2020 | GOV.UK</title></head><body><p>{}</p></body></html>"
    result = extract_web_page(html.format(ARTICLE[0]).encode(), "b.html")
    assert result.title == "Budget 2020"


def test_title_is_never_navigation_text():
    html = (
        "<html><head><title>Top of page</title></head><body><h1>Home</h1>"
        "<h1>Second heading</h1><p>{}</p></body></html>"
    )
    result = extract_web_page(html.format(ARTICLE[0]).encode(), "b.html")
    assert result.title is None


def test_json_ld_metadata():
    html = """<html lang="fr"><head><title>x</title>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
      "headline": "Rail strategy published", "datePublished": "2021-05-20",
      "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Organization", "name": "Desk"}],
      "publisher": {"@type": "Organization", "name": "Rail Weekly"}}</script>
    <script type="application/ld+json">{not json</script>
    </head><body><article><p>ARTICLE</p></article></body></html>""".replace("ARTICLE", ARTICLE[0])
    result = extract_web_page(html.encode(), "r.html")
    assert result.title == "Rail strategy published"
    assert result.date == "2021-05-20"
    assert result.authors == ["Ann Lee"]
    assert result.publisher == "Rail Weekly"
    assert result.language == "fr"


def test_saved_page_comment_gives_url_and_access_date():
    html = """<!DOCTYPE html>
<!--
 Page saved with SingleFile
 url: https://www.gov.uk/government/news/example
 saved date: Tue Mar 14 2023 10:00:00 GMT+0000 (Greenwich Mean Time)
-->
<html><head><title>Example</title></head><body><p>ARTICLE</p></body></html>""".replace(
        "ARTICLE", ARTICLE[0]
    )
    result = extract_web_page(html.encode(), "saved.html")
    assert result.url == "https://www.gov.uk/government/news/example"
    assert result.accessed == "2023-03-14"


def test_tiny_page_falls_back_to_visible_text():
    html = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<nav>Menu items here</nav><div>Short note.</div><script>var x = 1;</script>"
        "<footer>Footer text</footer></body></html>"
    )
    result = extract_web_page(html.encode(), "tiny.html")
    assert "Short note." in result.body
    for hidden in ("Menu items", "color: red", "var x", "Footer text"):
        assert hidden not in result.body


def test_wikipedia_edit_links_are_dropped_from_headings():
    html = (
        "<html><body><div id='content'><h1>Topic</h1><p>{}</p>"
        "<h2>History<span>[<a href='?action=edit'>edit</a>]</span></h2><p>{}</p>"
        "<p>{}</p></div></body></html>"
    ).format(*ARTICLE)
    body = extract_web_page(html.encode(), "w.html").body
    assert "edit" not in body.replace("education", "")


def test_binary_named_html_is_refused():
    with pytest.raises(ExtractionError, match=r"^x\.html looks like a binary file"):
        extract_web_page(b'<meta charset="utf-8">\x00\x01\x02' + bytes(range(256)), "x.html")


def test_markup_without_text_has_no_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><div></div></body></html>")
    with pytest.raises(ExtractionError, match=r"^No text could be extracted from empty\.html\.$"):
        extract(path)


def test_xml_declaration_with_encoding_is_accepted():
    html = f'<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>{ARTICLE[0]}</p></body></html>'
    assert ARTICLE[0] in extract_web_page(html.encode(), "x.xhtml.html").body


def test_page_of_nothing_but_navigation_has_no_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav>Home</nav><footer>About us</footer></body></html>")
    with pytest.raises(ExtractionError, match=r"^No text could be extracted from nav\.html\.$"):
        extract(path)


def test_site_named_as_author_and_commenters_are_not_authors():
    html = (
        '<html><head><meta name="author" content="Example News">'
        '<meta property="og:site_name" content="Example News"></head><body>'
        f"<article><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></article>"
        '<div class="comments"><span class="author">Ann Lee</span><p>Great piece.</p></div>'
        "</body></html>"
    )
    assert extract_web_page(html.encode(), "c.html").authors == []


def test_cookie_class_on_body_does_not_hide_the_article():
    html = page().replace("<body>", '<body class="cookie-banner-open" aria-hidden="false">')
    html = html.replace("<main id=\"main\">", '<main id="main" class="has-cookie-notice">')
    body = extract_web_page(html.encode(), "c.html").body
    assert ARTICLE[0] in body and ARTICLE[2] in body
