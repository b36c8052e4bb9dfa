"""Reading the Markdown files of a vault into plain data (see `kb.exchange.vault` for the layout).

Only the given folder is read: hidden folders (.obsidian, .trash) and symbolic links are skipped,
and every file found must resolve to a place inside the folder. Broken front matter is an error
naming the file; anything else odd is counted in the report.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import InvalidInput
from kb.exchange.common import Report
from kb.exchange.vault_format import (
    MEMO,
    TEXT,
    find_region,
    parse_fields,
    parse_quote_block,
    parse_wikilinks,
    split_front_matter,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FILES = 100_000
KINDS = ("source", "theme", "collection", "quotes")
_SECTION = re.compile(r"^## (Themes|Highlights|Quotes|Memo|Links)\s*$", re.MULTILINE)
_LINK = re.compile(r"^- (?:from \^((?:hl|q)-[0-9A-Za-z]+): )?(.+?) → (.+)$")


@dataclass
class Passage:
    kind: str  # "hl" (a highlight) or "q" (a quote)
    block: str | None
    text: str
    fields: dict[str, str]


@dataclass
class VaultFile:
    rel: str
    stem: str
    kind: str
    matter: dict
    body: str = ""
    memo: str = ""
    passages: list[Passage] = field(default_factory=list)
    whole: list[tuple] = field(default_factory=list)  # wikilinks of whole-source themes
    links: list[tuple[str | None, str, str]] = field(default_factory=list)  # (block, relation, target)

    @property
    def title(self) -> str:
        value = self.matter.get("title")
        return str(value).strip() if value not in (None, "") else self.stem


def scan(folder: Path, report: Report) -> list[tuple[Path, str]]:
    """Markdown files inside `folder` as (path, path relative to it), in a stable order."""
    root = folder.resolve()
    found: list[tuple[Path, str]] = []
    other = 0
    for directory, subfolders, names in os.walk(root, followlinks=False):
        here = Path(directory)
        kept = []
        for name in sorted(subfolders):
            if (here / name).is_symlink():
                report.skipped.append(f"the linked folder {(here / name).relative_to(root)}")
            elif not name.startswith("."):
                kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if name.startswith("."):
                continue
            if path.is_symlink():
                report.skipped.append(f"the linked file {rel}")
            elif not name.lower().endswith(".md"):
                other += 1
            elif path.resolve().is_relative_to(root):
                found.append((path, rel))
            if len(found) > MAX_FILES:
                raise InvalidInput(f"{folder} holds more than {MAX_FILES} Markdown files.")
    if other:
        report.unsupported("files that are not Markdown (.md) are not imported", other)
    return found


def read_file(path: Path, rel: str, report: Report) -> VaultFile | None:
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InvalidInput(f"Cannot read {rel}: {error.strerror or error}.") from error
    if len(data) > MAX_FILE_BYTES:
        report.skipped.append(f"{rel}, which is larger than 50 MB")
        return None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        report.skipped.append(f"{rel}, which is not UTF-8 text")
        return None
    matter, rest = split_front_matter(text, rel)
    ours = matter is not None and "type" in matter
    kind = str((matter or {}).get("type", "source")).strip().lower()
    if kind not in KINDS:
        report.unsupported(f"type '{kind}' of {rel} is not understood; it was read as a source")
        kind = "source"
    item = VaultFile(rel, path.stem, kind, matter or {})
    tail = rest
    if kind == "source":
        found = find_region(rest, TEXT)
        if found:
            item.body, tail = found[0], rest[found[2]:]
        elif ours:  # our file, its text markers edited away: the text ends at our first section
            cut = _SECTION.search(rest)
            item.body, tail = (rest[:cut.start()], rest[cut.start():]) if cut else (rest, "")
            item.body = re.sub(r"\A# [^\n]*\n\n?", "", item.body)
        else:
            item.body, tail = rest, ""
    memo = find_region(tail, MEMO)
    if memo:
        item.memo, tail = memo[0], tail[:memo[1]] + tail[memo[2]:]
    if "\r\n" in tail and tail.count("\r\n") == tail.count("\n"):  # written with CRLF
        tail = tail.replace("\r\n", "\n")
    _sections(tail, item)
    return item


def _sections(tail: str, item: VaultFile) -> None:
    lines = tail.split("\n")
    section, index = "", 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("## "):
            section = line[3:].strip().lower()
        elif section in ("highlights", "quotes") and line.startswith(">"):
            end = index
            while end < len(lines) and lines[end].startswith(">"):
                end += 1
            text, block = parse_quote_block(lines[index:end])
            after = end
            while after < len(lines) and not lines[after].strip():
                after += 1
            fields, after_fields = parse_fields(lines, after)
            kind = "q" if section == "quotes" else "hl"
            item.passages.append(Passage(kind, block, text, fields))
            index = after_fields if fields else end
            continue
        elif section == "themes" and line.startswith("- "):
            item.whole.extend(parse_wikilinks(line))
        elif section == "links" and line.startswith("- "):
            match = _LINK.match(line)
            if match:
                item.links.append((match.group(1), match.group(2).strip(), match.group(3).strip()))
        index += 1
