"""Fixtures for exchange tests: a small coded library, the REFI-QDA schemas, the `kb` command."""

from pathlib import Path

import pytest

from kb import collections, evidence, links, quotes, sources, themes

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
REFI = SHARED / "corpus" / "schemas" / "refi-qda"
BODY = ("Councils say the levelling up fund favoured bids from places with capacity 😀. "
        "The apprenticeship levy is underspent in the north.\r\nMayors want control of skills.")


@pytest.fixture
def coded(library):
    """Themes in a tree, two sources, highlights with stances and notes, memos, a quote,
    a collection and links."""
    themes.add_theme(library, "Economy", colour="#ff0000", description="Money, jobs and growth")
    themes.add_theme(library, "Skills", parent="Economy", colour="#00aa00", keywords="levy")
    themes.add_theme(library, "Funding", colour="#0000ff")
    themes.update_theme(library, "Skills", memo="Apprenticeships matter.\n\nSee the levy.")
    first = sources.create_source(library, title="Bidding wars: a review", body=BODY,
                                  authors="Ann Lee; Bo Chen", date="2022-05-01", kind="report",
                                  publisher="Local Review", url="https://example.org/bids",
                                  tags="devolution", memo="Read for the client.")
    second = sources.create_source(library, title="Skills money", body="Levy funds go unspent.")
    start = BODY.index("levelling up fund")
    one = evidence.add_highlight(library, first.id, start, start + 30,
                                 [("Funding", "supports"), ("Economy", "context")],
                                 note="Capacity gap")
    start = BODY.index("apprenticeship levy")
    two = evidence.add_highlight(library, first.id, start, start + 40, [("Skills", "challenges")])
    evidence.link_source(library, second.id, "Skills", "supports")
    quotes.add_quote(library, "Mayors want control of skills", first.id, speaker="A mayor",
                     themes=["Skills"])
    collections.add_collection(library, "Client A", "The northern councils")
    collections.add_to_collection(library, "Client A", [first.id])
    links.add_link(library, first.id, second.id, "cites")
    return {"first": first, "second": second, "highlights": [one, two]}


@pytest.fixture
def schema():
    """A function validating XML bytes against a REFI-QDA schema; skips without /work/shared."""
    if not REFI.is_dir():
        pytest.skip("the REFI-QDA schemas in shared/ are not here")
    from lxml import etree

    def validate(data: bytes, name: str) -> None:
        xsd = etree.XMLSchema(etree.parse(str(REFI / name)))
        document = etree.fromstring(data)
        assert xsd.validate(document), xsd.error_log.filter_from_errors()

    return validate


@pytest.fixture
def kb(tmp_path, capsys, monkeypatch):
    """Run `kb ...` with the exchange commands registered; returns (exit code, out, err)."""
    from kb.cli import exchange
    from kb.cli.main import cli, main

    for command in exchange.COMMANDS:
        monkeypatch.setitem(cli.commands, command.name, command)
    folder = tmp_path / "cli-library"

    def run(*args):
        code = main(["--library", str(folder), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return run
