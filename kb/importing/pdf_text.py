"""Tidy the text pypdf draws out of one PDF page into readable Markdown paragraphs.

pypdf gives one line per printed line and no paragraph breaks. Lines are joined back into
paragraphs only where that is clearly safe (a full-width line, or a line that stops mid-
sentence); anything else keeps its own line, so tables and lists are not run together.
"""

import re

from kb.importing.metadata import is_junk_title, parse_date

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LIST_START_RE = re.compile(r"^(?:[•▪◦●○■\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_HYPHENATED_RE = re.compile(r"[^\W\d_]-$")  # "govern-" at a line end
# "2.1 Methods 14" or "Methods ........ 14": a table-of-contents entry, not a title
_TOC_LINE_RE = re.compile(r"^\d+(?:\.\d+)*\s+.+\s\d{1,4}$|\.{3,}\s*\d{1,4}$")


def _typical_width(lines: list[str]) -> int:
    """How long a full line of body text is on this page (80th percentile of longer lines)."""
    widths = sorted(len(line) for line in lines if len(line) >= 20)
    if len(widths) < 3:
        return 0  # too little text to know the layout: join nothing
    return widths[int(len(widths) * 0.8) - 1 if len(widths) > 1 else 0]


def _continues(previous: str, line: str, width: int) -> bool:
    """True if `line` carries on the paragraph `previous` ended, rather than starting anew."""
    if not width or width < 30 or _LIST_START_RE.match(line):
        return False
    if previous.endswith(":"):
        return False
    if len(previous) >= 0.75 * width:
        return True  # the line was full, so the text wrapped
    # A shorter line that stops mid-sentence and goes on in lower case also wrapped.
    return previous[-1] in ",;" or (previous[-1].islower() and line[0].islower())


def clean_lines(raw: str) -> list[str]:
    text = _CONTROL_RE.sub("", raw.translate(_LIGATURES).replace("\xad\n", "").replace("\t", " "))
    return [" ".join(line.split()) for line in text.split("\n")]


def page_markdown(raw: str) -> str:
    """One page's text as paragraphs separated by blank lines."""
    lines = clean_lines(raw)
    width = _typical_width(lines)
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = previous = ""
            continue
        if not current:
            current = line
        elif _HYPHENATED_RE.search(previous) and line[0].islower():
            current = current[:-1] + line  # "govern-" + "ment"
        elif _continues(previous, line, width):
            current += " " + line
        else:
            paragraphs.append(current)
            current = line
        previous = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _skippable(line: str) -> bool:
    """Lines at the top of a first page that are not its title."""
    return (
        sum(ch.isalpha() for ch in line) < 3
        or is_junk_title(line)
        or (len(line) <= 40 and parse_date(line) is not None)
        or bool(_TOC_LINE_RE.search(line))
        or "@" in line
        or "://" in line
    )


def title_from_first_page(raw: str) -> str | None:
    """The first title-like line of page 1: short, not a date or a page number, and not the
    first line of a paragraph (which would mean the page has no title at all)."""
    lines = [line for line in clean_lines(raw) if line]
    width = _typical_width(lines)
    for i, line in enumerate(lines[:8]):
        if _skippable(line):
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if len(line) > 150 or line[-1] in ",;." or line[0].islower() or len(line.split()) < 2:
            return None  # a sentence, a fragment or a lone label ("Name") is not a title
        if width and len(line) >= 0.75 * width and following[:1].islower():
            return None  # body text wrapping onto the next line
        if following and following[0].islower() and len(following) < 80 and not line.endswith("."):
            return f"{line} {following}"  # a title wrapped over two lines
        return line
    return None
