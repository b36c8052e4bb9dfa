"""Plain-text files (.txt): notes, and interview transcripts with "Name: words" turns.

The text is kept as written; only enough Markdown is added for it to render the way it reads
(line-oriented header lines stay on their own lines, each transcript turn is a paragraph).
"""

import re
from collections import Counter

from kb.importing.decode import decode_text
from kb.importing.extracted import Extracted
from kb.importing.metadata import (
    byline_authors,
    is_junk_title,
    parse_date,
    person_names,
    split_authors,
)

_HEADER_LINES = 20  # metadata lines live at the top; further down "Date:" is just prose
_TITLE_MAX = 120

_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z ()]{0,30}?)\s*:\s*(.*)$")
_DATE_LABELS = {"date", "dated", "recorded", "published", "interview date", "date of interview",
                "date recorded", "meeting date"}
_AUTHOR_LABELS = {"author", "authors", "author(s)", "written by", "prepared by", "by"}
_PARTICIPANT_LABELS = {"participants", "participant", "interviewee", "interviewees", "interviewer",
                       "interviewers", "speakers", "present", "attendees"}
# Labels that introduce metadata, so "Date: ..." is never taken for someone speaking.
_NOT_SPEAKERS = (_DATE_LABELS | _AUTHOR_LABELS | {
    "title", "subject", "location", "place", "time", "duration", "note", "notes", "source", "re",
    "to", "from", "cc", "tags", "keywords", "url", "link", "ref", "reference", "project", "file",
    "summary", "topic", "venue", "format", "transcript", "transcribed by", "attendees", "present",
    "participants", "speakers", "action", "actions", "agenda", "minutes", "tel", "email", "phone",
    "http", "https", "warning", "nb", "ps", "update", "edit", "answer", "question",
})
_STAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?"
_TURN_RE = re.compile(
    rf"^\s*(?P<stamp>{_STAMP}\s+)?"
    r"(?P<speaker>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}|Speaker\s+\d+)"
    rf"(?P<stamp2>\s*{_STAMP})?\s*:\s+(?P<text>\S.*)$"
)
_SEPARATOR_RE = re.compile(r"^[\s\-=_*#~.•·+]+$")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
# Lines copied along with web text that are never content.
_NAVIGATION_LINES = {"top of page", "back to top", "return to top", "skip to content",
                     "skip to main content", "jump to navigation", "jump to search"}
_TRANSCRIPT_WORDS = re.compile(r"\b(transcript|transcription|interview)", re.I)


def _turn(line: str) -> re.Match[str] | None:
    m = _TURN_RE.match(line)
    if m and m["speaker"].casefold() not in _NOT_SPEAKERS:
        return m
    return None


def _label(line: str) -> tuple[str, str] | None:
    m = _LABEL_RE.match(line)
    return (m[1].strip().casefold(), m[2].strip()) if m else None


