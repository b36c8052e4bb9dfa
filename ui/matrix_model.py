"""The evidence matrix as a table model: themes (in codebook order, indented under their
parents) × groups, each cell the number of pieces of evidence, shaded by density with colours
mixed from the palette so it reads in light and dark mode."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette

from ui.highlight_dialog import clip
from ui.theme_picker import swatch

CellRole = Qt.ItemDataRole.UserRole + 51
HEADER_CHARS = 20


def mix(low: QColor, high: QColor, amount: float) -> QColor:
    return QColor(round(low.red() + (high.red() - low.red()) * amount),
                  round(low.green() + (high.green() - low.green()) * amount),
                  round(low.blue() + (high.blue() - low.blue()) * amount))


def readable_on(colour: QColor) -> QColor:
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return QColor("#000000") if luminance > 140 else QColor("#ffffff")


def ordered_themes(themes: list[dict]) -> list[tuple[dict, int]]:
    """(theme, depth) parents first, each followed by its sub-themes."""
    ids = {theme["id"] for theme in themes}
    by_parent: dict[str | None, list[dict]] = {}
    for theme in themes:
        parent = theme["parent_id"] if theme["parent_id"] in ids else None
        by_parent.setdefault(parent, []).append(theme)
    found: list[tuple[dict, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for theme in by_parent.get(parent, []):
            found.append((theme, depth))
            walk(theme["id"], depth + 1)

    walk(None, 0)
    return found


class MatrixModel(QAbstractTableModel):
    def __init__(self, palette: QPalette, parent=None):
        super().__init__(parent)
        self._palette = palette
        self.rows: list[tuple[dict, int]] = []
        self.columns: list[str] = []
        self.cells: dict[tuple[str, str], dict] = {}
        self.max_count = 0

    def set_matrix(self, data: dict) -> None:
        self.beginResetModel()
        self.rows = ordered_themes(data["themes"])
        self.columns = list(data["columns"])
        self.cells = {(cell["theme_id"], cell["group"]): cell for cell in data["cells"]}
        self.max_count = data["max_count"]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def cell(self, index: QModelIndex) -> dict | None:
        if not index.isValid():
            return None
        theme, _depth = self.rows[index.row()]
        return self.cells.get((theme["id"], self.columns[index.column()]))

    def theme_at(self, row: int) -> dict:
        return self.rows[row][0]

    def shade(self, count: int) -> QColor:
        base = self._palette.color(QPalette.ColorRole.Base)
        accent = self._palette.color(QPalette.ColorRole.Highlight)
        return mix(base, accent, 0.18 + 0.72 * count / max(self.max_count, 1))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index)
        count = cell["count"] if cell else 0
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and count:
            return self.shade(count)
        if role == Qt.ItemDataRole.ForegroundRole and count:
            return readable_on(self.shade(count))
        if role == Qt.ItemDataRole.ToolTipRole:
            theme, _depth = self.rows[index.row()]
            tip = f"{theme['name']} × {self.columns[index.column()]}: {count} piece(s) of evidence"
            if cell and cell.get("summary"):
                tip += f"\n\nSummary: {cell['summary']}"
            return tip
        if role == CellRole:
            return cell
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return clip(self.columns[section], HEADER_CHARS)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            theme, depth = self.rows[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return "    " * depth + theme["name"]
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(theme["colour"])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None
