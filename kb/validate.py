"""Checks for values people type (dates, urls, lists); each failure is one clear sentence."""

import re
from datetime import date as Date

from kb.errors import InvalidInput

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value) -> str:
    if value is None:
        return ""
    return _CONTROL.sub("", str(value)).strip()


def clean_date(value, name: str = "date") -> str | None:
    """ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or free text such as '3 March 2021'."""
    text = clean_text(value)
    if not text:
        return None
    match = _ISO.match(text)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            Date(year, month or 1, day or 1)
        except ValueError:
            raise InvalidInput(f"'{text}' is not a real {name}.") from None
        return text
    from kb.importing.metadata import parse_date

    parsed = parse_date(text)
    if parsed is None:
        raise InvalidInput(
            f"'{text}' is not a {name} I understand; use YYYY, YYYY-MM or YYYY-MM-DD."
        )
    return parsed


def clean_list(value, name: str) -> list[str]:
    """A list from a list or from text separated by semicolons (authors) or commas (tags)."""
    if value is None:
        return []
    if isinstance(value, str):
        separator = ";" if name == "authors" else ","
        if name == "authors" and ";" not in value and value.count(",") > 1:
            separator = ","
        items = value.split(separator)
    else:
        items = list(value)
    cleaned: list[str] = []
    for item in items:
        text = clean_text(item)
        if name == "tags":
            text = text.lstrip("#").strip()
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


def clean_url(value) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    if not re.match(r"^(https?|ftp|file|doi):", text, re.IGNORECASE) and not text.startswith("10."):
        raise InvalidInput(f"'{text}' is not a web address (it should start with http:// or https://).")
    return text


def clean_kind(value, kinds: tuple[str, ...]) -> str:
    text = clean_text(value).lower().replace(" ", "_").replace("-", "_")
    aliases = {"webpage": "web_page", "web": "web_page", "page": "web_page"}
    text = aliases.get(text, text)
    if text not in kinds:
        raise InvalidInput(f"'{value}' is not a kind of item; choose one of {', '.join(kinds)}.")
    return text
