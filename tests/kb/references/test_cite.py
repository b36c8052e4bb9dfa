"""In-text citations and reference lists in Harvard, APA and Chicago."""

import pytest
from hypothesis import given, settings

from kb.errors import InvalidInput
from kb.references import (
    STYLES,
    StyleError,
    citation_for_quote,
    cite_source,
    format_bibliography,
    format_citation,
    narrative_citation,
)
from kb.sources import Source
from tests.kb.references.strategies import source_dicts

REPORT = Source(
    id="01HREPORT", kind="report", title="Housing need in the North",
    authors=["Dr Priya Raman", "Tom O'Brien"], publisher="Centre for Place Policy",
    date="2021-03", url="https://example.org/housing.pdf",
)
WEB_PAGE = Source(
    id="01HWEB", kind="web_page", title="Bus funding explained",
    authors=["Department for Transport"], publisher="GOV.UK", date="2022-05-04",
    url="https://www.gov.uk/bus-funding", accessed="2023-01-10",
)
UNDATED_WEB_PAGE = Source(
    id="01HWEB2", kind="web_page", title="Parking charges", authors=["Leeds City Council"],
    url="https://www.leeds.gov.uk/parking", accessed="2023-01-10",
)
ARTICLE = Source(
    id="01HARTICLE", kind="article", title="Local growth deals", authors=["Smith, Jane"],
    date="2019",
    extra={"doi": "10.1080/00343404.2019.1234567", "container_title": "Regional Studies",
           "volume": "53", "issue": "2", "pages": "100-120"},
)
UNDATED_NOTE = Source(id="01HNOTE", kind="note", title="Meeting notes",
                      authors=["Cllr Sarah Jones"])


@pytest.mark.parametrize(("style", "expected"), [
    ("harvard", "(Raman and O'Brien, 2021, p. 4)"),
    ("apa", "(Raman & O'Brien, 2021, p. 4)"),
    ("chicago", "(Raman and O'Brien 2021, 4)"),
])
def test_in_text_citation_of_a_report(style, expected):
    assert cite_source(REPORT, style, locator=4) == expected


@pytest.mark.parametrize(("style", "expected"), [
    ("harvard", "(Raman and O'Brien, 2021, pp. 4–6)"),
    ("apa", "(Raman & O'Brien, 2021, pp. 4–6)"),
    ("chicago", "(Raman and O'Brien 2021, 4–6)"),
])
def test_a_page_range_is_plural(style, expected):
    assert cite_source(REPORT, style, locator="4-6") == expected


def test_other_locator_labels():
    assert cite_source(REPORT, "harvard", locator="3", locator_label="paragraph") == (
        "(Raman and O'Brien, 2021, para. 3)")
    with pytest.raises(InvalidInput, match="not a kind of locator"):
        cite_source(REPORT, "harvard", locator="3", locator_label="slide")


@pytest.mark.parametrize(("style", "no_date"), [
    ("harvard", "(Jones, no date)"),  # Cite Them Right spells it out
    ("apa", "(Jones, n.d.)"),
    ("chicago", "(Jones, n.d.)"),
])
def test_a_missing_date_is_marked(style, no_date):
    assert cite_source(UNDATED_NOTE, style) == no_date
    entry = format_bibliography([UNDATED_NOTE], style)[0]
    assert ("no date" if style == "harvard" else "n.d.") in entry


def test_harvard_reference_list():
    entries = format_bibliography([REPORT, WEB_PAGE, ARTICLE], "harvard")
    transport, raman, smith = entries  # alphabetical by author
    assert transport == ("Department for Transport (2022) Bus funding explained. GOV.UK. "
                         "Available at: https://www.gov.uk/bus-funding "
                         "(Accessed: 10 January 2023).")
    assert raman.startswith("Raman, P. and O'Brien, T. (2021) Housing need in the North.")
    assert "Centre for Place Policy" in raman
    assert "Available at: https://example.org/housing.pdf" in raman
    assert smith.startswith("Smith, J. (2019) ‘Local growth deals’, Regional Studies, 53(2)")
    assert "pp. 100–120" in smith
    assert "Available at: https://doi.org/10.1080/00343404.2019.1234567" in smith


def test_apa_reference_list():
    entries = format_bibliography([REPORT, WEB_PAGE, ARTICLE, UNDATED_WEB_PAGE], "apa")
    transport, leeds, raman, smith = entries
    assert transport.startswith("Department for Transport. (2022, May 4). Bus funding explained.")
    assert transport.endswith("https://www.gov.uk/bus-funding")
    assert leeds == ("Leeds City Council. (n.d.). Parking charges. Retrieved January 10, 2023, "
                     "from https://www.leeds.gov.uk/parking")
    assert raman.startswith("Raman, P., & O'Brien, T. (2021). Housing need in the North.")
    assert smith.startswith("Smith, J. (2019). Local growth deals. Regional Studies, 53(2), 100–120.")
    assert smith.endswith("https://doi.org/10.1080/00343404.2019.1234567")


