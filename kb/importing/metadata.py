"""Shared helpers that turn the loose metadata found in files into clean values.

Files say the same thing many ways ("12 March 2023", "D:20230312...", "2023-03-12T10:00Z";
"Smith, Jane; Tom O'Brien"; "Report - GOV.UK"). Every extractor funnels its findings through
these functions so the library gets one shape. None of them raises on odd input: a value that
cannot be understood becomes None / [] and the caller moves on.
"""

import datetime as dt
import re
import unicodedata

# Spelled out rather than taken from `calendar`, whose names follow the process locale (Qt
# sets it from the desktop, which would turn them German or French).
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)}  # "mar" -> 3
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

# Plausible years for documents in an evidence library; "0000" or "9999" is a placeholder.
_MIN_YEAR, _MAX_YEAR = 1000, 2199

# "2023-03-12", "2023/3/12", "2023-03" and anything after (a time, a zone)
_ISO_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d/.])")
# "20230312", PDF's "D:20230312101500+01'00'", "D:2023"
_COMPACT_RE = re.compile(r"^(?:D:\s*(\d{4})(\d{2})?(\d{2})?|(\d{4})(\d{2})(\d{2}))(?!\d{1,5}\b)", re.I)
# Month patterns use re.ASCII: under Unicode IGNORECASE "ſep" (long s) would match "sep".
_DAY_MONTH_YEAR_RE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s\-.]+{_MONTH_RE}[\s,\-.]+(\d{{4}})\b", re.I | re.A
)
_MONTH_DAY_YEAR_RE = re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I | re.A)
_MONTH_YEAR_RE = re.compile(rf"\b{_MONTH_RE},?\s+(\d{{4}})\b", re.I | re.A)
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_YEAR_ONLY_RE = re.compile(r"^(?:c\.\s*|circa\s+)?(\d{4})$", re.I)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Format a (partial) date, or None if it does not exist (31 April, month 13, year 0)."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: object) -> str | None:
    """Read a date written in any common way; return ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.

    Numeric day/month order is ambiguous: British order (12/03/2023 = 12 March) is assumed
    unless the numbers only make sense the American way (03/25/2023).
    """
    if isinstance(text, dt.datetime):
        return _iso(text.year, text.month, text.day)
    if isinstance(text, dt.date):
        return _iso(text.year, text.month, text.day)
    if isinstance(text, int) and not isinstance(text, bool):
        return _iso(text)
    if not isinstance(text, str):
        return None
    s = " ".join(text.split())
    if not s or len(s) > 100:  # a paragraph is not a date; refuse rather than guess
        return None

    if m := _ISO_RE.match(s):
        year, month, day = (int(g) if g else None for g in m.groups())
        return _iso(year, month, day)
    if m := _COMPACT_RE.match(s):
        groups = m.groups()[:3] if m[1] else m.groups()[3:]
        year, month, day = (int(g) if g else None for g in groups)
        return _iso(year, month, day)
    if m := _DAY_MONTH_YEAR_RE.search(s):
        return _iso(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))
    if m := _MONTH_DAY_YEAR_RE.search(s):
        return _iso(int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))
    if m := _MONTH_YEAR_RE.search(s):
        return _iso(int(m[2]), _MONTHS[m[1][:3].lower()])
    if m := _NUMERIC_RE.search(s):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            # Two-digit years: the nearest century that does not put the date far in the future.
            this_year = dt.date.today().year
            year += 2000 if 2000 + year <= this_year + 1 else 1900
        day, month = (first, second) if second <= 12 else (second, first)
        return _iso(year, month, day)
    if m := _YEAR_ONLY_RE.match(s):
        return _iso(int(m[1]))
    return None


# --- people -----------------------------------------------------------------------------------

