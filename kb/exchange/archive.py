"""Reading a .qdpx zip without trusting it: no member outside the archive's own tree, no member
over 200 MB, nothing over 2 GB in all, no encrypted or linked members. Members are read into
memory by name; nothing is ever extracted to disk."""

import stat
import zipfile
from pathlib import Path, PurePosixPath

from kb.errors import InvalidInput

MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBERS = 100_000


class Archive:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.label = self.path.name
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except FileNotFoundError:
            raise InvalidInput(f"There is no file {self.path}.") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise InvalidInput(f"{self.label} is not a REFI-QDA project (.qdpx): it is not a "
                               "readable zip archive.") from None
        if len(infos) > MAX_MEMBERS:
            raise InvalidInput(f"{self.label} holds more than {MAX_MEMBERS} files; it was refused.")
        self._members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = _check_name(info.filename, self.label)
            if info.flag_bits & 0x1:
                raise InvalidInput(f"{self.label} holds an encrypted file ({name}); it was refused.")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise InvalidInput(f"{self.label} holds a symbolic link ({name}); it was refused.")
            if info.file_size > MAX_MEMBER_BYTES:
                raise InvalidInput(f"{self.label} holds a file over 200 MB ({name}); it was refused.")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise InvalidInput(f"{self.label} unpacks to more than 2 GB; it was refused.")
            if not info.is_dir():
                self._members.setdefault(name.casefold(), info)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def names(self) -> list[str]:
        return [info.filename for info in self._members.values()]

    def find(self, *candidates: str) -> str | None:
        """The first member named like one of `candidates` (ignoring case and backslashes)."""
        for candidate in candidates:
            info = self._members.get(candidate.replace("\\", "/").lstrip("/").casefold())
            if info is not None:
                return info.filename
        return None

    def read(self, name: str) -> bytes:
        info = self._members[_check_name(name, self.label).casefold()]
        try:
            with self._zip.open(info) as stream:
                data = stream.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as error:
            raise InvalidInput(f"{name} in {self.label} cannot be read ({error}).") from None
        if len(data) > MAX_MEMBER_BYTES or len(data) != info.file_size:
            raise InvalidInput(f"{name} in {self.label} is not the size the archive says; "
                               "it was refused.")
        return data


def _check_name(raw: str, label: str) -> str:
    name = raw.replace("\\", "/")
    path = PurePosixPath(name)
    if (not name or "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":")
            or any(part == ".." for part in path.parts)):
        raise InvalidInput(f"{label} holds a file with an unsafe path ({raw!r}); it was refused.")
    while name.startswith("./"):
        name = name[2:]
    return name
