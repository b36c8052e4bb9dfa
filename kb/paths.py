"""Where a library lives: `--library DIR`, else $KB_LIBRARY, else the platform's user data folder."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "EvidenceDesk"
DB_NAME = "library.sqlite"
INDEX_DIR = "index"
FILES_DIR = "files"
BACKUPS_DIR = "backups"


def default_library_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "Library"


def demo_library_dir() -> Path:
    """The demo library lives apart from the person's own, so trying the demo never touches it."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "Demo Library"


def resolve_library_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("KB_LIBRARY")
    if from_env:
        return Path(from_env).expanduser()
    return default_library_dir()