# Words that mark an organisation rather than a list of people; such names are never split
# on "and" or commas ("Department for Environment, Food and Rural Affairs").
_ORGANISATION_WORDS = re.compile(
    r"\b(department|ministry|office|council|university|college|institute|agency|committee|"
    r"association|foundation|trust|group|authority|commission|centre|center|society|board|"
    r"government|ltd|limited|inc|plc|llp|corporation|company|partnership|network|team|"
    r"for|of|the|on)\b",
    re.I,
)
_JUNK_AUTHORS = {
    "", "admin", "administrator", "author", "owner", "user", "unknown", "anonymous", "test",
    "python-docx", "microsoft office user", "windows user", "microsoft", "default", "none",
    "n/a", "na", "staff", "editor", "webmaster",
}
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.?\s*-?){1,4}$")
_AND_RE = re.compile(r"\s+(?:and|&)\s+", re.I)


def _clean_person(name: str) -> str:
    name = re.sub(r"^\s*(?:by|written by|authors?)\s*[:\-]?\s+", "", name, flags=re.I)
    name = re.sub(r"\s*\bet\s+al\.?$", "", name, flags=re.I)
    name = re.sub(r"\s*<[^>]*@[^>]*>", "", name)  # "Jane Smith <jane@example.org>"
    name = " ".join(name.split()).strip(" ,;-|·•")
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name[:-1]  # a sentence's full stop, but keep the one after an initial ("K. L.")
    return name


def is_junk_author(name: str) -> bool:
    """True for placeholder authors that tools write by default ("Microsoft Office User")."""
    n = name.strip().lower()
    return (
        n in _JUNK_AUTHORS
        or "@" in n
        or bool(re.search(r"\d{2}", n))  # a date or a phone number, not a name
        or n.startswith(("http://", "https://", "www."))
        or not any(ch.isalpha() for ch in n)
    )


def _split_commas(part: str) -> list[str]:
    """Split one "and"-free chunk on commas, keeping "Smith, Jane" and "Smith, J." whole."""
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    if len(pieces) == 2 and len(pieces[0].split()) == 1 and len(pieces[1].split()) == 1:
        return [f"{pieces[0]}, {pieces[1]}"]  # "Smith, Jane": one person written family-first
    if len(pieces) >= 2 and len(pieces) % 2 == 0 and all(
        _INITIALS_RE.match(p) for p in pieces[1::2]
    ):
        # "Smith, J., Jones, K. L." alternates family names and initials
        return [f"{pieces[i]}, {pieces[i + 1]}" for i in range(0, len(pieces), 2)]
    return pieces


# Job titles that follow a name in by-lines and author fields: "Jane Smith, Policy Editor",
# "Tom Lee - Senior Fellow at the Centre for Cities". A segment is a role when it ends in one
# of the nouns ("Local Government Correspondent"), opens with one of the modifiers ("Senior
# Policy Analyst") or with "<noun> of/at/for" ("Head of Research", "Professor of Economics").
# Nouns that are also common surnames (Dean, Mayor, Judge, Fellows...) are left out.
_ROLE_NOUNS = {
    "editor", "editors", "correspondent", "correspondents", "director", "directors", "reporter",
    "reporters", "fellow", "researcher", "researchers", "analyst", "analysts", "officer",
    "professor", "lecturer", "writer", "writers", "journalist", "columnist", "economist",
    "manager", "adviser", "advisor", "consultant", "contributor", "contributors", "coordinator",
    "specialist", "scientist", "strategist", "associate", "assistant", "intern", "producer",
    "presenter", "president", "founder", "cofounder", "chair", "chairman", "chairwoman",
    "executive", "secretary", "student", "candidate", "commentator", "blogger", "staff",
    "lead", "principal", "head", "chief", "ceo", "cto", "cfo", "coo", "leader", "councillor",
    "minister", "trustee", "governor", "spokesperson", "spokesman", "spokeswoman",
}
# Also roles, but only with what they lead: "Mayor of London", "Dean of Arts", "Member for X".
_LINKED_ROLE_NOUNS = _ROLE_NOUNS | {"mayor", "dean", "member", "chancellor", "vice"}
# Not "policy" or "research": "Policy Exchange" and "Research Professional" are names.
_ROLE_OPENERS = {
    "senior", "junior", "chief", "deputy", "associate", "assistant", "principal", "lead",
    "contributing", "managing", "executive", "visiting", "former", "guest", "investigative",
    "freelance", "acting", "interim", "honorary", "emeritus",
}
_LAST_ONLY_EXCLUDED = {"head"}  # "Tom Head" is a name, "Head of Research" a role
# Letters after a name: "Jane Smith OBE", "Tom Lee, PhD".
_POST_NOMINALS_RE = re.compile(
    r"(?<=\S)\s*,?\s+(?:PhD|DPhil|MD|MP|OBE|MBE|CBE|FRS|FBA|KC|QC|MSc|BSc|MBA)\b\.?(?=\s|,|$)"
)
_ROLE_LINK_WORDS = {"of", "at", "for", "to", "in"}
_SEGMENT_SPLIT_RE = re.compile(r"\s*,\s*|\s+[-–—·•]\s+")
_AFFILIATION_RE = re.compile(
    r"\b(department|ministry|office|council|university|college|institute|agency|committee|"
    r"association|foundation|trust|authority|commission|centre|center|society|board|"
    r"government|ltd|limited|inc|plc|llp|corporation|company|school|forum|alliance|"
    r"observatory|laboratory|network|partnership)\b",
    re.I,
)
_ORGANISATION_JOINERS = {"of", "for", "the", "and", "&", "on", "in", "at"}
_AT_ORGANISATION_RE = re.compile(r"\s+at\s+(?:the\s+)?[A-Z].*$")


