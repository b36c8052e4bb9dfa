"""Hypothesis strategies for sources as reference managers would hold them."""

import datetime

from hypothesis import strategies as st

from kb.references.fields import title_key, url_key

GIVEN = ["Priya", "Tom", "Ana", "Jürgen", "Siobhán", "Mary Ann", "Jan", "Zoë", "Kwame"]
FAMILY = ["Raman", "O'Brien", "de la Cruz", "van der Berg", "Müller", "Smith-Jones", "Nguyen",
          "Ó Súilleabháin", "D'Souza"]
ORGANISATIONS = ["Centre for Place Policy", "Leeds City Council", "Office for National Statistics",
                 "OECD", "Joseph Rowntree Foundation", "HM Treasury"]
# Forms people type that citations normalise ("Dr ...", "Family, Given").
TYPED_FORMS = ["Dr Priya Raman", "Raman, Priya", "Cllr Sarah Jones", "Prof. Tom O'Brien"]

TITLE_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list(" ':;,.?!&()-–—“”‘’%$#/+=*") + list("éèüöçñßøåłžæœ") + ["中", "文", "Ω", "€", "£"]
)


def _text(min_size=1, max_size=60):
    return st.text(TITLE_ALPHABET, min_size=min_size, max_size=max_size).map(
        lambda text: " ".join(text.split())).filter(bool)


@st.composite
def person(draw, typed_forms: bool = True) -> str:
    choices = [st.builds(lambda g, f: f"{g} {f}", st.sampled_from(GIVEN), st.sampled_from(FAMILY)),
               st.sampled_from(ORGANISATIONS)]
    if typed_forms:
        choices.append(st.sampled_from(TYPED_FORMS))
    return draw(st.one_of(choices))


@st.composite
def iso_date(draw) -> str:
    day = draw(st.dates(min_value=datetime.date(1900, 1, 1),
                        max_value=datetime.date(2100, 12, 31)))
    return day.isoformat()[: draw(st.sampled_from([4, 7, 10]))]


@st.composite
def source_dicts(draw, typed_forms: bool = True, unmapped_extra: bool = True,
                 tag_alphabet: str = "") -> dict:
    """A dict of source fields (as `Source.to_dict()` gives) with realistic variety."""
    extra: dict = {}
    if draw(st.booleans()):
        prefix = draw(st.integers(1000, 99999))
        suffix = draw(st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789.-_()/", min_size=1,
                              max_size=20))
        extra["doi"] = f"10.{prefix}/{suffix}"
    if draw(st.booleans()):
        extra["container_title"] = draw(_text(max_size=30))
        extra["volume"] = str(draw(st.integers(1, 300)))
        extra["issue"] = str(draw(st.integers(1, 12)))
        first = draw(st.integers(1, 900))
        extra["pages"] = f"{first}-{first + draw(st.integers(1, 50))}"
    if unmapped_extra and draw(st.booleans()):
        extra["description"] = draw(_text())
    tag_text = st.text("abcdefghijklmnopqrstuvwxyz -" + tag_alphabet, min_size=1,
                       max_size=15).map(lambda t: " ".join(t.split())).filter(bool)
    url_path = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_/.~", max_size=30)
    return {
        "id": draw(st.text("0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=26, max_size=26)),
        "kind": draw(st.sampled_from(["article", "report", "web_page", "note", "transcript"])),
        "title": draw(_text()),
        "authors": draw(st.lists(person(typed_forms), max_size=4, unique=True)),
        "publisher": draw(st.none() | st.sampled_from(ORGANISATIONS) | _text(max_size=30)),
        "date": draw(st.none() | iso_date()),
        "url": draw(st.none() | url_path.map(lambda p: f"https://example.org/{p}")),
        "accessed": draw(st.none() | iso_date().map(lambda d: d if len(d) == 10 else None)),
        "language": draw(st.none() | st.sampled_from(["en", "en-GB", "cy", "fr"])),
        "tags": draw(st.lists(tag_text, max_size=3, unique=True)),
        "extra": extra,
    }


def distinct_sources(**options):
    """Lists of sources that are not duplicates of each other (DOI, url, title)."""
    return st.lists(
        source_dicts(**options), min_size=1, max_size=3,
        unique_by=(lambda s: title_key(s["title"]),
                   lambda s: url_key(s["url"]) or s["id"],
                   lambda s: (s["extra"].get("doi") or s["id"]).lower()),
    )
