"""RIS as Zotero, Mendeley and databases write it."""

import pytest

from kb.errors import InvalidInput
from kb.references.ris import export_ris, parse_ris, read_ris
from kb.sources import Source

# Zotero 6 "Export Library..." > RIS (Windows line ends, byte-order mark).
ZOTERO_RIS = (
    "\ufeffTY  - RPRT\r\n"
    "TI  - Housing need in the North: a review\r\n"
    "AU  - Raman, Priya\r\n"
    "AU  - O'Brien, Tom\r\n"
    "AU  - Centre for Place Policy\r\n"
    "DA  - 2021/03/04/\r\n"
    "PY  - 2021\r\n"
    "PB  - Centre for Place Policy\r\n"
    "CY  - Leeds\r\n"
    "UR  - https://example.org/housing.pdf\r\n"
    "Y2  - 2023/01/10/13:45:02\r\n"
    "LA  - en-GB\r\n"
    "KW  - housing\r\n"
    "KW  - affordable housing, rented\r\n"
    "N1  - Commissioned by the combined authority.\r\n"
    "AB  - An abstract that runs\r\n"
    "over two lines.\r\n"
    "ER  - \r\n"
    "\r\n"
    "TY  - JOUR\r\n"
    "TI  - Café economics and the “high street”\r\n"
    "AU  - Müller, Jürgen\r\n"
    "AU  - de la Cruz, Ana\r\n"
    "AU  - Smith, John, Jr\r\n"
    "T2  - Regional Studies\r\n"
    "DA  - 2019///\r\n"
    "PY  - 2019\r\n"
    "VL  - 53\r\n"
    "IS  - 2\r\n"
    "SP  - 100\r\n"
    "EP  - 120\r\n"
    "SN  - 0034-3404\r\n"
    "DO  - 10.1080/00343404.2019.1234567\r\n"
    "ER  - \r\n"
    "\r\n"
    "TY  - ELEC\r\n"
    "TI  - Bus funding explained\r\n"
    "AU  - Department for Transport\r\n"
    "T2  - GOV.UK\r\n"
    "DA  - 2022/05/04/\r\n"
    "UR  - https://www.gov.uk/bus-funding\r\n"
    "Y2  - 2023/01/10/\r\n"
    "ER  - \r\n"
)

# Mendeley Desktop: T1/A1/Y1/JO tags, one space before the dash in places, DOI as a url,
# keywords separated by semicolons, no ER after the last record.
MENDELEY_RIS = """TY  - JOUR
T1  - Levelling up and the left-behind places
A1  - Martin, Ron
A1  - Gardiner, Ben
Y1  - 2023/02/
JO  - Cambridge Journal of Regions, Economy and Society
SP  - 1
EP  - 23
KW  - regional inequality; levelling up
UR  - http://dx.doi.org/10.1093/cjres/rsad001
TY  - CHAP
T1  - Local government finance
A1  - Jones, Sarah
PY  - 2020
PB  - Policy Press
"""


def test_zotero_export_is_read():
    report, article, page = parse_ris(ZOTERO_RIS)
    assert report["kind"] == "report"
    assert report["title"] == "Housing need in the North: a review"
    assert report["authors"] == ["Priya Raman", "Tom O'Brien", "Centre for Place Policy"]
    assert report["date"] == "2021-03-04"
    assert report["publisher"] == "Centre for Place Policy"
    assert report["url"] == "https://example.org/housing.pdf"
    assert report["accessed"] == "2023-01-10"
    assert report["language"] == "en-GB"
    assert report["tags"] == ["housing", "affordable housing, rented"]
    assert report["extra"]["publisher_place"] == "Leeds"
    assert report["extra"]["note"] == "Commissioned by the combined authority."
    assert report["body"] == "An abstract that runs over two lines."

    assert article["kind"] == "article"
    assert article["title"] == "Café economics and the “high street”"
    assert article["authors"] == ["Jürgen Müller", "Ana de la Cruz", "John Smith Jr"]
    assert article["date"] == "2019"
    assert article["extra"] == {
        "container_title": "Regional Studies", "volume": "53", "issue": "2",
        "pages": "100-120", "issn": "0034-3404", "doi": "10.1080/00343404.2019.1234567"}

    assert page["kind"] == "web_page"
    assert page["authors"] == ["Department for Transport"]
    assert (page["date"], page["accessed"]) == ("2022-05-04", "2023-01-10")
    assert page["extra"]["container_title"] == "GOV.UK"


def test_mendeley_export_is_read():
    article, chapter = parse_ris(MENDELEY_RIS)
    assert article["authors"] == ["Ron Martin", "Ben Gardiner"]
    assert article["date"] == "2023-02"
    assert article["extra"]["container_title"] == (
        "Cambridge Journal of Regions, Economy and Society")
    assert article["extra"]["doi"] == "10.1093/cjres/rsad001"
    assert article["tags"] == ["regional inequality", "levelling up"]
    assert chapter["kind"] == "report"
    assert chapter["title"] == "Local government finance"
    assert chapter["publisher"] == "Policy Press"


def test_one_space_before_the_dash_and_urls_without_scheme():
    text = "TY - ELEC\nTI - A page\nUR - www.example.org/page\nPY - 2020\nER -\n"
    (page,) = parse_ris(text)
    assert page["url"] == "https://www.example.org/page"
    assert page["date"] == "2020"


def test_export_writes_zotero_style_records():
    source = Source(
        id="a", kind="report", title="Housing need", authors=["Dr Priya Raman",
                                                             "Centre for Place Policy"],
        publisher="CPP", date="2021-03", url="https://example.org/r", accessed="2023-01-10",
        tags=["housing", "planning"], language="en",
        extra={"doi": "https://doi.org/10.1000/ABC", "pages": "5-9", "container_title": "Series"},
    )
    text = export_ris([source])
    lines = text.splitlines()
    assert lines[0] == "TY  - RPRT"
    for line in ("TI  - Housing need", "AU  - Raman, Priya", "AU  - Centre for Place Policy",
                 "PY  - 2021", "DA  - 2021/03//", "PB  - CPP", "UR  - https://example.org/r",
                 "Y2  - 2023/01/10/", "DO  - 10.1000/ABC", "SP  - 5", "EP  - 9",
                 "T2  - Series", "KW  - housing", "KW  - planning", "LA  - en"):
        assert line in lines
    assert lines[-1].startswith("ER  -")
    assert not any(line.rstrip(".").isdigit() for line in lines)  # no rispy "1." headers


@pytest.mark.parametrize(("text", "message"), [
    ("This is a letter, not a reference list.", "not RIS"),
    ("", "not RIS"),
    ("@article{x, title={BibTeX}}", "not RIS"),
    ("TY  - JOUR\nAU  - Smith, J\nER  - \n", "has no title"),
])
def test_bad_ris_is_one_clear_sentence(text, message):
    with pytest.raises(InvalidInput, match=message):
        parse_ris(text)


def test_read_ris_reports_bad_records_without_losing_good_ones():
    entries = read_ris("TY  - JOUR\nTI  - Good\nER  - \nTY  - GEN\nPY  - 2020\nER  - \n")
    assert [entry.error for entry in entries] == [
        None, "RIS record 2 has no title (TI or T1 line)."]