def _is_role(segment: str) -> bool:
    """True for a job title ("Policy Editor", "Head of Research", "at the BBC"), not a name."""
    words = re.findall(r"[a-z]+", segment.casefold().replace("co-founder", "cofounder"))
    if not words or len(words) > 12:
        return False
    if words[0] == "at" and len(words) > 1:
        return True  # "at the Centre for Cities"
    last = words[-1]
    if last in _ROLE_NOUNS and (last not in _LAST_ONLY_EXCLUDED or len(words) == 1):
        return True
    if words[0] in _ROLE_OPENERS and len(words) >= 2:
        return True
    # "Head of Research", "Professor of Economics", "Editor-in-Chief", "Director for Skills"
    pairs = zip(words, words[1:], strict=False)
    return any(w in _LINKED_ROLE_NOUNS and nxt in _ROLE_LINK_WORDS for w, nxt in pairs)


def _looks_like_person(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 5
        and all(_NAME_WORD_RE.match(w) for w in words)
        and not _ORGANISATION_WORDS.search(text)
    )


def _drop_roles(chunk: str) -> str:
    """Remove job titles and affiliations written after a name: "Jane Smith, Policy Editor"
    → "Jane Smith"; "Jane Smith, University of Leeds" → "Jane Smith". A first segment is never
    dropped ("Smith, Jane" stays whole); a chunk that is nothing but a role becomes ""."""
    chunk = _POST_NOMINALS_RE.sub("", chunk)
    unbracketed = re.sub(r"\s*\([^()]*\)", "", chunk).strip()
    if unbracketed != chunk and _looks_like_person(_SEGMENT_SPLIT_RE.split(unbracketed)[0]):
        chunk = unbracketed  # "Tom O'Brien (Centre for Place Policy)", "Ann Lee (Chair)"
    segments = [s for s in _SEGMENT_SPLIT_RE.split(chunk) if s.strip()]
    if len(segments) <= 1:
        if _is_role(chunk):
            return ""
        return _cut_at_organisation(chunk)
    person_first = _looks_like_person(_cut_at_organisation(segments[0]))
    kept = [_cut_at_organisation(segments[0])]
    after_role = False
    for segment in segments[1:]:
        bare = re.sub(r"^(?:and|&)\s+", "", segment, flags=re.I)
        if bare != segment:
            after_role = False  # "..., Policy Editor, and Tom Lee": the next person
        if _is_role(bare) or (person_first and (after_role or _is_organisation(bare))):
            # "Jane Smith, Skills Reporter, FE Bulletin": what follows a role is where they work
            after_role = after_role or _is_role(bare)
            continue
        kept.append(_cut_at_organisation(segment))
    if len(kept) == len(segments) and kept == segments:
        return chunk  # nothing dropped: keep the original separators
    return ", ".join(kept)


