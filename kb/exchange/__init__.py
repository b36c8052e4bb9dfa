"""Exchange with qualitative-analysis tools and Markdown vaults.

- REFI-QDA codebooks (.qdc): `export_codebook`, `import_codebook`
- REFI-QDA projects (.qdpx): `export_project`, `import_project` (NVivo, ATLAS.ti, MAXQDA,
  QualCoder); `import_qda` tells a codebook from a project by content
- Markdown vaults (Obsidian): `export_vault`, `import_vault`

Exports take a `Scope` from `resolve_scope(library, collection=..., theme=...)` (default: the
whole library). Imports are all or nothing and return a report dict whose `unsupported` list
names everything the file held that a library has no place for.
"""

from kb.exchange.exports import export_result
from kb.exchange.qda import clashing_names, detect, import_qda
from kb.exchange.refi_codebook import export_codebook, import_codebook
from kb.exchange.refi_import import import_project
from kb.exchange.refi_project import export_project
from kb.exchange.scope import Scope, resolve_scope
from kb.exchange.vault import export_vault, import_vault

__all__ = ["Scope", "clashing_names", "detect", "export_codebook", "export_project",
           "export_result", "export_vault", "import_codebook", "import_project", "import_qda",
           "import_vault", "resolve_scope"]
