"""The shared metadata helpers: dates, people and titles as files write them."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.importing.metadata import (
    byline_authors,
    clean_title,
    is_junk_title,
    parse_date,
    person_names,
    split_authors,
)

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 March 2023", "2023-03-12"),
        ("Date: 12th of March, 2023", "2023-03-12"),
        ("Monday 12 March 2023", "2023-03-12"),
        ("March 12, 2023", "2023-03-12"),
        ("Tue, 14 Mar 2023 10:00:00 GMT", "2023-03-14"),
        ("Published 5 Sept 2019", "2019-09-05"),
        ("1 september 2023", "2023-09-01"),
        ("5 Sept. 2019", "2019-09-05"),
        ("Mar 2023", "2023-03"),
        ("2023", "2023"),
        ("2023-03-12T10:00:00Z", "2023-03-12"),
        ("2023-3-5", "2023-03-05"),
        ("2023/03", "2023-03"),
        ("20230312", "2023-03-12"),
        ("D:20220403193102+02'00'", "2022-04-03"),
        ("D:2022", "2022"),
        ("12/03/2023", "2023-03-12"),  # British order by default
        ("03/25/2023", "2023-03-25"),  # ...unless only the American order makes sense
        ("12.03.23", "2023-03-12"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_parse_date_reads_common_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31 April 2023", "2023-02-29", "2023-13-01", "30/02/2023", "0000", "9999-01-01", "hello",
     "Summer 2021", "202303121", "", "   ", "x" * 500, "1 ſep 2023", "İan 2023"],
)
def test_parse_date_rejects_impossible_or_unreadable_dates(text):
    assert parse_date(text) is None


def test_parse_date_accepts_date_objects_and_years():
    assert parse_date(dt.date(2023, 3, 12)) == "2023-03-12"
    assert parse_date(dt.datetime(2023, 3, 12, 23, 59)) == "2023-03-12"
    assert parse_date(2021) == "2021"
    assert parse_date(None) is None
    assert parse_date(True) is None


@settings(deadline=None)
@given(st.one_of(st.text(max_size=120), st.integers(), st.none(), st.floats(), st.dates()))
def test_parse_date_never_raises_and_returns_a_real_iso_date(value):
    result = parse_date(value)
    if result is not None:
        assert ISO.match(result)
        year, month, day = ([int(p) for p in result.split("-")] + [1, 1])[:3]
        dt.date(year, month, day)  # raises if the date does not exist


@settings(deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_parse_date_round_trips_written_dates(day):
    for text in (day.isoformat(), day.strftime("%d %B %Y"), day.strftime("%B %d, %Y"),
                 day.strftime("%A %d %b %Y"), day.strftime("D:%Y%m%d120000Z")):
        assert parse_date(text) == day.isoformat(), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Smith; Tom O'Brien", ["Jane Smith", "Tom O'Brien"]),
        ("Jane Smith and Tom O'Brien", ["Jane Smith", "Tom O'Brien"]),
        ("Jane Smith & Bob Lee", ["Jane Smith", "Bob Lee"]),
        ("Jane Smith, Tom Jones and Ann Lee", ["Jane Smith", "Tom Jones", "Ann Lee"]),
        ("Smith, Jane", ["Smith, Jane"]),  # one person, family name first
        ("Smith, Jane and Jones, Tom", ["Smith, Jane", "Jones, Tom"]),
        ("Smith, J., Jones, K. L.", ["Smith, J.", "Jones, K. L."]),
        ("Department for Environment, Food and Rural Affairs",
         ["Department for Environment, Food and Rural Affairs"]),
        ("By Jane Smith", ["Jane Smith"]),
        ("Jane Smith et al.", ["Jane Smith"]),
        ("Jane Smith; jane smith", ["Jane Smith"]),
        ("Microsoft Office User", []),
        ("python-docx", []),
        ("https://facebook.com/someone", []),
        ("", []),
    ],
)
def test_split_authors(text, expected):
    assert split_authors(text) == expected


def test_split_authors_takes_lists():
    assert split_authors(["Jane Smith", "Tom Lee; Ann Lee", 3]) == ["Jane Smith", "Tom Lee", "Ann Lee"]


@settings(deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(st.text(max_size=40), max_size=5), st.none()))
def test_split_authors_never_raises_and_returns_clean_names(value):
    names = split_authors(value)
    assert isinstance(names, list)
    for name in names:
        assert isinstance(name, str)
        assert name == name.strip() and name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Smith and Tom O'Brien", ["Jane Smith", "Tom O'Brien"]),
        ("by Jane Smith | BBC News", ["Jane Smith"]),
        ("By Jane Smith, 12 March 2023", ["Jane Smith"]),
        ("Written by: Ann Lee - Political editor", ["Ann Lee"]),
        ("By Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("by the way, I think this is wrong", []),
        ("By clicking accept you agree", []),
        ("Jane Smith", []),  # not a by-line
    ],
)
def test_byline_authors(text, expected):
    assert byline_authors(text) == expected


@settings(deadline=None)
@given(st.text(max_size=200))
def test_byline_and_person_names_never_raise(text):
    assert isinstance(byline_authors(text), list)
    assert isinstance(byline_authors("By " + text), list)
    assert isinstance(person_names(text), list)


@pytest.mark.parametrize(
    ("text", "site", "expected"),
    [
        ("Mozilla - Wikipedia", ["en.wikipedia.org", "wikipedia"], "Mozilla"),
        ("What we do - Creative Commons", "Creative Commons", "What we do"),
        ("BBC News - Storm hits coast", "BBC News", "Storm hits coast"),
        ("Budget 2020 | GOV.UK", None, "Budget 2020"),
        ("Brexit - the consequences", None, "Brexit - the consequences"),
        ("  Spaced \n  out  ", None, "Spaced out"),
        ("Microsoft Word - Annual report", None, "Annual report"),
        ("", None, None),
    ],
)
def test_clean_title(text, site, expected):
    assert clean_title(text, site) == expected


@pytest.mark.parametrize(
    "text",
    ["", "Untitled", "untitled document", "Microsoft Word - foo.docx", "Top of page", "Home",
     "Document1", "report_final_v2.pdf", "---", "Title", "Slide 1", None],
)
def test_junk_titles(text):
    assert is_junk_title(text)


@pytest.mark.parametrize("text", ["Levelling Up the North", "Budget 2020", "Mozilla", "t-SNE"])
def test_real_titles_are_not_junk(text):
    assert not is_junk_title(text)


@settings(deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=30)))
def test_clean_title_never_raises(text, site):
    result = clean_title(text, site)
    assert result is None or (result and result == result.strip())
    is_junk_title(text)


def test_readable_title_tames_all_caps_but_keeps_acronyms():
    from kb.importing.titles import readable_title

    assert readable_title("CALDER AND AIRE SKILLS ROUNDTABLE – NOTES") == "Calder and Aire Skills Roundtable – Notes"
    assert readable_title("FE AND LSIP UPDATE FOR THE UK") == "FE and LSIP Update for the UK"
    assert readable_title("Already Fine") == "Already Fine"
    assert readable_title("NHS") == "NHS"
