"""Snippets: the best few passages of a body for a set of matched terms, with the words marked.

The body comes from SQLite (it is not stored in the index). A regular expression finds candidate
words quickly; each candidate is confirmed by running it through the index's own analysis, so
"levelling" is marked for a search on "level" and nothing else is.
"""

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kb.index.analysis import stem_terms

FRAGMENT_CHARS = 240
MAX_SCAN_CHARS = 400_000  # very long bodies: the first 400k characters give the snippets
SCAN_CHUNK_CHARS = 20_000
ENOUGH_MATCHES = 12  # with every word seen, enough to choose three good passages
ENOUGH_SCANNED_CHARS = 40_000  # past this, enough matches will do even if some words are missing
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MARKDOWN_NOISE = re.compile(r"(^|\s)(#{1,6}|>|[-*+]|\d+\.)\s|[*_`]{1,3}|!\[|\]\([^)]*\)|\[|\]")


@dataclass
class Snippet:
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # marked ranges in `text`
    page: int | None = None

    def marked(self, before: str = "«", after: str = "»") -> str:
        out, last = [], 0
        for start, end in self.spans:
            out.append(self.text[last:start])
            out.append(before + self.text[start:end] + after)
            last = end
        out.append(self.text[last:])
        return "".join(out)

    def to_dict(self) -> dict:
        return {"text": self.text, "marked": self.marked(), "spans": self.spans, "page": self.page}


@lru_cache(maxsize=50_000)
def _stems_of(word: str) -> tuple[str, ...]:
    return tuple(stem_terms(word))


@lru_cache(maxsize=256)
def _candidate_pattern(stems: frozenset[str]) -> re.Pattern | None:
    prefixes = set()
    for stem in stems:
        # A short prefix is enough to find candidates (each is confirmed by analysis), and it
        # survives spelling variants: "orga" finds "Organizations" for the stem "organis".
        prefix = stem[:4]
        if prefix:
            prefixes.add("['’]?".join(re.escape(char) for char in prefix))
    if not prefixes:
        return None
    alternatives = "|".join(sorted(prefixes, key=len, reverse=True))
    # The look-ahead on first letters lets the engine skip most word starts quickly.
    firsts = re.escape("".join(sorted({stem[0] for stem in stems if stem})))
    return re.compile(rf"\b(?=[{firsts}])(?:{alternatives})\w*(?:['’]\w+)*", re.IGNORECASE)


def find_matches(text: str, stems: frozenset[str], enough: int | None = None) -> list[tuple[int, int, str]]:
    """Every word of `text` (up to MAX_SCAN_CHARS) whose stem is one of `stems`. With `enough`,
    scanning stops at a word boundary once that many matches covering every stem are found
    (or, past the first pages, once that many are found: prefixes and questions have stems that
    no one body holds). Long reports then cost what short notes cost."""
    pattern = _candidate_pattern(stems)
    if pattern is None:
        return []
    matches: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    limit = min(len(text), MAX_SCAN_CHARS)
    start = 0
    while start < limit:
        end = limit if enough is None else _word_boundary(text, start + SCAN_CHUNK_CHARS, limit)
        for match in pattern.finditer(text, start, end):
            found = [stem for stem in _stems_of(match.group(0)) if stem in stems]
            if found:
                matches.append((match.start(), match.end(), found[0]))
                seen.add(found[0])
        if enough is not None and len(matches) >= enough and (
                len(seen) == len(stems) or end >= ENOUGH_SCANNED_CHARS):
            break
        start = end
    return matches


def _word_boundary(text: str, position: int, limit: int) -> int:
    if position >= limit:
        return limit
    space = text.find(" ", position, limit)
    return limit if space < 0 else space


def make_snippets(body: str, stems: set[str] | frozenset[str], page_starts: list[int] | None = None,
                  max_fragments: int = 3, counts: dict[str, int] | None = None) -> list[Snippet]:
    """Up to `max_fragments` passages, best first; the opening of the body when nothing matches.
    `counts`, when the index knows them, say how often the body holds each stem: only those
    are looked for, and the scan stops once it has seen them (a long report whose words are
    few need not be read to the end)."""
    enough = ENOUGH_MATCHES
    if counts:
        stems, enough = set(counts), min(ENOUGH_MATCHES, sum(counts.values()))
    matches = find_matches(body, frozenset(stems), enough=enough)
    if not matches:
        opening = _clean(body[:FRAGMENT_CHARS * 2], [])[0]
        return [Snippet(_trim(opening), [], _page(page_starts, 0))] if opening.strip() else []
    windows = []
    starts = [m[0] for m in matches]
    for index, (start, _end, _stem) in enumerate(matches):
        low = max(0, start - FRAGMENT_CHARS // 3)
        high = low + FRAGMENT_CHARS
        last = bisect.bisect_left(starts, high)
        inside = matches[index:last]
        first = bisect.bisect_left(starts, low)
        inside = matches[first:last]
        score = 10 * len({m[2] for m in inside}) + len(inside)
        windows.append((score, -low, low, high, inside))
    windows.sort(reverse=True)
    chosen: list[tuple[int, int, list]] = []
    for _score, _neg, low, high, inside in windows:
        if any(low < c_high and c_low < high for c_low, c_high, _ in chosen):
            continue
        chosen.append((low, high, inside))
        if len(chosen) == max_fragments:
            break
    snippets = []
    for low, high, inside in chosen:
        low, high = _snap(body, low, high)
        spans = [(s - low, e - low) for s, e, _ in inside if s >= low and e <= high]
        text, spans = _clean(body[low:high], spans)
        prefix = "…" if low > 0 else ""
        suffix = "…" if high < len(body) else ""
        spans = [(s + len(prefix), e + len(prefix)) for s, e in spans]
        snippets.append(Snippet(prefix + text + suffix, spans, _page(page_starts, low)))
    return snippets


def _snap(body: str, low: int, high: int) -> tuple[int, int]:
    if low > 0:
        space = body.rfind(" ", max(0, low - 30), low)
        low = space + 1 if space >= 0 else low
    high = min(len(body), high)
    if high < len(body):
        space = body.find(" ", high, high + 30)
        high = space if space >= 0 else high
    return low, high


def _clean(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Flatten Markdown and whitespace for display, keeping marked spans aligned."""
    marks = "\x01\x02"
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], marks[0], text[start:end], marks[1]]
        last = end
    pieces.append(text[last:])
    flat = _MARKDOWN_NOISE.sub(lambda m: m.group(1) or "", "".join(pieces))
    flat = re.sub(r"\s+", " ", flat).strip()
    out_spans, plain, start = [], [], 0
    for char in flat:
        if char == marks[0]:
            start = len(plain)
        elif char == marks[1]:
            out_spans.append((start, len(plain)))
        else:
            plain.append(char)
    return "".join(plain), out_spans


def _trim(text: str) -> str:
    return text if len(text) <= FRAGMENT_CHARS else text[:FRAGMENT_CHARS].rsplit(" ", 1)[0] + "…"


def _page(page_starts: list[int] | None, offset: int) -> int | None:
    if not page_starts:
        return None
    return bisect.bisect_right(page_starts, offset)
