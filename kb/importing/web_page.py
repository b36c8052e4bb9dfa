"""Saved web pages (.html, .htm): the article as Markdown, without the site around it.

trafilatura finds the main text (dropping menus, cookie banners, footers); when it finds
nothing, the visible text of <body> minus the usual chrome is used instead. Nothing is ever
fetched: the page is read from the bytes given, and URLs in it are only recorded.
"""

import codecs
import copy
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from kb.errors import ExtractionError
from kb.importing.decode import decode_text, looks_binary
from kb.importing.extracted import Extracted
from kb.importing.html_metadata import read_page_metadata

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
# Labels that browsers treat as Windows-1252 whatever they say (the WHATWG encoding standard).
_MEANS_CP1252 = {"latin_1", "ascii", "iso8859-1", "iso8859_1"}

# Chrome that is never the article, for the fallback reader.
_CHROME_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer",
                "aside", "form", "button", "iframe", "select", "head", "object", "canvas")
# Never <body> or the article itself, which sites mark with classes like "cookie-consent-open".
_CHROME_XPATH = (
    "//*[not(self::html or self::body or self::main or self::article)]"
    '[@role="navigation" or @role="banner" or @role="contentinfo" or @hidden'
    ' or contains(translate(@class, "COKIESNT", "cokiesnt"), "cookie")'
    ' or contains(translate(@id, "COKIESNT", "cokiesnt"), "cookie")'
    ' or contains(translate(@class, "COKIESNT", "cokiesnt"), "consent")'
    ' or contains(@class, "skip-link") or contains(@class, "visually-hidden")]'
)
# Removed before trafilatura looks at the page: on short pages its fallbacks keep menus.
# Headers and footers inside an article hold its title and notes, so only outer ones go.
_PRUNE_XPATH = [
    "//nav",
    "//header[not(ancestor::article or ancestor::main)]",
    "//footer[not(ancestor::article or ancestor::main)]",
    _CHROME_XPATH,
]
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr",
               "blockquote", "pre", "br", "hr", "dd", "dt", "dl", "figure", "figcaption",
               "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "address", "details", "summary"}
_BREAK = "\u2029"  # paragraph separator: marks block edges before whitespace is collapsed
_NAVIGATION_LINE_RE = re.compile(
    r"^\W*(top of page|back to top|return to top|skip to (main )?content|skip to navigation|"
    r"jump to (navigation|search|content)|accept (all )?cookies|cookie settings)\W*$",
    re.I,
)
_EDIT_LINK_RE = re.compile(r"\s*\\?\[edit\\?\]\s*$")  # Wikipedia's "[edit]" after each heading


def decode_html(data: bytes, name: str) -> str:
    """Decode with the page's own declaration when it has one that works, else by sniffing."""
    head = data[:4096]
    declared = _CHARSET_RE.search(head) or _XML_ENCODING_RE.search(head)
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            encoding = codecs.lookup(declared[1].decode("ascii")).name
        except LookupError:
            encoding = None  # an unknown label: sniff instead
        if encoding and not encoding.startswith("utf-16") and not encoding.startswith("utf-32"):
            if looks_binary(data):
                raise ExtractionError(f"{name} looks like a binary file, not a web page.")
            try:
                return data.decode("cp1252" if encoding in _MEANS_CP1252 else encoding)
            except UnicodeDecodeError:
                pass  # the declaration is wrong (common with copied pages); sniff instead
    return decode_text(data, name)


def _parse(text: str, name: str) -> lxml_html.HtmlElement:
    # lxml refuses str input that still carries an XML encoding declaration.
    text = _XML_DECLARATION_RE.sub("", text, count=1)
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as err:
        reason = " ".join(str(err).split())[:120] or type(err).__name__
        raise ExtractionError(f"{name} contains no HTML that could be read ({reason}).") from err


def _main_text(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """The article as Markdown according to trafilatura, or None if it finds none."""
    try:
        return trafilatura.extract(
            tree,
            url=url,
            output_format="markdown",
            include_comments=False,
            include_tables=True,
            include_formatting=True,
            include_links=False,
            include_images=False,
            with_metadata=False,
            prune_xpath=_PRUNE_XPATH,
        )
    except Exception:  # trafilatura's heuristics can fail in arbitrary ways
        # on unusual trees; the plain visible-text reader below is the fallback for that too.
        return None


def _visible_text(tree: lxml_html.HtmlElement) -> str:
    """Fallback: the text a reader sees in <body>, minus navigation, headers and footers."""
    body = next(iter(tree.xpath("//body")), tree)
    body = copy.deepcopy(body)  # we cut things out of it
    for el in body.xpath(" | ".join(f"//{tag}" for tag in _CHROME_TAGS)) + body.xpath(_CHROME_XPATH):
        if el.getparent() is not None:
            el.drop_tree()
    for el in body.iter(*_BLOCK_TAGS):
        level = int(el.tag[1]) if re.fullmatch(r"h[1-6]", el.tag) else 0
        el.text = _BREAK + ("#" * level + " " if level else "") + (el.text or "")
        el.tail = _BREAK + (el.tail or "")
    blocks = (" ".join(part.split()) for part in body.text_content().split(_BREAK))
    return "\n\n".join(b for b in blocks if b and b.strip("# "))


def _tidy(markdown: str) -> str:
    lines = []
    for line in markdown.splitlines():
        if _NAVIGATION_LINE_RE.match(line):
            continue
        if line.startswith("#"):
            line = _EDIT_LINK_RE.sub("", line)
        lines.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def extract_web_page(data: bytes, name: str) -> Extracted:
    """Read a saved web page: main text as Markdown, plus its title, authors, date, site..."""
    tree = _parse(decode_html(data, name), name)
    meta = read_page_metadata(tree)
    body = _tidy(_main_text(tree, meta.url) or "")
    if not body:
        body = _tidy(_visible_text(tree))
    extra = {"description": meta.description} if meta.description else {}
    return Extracted(
        body=body,
        file_type="html",
        title=meta.title,
        authors=meta.authors,
        date=meta.date,
        publisher=meta.publisher,
        url=meta.url,
        accessed=meta.accessed,
        language=meta.language,
        kind="web_page",
        extra=extra,
    )
