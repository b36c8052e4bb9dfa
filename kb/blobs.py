"""The original files, content-addressed: `files/ab/abcdef…` named by their SHA-256.

A re-import of the same bytes finds the file already there and copies nothing. Names come only
from the hash, so no path from any input can point outside the library folder.
"""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

CHUNK = 1 << 20


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def blob_path(files_dir: Path, file_hash: str) -> Path:
    if len(file_hash) != 64 or any(c not in "0123456789abcdef" for c in file_hash):
        raise ValueError(f"not a SHA-256 hex digest: {file_hash!r}")
    return files_dir / file_hash[:2] / file_hash


def store_file(files_dir: Path, source: Path, file_hash: str) -> Path:
    """Copy `source` into the store (atomically: a crash never leaves a half-copied blob)."""
    target = blob_path(files_dir, file_hash)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def stored_hashes(files_dir: Path) -> set[str]:
    return {
        blob.name
        for folder in files_dir.iterdir()
        if folder.is_dir()
        for blob in folder.iterdir()
        if not blob.name.startswith(".")
    }
