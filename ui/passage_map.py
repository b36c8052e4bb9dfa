"""Mapping passages between a source's Markdown body and the text the reader shows.

The reader renders Markdown to HTML, so a selection's offsets in the shown text differ from
offsets in `source.body` (markup such as `**`, `[text](url)` and tags disappears when shown). The
mapping works on words: the selected words are looked for in the body with anything that is not
a word — markup included — allowed between them; when they occur several times, the words around
the selection pick the occurrence, then the one whose relative position is nearest wins. The
reverse (a stored highlight to the shown text) strips the markup from the passage first.

Qt-free: both texts are plain strings (the shown text is the document's raw text, whose indexes
are the document's cursor positions).
"""

import html
import re

WORD = re.compile(r"[^\W_]+")
CONTEXT_WORDS = 6
# Between two words of a selection the body may hold spaces, punctuation, emphasis marks, a link
# target, a tag, an entity or a list number that the reader does not show as text.
BODY_GAP = r"(?:<[^>]{0,300}>|\]\([^)]{0,500}\)|\]\[[^\]]{0,100}\]|&#?\w{1,10};|\d{1,4}[.)](?=\s)|[\W_]){1,600}?"
SHOWN_GAP = r"[\W_]{1,200}?"
_MARKUP = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]|<[^>]*>|(?<=\n)[ \t]*\d{1,4}[.)](?=\s)")


def _is_word(char: str) -> bool:
    return bool(char) and bool(WORD.match(char))


def _pattern(words: list[str], gap: str, open_start: bool, open_end: bool) -> str:
    body = gap.join(re.escape(word) for word in words)
    head = "" if open_start else r"(?<![^\W_])"
    tail = "" if open_end else r"(?![^\W_])"
    return head + body + tail


def _nearest(spans: list[tuple[int, int]], relative: float, length: int) -> tuple[int, int]:
    return min(spans, key=lambda span: abs(span[0] / max(length, 1) - relative))


def _locate(haystack: str, words: list[str], gap: str, open_start: bool, open_end: bool,
            before: list[str], after: list[str], relative: float) -> tuple[int, int] | None:
    """The span of `words` in `haystack`; context words choose among several occurrences."""
    if not words:
        return None
    core = _pattern(words, gap, open_start, open_end)
    spans = [match.span() for match in re.finditer(core, haystack)]
    if len(spans) > 1 and (before or after):
        for size in range(max(len(before), len(after)), 0, -1):
            lead, trail = before[-size:], after[:size]
            head = (gap.join(map(re.escape, lead)) + gap) if lead else ""
            tail = (gap + gap.join(map(re.escape, trail))) if trail else ""
            if open_start and head:
                head += r"[^\W_]*"  # the rest of the word the selection starts inside
            if open_end and tail:
                tail = r"[^\W_]*" + tail
            wrapped = f"{head}({core}){tail}"
            inner = [match.span(1) for match in re.finditer(wrapped, haystack)]
            if inner:
                spans = inner
                break
    if not spans:
        return None
    return _nearest(spans, relative, len(haystack))


def _edges(passage: str) -> tuple[str, str]:
    """The punctuation the passage starts and ends with (outside its first and last words)."""
    words = list(WORD.finditer(passage))
    if not words:
        return "", ""
    return passage[:words[0].start()].strip(), passage[words[-1].end():].strip()


def _widen(text: str, start: int, end: int, lead: str, trail: str) -> tuple[int, int]:
    if lead and text.endswith(lead, 0, start):
        start -= len(lead)
    if trail and text.startswith(trail, end):
        end += len(trail)
    return start, end


def body_span(body: str, shown: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) in `body` of the shown text's characters start..end, or None if not found."""
    while start < end and not shown[start].strip():
        start += 1
    while end > start and not shown[end - 1].strip():
        end -= 1
    passage = shown[start:end]
    words = WORD.findall(passage)
    if not words:
        return None
    open_start = _is_word(shown[start - 1: start]) and _is_word(shown[start])
    open_end = _is_word(shown[end - 1]) and _is_word(shown[end: end + 1])
    before = WORD.findall(shown[max(0, start - 200):start])[-CONTEXT_WORDS:]
    after = WORD.findall(shown[end:end + 200])[:CONTEXT_WORDS]
    if open_start and before:
        before = before[:-1]  # the selection starts inside that word
    if open_end and after:
        after = after[1:]
    found = _locate(body, words, BODY_GAP, open_start, open_end, before, after,
                    start / max(len(shown), 1))
    if found is None:
        return None
    lead, trail = _edges(passage)
    return _widen(body, *found, lead, trail)


def plain_words(markdown_text: str) -> list[str]:
    """The words a reader would see for a piece of Markdown."""
    return WORD.findall(html.unescape(_MARKUP.sub(" ", markdown_text)))


def shown_span(shown: str, body: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) in the shown text of body characters start..end, or None if not found."""
    passage = body[start:end]
    words = plain_words(passage)
    if not words:
        return None
    open_start = _is_word(body[start - 1: start]) and _is_word(body[start: start + 1])
    open_end = _is_word(body[end - 1: end]) and _is_word(body[end: end + 1])
    before = plain_words(body[max(0, start - 200):start])[-CONTEXT_WORDS:]
    after = plain_words(body[end:end + 200])[:CONTEXT_WORDS]
    if open_start and before:
        before = before[:-1]
    if open_end and after:
        after = after[1:]
    found = _locate(shown, words, SHOWN_GAP, open_start, open_end, before, after,
                    start / max(len(body), 1))
    if found is None:
        return None
    lead, trail = _edges(html.unescape(_MARKUP.sub(" ", passage)))
    return _widen(shown, *found, lead.lstrip("*_#>-"), trail.rstrip("*_"))