def _is_organisation(text: str) -> bool:
    """ "University of Leeds", "Eastmoor Borough Council": capitalised words naming a body
    (so "Eastmoor Council will act", a clause, is not one)."""
    words = text.replace(",", " ").split()
    return (
        1 <= len(words) <= 10
        and words[0][:1].isupper()
        and all(_NAME_WORD_RE.match(w) or w.casefold() in _ORGANISATION_JOINERS for w in words)
        and bool(_AFFILIATION_RE.search(text))
    )


def _cut_at_organisation(text: str) -> str:
    """ "Jane Smith at the Centre for Cities" → "Jane Smith" (only after a person's name)."""
    m = _AT_ORGANISATION_RE.search(text)
    if m and len(text[: m.start()].split()) >= 2 and _looks_like_person(text[: m.start()]):
        return text[: m.start()]
    return text


def split_authors(text: object) -> list[str]:
    """Split an author field into people: "Jane Smith; Tom O'Brien", "A, B and C", "Smith, Jane".

    Job titles and affiliations after a name are dropped ("Jane Smith, Policy Editor")."""
    if isinstance(text, (list, tuple)):
        out: list[str] = []
        for item in text:
            out.extend(split_authors(item))
        return _dedupe(out)
    if not isinstance(text, str):
        return []
    text = text.strip()
    if not text or len(text) > 1000:
        return []
    names: list[str] = []
    for chunk in re.split(r"\s*(?:;|\n|\|)\s*", text):
        chunk = _clean_person(_drop_roles(_clean_person(chunk)))
        if not chunk:
            continue
        if _ORGANISATION_WORDS.search(chunk):
            names.append(chunk)  # an organisation: only ";" separates these
            continue
        for part in _AND_RE.split(chunk):
            names.extend(_split_commas(part))
    return _dedupe([n for n in (_clean_person(n) for n in names) if not is_junk_author(n)])


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


_BYLINE_RE = re.compile(r"^\s*(?:written\s+|words\s+)?by\s*:?\s+(.+)$", re.I | re.S)
# A byline often runs on into a date, a role or the site: "By Jane Smith | BBC News".
_BYLINE_END_RE = re.compile(
    r"\s+(?:[|•·—–]|-\s|on\s+\w+day\b|on\s+\d|published\b|updated\b|posted\b)|,\s*\d|\s+\d{1,2}\s+\w+\s+\d{4}",
    re.I,
)
_NAME_WORD_RE = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.\-]*|van|von|der|de|da|del|di|du|la|le|bin|al)$")


def person_names(text: object) -> list[str]:
    """The people in `text` if it is nothing but a list of names ("Jane Smith and Tom Lee"),
    else []: each name is one to five capitalised words (allowing "van", "de"...)."""
    if not isinstance(text, str) or len(text) > 300:
        return []
    people = []
    for name in split_authors(text):
        words = name.replace(",", " ").split()
        if not 1 <= len(words) <= 5 or not all(_NAME_WORD_RE.match(w) for w in words):
            return []
        people.append(name)
    return people


def byline_authors(text: object) -> list[str]:
    """People named in a by-line: "By Jane Smith and Tom O'Brien" → ["Jane Smith", "Tom O'Brien"].

    Returns [] unless the text really is a by-line made of name-like words, so it can be tried
    on any short line without inventing authors from ordinary sentences ("By the way, ...").
    """
    if not isinstance(text, str) or len(text) > 300:
        return []
    m = _BYLINE_RE.match(" ".join(text.split()))
    if not m:
        return []
    rest = m[1]
    end = _BYLINE_END_RE.search(rest)
    if end:
        rest = rest[: end.start()]
    people = person_names(rest) or _organisation_byline(rest)
    if any(p.casefold().rstrip(",") in _CALENDAR_WORDS for p in people):
        return []
    return people


_BYLINE_ORGANISATION_RE = re.compile(
    rf"{_AFFILIATION_RE.pattern}|\b(team|desk|unit|newsroom|group|services|secretariat)\b", re.I
)


