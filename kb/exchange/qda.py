"""REFI-QDA files by content: a .qdpx is a zip, a .qdc is XML, whatever the file is called."""

from pathlib import Path

from kb import themes
from kb.errors import InvalidInput
from kb.exchange.archive import Archive
from kb.exchange.common import Report, parse_xml, split_tag
from kb.exchange.refi_codebook import fold_name, import_codebook, parse_codes, read_limited, walk
from kb.exchange.refi_import import import_project
from kb.library import Library


def detect(path: Path) -> str:
    """'qdpx' or 'qdc', from the first bytes of the file."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(512)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}.") from error
    if head.startswith(b"PK"):
        return "qdpx"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "qdc"
    raise InvalidInput(f"{Path(path).name} is neither a REFI-QDA project (.qdpx) nor a "
                       "codebook (.qdc).")


def import_qda(library: Library, path: Path, merge_by_name: bool = False) -> dict:
    """Import a REFI-QDA codebook or project, told apart by content; returns the report."""
    kind = detect(Path(path))
    importer = import_project if kind == "qdpx" else import_codebook
    return {"format": kind, **importer(library, Path(path), merge_by_name=merge_by_name)}


def clashing_names(library: Library, path: Path) -> list[str]:
    """Names of codes in the file that themes of the library already have (nothing is
    written), so a person can be asked whether to merge them."""
    path = Path(path)
    if detect(path) == "qdpx":
        with Archive(path) as archive:
            member = archive.find("project.qde") or next(
                (n for n in archive.names() if "/" not in n and n.lower().endswith(".qde")), None)
            if member is None:
                return []
            root = parse_xml(archive.read(member), f"The project file in {path.name}")
    else:
        root = parse_xml(read_limited(path), f"The codebook {path.name}")
    containers = [element for element in root.iter() if split_tag(element.tag)[1] == "Codes"]
    specs = parse_codes(containers[0], Report()) if containers else []
    existing = {fold_name(theme.name): theme.name for theme in themes.all_themes(library)}
    return sorted({existing[fold_name(spec.name)] for spec in walk(specs)
                   if fold_name(spec.name) in existing})
