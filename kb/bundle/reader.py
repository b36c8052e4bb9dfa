"""Opening a bundle without trusting it: recognised by content (not by its name), decrypted to a
private temporary file when sealed, and checked whole — member names, sizes, the manifest, every
checksum — before a single record is read."""

import hashlib
import json
import os
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path

from kb.bundle.crypto import decrypt_stream, is_encrypted
from kb.bundle.format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    KINDS,
    MANIFEST,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_RECORD_BYTES,
    MAX_TOTAL_BYTES,
    classify_member,
)
from kb.errors import InvalidInput
from kb.ids import looks_like_id

ZIP_MAGIC = b"PK\x03\x04"
_READ = 1024 * 1024


def refuse(reason: str) -> InvalidInput:
    return InvalidInput(f"This bundle was refused: {reason}. Nothing was imported.")


class BundleReader:
    def __init__(self, path: str | Path, passphrase: str | None = None):
        self.path = Path(path)
        self.passphrase = passphrase
        self._temporary: str | None = None
        self.archive: zipfile.ZipFile | None = None
        self.manifest: dict = {}
        self.encrypted = False

    def __enter__(self) -> "BundleReader":
        try:
            self._open()
            self._check_members()
            self._read_manifest()
            self._check_checksums()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None
        if self._temporary:
            Path(self._temporary).unlink(missing_ok=True)
            self._temporary = None

    def _open(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                head = handle.read(32)
        except OSError as error:
            raise InvalidInput(f"{self.path.name} cannot be read: {error.strerror}.") from error
        source = self.path
        if is_encrypted(head):
            self.encrypted = True
            handle, self._temporary = tempfile.mkstemp(prefix="kb-bundle-", suffix=".zip")
            os.close(handle)
            with open(self.path, "rb") as sealed, open(self._temporary, "wb") as plain:
                decrypt_stream(sealed, plain, self.passphrase or "")
            source = Path(self._temporary)
        elif not head.startswith(ZIP_MAGIC):
            raise InvalidInput(f"{self.path.name} is not an Evidence Desk bundle.")
        try:
            self.archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise refuse("the file is damaged or cut short") from error

    def _check_members(self) -> None:
        infos = self.archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise refuse("it holds too many files")
        seen, total = set(), 0
        for info in infos:
            kind, detail = classify_member(info.filename)
            if kind == "bad":
                raise refuse(detail)
            if info.filename in seen:
                raise refuse(f"it holds '{info.filename}' twice")
            seen.add(info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode) or info.is_dir():
                raise refuse(f"'{info.filename}' is a link or folder")
            if info.file_size > MAX_MEMBER_BYTES:
                raise refuse(f"'{info.filename}' would expand beyond sane limits")
            if info.file_size > _READ and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise refuse(f"'{info.filename}' expands suspiciously (a zip bomb?)")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refuse("it would expand beyond sane limits")
        if MANIFEST not in seen:
            raise refuse("it has no manifest")

    def _read_manifest(self) -> None:
        info = self.archive.getinfo(MANIFEST)
        if info.file_size > 64 * 1024 * 1024:
            raise refuse("its manifest is oversized")
        try:
            manifest = json.loads(self._read_all(MANIFEST).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise refuse("its manifest is not valid JSON") from error
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise refuse("it is not an Evidence Desk bundle")
        version = manifest.get("format_version")
        if not isinstance(version, int) or version < 1:
            raise refuse("its format version is missing")
        if version > FORMAT_VERSION:
            raise refuse(f"it was written by a newer Evidence Desk (format {version}; this version "
                         f"reads up to {FORMAT_VERSION}) — please upgrade")
        files = manifest.get("files")
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            raise refuse("its manifest lists no checksums")
        members = {name for name in self.archive.namelist() if name != MANIFEST}
        if set(files) != members:
            missing = sorted(set(files) - members)[:3] or sorted(members - set(files))[:3]
            raise refuse(f"its contents do not match its manifest ({', '.join(missing)})")
        if not isinstance(manifest.get("tombstones", []), list):
            raise refuse("its manifest is malformed")
        self.manifest = manifest

    def _read_all(self, name: str) -> bytes:
        try:
            return self.archive.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise refuse("the file is damaged or cut short") from error

    def _check_checksums(self) -> None:
        for name, expected in self.manifest["files"].items():
            digest = hashlib.sha256()
            try:
                with self.archive.open(name) as member:
                    while chunk := member.read(_READ):
                        digest.update(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
                raise refuse("the file is damaged or cut short") from error
            if digest.hexdigest() != expected:
                raise refuse(f"the checksum of '{name}' is wrong: it was altered or damaged")

    def records(self, kind: str):
        """(row, history) pairs of one kind, checked line by line; streams (no whole-file load)."""
        name = f"records/{kind}.jsonl"
        if name not in self.manifest["files"]:
            return
        spec = KINDS[kind]
        allowed = {"id", "created_at", "updated_at", "rev", "deleted_at", *spec.fields}
        with self.archive.open(name) as member:
            for number, line in enumerate(member, start=1):
                if len(line) > MAX_RECORD_BYTES:
                    raise refuse(f"record {number} of {kind} is oversized")
                try:
                    entry = json.loads(line)
                except ValueError as error:
                    raise refuse(f"record {number} of {kind} is malformed JSON") from error
                yield _checked(entry, kind, number, allowed)

    def extract_original(self, file_hash: str, target: Path) -> None:
        with self.archive.open(f"originals/{file_hash}") as member, open(target, "wb") as out:
            while chunk := member.read(_READ):
                out.write(chunk)


def _checked(entry, kind: str, number: int, allowed: set[str]) -> tuple[dict, list[str]]:
    where = f"record {number} of {kind}"
    if not isinstance(entry, dict) or not isinstance(entry.get("row"), dict):
        raise refuse(f"{where} is malformed")
    row, history = entry["row"], entry.get("history", [])
    unknown = set(row) - allowed
    if unknown:
        raise refuse(f"{where} has unknown fields ({', '.join(sorted(unknown))[:80]})")
    if not isinstance(row.get("id"), str) or not looks_like_id(row["id"]):
        raise refuse(f"{where} has no valid id")
    for name in ("created_at", "updated_at"):
        if not isinstance(row.get(name), str) or len(row[name]) > 40:
            raise refuse(f"{where} has no valid {name}")
    if not isinstance(row.get("rev"), int) or row["rev"] < 1:
        raise refuse(f"{where} has no valid revision")
    if not isinstance(history, list) or not all(isinstance(h, str) and len(h) == 64 for h in history):
        raise refuse(f"{where} has a malformed history")
    missing = [name for name in KINDS[kind].fields if name not in row]
    if missing:
        raise refuse(f"{where} lacks {', '.join(missing[:3])}")
    return row, history[:64]
