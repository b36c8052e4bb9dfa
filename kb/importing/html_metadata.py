"""Metadata of a saved web page, read from its parsed HTML tree.

Sources, most trusted first: Open Graph / Dublin Core / citation <meta> tags, schema.org
JSON-LD, then the page itself (<h1>, by-lines, <title>). Dates come only from explicit
publication-date markup: guessing from the text (as htmldate does) picks up any date the
article mentions, e.g. a company's founding date on its Wikipedia page.
"""

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import html as lxml_html

from kb.importing.metadata import (
    byline_authors,
    clean_title,
    is_junk_title,
    parse_date,
    person_names,
    split_authors,
)

_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "citation_publication_date",
    "citation_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dcterms.created", "dc.date.created", "date", "pubdate", "publishdate", "publish-date",
    "sailthru.date", "parsely-pub-date", "govuk:first-published-at", "article.published",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "citation_author",
                "parsely-author", "sailthru.author", "byl")
_TITLE_META = ("og:title", "twitter:title", "dc.title", "citation_title")
_SITE_META = ("og:site_name", "application-name", "citation_publisher", "dc.publisher")
_DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")
_ARTICLE_TYPES = re.compile(r"article|posting|report|webpage|scholarly|creativework", re.I)
# Comments browsers and SingleFile leave in saved pages: where the page came from, and when.
_SAVED_FROM_RE = re.compile(r"saved from url=\(\d+\)(\S+)", re.I)
_SINGLEFILE_URL_RE = re.compile(r"^\s*url:\s*(\S+)", re.I | re.M)
_SINGLEFILE_DATE_RE = re.compile(r"^\s*saved date:\s*(.+)$", re.I | re.M)


@dataclass
class PageMetadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    accessed: str | None = None
    language: str | None = None
    description: str | None = None
    site_names: list[str] = field(default_factory=list)  # to strip " - Site" from titles


def _squash(text: str) -> str:
    """Compare names loosely: "Creative Commons" matches the host label "creativecommons"."""
    return re.sub(r"\W|_", "", text.casefold())


def _text(el: lxml_html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """All <meta> values by lower-cased name, property or itemprop, in document order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = meta.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), []).append(" ".join(value.split()))
    return found


def _json_ld_items(tree: lxml_html.HtmlElement) -> list[dict]:
    """schema.org objects from JSON-LD scripts; broken JSON is common and simply skipped."""
    items: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in data if isinstance(data, list) else [data]:
            if not isinstance(obj, dict):
                continue
            items.append(obj)
            graph = obj.get("@graph")
            if isinstance(graph, list):
                items.extend(o for o in graph if isinstance(o, dict))
    return [i for i in items if _ARTICLE_TYPES.search(str(i.get("@type", "")))]


def _ld_names(value: object, people_only: bool) -> list[str]:
    """Names from a schema.org author/publisher value: a string, an object, or a list."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if people_only and "person" not in str(value.get("@type", "person")).lower():
            return []  # "Contributors to Wikimedia projects" is not an author to cite
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value[:50] for n in _ld_names(v, people_only)]
    return []


def _host_labels(url: str | None) -> list[str]:
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return []
    labels = [p for p in host.split(".") if p not in {"www", "com", "org", "net", "co", "uk", "gov", "ac", "en"}]
    return labels + ([host] if host else [])


def _saved_page_comments(tree: lxml_html.HtmlElement) -> tuple[str | None, str | None]:
    """(url, accessed date) from "saved from url=" / SingleFile comments, if any."""
    url = accessed = None
    for comment in tree.getroottree().xpath("//comment()")[:20]:
        text = comment.text or ""
        if m := _SAVED_FROM_RE.search(text):
            url = url or m[1]
        if "singlefile" in text.lower():
            if m := _SINGLEFILE_URL_RE.search(text):
                url = url or m[1]
            if m := _SINGLEFILE_DATE_RE.search(text):
                accessed = accessed or parse_date(m[1][:60])
    return url, accessed


