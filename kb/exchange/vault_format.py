"""The Markdown of a vault: safe unique file names, YAML front matter, marked text regions,
block-quoted passages with Obsidian block ids (`^hl-ID`), inline fields (`- note:: ...`) and
`[[wikilinks]]`. Writing and reading live side by side so the two always agree."""

import re
import unicodedata
from datetime import date, datetime

import yaml

from kb.errors import InvalidInput

TEXT = ("<!-- evidence-desk:text -->", "<!-- /evidence-desk:text -->")
MEMO = ("<!-- evidence-desk:memo -->", "<!-- /evidence-desk:memo -->")
NAME_LIMIT = 100  # characters of a file name before ".md" and any " (2)"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*#^\[\]]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
             *(f"lpt{n}" for n in range(10))}
_BLOCK_ID = re.compile(r" \^((?:hl|q)-[0-9A-Za-z]+)$")
_FIELD = re.compile(r"^- ([A-Za-z][\w-]*):: ?(.*)$")
WIKILINK = re.compile(r"\[\[([^\[\]|#]*)(#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
STANCE_AFTER = re.compile(r"\s*\((supports|challenges|context)\)")


# -- names -----------------------------------------------------------------------------------

def safe_name(text: str, fallback: str = "Untitled") -> str:
    """A file name (without ".md") safe on Windows, macOS and Linux and inside a wikilink."""
    name = " ".join(_UNSAFE.sub(" ", unicodedata.normalize("NFC", text or "")).split())
    name = name.strip(" .")[:NAME_LIMIT].rstrip(" .")
    while len(name.encode("utf-8")) > 200:  # file systems count bytes (255 at most)
        name = name[:-1].rstrip(" .")
    if not name:
        name = fallback
    if name.split(".")[0].casefold() in _RESERVED:
        name = f"{name}_"
    return name


def name_key(name: str) -> str:
    """Names that one file system or Obsidian would confuse share a key."""
    return unicodedata.normalize("NFC", name).casefold()


class NameBook:
    """Unique file names across a whole vault (Obsidian resolves [[links]] by name alone)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def claim(self, wanted: str, fallback: str = "Untitled", clash_suffix: str = "") -> str:
        base = safe_name(wanted, fallback)
        candidates = [base] + ([f"{base} {clash_suffix}"] if clash_suffix else [])
        candidates += [f"{base} ({n})" for n in range(2, 100_000)]
        for candidate in candidates:
            if name_key(candidate) not in self._used:
                self._used.add(name_key(candidate))
                return candidate
        raise InvalidInput(f"Too many items are called '{wanted}'.")


def tag_slug(name: str) -> str:
    slug = re.sub(r"[^\w-]+", "-", name.lower(), flags=re.UNICODE).strip("-_")
    return slug or "untitled"


# -- front matter ----------------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases (no 'billion laughs' in front matter)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def front_matter(data: dict) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=2**30)
    return f"---\n{body}---\n"


def split_front_matter(text: str, where: str) -> tuple[dict | None, str]:
    """(front matter or None, the rest). Broken YAML is an error naming the file."""
    match = re.match(r"---[ \t]*\r?\n", text)
    if not match:
        return None, text
    end = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.MULTILINE).search(text, match.end())
    if end is None:
        return None, text
    raw = text[match.end():end.start()]
    try:
        data = yaml.load(raw, Loader=_Loader) if raw.strip() else {}  # noqa: S506 - safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 2})" if mark else ""
        raise InvalidInput(f"The front matter of {where} is not valid YAML{line}.") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"The front matter of {where} is not a list of 'name: value' fields.")
    return {str(key): _plain(value) for key, value in data.items()}, text[end.end():]


def _plain(value):
    """YAML dates back to the ISO text they were written as."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


# -- marked regions --------------------------------------------------------------------------

def region(text: str, markers: tuple[str, str] = TEXT) -> str:
    return f"{markers[0]}\n{text}\n{markers[1]}\n"


def find_region(text: str, markers: tuple[str, str] = TEXT) -> tuple[str, int, int] | None:
    """(inner text, start, end) of a marked region, exactly as written."""
    start = text.find(markers[0])
    if start < 0:
        return None
    inner = start + len(markers[0])
    crlf = text.startswith("\r\n", inner)
    inner += 2 if crlf else 1 if text.startswith("\n", inner) else 0
    close = text.find("\n" + markers[1], inner)
    if close < 0:  # an empty region written without its blank line
        close = text.find("\n" + markers[1], max(inner - 1, 0))
        if close < 0:
            return None
    found = text[inner:close] if close >= inner else ""
    if crlf and found.endswith("\r"):
        found = found[:-1]
    return found, start, close + 1 + len(markers[1])


# -- passages and fields ---------------------------------------------------------------------

def quote_block(text: str, block_id: str) -> str:
    lines = [f"> {line}" if line else ">" for line in text.split("\n")]
    lines[-1] += f" ^{block_id}"
    return "\n".join(lines) + "\n"


def parse_quote_block(lines: list[str]) -> tuple[str, str | None]:
    """(passage, block id or None) from consecutive '>' lines."""
    lines = list(lines)
    match = _BLOCK_ID.search(lines[-1])
    block_id = match.group(1) if match else None
    if match:
        lines[-1] = lines[-1][:match.start()]
    text = [line[2:] if line.startswith("> ") else line[1:] for line in lines]
    return "\n".join(text), block_id


def field_lines(fields: list[tuple[str, str]]) -> str:
    out = []
    for name, value in fields:
        if value is None or value == "" or value == []:
            continue
        first, *rest = str(value).split("\n")
        out.append(f"- {name}:: {first}" if first else f"- {name}::")
        out.extend(f"  {line}" for line in rest)
    return "\n".join(out) + ("\n" if out else "")


def parse_fields(lines: list[str], index: int) -> tuple[dict[str, str], int]:
    """Inline fields from lines[index:], and the index after them."""
    fields: dict[str, str] = {}
    current = None
    while index < len(lines):
        line = lines[index]
        match = _FIELD.match(line)
        if match:
            current = match.group(1).lower()
            fields[current] = match.group(2)
        elif current and line.startswith("  "):
            fields[current] += "\n" + line[2:]
        else:
            break
        index += 1
    return fields, index


def wikilink(stem: str, label: str | None = None, anchor: str | None = None) -> str:
    target = stem + (f"#^{anchor}" if anchor else "")
    label = " ".join((label or "").replace("[", "(").replace("]", ")").replace("|", "/").split())
    return f"[[{target}|{label}]]" if label and label != stem else f"[[{target}]]"


def parse_wikilinks(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(stem, block id, label, stance written after it) for each [[link]] in `text`."""
    found = []
    for match in WIKILINK.finditer(text):
        anchor = (match.group(2) or "").lstrip("#").lstrip("^") or None
        stance = STANCE_AFTER.match(text, match.end())
        found.append((match.group(1).strip(), anchor, match.group(3),
                      stance.group(1) if stance else None))
    return found
