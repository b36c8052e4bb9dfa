"""Bytes to text for files that carry no reliable declaration of their encoding.

Order of trust: a byte-order mark, then strict UTF-8, then Windows-1252. Consultancy material
is overwhelmingly Western European, and on short texts charset-normalizer happily "detects"
Cyrillic or Turkish code pages for a cp1252 file with one "£" in it; so its guess is only
taken when the cp1252 reading does not look like Western text.
"""

import codecs
import unicodedata

import charset_normalizer

from kb.errors import ExtractionError

_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 64 * 1024  # enough bytes to judge a file by; detection on megabytes is slow
# Control bytes that plain text legitimately contains: tab, LF, VT, FF, CR, and Ctrl-Z (an
# old DOS end-of-file mark).
_TEXT_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A}
# Punctuation cp1252 adds over ASCII that ordinary English text uses.
_WESTERN_PUNCTUATION = set("£€–—‘’“”…•·©®°§¶«»×÷±¼½¾¢¥™†‡‰")


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Name the UTF-16 byte order if the NULs fall on one side, as in mostly-ASCII UTF-16."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


_CONTROL_BYTES = bytes([b for b in range(0x20) if b not in _TEXT_CONTROLS] + [0x7F])


def looks_binary(data: bytes) -> bool:
    """True if the bytes are not text: NUL bytes, or many control characters."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted in C
    return controls / len(sample) > 0.02


def _mostly_printable(text: str) -> bool:
    """True if nearly every character is a visible one or ordinary whitespace."""
    if not text:
        return True
    bad = sum(
        1 for ch in text if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    return bad / len(text) < 0.02


def _looks_western(text: str) -> bool:
    """True if a cp1252 reading is plausible Western text: mostly ASCII letters, and the rest
    accented Latin letters or everyday typographic punctuation."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isascii() for ch in letters) / len(letters) < 0.7:
        return False  # e.g. Cyrillic bytes read as cp1252 give runs of "Ïðèâåò"
    odd = 0
    for ch in text:
        if ch.isascii() or ch in _WESTERN_PUNCTUATION:
            continue
        if ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            continue
        if ch == "\xa0":  # no-break space
            continue
        odd += 1
    non_ascii = sum(not ch.isascii() for ch in text)
    return non_ascii == 0 or odd / non_ascii < 0.1


def _strict(data: bytes, encoding: str, name: str, start: int = 0) -> str:
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as err:
        raise ExtractionError(
            f"{name} could not be read as {encoding.upper()} text (invalid bytes at position "
            f"{err.start + start})."
        ) from err


def decode_text(data: bytes, name: str) -> str:
    """Decode the bytes of a text file; raise ExtractionError naming `name` if they are not text.

    Line endings are left alone; a leading BOM is removed.
    """
    bom = _bom_encoding(data)
    if bom:
        return _strict(data, bom[0], name, start=bom[1])
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16:
            try:
                text = data.decode(utf16)
            except UnicodeDecodeError:
                text = None
            if text is not None and _mostly_printable(text[:_SAMPLE]):
                return text
        raise ExtractionError(f"{name} looks like a binary file, not text.")
    if looks_binary(sample):
        raise ExtractionError(f"{name} looks like a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None  # bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    if western is not None and _looks_western(western[:_SAMPLE]):
        return western
    best = charset_normalizer.from_bytes(sample).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass  # the guess held for the sample only; fall through
    if western is not None:
        return western
    raise ExtractionError(f"{name} could not be decoded as text (the character encoding is unknown).")
