"""Author display names <-> structured names for citations.

The library stores authors as people type them ("Dr Priya Raman", "Raman, Priya", "Centre for
Place Policy"). Citation styles need the family name apart ("Raman, P. (2021)"), without
honorifics, and must not invert an organisation ("Policy, C. for P."). Particles stay with the
family name ("de la Cruz", "van der Berg") so every style prints them as written.
"""

import re
import unicodedata

# Forms of address dropped for citation; compared lower-case without a trailing full stop.
HONORIFICS = {
    "dr", "doctor", "prof", "professor", "cllr", "councillor", "sir", "dame", "lord", "lady",
    "baroness", "baron", "viscount", "viscountess", "earl", "countess", "duke", "duchess",
    "marquess", "mr", "mrs", "ms", "miss", "mx", "rev", "revd", "reverend", "rt", "right",
    "hon", "honourable", "rabbi", "imam", "fr", "father", "sr", "sister",
}
# A peer's title names a place ("Baroness Hale of Richmond"): cite the name before "of".
PEERAGE = {"lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl", "countess",
           "duke", "duchess", "marquess"}
# Letters after a name, dropped for citation; only when written in capitals (or as here), so
# the surname "Ma" is not mistaken for a degree.
POSTNOMINALS = {
    "MP", "MSP", "MS", "MLA", "AM", "MEP", "OBE", "CBE", "MBE", "KBE", "DBE", "CB", "KCB", "GCB",
    "KC", "QC", "FRS", "FBA", "FRSA", "FREng", "FMedSci", "PhD", "DPhil", "MSc", "MA", "BA",
    "BSc", "MBA", "JP", "DL", "CMG", "KCMG", "LVO", "CVO", "PC",
}
SUFFIXES = {"jr", "jnr", "sr", "snr", "ii", "iii", "iv"}  # compared without a full stop
PARTICLES = {
    "de", "del", "della", "der", "den", "des", "di", "da", "das", "do", "dos", "du", "la", "le",
    "van", "von", "ter", "ten", "zu", "af", "bin", "binti", "ibn", "al", "el", "st", "st.", "mac",
}
# Words that make a name an organisation ("Centre for Place Policy", "Leeds City Council").
ORGANISATION_WORDS = {
    "council", "institute", "institution", "department", "dept", "ltd", "limited", "plc", "llp",
    "llc", "inc", "centre", "center", "office", "agency", "authority", "university", "college",
    "school", "trust", "ministry", "commission", "foundation", "association", "society",
    "committee", "board", "group", "government", "service", "services", "partnership",
    "network", "unit", "bureau", "parliament", "library", "company", "corporation", "forum",
    "alliance", "coalition", "federation", "union", "organisation", "organization", "nhs",
    "fund", "consortium", "executive", "assembly", "tribunal", "programme", "observatory",
    "treasury", "commons", "lords", "international", "party", "charity", "associates",
    "partners", "consulting", "consultants", "research", "press", "news", "media", "county",
    "borough", "city", "panel", "taskforce", "secretariat", "directorate", "inspectorate",
}
_CONNECTORS = {"for", "the", "and", "&", "on", "und", "et"}
MAX_PERSON_WORDS = 4


def _words(text: str) -> list[str]:
    return text.split()


def _bare(word: str) -> str:
    return word.rstrip(".,").lower()


def _strip_honorifics(tokens: list[str]) -> tuple[list[str], bool, bool]:
    """Drop leading forms of address; returns (tokens, any dropped, a peerage dropped)."""
    dropped = peer = False
    while len(tokens) > 1 and (
        _bare(tokens[0]) in HONORIFICS
        or (_bare(tokens[0]) == "the" and _bare(tokens[1]) in HONORIFICS)
    ):
        peer = peer or _bare(tokens[0]) in PEERAGE
        dropped = True
        tokens = tokens[1:]
    return tokens, dropped, peer


def _strip_trailing(tokens: list[str]) -> tuple[list[str], str | None]:
    """Drop post-nominal letters; keep a generational suffix (Jr, III) for the citation."""
    suffix = None
    while len(tokens) > 1:
        last = tokens[-1].rstrip(",")
        if last.rstrip(".") in POSTNOMINALS:
            tokens = tokens[:-1]
        elif last.lower().rstrip(".") in SUFFIXES:
            suffix = last
            tokens = tokens[:-1]
        else:
            break
    tokens[-1] = tokens[-1].rstrip(",")
    return tokens, suffix


