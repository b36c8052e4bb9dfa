"""A one-line field for several theme names, comma separated, completing each name as it is
typed (type-ahead over the codebook, matching anywhere in the name). Names not in the codebook
yet are reported by `new_names()` so the caller can create them."""

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def split_names(text: str) -> list[str]:
    names: list[str] = []
    for part in text.split(","):
        name = " ".join(part.split())
        if name and name.casefold() not in {each.casefold() for each in names}:
            names.append(name)
    return names


class ThemeNamesField(QLineEdit):
    def __init__(self, known: list[str], parent: QWidget | None = None,
                 chosen: list[str] = ()):
        super().__init__(parent)
        self.setObjectName("themeNamesField")
        self.setPlaceholderText("Type theme names, separated by commas")
        self._known = {name.casefold(): name for name in known}
        self.completions = QCompleter(QStringListModel(sorted(known, key=str.casefold), self),
                                      self)
        self.completions.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completions.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completions.setWidget(self)
        self.completions.activated.connect(self._complete_with)
        self.textEdited.connect(self._offer)
        if chosen:
            self.setText(", ".join(chosen))

    def _current_part(self) -> tuple[int, int]:
        """(start, end) of the name the cursor is in."""
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        return start, len(text) if end < 0 else end

    def _offer(self, _text: str) -> None:
        start, end = self._current_part()
        typed = self.text()[start:end].strip()
        if not typed:
            self.completions.popup().hide()
            return
        self.completions.setCompletionPrefix(typed)
        if self.completions.completionCount():
            self.completions.complete()
        else:
            self.completions.popup().hide()

    def _complete_with(self, name: str) -> None:
        start, end = self._current_part()
        text = self.text()
        before = text[:start].rstrip()
        lead = (before + " ") if before else ""
        after = text[end:]
        self.setText(f"{lead}{name}, {after.lstrip(', ')}".rstrip())
        self.setCursorPosition(len(lead) + len(name) + 2)

    def names(self) -> list[str]:
        """The chosen names, spelt as in the codebook where they are in it."""
        return [self._known.get(name.casefold(), name) for name in split_names(self.text())]

    def new_names(self) -> list[str]:
        return [name for name in self.names() if name.casefold() not in self._known]
