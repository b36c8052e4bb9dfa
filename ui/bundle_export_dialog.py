"""File ▸ Export Bundle…: what to send a colleague. The scope (everything, a collection, a
theme, the current search or the selected items), whether the original files go too, and an
optional team passphrase typed twice. The dialog only asks; ui.bundle_actions exports."""

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.when import counted

ERROR_COLOUR = "#d0433a"  # as the inspector's: readable on light and dark backgrounds
EVERYTHING, COLLECTION, THEME, SEARCH, SELECTION = range(5)


@dataclass
class ExportChoices:
    """What the window can offer: (id, name) pairs, the search on screen, the selected ids."""
    collections: list[tuple[str, str]] = field(default_factory=list)
    themes: list[tuple[str, str]] = field(default_factory=list)
    query: str = ""
    selected_ids: list[str] = field(default_factory=list)


class ExportDialog(QDialog):
    def __init__(self, choices: ExportChoices, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportBundleDialog")
        self.setWindowTitle("Export Bundle")
        self._choices = choices
        self.scope_buttons = QButtonGroup(self)
        self.collection = QComboBox(self)
        self.theme = QComboBox(self)
        for combo, options in ((self.collection, choices.collections), (self.theme, choices.themes)):
            for item_id, name in options:
                combo.addItem(name, item_id)
        self.radios = {}
        scope_box = QGroupBox("What to export", self)
        grid = QGridLayout(scope_box)
        search_text = (f"The current search (“{choices.query}”)" if choices.query
                       else "The current search (type one first)")
        rows = [(EVERYTHING, "Everything in the library", None, True),
                (COLLECTION, "A collection", self.collection, bool(choices.collections)),
                (THEME, "A theme (with its sub-themes and evidence)", self.theme,
                 bool(choices.themes)),
                (SEARCH, search_text, None, bool(choices.query)),
                (SELECTION, f"The selected items ({counted(len(choices.selected_ids), 'item')})",
                 None, bool(choices.selected_ids))]
        for row, (key, text, combo, available) in enumerate(rows):
            radio = QRadioButton(text, scope_box)
            radio.setEnabled(available)
            self.scope_buttons.addButton(radio, key)
            self.radios[key] = radio
            grid.addWidget(radio, row, 0)
            if combo is not None:
                combo.setEnabled(False)
                radio.toggled.connect(combo.setEnabled)
                grid.addWidget(combo, row, 1)
        grid.setColumnStretch(1, 1)
        self.radios[EVERYTHING].setChecked(True)

        self.originals = QCheckBox("Include original files (PDFs, Word documents…)", self)
        self.originals.setChecked(True)
        self.encrypt = QCheckBox("Encrypt with a team passphrase", self)
        self.passphrase = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for edit in (self.passphrase, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setEnabled(False)
            self.encrypt.toggled.connect(edit.setEnabled)
        secret = QFormLayout()
        secret.addRow("Passphrase", self.passphrase)
        secret.addRow("Again", self.repeat)
        self.error = QLabel(self)
        self.error.setObjectName("exportError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton("Export…",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(self.originals)
        layout.addWidget(self.encrypt)
        layout.addLayout(secret)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def choose(self, key: int, option: str | None = None) -> None:
        """Pick a scope (and, for a collection or theme, the one named `option`)."""
        self.radios[key].setChecked(True)
        combo = {COLLECTION: self.collection, THEME: self.theme}.get(key)
        if combo is not None and option is not None:
            combo.setCurrentIndex(combo.findText(option))

    def problem(self) -> str:
        if self.encrypt.isChecked():
            if not self.passphrase.text():
                return "Type a team passphrase, or untick “Encrypt with a team passphrase”."
            if self.passphrase.text() != self.repeat.text():
                return "The two passphrases do not match; type the same passphrase twice."
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()

    def export_options(self) -> dict:
        """Keyword arguments for kb.bundle.export.export_bundle (after the path)."""
        options: dict = {"originals": self.originals.isChecked(),
                         "passphrase": self.passphrase.text() if self.encrypt.isChecked() else None}
        key = self.scope_buttons.checkedId()
        if key == COLLECTION:
            options["collection"] = self.collection.currentData()
        elif key == THEME:
            options["theme"] = self.theme.currentData()
        elif key == SEARCH:
            options["query"] = self._choices.query
        elif key == SELECTION:
            options["item_ids"] = list(self._choices.selected_ids)
        return options

    def scope_name(self) -> str:
        """A short name for the file, from the scope chosen."""
        key = self.scope_buttons.checkedId()
        if key == COLLECTION:
            return self.collection.currentText()
        if key == THEME:
            return self.theme.currentText().split(" › ")[-1]
        return {SEARCH: "search", SELECTION: "selection"}.get(key, "library")