# Class names of by-line elements: "byline", "news-byline", "author", "post__authors",
# "author-line", "article-author-name"; not "authority" or an author's biography.
_BYLINE_CLASS_RE = re.compile(
    r"(?<![a-z])(?:by-?lines?|authors?|writers?|contributors?)(?![a-z])", re.I
)
_NOT_BYLINE_CLASS_RE = re.compile(
    r"bio|about|avatar|photo|image|img|comment|reply|related|more", re.I
)
_AUTHOR_MARK_RE = re.compile(r"(?<![a-z])author(?![a-z])", re.I)  # itemprop / rel values
_NOT_MARKED = ("meta", "link", "script", "style", "body", "html")
_MAX_MARKED = 40
_SKIPPED_ANCESTORS = (
    'ancestor::*[contains(@class, "comment") or contains(@id, "comment")'
    ' or self::aside or self::nav or self::form]'
)
_BYLINE_MAX_CHARS = 200
# How far into the article a "By ..." line may sit: past the title, standfirst and dates,
# but not down among the paragraphs (where "By 2030, ..." is prose).
_BYLINE_SCAN_ELEMENTS = 60
_BYLINE_SCAN_LONG_PARAGRAPHS = 2
_PROSE_MIN_CHARS = 120
_BYLINE_SCAN_TAGS = ("p", "span", "div", "small", "em", "strong", "b", "address", "li", "h4",
                     "h5", "h6")


def _people_in(text: str, strict: bool) -> list[str]:
    """People named in a by-line's text; `strict` accepts only an explicit "By ..." line."""
    if not text or len(text) > _BYLINE_MAX_CHARS:
        return []
    people = byline_authors(text)
    if people or strict:
        return people
    # Text of an element marked as the author: "Jane Smith", "Jane Smith, Policy Editor".
    return person_names(text)


def _marked_byline_elements(tree: lxml_html.HtmlElement) -> list:
    """Elements a page marks as its by-line or author: class names, itemprop, rel."""
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NOT_MARKED:
            continue
        marks = " ".join(filter(None, (el.get("itemprop"), el.get("rel"))))
        cls = el.get("class") or ""
        marked = _AUTHOR_MARK_RE.search(marks) or (
            _BYLINE_CLASS_RE.search(cls) and not _NOT_BYLINE_CLASS_RE.search(cls)
        )
        # <address> is HTML's element for the contact details of an article's author.
        if (marked or el.tag == "address") and not el.xpath(_SKIPPED_ANCESTORS):
            found.append(el)  # (not commenters, sidebars or menus)
            if len(found) >= _MAX_MARKED:
                break
    return found


def _article_root(tree: lxml_html.HtmlElement):
    for xpath in ("//article", "//main", '//*[@role="main"]', '//*[@id="content" or @id="main"]',
                  "//body"):
        if found := tree.xpath(xpath):
            return found[0]
    return tree


def _by_lines_near_top(tree: lxml_html.HtmlElement) -> list[str]:
    """Short "By ..." lines at the top of the article (or main content), marked or not."""
    people: list[str] = []
    long_paragraphs = 0
    for count, el in enumerate(_article_root(tree).iter(*_BYLINE_SCAN_TAGS)):
        if count >= _BYLINE_SCAN_ELEMENTS or long_paragraphs >= _BYLINE_SCAN_LONG_PARAGRAPHS:
            break
        text = _text(el)
        is_by_line = re.match(r"(?:written\s+|words\s+)?by\b", text, re.I)
        short_by_line = is_by_line and len(text) <= _BYLINE_MAX_CHARS
        if el.tag == "p" and len(text) > _PROSE_MIN_CHARS and not short_by_line:
            long_paragraphs += 1  # the article has begun: a standfirst, then its paragraphs
            continue
        if not is_by_line or el.xpath(_SKIPPED_ANCESTORS):
            continue
        if found := _people_in(text, strict=True):
            people += found
            break  # the first by-line is the article's; later ones may quote other pieces
    return people


def _byline_elements(tree: lxml_html.HtmlElement) -> list[str]:
    """People named in the page's by-line: elements marked as the author or by-line (class,
    itemprop, rel, <address>), else a short "By ..." line near the top of the article. Read
    from the page as saved, before any boilerplate is removed."""
    people: list[str] = []
    for el in _marked_byline_elements(tree):
        text = _text(el)
        if el.tag == "address" and (
            re.search(r"\d", text) or el.xpath("ancestor::footer[not(ancestor::article)]")
        ):
            continue  # a postal address, or the site's own contact details
        people += _people_in(text, strict=False)
    return list(dict.fromkeys(people)) or _by_lines_near_top(tree)