def is_organisation(name: str) -> bool:
    """True for names of bodies rather than people; they are cited whole, never inverted."""
    text = " ".join(name.split())
    if any(ch.isdigit() for ch in text) or "(" in text or "&" in text:
        return True
    words = [_bare(word) for word in re.split(r"[\s,]+", text) if word]
    if any(word in ORGANISATION_WORDS for word in words):
        return True
    if "," not in text and any(word in _CONNECTORS for word in words[1:-1]):
        return True
    tokens, _, _ = _strip_honorifics(_words(text))
    tokens, _ = _strip_trailing(tokens) if tokens else (tokens, None)
    # Particles are part of a surname, not extra words ("Mary Ann de la Cruz" is a person).
    return len([t for t in tokens if t not in PARTICLES]) > MAX_PERSON_WORDS


def parse_name(display: str) -> dict:
    """A display name -> a CSL name: {"family", "given"[, "suffix"]} or {"literal"}."""
    text = " ".join(str(display or "").split())
    if not text or is_organisation(text):
        return {"literal": text}
    if "," in text:
        inverted = _parse_inverted(text)
        if inverted:
            return inverted
    tokens, honoured, peer = _strip_honorifics(_words(text))
    tokens, suffix = _strip_trailing(tokens)
    if peer and "of" in [token.lower() for token in tokens[1:]]:
        tokens = tokens[: [token.lower() for token in tokens].index("of", 1)]
    if len(tokens) == 1:
        # A lone word is a person only if a title said so ("Lord Smith"); else "Plato", "ONS".
        return _with_suffix({"family": tokens[0]}, suffix) if honoured else {"literal": text}
    start = next((i for i in range(1, len(tokens) - 1) if tokens[i].lower() in PARTICLES),
                 len(tokens) - 1)
    family, given = " ".join(tokens[start:]), " ".join(tokens[:start])
    if len(tokens[-1].rstrip(".")) == 1:
        return {"literal": text}  # "Interviewee A": a label, not a family name
    return _with_suffix({"family": family, "given": given}, suffix)


def _parse_inverted(text: str) -> dict | None:
    """'Raman, Priya', 'Smith, John, Jr', 'de la Cruz, Ana'; None if not that form."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    suffix = None
    while len(parts) > 1 and (parts[-1].rstrip(".") in POSTNOMINALS
                              or parts[-1].lower().rstrip(".") in SUFFIXES):
        if parts[-1].rstrip(".") not in POSTNOMINALS:
            suffix = parts[-1]
        parts = parts[:-1]
    if len(parts) < 2:
        return None
    family_tokens, _, _ = _strip_honorifics(_words(parts[0]))
    given_tokens, _, _ = _strip_honorifics(_words(parts[1]))
    if len(parts) > 2 and suffix is None:
        suffix = parts[2]
    return _with_suffix({"family": " ".join(family_tokens), "given": " ".join(given_tokens)},
                        suffix)


def _with_suffix(name: dict, suffix: str | None) -> dict:
    if suffix:
        name["suffix"] = suffix
    return name


def display_name(name: dict) -> str:
    """A CSL name (as any tool writes it) -> the display form the library stores."""
    if not isinstance(name, dict):
        return " ".join(str(name or "").split())
    literal = str(name.get("literal") or "").strip()
    if literal:
        return literal
    parts = [name.get("given"), name.get("dropping-particle"), name.get("non-dropping-particle"),
             name.get("family"), name.get("suffix")]
    return " ".join(str(part).strip() for part in parts if part and str(part).strip())


def family_key(display: str) -> str:
    """The family name (or whole organisation) folded for comparing people across sources."""
    name = parse_name(display)
    text = name.get("family") or name.get("literal") or ""
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def short_name(display: str) -> str:
    """How a person is named in running text: the family name, or an organisation in full."""
    name = parse_name(display)
    return name.get("family") or name.get("literal") or display


def initials_name(display: str) -> str:
    """'Sarah Jane Jones' -> 'S. J. Jones' (APA personal communications)."""
    name = parse_name(display)
    if "literal" in name:
        return name["literal"]
    initials = " ".join(f"{part[0]}." for part in name.get("given", "").split() if part)
    return f"{initials} {name['family']}".strip()
