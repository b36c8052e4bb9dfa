"""Highlights that survive edits of their source's text.

A highlight keeps the passage it marks (`exact`), up to CONTEXT_CHARS of context either side and
its offset. When the text changes (a metadata fix, a corrected re-import, typo fixes, paragraphs
added or removed elsewhere) `resolve` finds the passage again, so evidence is never silently lost:

1. exact: the same text still sits at the old offset with its context (the fast, common path).
2. moved: the same text elsewhere. Occurrences are ranked by how much stored context still borders
   them (common suffix of the prefix, common prefix of the suffix), then by distance from the old
   offset; if the winner is at the old offset it is still reported "exact".
3. fuzzy: the passage changed slightly. First the same text up to whitespace and quote/dash style;
   otherwise candidates are (a) regions the surviving context brackets (prefix end to suffix
   start) or implies (either alone), and (b) windows around clusters of offsets implied by hits
   of the passage's longer words, aligned word by word with difflib and their edges trimmed or
   widened to maximise similarity. Similarity is a character ratio (difflib's 2·M/T) ignoring
   whitespace and quote/dash style, computed over word tokens (characters only inside changed
   words) so a 2,000-character passage stays cheap. The best candidate wins if it reaches
   `min_similarity`; near ties (one character's worth) go to the length closest to the passage.
4. orphaned: nothing close enough; start and end are None and the caller keeps the highlight.

Everything after step 2 works only in windows around seeds, never over the whole text at once.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

CONTEXT_CHARS = 40

_VARIANTS = (("'‘’‛ʼ′", "'"), ('"“”„″', '"'), ("-‐‑‒–—―−", "-"))
_FOLD = str.maketrans({c: canon for group, canon in _VARIANTS for c in group})
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SEEDS, _SEED_HITS, _CONTEXT_HITS, _WINDOWS = 8, 100, 20, 3


@dataclass(frozen=True)
class Anchor:
    """What is stored with a highlight so it can be found again after the text changes."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class Resolution:
    """Where an anchor landed in a new text, and how confidently."""

    start: int | None
    end: int | None
    status: str  # "exact", "moved", "fuzzy" or "orphaned"
    score: float


_ORPHANED = Resolution(None, None, "orphaned", 0.0)


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """Anchor the span text[start:end]; refuse spans that could never be found again."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"Highlight span {start}..{end} is not inside the text "
                         f"(0..{len(text)}) or is empty.")
    if not text[start:end].strip():
        raise ValueError("A highlight must contain more than whitespace.")
    return Anchor(text[start:end], text[max(0, start - CONTEXT_CHARS):start],
                  text[end:end + CONTEXT_CHARS], start, end)


def locate_passage(text: str, passage: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of `passage`, forgiving how a person typed or pasted it:
    any whitespace run matches any whitespace run, curly quotes and dashes match straight ones."""
    words = passage.translate(_FOLD).split()
    if not words:
        return []
    folded, spans = text.translate(_FOLD), []  # folding keeps every offset
    key = max(range(len(words)), key=lambda k: len(words[k]))  # rarest-looking word: fewest hits
    hit = folded.find(words[key])
    while hit >= 0:
        start, end = hit, hit + len(words[key])
        for word in reversed(words[:key]):
            gap = start
            while gap > 0 and folded[gap - 1].isspace():
                gap -= 1
            start = gap - len(word) if gap < start and folded.endswith(word, 0, gap) else -1
            if start < 0:
                break
        for word in words[key + 1:] if start >= 0 else ():
            gap = end
            while gap < len(folded) and folded[gap].isspace():
                gap += 1
            end = gap + len(word) if gap > end and folded.startswith(word, gap) else -1
            if end < 0:
                break
        if start >= 0 and end >= 0:
            spans.append((start, end))
        hit = folded.find(words[key], hit + 1)
    return sorted(spans)


def find_passage(text: str, passage: str) -> list[int]:
    """Start offsets of `passage` in `text`, with locate_passage's tolerance."""
    return [start for start, _ in locate_passage(text, passage)]


