"""Short author-date citations for evidence in reports: "O'Brien and Lee (2021), p. 4".

(Drafts use full CSL styles; a theme report needs only to say where each passage comes from.)
"""


def surname(name: str) -> str:
    name = name.strip()
    if "," in name:
        return name.split(",", 1)[0].strip()
    parts = name.split()
    return parts[-1] if parts else name


def author_date(authors: list[str], publisher: str | None, date: str | None,
                page: int | None = None) -> str:
    if not authors:
        who = publisher or "Anon."
    elif len(authors) == 1:
        who = surname(authors[0])
    elif len(authors) == 2:
        who = f"{surname(authors[0])} and {surname(authors[1])}"
    else:
        who = f"{surname(authors[0])} et al."
    year = date[:4] if date else "n.d."
    located = f", p. {page}" if page else ""
    return f"{who} ({year}){located}"


def reference(authors: list[str], title: str, publisher: str | None, date: str | None,
              url: str | None = None) -> str:
    who = "; ".join(authors) if authors else (publisher or "Anon.")
    year = date[:4] if date else "n.d."
    parts = [f"{who} ({year}) {title}."]
    if publisher and authors:
        parts.append(f"{publisher}.")
    if url:
        parts.append(f"Available at: {url}.")
    return " ".join(parts)