def _first_date(meta: dict, items: list[dict], tree: lxml_html.HtmlElement) -> str | None:
    for key in _DATE_META:
        for value in meta.get(key, []):
            if date := parse_date(value):
                return date
    for item in items:
        if date := parse_date(item.get("datePublished") or item.get("dateCreated")):
            return date
    for el in tree.xpath('//time[@itemprop="datePublished" or contains(@class, "pub")][@datetime]')[:3]:
        if date := parse_date(el.get("datetime")):
            return date
    return None


def _title(meta: dict, items: list[dict], tree: lxml_html.HtmlElement, sites: list[str]) -> str | None:
    candidates = [meta.get(k, [None])[0] for k in _TITLE_META]
    # An <h1> is the title when it is the only one or sits in the article; elsewhere it is
    # often the site's logo.
    main_h1 = tree.xpath("(//article//h1 | //main//h1)[1]")
    h1s = [text for h in tree.iter("h1") if (text := _text(h))]
    if main_h1:
        candidates.append(_text(main_h1[0]))
    elif len(h1s) == 1:
        candidates.append(h1s[0])
    candidates += [i.get("headline") or i.get("name") for i in items]
    candidates += [_text(t) for t in tree.iter("title")][:1]
    site_keys = {_squash(s) for s in sites}
    for candidate in candidates:
        title = clean_title(candidate if isinstance(candidate, str) else None, sites)
        if title and not is_junk_title(title) and _squash(title) not in site_keys:
            return title
    return None


def _suffix_site(title_tag: str | None, labels: list[str]) -> str | None:
    """ "Mozilla - Wikipedia" on en.wikipedia.org names its site: "Wikipedia"."""
    if not title_tag:
        return None
    last = re.split(r"\s+(?:\||-|–|—|::|·|»)\s+", " ".join(title_tag.split()))[-1]
    return last if _squash(last) and _squash(last) in {_squash(x) for x in labels} else None


def read_page_metadata(tree: lxml_html.HtmlElement) -> PageMetadata:
    """Everything citable about the page that its markup states."""
    meta = _meta_tags(tree)
    items = _json_ld_items(tree)
    saved_url, accessed = _saved_page_comments(tree)
    canonical = next(iter(tree.xpath('//link[@rel="canonical"]/@href')), None)
    url = canonical or next(iter(meta.get("og:url", [])), None) or saved_url
    url = url if url and re.match(r"https?://", url) else saved_url
    labels = _host_labels(url)

    title_tag = next((_text(t) for t in tree.iter("title")), None)
    publisher = next((meta[k][0] for k in _SITE_META if k in meta), None)
    publisher = publisher or _suffix_site(title_tag, labels)
    publisher = publisher or next((n for i in items for n in _ld_names(i.get("publisher"), False)), None)
    sites = [s for s in [publisher, *meta.get("og:site_name", []), *labels] if s]

    authors: list[str] = []
    for key in _AUTHOR_META:
        for value in meta.get(key, []):
            authors += byline_authors(value) or split_authors(value)
    if not authors:
        authors = split_authors([n for i in items for n in _ld_names(i.get("author"), True)])
    byline = _byline_elements(tree)
    if byline and {a.casefold() for a in authors} <= {b.casefold() for b in byline}:
        authors = byline  # <meta name=author> often names only the first of several
    site_keys = {_squash(s) for s in sites}
    authors = [a for a in authors if _squash(a) not in site_keys]  # "BBC News" wrote nothing

    lang = tree.get("lang") or tree.get("xml:lang") or next(iter(meta.get("og:locale", [])), "")
    language = re.split(r"[-_]", lang.strip())[0].lower() if lang.strip() else None
    description = next((meta[k][0] for k in _DESCRIPTION_META if k in meta), None)
    return PageMetadata(
        title=_title(meta, items, tree, sites),
        authors=list(dict.fromkeys(authors)),
        date=_first_date(meta, items, tree),
        publisher=publisher,
        url=url,
        accessed=accessed,
        language=language if language and language.isalpha() and len(language) <= 3 else None,
        description=description,
        site_names=sites,
    )