def _short_title(line: str) -> str:
    title = re.sub(r"^#+\s*", "", line).strip()
    if len(title) <= _TITLE_MAX:
        return title
    sentence = re.match(rf"^(.{{10,{_TITLE_MAX}}}?[.!?])\s", title)
    if sentence:
        return sentence[1]
    return title[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"


def _header_fields(header: list[str]) -> dict:
    """Title, date, authors and participants from the labelled lines at the top of the file."""
    found: dict = {"authors": [], "participants": []}
    for line in header:
        people = byline_authors(line)
        if people:
            found["authors"] += people
            continue
        labelled = _label(line)
        if not labelled:
            if "date" not in found and len(line) <= 40 and (date := parse_date(line)):
                found["date"] = date  # a lone date line under the title
            continue
        label, value = labelled
        if label == "title" and value:
            found.setdefault("title", value)
        elif label in _DATE_LABELS and (date := parse_date(value)):
            found.setdefault("date", date)
        elif label in _AUTHOR_LABELS:
            found["authors"] += split_authors(value)
        elif label in _PARTICIPANT_LABELS:
            found["participants"] += person_names(value)
    return found


def _infer_title(lines: list[str], transcript: bool) -> str | None:
    for line in lines[:_HEADER_LINES * 2]:
        text = line.strip()
        if not text or _SEPARATOR_RE.match(text) or is_junk_title(text):
            continue
        labelled = _label(text)
        if labelled and (labelled[0] in _NOT_SPEAKERS or labelled[0] in _PARTICIPANT_LABELS):
            continue  # "Date: ..." is metadata, not the title
        if byline_authors(text) or (transcript and _turn(text)):
            continue
        if len(text) <= 40 and parse_date(text):
            continue
        return _short_title(text)
    return None


def _plain_markdown(lines: list[str]) -> str:
    """Paragraphs as they are; short lines keep their line break (a Markdown hard break) so an
    address or a header block does not run together, and lists get the blank line before them
    that Markdown needs."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if not line.strip():
            out.append("")
            continue
        prev = lines[i - 1] if i else ""
        if _SEPARATOR_RE.match(line) and not prev.strip() and not _LIST_ITEM_RE.match(line):
            out.append("* * *")  # a rule; "=====" on its own means nothing to Markdown
            continue
        if _LIST_ITEM_RE.match(line) and prev.strip() and not _LIST_ITEM_RE.match(prev):
            out.append("")
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            nxt.strip()
            and len(line.strip()) < 50
            and not _LIST_ITEM_RE.match(nxt)
            and not _SEPARATOR_RE.match(nxt)  # keep "Title\n=====" a heading
        ):
            line += "  "
        out.append(line)
    return "\n".join(out)


def _transcript_markdown(lines: list[str]) -> str:
    """Each speaker turn becomes its own paragraph, led by the speaker's name in bold;
    lines that continue a turn are joined to it."""
    paragraphs: list[str] = []
    current: list[str] = []
    in_turn = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current) if in_turn else _plain_markdown(current))
            current.clear()

    for line in lines:
        m = _turn(line)
        if m:
            flush()
            in_turn = True
            stamp = (m["stamp"] or m["stamp2"] or "").strip()
            prefix = f"{stamp} " if stamp else ""
            current.append(f"{prefix}**{m['speaker'].strip()}:** {m['text'].strip()}")
        elif not line.strip():
            flush()
            in_turn = False
        elif in_turn:
            current.append(line.strip())
        else:
            current.append(line)
    flush()
    return "\n\n".join(paragraphs)


def _is_transcript(lines: list[str], header: list[str]) -> tuple[bool, list[str]]:
    speakers = Counter(m["speaker"].strip() for line in lines if (m := _turn(line)))
    turns = sum(speakers.values())
    by_turns = turns >= 4 and len(speakers) >= 2 and speakers.most_common(1)[0][1] >= 2
    by_header = any(_TRANSCRIPT_WORDS.search(line) for line in header[:5])
    return by_turns or by_header, list(speakers) if by_turns else []


def extract_text_file(data: bytes, name: str) -> Extracted:
    """Read a .txt file: decode it, then infer title, date, authors and note/transcript."""
    text = decode_text(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").rstrip("\x1a")
    lines = [
        line.rstrip()
        for line in text.split("\n")
        if line.strip().casefold().rstrip(".") not in _NAVIGATION_LINES
    ]
    header = [line.strip() for line in lines if line.strip()][:_HEADER_LINES]

    transcript, speakers = _is_transcript(lines, header)
    fields = _header_fields(header)
    title = fields.get("title") or _infer_title(lines, transcript)
    body = _transcript_markdown(lines) if transcript else _plain_markdown(lines)
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    body = re.sub(r"^(?:\* \* \*\n*)+", "", body)  # a rule above everything is noise

    extra = {}
    if fields["participants"]:
        extra["participants"] = fields["participants"]
    if speakers:
        extra["speakers"] = speakers
    return Extracted(
        body=body,
        file_type="txt",
        title=title,
        authors=list(dict.fromkeys(fields["authors"])),
        date=fields.get("date"),
        kind="transcript" if transcript else "note",
        extra=extra,
    )
