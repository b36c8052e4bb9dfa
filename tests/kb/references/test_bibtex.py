"""BibTeX as Zotero, Mendeley and people write it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.errors import InvalidInput
from kb.references.bibtex import export_bibtex, parse_bibtex, read_bibtex
from kb.references.latex import from_latex, to_latex
from kb.sources import Source

# Zotero 6 "Export Library..." > BibTeX, trimmed.
ZOTERO_BIB = r"""
@techreport{raman_housing_2021,
	address = {Leeds},
	type = {Working paper},
	title = {Housing need in the {North}: a review of {UK} evidence},
	url = {https://example.org/housing_need.pdf},
	language = {en-GB},
	urldate = {2023-01-10},
	institution = {Centre for Place Policy},
	author = {Raman, Priya and O'Brien, Tom and {Centre for Place Policy}},
	month = mar,
	year = {2021},
	keywords = {housing, planning},
	note = {Commissioned by the combined authority},
}

@article{muller_cafe_2019,
	title = {Caf{\'e} economics and the ``high street''},
	volume = {53},
	issn = {0034-3404},
	doi = {10.1080/00343404.2019.1234567},
	number = {2},
	journal = {Regional Studies},
	author = {M{\"u}ller, J{\"u}rgen and de la Cruz, Ana and {\O}stergaard, S{\o}ren},
	year = {2019},
	pages = {100--120},
	abstract = {We find that 50\% of high streets \& town centres changed.},
}

@misc{department_for_transport_bus_2022,
	title = {Bus funding explained},
	url = {https://www.gov.uk/bus-funding},
	urldate = {2023-01-10},
	journal = {GOV.UK},
	author = {{Department for Transport}},
	month = may,
	year = {2022},
}
"""

# Mendeley Desktop and hand-made entries: quoted values, month names and numbers, biblatex
# @online and @report with `date`, a url in howpublished, "and others", semicolon keywords.
MENDELEY_BIB = r"""
% This file was created with Mendeley
@online{Council2022,
author = "Leeds City Council",
title = "Parking charges review",
date = "2022-11-03",
urldate = "2023-01-10",
url = "https://www.leeds.gov.uk/parking",
keywords = "parking; transport"
}
@report{Ng2020,
author = {Ng, Kwame and Smith, Jane and others},
title = {{Green skills in the Humber}},
institution = {Humber Observatory},
year = {2020}, month = {November},
}
@misc{Jones2018,
author = {Sarah Jones},
title = {Minutes of the town board},
howpublished = {\url{https://example.org/minutes_2018.pdf}},
year = 2018, month = 6
}
@book{Poll1999,
title = {Na{\"\i}ve planning},
author = {Poll, Ana},
publisher = {Policy Press},
year = {1999}
}
"""


def test_zotero_export_is_read():
    report, article, page = parse_bibtex(ZOTERO_BIB)
    assert report["kind"] == "report"
    assert report["title"] == "Housing need in the North: a review of UK evidence"
    assert report["authors"] == ["Priya Raman", "Tom O'Brien", "Centre for Place Policy"]
    assert report["date"] == "2021-03"
    assert report["publisher"] == "Centre for Place Policy"
    assert report["url"] == "https://example.org/housing_need.pdf"
    assert report["accessed"] == "2023-01-10"
    assert report["language"] == "en-GB"
    assert report["tags"] == ["housing", "planning"]
    assert report["extra"]["publisher_place"] == "Leeds"
    assert report["extra"]["genre"] == "Working paper"
    assert report["body"] == "Commissioned by the combined authority"

    assert article["kind"] == "article"
    assert article["title"] == "Café economics and the “high street”"
    assert article["authors"] == ["Jürgen Müller", "Ana de la Cruz", "Søren Østergaard"]
    assert article["extra"]["doi"] == "10.1080/00343404.2019.1234567"
    assert article["extra"]["container_title"] == "Regional Studies"
    assert article["extra"]["pages"] == "100-120"
    assert (article["extra"]["volume"], article["extra"]["issue"]) == ("53", "2")
    assert article["body"] == "We find that 50% of high streets & town centres changed."

    assert page["kind"] == "web_page"  # @misc with a url and an access date
    assert page["authors"] == ["Department for Transport"]
    assert page["date"] == "2022-05"


def test_mendeley_and_hand_made_entries_are_read():
    council, skills, minutes, book = parse_bibtex(MENDELEY_BIB)
    assert council["kind"] == "web_page"
    assert council["authors"] == ["Leeds City Council"]
    assert (council["date"], council["accessed"]) == ("2022-11-03", "2023-01-10")
    assert council["tags"] == ["parking", "transport"]
    assert skills["kind"] == "report"
    assert skills["title"] == "Green skills in the Humber"
    assert skills["authors"] == ["Kwame Ng", "Jane Smith"]
    assert skills["date"] == "2020-11"
    assert skills["publisher"] == "Humber Observatory"
    assert minutes["kind"] == "note"
    assert minutes["url"] == "https://example.org/minutes_2018.pdf"
    assert minutes["date"] == "2018-06"
    assert book["kind"] == "report"
    assert book["title"] == "Naïve planning"


def test_export_writes_zotero_style_entries():
    source = Source(
        id="a", kind="report", title="Housing & the UK: 50% -- more?",
        authors=["Dr Priya Raman", "Centre for Place Policy", "Ana de la Cruz"],
        publisher="CPP", date="2021-03-04", url="https://example.org/a_b?x=1&y=%20",
        accessed="2023-01-10", tags=["housing", "planning"],
        extra={"doi": "10.1000/ABC", "pages": "5-9"},
    )
    text = export_bibtex([source])
    assert text.startswith("@techreport{raman_2021_housing,")
    assert r"title = {Housing \& the {UK}: 50\% -{}- more?}" in text
    assert "author = {Raman, Priya and {Centre for Place Policy} and de la Cruz, Ana}" in text
    assert "month = mar," in text
    assert "date = {2021-03-04}" in text
    assert "institution = {CPP}" in text
    assert "pages = {5--9}" in text
    assert "url = {https://example.org/a_b?x=1&y=%20}" in text
    assert "urldate = {2023-01-10}" in text
    assert "keywords = {housing, planning}" in text
    (back,) = parse_bibtex(text)
    assert back["title"] == source.title
    assert back["authors"] == ["Priya Raman", "Centre for Place Policy", "Ana de la Cruz"]
    assert back["url"] == source.url


def test_citation_keys_are_unique():
    same = [Source(id=str(n), kind="note", title="Notes on parking", authors=["Sarah Jones"],
                   date="2020") for n in range(3)]
    keys = [line for line in export_bibtex(same).splitlines() if line.startswith("@")]
    assert keys == ["@unpublished{jones_2020_notes,", "@unpublished{jones_2020_notesa,",
                    "@unpublished{jones_2020_notesb,"]


@pytest.mark.parametrize(("text", "message"), [
    ("Just some notes about housing.", "not BibTeX"),
    ("", "not BibTeX"),
    ("@comment{only a comment}", "not BibTeX"),
    ("@article{broken, title = {Unclosed", r"'broken' \(line 1\) is malformed"),
    ("@article{nokey title = {x}}", "is malformed"),
    ("@misc{untitled, year = {2020}}", "has no title"),
])
def test_bad_bibtex_is_one_clear_sentence(text, message):
    with pytest.raises(InvalidInput, match=message):
        parse_bibtex(text)


def test_read_bibtex_keeps_good_entries_next_to_broken_ones():
    entries = read_bibtex("@misc{a, title = {Fine}}\n@misc{b, title = {Broken\n")
    assert entries[0].fields["title"] == "Fine"
    assert entries[1].fields is None and "malformed" in entries[1].error


def test_duplicate_keys_are_still_references():
    fields = parse_bibtex("@misc{a, title = {One}}\n@misc{a, title = {Two}}\n")
    assert [f["title"] for f in fields] == ["One", "Two"]


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).map(
    lambda text: " ".join(text.split())))
def test_latex_escaping_round_trips(text):
    assert from_latex(to_latex(text, protect_capitals=True)) == text
