"""Titles people can read in a list: ALL-CAPS headings (common in transcripts and notes) in
title case, short acronyms kept."""

import re

_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of",
                "on", "or", "the", "to", "with", "vs"}
_COMMON_SHORT = {"UP", "ON", "TO", "OF", "IN", "AT", "BY", "AND", "THE", "FOR", "NEW", "OLD", "OUR",
                 "ALL", "OUT", "BIG", "ONE", "TWO", "WAY", "DAY", "HOW", "WHY", "NOT", "ARE", "WAS",
                 "HAS", "CAN", "MAY", "NOW", "HER", "HIS", "ITS", "YOU", "WHO", "SET", "GO", "DR",
                 "MR", "MS", "MRS", "AN", "AS", "OR", "IS", "IT", "BE", "DO", "NO", "SO", "WE", "US"}
_KNOWN_ACRONYMS = {"LSIP", "LSIPS", "UKSPF", "NHS", "LGA", "MHCLG", "DLUHC", "HMRC", "ONS", "OBR",
                   "IFS", "NAO", "GVA", "SME", "SMES", "CEO", "MP", "MPS", "FE", "HE", "UK", "EU"}


def readable_title(title: str) -> str:
    """An ALL-CAPS heading (common in transcripts and notes) in title case for lists; short
    acronyms (FE, UK, NHS, LSIP) stay as they are. Each part around a dash is judged alone:
    "INTERVIEW TRANSCRIPT – Dr Raman" has an all-caps part and a normal one."""
    parts = re.split(r"(\s[–—-]\s)", title)
    if len(parts) > 1:
        return "".join(part if index % 2 else _readable_part(part, 4) for index, part in enumerate(parts))
    return _readable_part(title, 6)


def _readable_part(title: str, minimum: int) -> str:
    letters = [ch for ch in title if ch.isalpha()]
    if len(letters) < minimum or not all(ch.isupper() for ch in letters):
        return title
    words = []
    for index, word in enumerate(title.split(" ")):
        bare = word.strip("–-—:,.()'\"")
        if bare in _KNOWN_ACRONYMS or (bare.isalpha() and len(bare) <= 3 and bare not in _COMMON_SHORT):
            words.append(word)
        elif index and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)