def test_chicago_reference_list():
    entries = format_bibliography([REPORT, WEB_PAGE, ARTICLE, UNDATED_WEB_PAGE], "chicago")
    transport, leeds, raman, smith = entries
    assert transport.startswith("Department for Transport. 2022. “Bus Funding Explained”.")
    assert transport.endswith("https://www.gov.uk/bus-funding.")
    assert "Accessed January 10, 2023" in leeds  # Chicago shows access dates of undated pages
    assert raman.startswith("Raman, P., and T. O'Brien. 2021. Housing Need in the North.")
    assert smith.startswith("Smith, J. 2019. “Local Growth Deals”. Regional Studies 53 (2): 100–120.")
    assert "https://doi.org/10.1080/00343404.2019.1234567" in smith


def test_html_output_marks_titles_and_escapes_text():
    report = Source(id="r", kind="report", title="Cities & towns <2020>", authors=["Tom O'Brien"],
                    date="2020")
    (entry,) = format_bibliography([report], "harvard", output="html")
    assert "<i>Cities &amp; towns &lt;2020&gt;</i>" in entry
    with pytest.raises(InvalidInput, match="Unknown output"):
        format_bibliography([report], "harvard", output="rtf")


def test_unknown_style_lists_the_styles():
    with pytest.raises(StyleError) as caught:
        cite_source(REPORT, "mla")
    assert isinstance(caught.value, InvalidInput)
    assert "harvard, apa, chicago" in str(caught.value)


def test_styles_are_named_by_key_or_csl_file():
    assert set(STYLES) == {"harvard", "apa", "chicago"}
    assert cite_source(REPORT, "Harvard") == cite_source(REPORT, "harvard-cite-them-right")


def test_several_items_in_one_citation_with_their_own_locators():
    text = format_citation([REPORT, ARTICLE], "harvard", locator=["4", None])
    assert text == "(Smith, 2019; Raman and O'Brien, 2021, p. 4)"  # the style orders by year
    with pytest.raises(InvalidInput, match="one locator per cited item"):
        format_citation([REPORT, ARTICLE], "harvard", locator="4")


def test_csl_items_are_cited_as_they_are():
    item = {"id": "x", "type": "book", "title": "A book", "author": [{"family": "Ng", "given": "K"}],
            "issued": {"date-parts": [["2018"]]}, "custom": {"anything": 1}, "unknown-key": [1]}
    assert format_citation(item, "apa") == "(Ng, 2018)"


def test_narrative_citations():
    assert narrative_citation(REPORT, "harvard", 4) == "Raman and O'Brien (2021, p. 4)"
    assert narrative_citation(REPORT, "apa", 4) == "Raman and O'Brien (2021, p. 4)"
    assert narrative_citation(REPORT, "chicago", 4) == "Raman and O'Brien (2021, 4)"
    assert narrative_citation(UNDATED_NOTE, "chicago") == "Jones (n.d.)"


@pytest.mark.parametrize(("style", "expected"), [
    ("harvard", "Jones, quoted in Raman and O'Brien (2021, p. 4)"),
    ("apa", "Jones, as quoted in Raman and O'Brien (2021, p. 4)"),
    ("chicago", "Jones, quoted in Raman and O'Brien (2021, 4)"),
])
def test_a_quote_by_someone_else_is_quoted_in_the_source(style, expected):
    assert citation_for_quote(REPORT, "Cllr Sarah Jones", 4, style) == expected


def test_a_quote_by_an_author_cites_the_source():
    assert citation_for_quote(REPORT, "Priya Raman", 4, "harvard") == (
        "(Raman and O'Brien, 2021, p. 4)")
    assert citation_for_quote(REPORT, "O'Brien, Tom", None, "apa") == "(Raman & O'Brien, 2021)"
    assert citation_for_quote(REPORT, None, 4, "chicago") == "(Raman and O'Brien 2021, 4)"


@pytest.mark.parametrize(("style", "dated", "undated"), [
    ("harvard", "(Jones, personal communication, 4 March 2021)",
     "(Jones, personal communication)"),
    ("apa", "(S. Jones, personal communication, March 4, 2021)",
     "(S. Jones, personal communication)"),
    ("chicago", "(Sarah Jones, personal communication, March 4, 2021)",
     "(Sarah Jones, personal communication)"),
])
def test_a_quote_without_a_source_cites_the_speaker(style, dated, undated):
    assert citation_for_quote(None, "Cllr Sarah Jones", None, style, date="2021-03-04") == dated
    assert citation_for_quote(None, "Cllr Sarah Jones", None, style) == undated
    with pytest.raises(InvalidInput):
        citation_for_quote(None, "  ", None, style)


def test_transcripts_are_interviews():
    transcript = Source(id="t", kind="transcript", title="Interview with a councillor",
                        authors=["Sarah Jones"], date="2022-06-01")
    assert format_citation(transcript, "harvard") == "(Jones, 2022)"
    # APA cites interviews it did not publish as personal communications, in the text only
    assert format_citation(transcript, "apa") == (
        "(S. Jones, personal communication, June 1, 2022)")


@settings(max_examples=10, deadline=None)
@given(source_dicts())
def test_any_source_formats_in_every_style(source):
    for style in STYLES:
        citation = cite_source(source, style, locator="7")
        assert citation.startswith("(") and citation.endswith(")")
        assert "7" in citation
        for entry in format_bibliography([source], style):
            assert entry.strip()
