"""Shared fixtures: every test makes its own library in a temporary folder."""

import os

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red CI then means a real regression); locally each run
# explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KB_LIBRARY", None)  # never the person's own library


@pytest.fixture
def library(tmp_path):
    from kb.index import indexer
    from kb.library import open_library

    lib = open_library(tmp_path / "library")
    indexer.ensure_current(lib)
    yield lib
    lib.close()


@pytest.fixture
def add_source(library):
    """Create a source and bring the index up to date, as a person's edit would."""
    from kb import sources
    from kb.index import indexer

    def make(**fields):
        fields.setdefault("title", "Untitled")
        source = sources.create_source(library, **fields)
        indexer.sync(library)
        return source

    return make