def resolve(anchor: Anchor, text: str, min_similarity: float = 0.75) -> Resolution:
    """Find the anchored passage in a (possibly edited) text; see the module docstring."""
    exact, prefix, suffix = (part if isinstance(part, str) else ""
                             for part in (anchor.exact, anchor.prefix, anchor.suffix))
    old = anchor.start if isinstance(anchor.start, int) else 0
    if not exact.strip() or not text:
        return _ORPHANED
    if (old >= 0 and text.startswith(exact, old) and text.endswith(prefix, 0, old)
            and text.startswith(suffix, old + len(exact))):
        return Resolution(old, old + len(exact), "exact", 1.0)
    spans = _find_all(text, exact)
    if spans:
        start, end = _pick(text, spans, prefix, suffix, old)
        return Resolution(start, end, "exact" if start == old else "moved", 1.0)
    spans = locate_passage(text, exact)
    if spans:
        start, end = _pick(text, spans, prefix, suffix, old)
        return Resolution(start, end, "fuzzy", _similarity(_words(text[start:end]), _words(exact)))
    best = _fuzzy(text, exact, prefix, suffix, old, min_similarity)
    if best is None:
        return _ORPHANED
    score, start, end = best
    return Resolution(start, end, "fuzzy", score)


def _find_all(text: str, needle: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Every (overlapping) occurrence; [] when there are more than `limit` (too common to help)."""
    spans, pos = [], text.find(needle)
    while pos >= 0:
        if limit is not None and len(spans) >= limit:
            return []
        spans.append((pos, pos + len(needle)))
        pos = text.find(needle, pos + 1)
    return spans


def _common_prefix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:  # binary search on slice equality: a few C-speed comparisons
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _pick(text: str, spans: list[tuple[int, int]], prefix: str, suffix: str,
          old: int) -> tuple[int, int]:
    """The occurrence whose surroundings best match the stored context, then the nearest."""
    def rank(span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        before = text[max(0, start - len(prefix)):start]
        agree = _common_prefix(prefix[::-1], before[::-1])
        agree += _common_prefix(suffix, text[end:end + len(suffix)])
        return agree, -abs(start - old)
    return max(spans, key=rank)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation marks (quotes and dashes folded) with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text.translate(_FOLD))]


def _words(text: str) -> list[str]:
    return [token for token, _, _ in _tokens(text)]


def _similarity(found: list[str], wanted: list[str]) -> float:
    """2·matched characters / all characters, ignoring whitespace; changed words are compared
    character by character so a typo costs a character, not a word."""
    total = sum(map(len, found)) + sum(map(len, wanted))
    matched = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, found, wanted, autojunk=False).get_opcodes():
        if tag == "equal":
            matched += sum(map(len, found[i1:i2]))
        elif tag == "replace":
            a, b = "".join(found[i1:i2]), "".join(wanted[j1:j2])
            if len(a) + len(b) <= 100:  # a few changed words, not a rewrite
                blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
                matched += sum(block.size for block in blocks)
    return 2 * matched / total if total else 0.0


def _fuzzy(text: str, exact: str, prefix: str, suffix: str, old: int,
           min_similarity: float) -> tuple[float, int, int] | None:
    """Best (similarity, start, end) among regions seeded by words and context, or None. Near
    ties (within one character) go to the region closest in length to the passage, so a
    changed final "!" stays in it."""
    wanted = _tokens(exact)
    if not wanted:
        return None
    offsets = {token: offset for token, offset, _ in reversed(wanted)  # first occurrence wins
               if len(token) >= 3 and token[0].isalnum()}
    seeds = sorted(offsets.items(), key=lambda item: -len(item[0]))[:_SEEDS]
    votes = [(hit - offset, key) for key, (token, offset) in enumerate(seeds)
             for hit, _ in _find_all(text, token, _SEED_HITS)]
    tail, head = prefix[-20:], suffix[:20]
    after_prefix = [end for _, end in _find_all(text, tail, _CONTEXT_HITS)] if tail.strip() else []
    before_suffix = [start for start, _ in _find_all(text, head, _CONTEXT_HITS)] if head.strip() else []
    votes += [(pos, "prefix") for pos in after_prefix]
    votes += [(pos - len(exact), "suffix") for pos in before_suffix]
    candidates, words = set(), [token for token, _, _ in wanted]
    for low in _nearest(after_prefix, old, 3):  # surviving context brackets or implies a region
        ends = [high for high in before_suffix if low <= high <= low + 2 * len(exact) + 40]
        # A short stored suffix ("s ") can recur inside the passage: the three ends nearest
        # the passage's length are tried, not only the first.
        for high in _nearest(ends, low + len(exact), 3) if ends else [low + len(exact)]:
            candidates.add(_strip(text, low, high))
    for high in _nearest(before_suffix, old + len(exact), 3):
        candidates |= {_strip(text, max(0, high - len(exact)), high)}
    slack = len(exact) // 4 + 40
    groups = _groups(votes, len(exact) // 2 + 20, old)[:_WINDOWS]
    for backing, group in groups:
        if 2 * backing < groups[0][0] or 4 * backing < len(seeds):  # chance word hits
            break
        low, high = max(0, group[0] - slack), min(len(text), group[-1] + len(exact) + slack)
        candidates.update(_window_spans(text, low, high, words, min_similarity / 2))
    scored = [(_similarity(_words(text[s:e]), words), s, e) for s, e in candidates if s < e]
    good = [item for item in scored if item[0] >= min_similarity]
    if not good:
        return None
    top = max(score for score, _, _ in good) - 1 / sum(map(len, words))  # one character's worth
    return min((item for item in good if item[0] >= top),
               key=lambda item: (abs(item[2] - item[1] - len(exact)), -item[0], abs(item[1] - old)))


def _nearest(offsets: list[int], old: int, k: int) -> list[int]:
    return sorted(offsets, key=lambda pos: abs(pos - old))[:k]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace ((start, start) if nothing is left)."""
    span = text[start:end]
    stripped = span.strip()
    start += span.index(stripped) if stripped else 0
    return start, start + len(stripped)


def _groups(votes: list[tuple[int, object]], width: int,
            old: int) -> list[tuple[int, list[int]]]:
    """Cluster implied start offsets; clusters backed by more distinct seeds come first."""
    clusters: list[list[tuple[int, object]]] = []
    for vote in sorted(votes, key=lambda v: v[0]):
        if clusters and vote[0] - clusters[-1][0][0] <= width:
            clusters[-1].append(vote)
        else:
            clusters.append([vote])
    clusters.sort(key=lambda c: (-len({key for _, key in c}), abs(c[len(c) // 2][0] - old)))
    return [(len({key for _, key in c}), [pos for pos, _ in c]) for c in clusters]


def _window_spans(text: str, low: int, high: int, wanted: list[str],
                  floor: float) -> set[tuple[int, int]]:
    """Align the window's words with the passage; return the region whose edges give the best
    cheap similarity estimate, and the region implied by the first and last aligned words;
    none whose estimate (matched whole words only) is below `floor`, to skip costly scoring."""
    tokens = _tokens(text[low:high])
    found = [token for token, _, _ in tokens]
    blocks = [b for b in SequenceMatcher(None, found, wanted, autojunk=False).get_matching_blocks()
              if b.size]
    if not blocks:
        return set()
    matched = [False] * len(found)
    for block in blocks:
        matched[block.a:block.a + block.size] = [True] * block.size
    sizes = [0, *accumulate(map(len, found))]
    hits = [0, *accumulate(len(t) if hit else 0 for t, hit in zip(found, matched, strict=True))]
    total = sum(map(len, wanted))
    starts = {b.a for b in blocks[:6]} | {max(0, b.a - b.b) for b in blocks[:6]}
    ends = {b.a + b.size for b in blocks[-6:]}
    ends |= {min(len(found), b.a + len(wanted) - b.b) for b in blocks[-6:]}
    def estimate(pair: tuple[int, int]) -> float:
        i, j = pair
        return 2 * (hits[j] - hits[i]) / (sizes[j] - sizes[i] + total) if i < j else 0.0
    best = max(((i, j) for i in starts for j in ends), key=estimate)
    first, last = blocks[0], blocks[-1]
    implied = (max(0, first.a - first.b), min(len(found), last.a + len(wanted) - last.b))
    return {(low + tokens[i][1], low + tokens[j - 1][2])
            for i, j in (best, implied) if estimate((i, j)) >= floor}