def _organisation_byline(text: str) -> list[str]:
    """ "the Communications Team, Eastmoor Borough Council" as one corporate author, when every
    word is capitalised (so "By the time the council met..." is never taken for one)."""
    name = re.sub(r"^the\s+", "", _clean_person(text), flags=re.I)
    words = name.replace(",", " ").split()
    if not 2 <= len(words) <= 10 or not words[0][:1].isupper() or words[0].casefold() == "order":
        return []
    if not all(_NAME_WORD_RE.match(w) or w.casefold() in _ORGANISATION_JOINERS for w in words):
        return []
    return [name] if _BYLINE_ORGANISATION_RE.search(name) and not is_junk_author(name) else []


# "By March", "By Christmas, the council...": a time, not a person.
_CALENDAR_WORDS = set(_MONTH_NAMES) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas",
    "easter", "spring", "summer", "autumn", "winter", "today", "tomorrow", "yesterday", "then",
    "now", "midnight", "noon", "lunchtime", "dawn", "law", "contrast", "comparison", "default",
}


# --- titles -----------------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_JUNK_TITLES = {
    "", "untitled", "untitled document", "no title", "title", "document", "home", "home page",
    "homepage", "index", "top of page", "back to top", "skip to content", "skip to main content",
    "main page", "welcome", "print", "page", "new document", "powerpoint presentation",
    "slide 1", "microsoft word", "contents", "table of contents", "abstract", "draft",
}
_FILE_NAME_TITLE = re.compile(r"\.(docx?|pdf|rtf|odt|txt|pptx?|xlsx?|indd|tex|dvi|ps|html?)$", re.I)
_TOOL_PREFIX = re.compile(r"^(?:microsoft\s+(?:word|powerpoint|excel)\s*-\s*)", re.I)


def _squash(text: str) -> str:
    """Compare site names loosely: "Creative Commons" == "creativecommons.org"'s label."""
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKD", text).casefold())


def clean_title(text: object, site: str | list[str] | None = None) -> str | None:
    """Tidy a title: collapse spaces, drop a " - Site" / " | Site" suffix (or "Site | " prefix).

    `site` is the site's name(s) or host labels; a segment matching one of them is dropped.
    Without a match only a " | X" tail of at most four words is dropped, because a hyphen
    often belongs to the title itself ("Brexit - the consequences").
    """
    if not isinstance(text, str):
        return None
    title = " ".join(text.replace("\x00", " ").split()).strip()
    title = _TOOL_PREFIX.sub("", title)
    if not title:
        return None
    sites = [site] if isinstance(site, str) else list(site or [])
    wanted = {_squash(s) for s in sites if s and _squash(s)}
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and wanted:
        kept = [p for p in parts if _squash(p) not in wanted]
        if kept and len(kept) < len(parts):
            # Rejoin what is left with the original separators by cutting at the ends only.
            if _squash(parts[-1]) in wanted:
                title = title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»")
            if _squash(parts[0]) in wanted and len(parts) > 1:
                title = title[len(parts[0]) :].lstrip(" |-–—:·•»")
            return title or None
    pipe = title.rsplit(" | ", 1)
    if len(pipe) == 2 and len(pipe[1].split()) <= 4 and pipe[0].strip():
        title = pipe[0].strip()
    return title or None


def is_junk_title(text: object) -> bool:
    """True for titles that say nothing: "untitled", "Microsoft Word - a.docx", "Top of page"."""
    if not isinstance(text, str):
        return True
    title = " ".join(text.replace("\x00", " ").split()).strip(" .:-|")
    bare = _TOOL_PREFIX.sub("", title)
    return (
        bare.casefold() in _JUNK_TITLES
        or sum(ch.isalpha() for ch in bare) < 2
        or bool(_FILE_NAME_TITLE.search(bare))
        or bool(re.fullmatch(r"(?:document|doc|slide|page|untitled)\s*\d*", bare, re.I))
        or title != bare  # "Microsoft Word - ..." is the tool's label, not the author's title
    )
