"""Author display names -> structured names for citation."""

import pytest

from kb.references.names import display_name, family_key, is_organisation, parse_name


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("Dr Priya Raman", {"family": "Raman", "given": "Priya"}),
        ("Tom O'Brien", {"family": "O'Brien", "given": "Tom"}),
        ("Raman, Priya", {"family": "Raman", "given": "Priya"}),
        ("Raman, Dr Priya", {"family": "Raman", "given": "Priya"}),
        ("Ana de la Cruz", {"family": "de la Cruz", "given": "Ana"}),
        ("de la Cruz, Ana", {"family": "de la Cruz", "given": "Ana"}),
        ("Ursula von der Leyen", {"family": "von der Leyen", "given": "Ursula"}),
        ("Jan van der Berg", {"family": "van der Berg", "given": "Jan"}),
        ("Prof. Dame Sue Black", {"family": "Black", "given": "Sue"}),
        ("Cllr Sarah Jones", {"family": "Jones", "given": "Sarah"}),
        ("The Rt Hon Sir Keir Starmer KC MP", {"family": "Starmer", "given": "Keir"}),
        ("Baroness Hale of Richmond", {"family": "Hale"}),
        ("Lord Smith", {"family": "Smith"}),
        ("Mary Ann Smith", {"family": "Smith", "given": "Mary Ann"}),
        ("John Smith Jr.", {"family": "Smith", "given": "John", "suffix": "Jr."}),
        ("Smith, John, Jr", {"family": "Smith", "given": "John", "suffix": "Jr"}),
        ("Tom Smith OBE", {"family": "Smith", "given": "Tom"}),
        ("Yo-Yo Ma", {"family": "Ma", "given": "Yo-Yo"}),
    ],
)
def test_people_are_split_for_citation(display, expected):
    assert parse_name(display) == expected


@pytest.mark.parametrize(
    "display",
    [
        "Centre for Place Policy",
        "Leeds City Council",
        "Department for Levelling Up, Housing and Communities",
        "Office for National Statistics",
        "Friends of the Earth",
        "OECD",
        "Participant 3",
        "Interviewee A",
        "Smith & Jones Associates",
    ],
)
def test_organisations_and_labels_are_cited_whole(display):
    assert parse_name(display) == {"literal": display}


def test_more_than_four_words_is_an_organisation():
    assert is_organisation("Greater Manchester Combined Transport Planning Partnership Board")
    assert not is_organisation("Mary Ann de la Cruz")


@pytest.mark.parametrize("display", ["Priya Raman", "Ana de la Cruz", "Tom O'Brien",
                                     "Centre for Place Policy", "John Smith Jr"])
def test_canonical_names_survive_a_round_trip(display):
    assert display_name(parse_name(display)) == display


def test_csl_names_from_other_tools_become_display_names():
    assert display_name({"family": "Leyen", "given": "Ursula",
                         "non-dropping-particle": "von der"}) == "Ursula von der Leyen"
    assert display_name({"literal": "Cabinet Office"}) == "Cabinet Office"
    assert display_name({"family": "Raman"}) == "Raman"


def test_family_key_ignores_titles_order_and_accents():
    assert family_key("Dr Siobhán Müller") == family_key("Muller, Siobhan") == "muller"
