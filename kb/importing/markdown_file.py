"""Markdown files (.md, .markdown), with optional YAML front matter for their metadata.

Front matter is the block between a first line "---" and the next "---" (or "...") line, as
written by Obsidian, Jekyll, Hugo, Zotero exports and pandoc.
"""

import datetime as dt
import re
from pathlib import PurePath

import yaml

from kb.errors import ExtractionError
from kb.importing.decode import decode_text
from kb.importing.extracted import SOURCE_KINDS, Extracted
from kb.importing.metadata import clean_title, is_junk_title, parse_date, split_authors

_FRONT_MATTER_MAX = 64 * 1024  # a longer "front matter" is a document that starts with a rule
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_H1_RE = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$")
_SETEXT_H1_RE = re.compile(r"^\s{0,3}=+\s*$")
# Front-matter keys read into Extracted fields; any other key is kept in `extra`.
_KNOWN_KEYS = {"title", "author", "authors", "date", "publisher", "url", "accessed", "language",
               "lang", "kind", "tags", "keywords"}


def split_front_matter(text: str, name: str) -> tuple[dict, str]:
    """Return (front matter fields, body). A file without front matter gives ({}, text)."""
    if not re.match(r"---[ \t]*\n", text):
        return {}, text
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4 : _FRONT_MATTER_MAX], re.M)
    if not end:
        return {}, text  # an opening rule with no closing one: ordinary Markdown
    block = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].lstrip("\n")
    try:
        # The C loader when PyYAML has it: the pure-Python one costs ~1 ms a file.
        fields = yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +2: the "---" line
        problem = " ".join(str(getattr(err, "problem", None) or "it is not valid YAML").split())
        raise ExtractionError(
            f"{name} has malformed YAML front matter{where} ({problem})."
        ) from err
    if fields is None:
        return {}, body
    if isinstance(fields, str) and ":" not in block:
        return {}, text  # two horizontal rules around plain prose, not front matter
    if not isinstance(fields, dict):
        raise ExtractionError(
            f"{name} has malformed YAML front matter (it must be a list of 'key: value' lines)."
        )
    return {str(k).strip().lower(): v for k, v in fields.items()}, body


def _text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _people(value: object) -> list[str]:
    """Authors as a string, a list of strings, or a list of {name: ...} / {family, given}."""
    if isinstance(value, dict):
        name = value.get("name") or " ".join(
            str(value[k]) for k in ("given", "family") if value.get(k)
        )
        return split_authors(str(name)) if name else []
    if isinstance(value, (list, tuple)):  # one level only: nested lists are not people
        return [p for item in value if isinstance(item, (str, dict)) for p in _people(item)]
    return split_authors(value) if isinstance(value, str) else []


def _tags(value: object) -> list[str]:
    if isinstance(value, str):
        items = re.split(r"[,;]", value)
    elif isinstance(value, (list, tuple)):
        items = [str(v) for v in value if isinstance(v, (str, int, float))]
    else:
        return []
    return list(dict.fromkeys(t.strip().lstrip("#") for t in items if t.strip().lstrip("#")))


def _jsonable(value: object, name: str, budget: list[int]) -> object:
    """Front-matter values for `extra`, made storable as JSON (YAML gives dates and sets).

    YAML aliases can make a few lines expand to billions of nodes ("billion laughs"), so the
    walk has a budget.
    """
    budget[0] -= 1
    if budget[0] < 0:
        raise ExtractionError(f"{name} has front matter too large or too deeply nested to read.")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v, name, budget) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v, name, budget) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def first_heading(body: str) -> str | None:
    """The first level-1 heading ("# Title" or "Title\\n=====") outside code blocks."""
    in_code = False
    previous = ""
    for line in body.splitlines():
        if _FENCE_RE.match(line):
            in_code = not in_code
        elif not in_code:
            if m := _ATX_H1_RE.match(line):
                return m[1].strip()
            if _SETEXT_H1_RE.match(line) and previous.strip():
                return previous.strip()
        previous = line
    return None


def extract_markdown_file(data: bytes, name: str) -> Extracted:
    """Read a Markdown file: front matter becomes metadata, the rest is the body."""
    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    fields, body = split_front_matter(text, name)

    title = clean_title(_text(fields.get("title")))
    if not title or is_junk_title(title):
        title = clean_title(first_heading(body)) or PurePath(name).stem.replace("_", " ")
    kind = _text(fields.get("kind"))
    language = _text(fields.get("language") or fields.get("lang"))
    return Extracted(
        body=body.strip("\n"),
        file_type="md",
        title=title,
        authors=_people(fields.get("authors", fields.get("author"))),
        date=parse_date(fields.get("date")),
        publisher=_text(fields.get("publisher")),
        url=_text(fields.get("url")),
        accessed=parse_date(fields.get("accessed")),
        language=language.lower() if language else None,
        kind=kind.lower() if kind and kind.lower() in SOURCE_KINDS else None,
        tags=_tags(fields.get("tags", fields.get("keywords"))),
        extra=_jsonable({k: v for k, v in fields.items() if k not in _KNOWN_KEYS}, name, [10_000]),
    )
