"""Markdown to safe HTML for reading: sanitised, with nothing that could reach the network.

Scripts, styles, iframes, forms and event handlers are removed; images keep only their alt text
(a remote image would be a network request, a local one a path outside the library); links keep
http(s) and mailto targets for the person to click, never followed automatically.
"""

import html

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "span": {"class", "data-page"},
    "div": {"class"},
    "mark": {"class", "data-id"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "abbr": {"title"},
}
MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]


def sanitise_html(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def markdown_to_html(text: str) -> str:
    """Render Markdown (raw HTML inside it included) to sanitised HTML."""
    rendered = markdown.markdown(text or "", extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return sanitise_html(rendered)


def escape(text: str) -> str:
    return html.escape(text or "", quote=True)
