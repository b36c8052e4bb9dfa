"""A strip above a draft offering text that was typed but never saved (the app crashed or was
closed before it could save): Restore puts it back in the editor, Discard forgets it."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class RecoveryBar(QFrame):
    restore_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recoveryBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.restore_button = QPushButton("Restore", self)
        self.restore_button.setToolTip("Put the unsaved text back in the editor")
        self.restore_button.clicked.connect(self.restore_requested.emit)
        self.discard_button = QPushButton("Discard", self)
        self.discard_button.setToolTip("Keep the draft as last saved and forget the unsaved text")
        self.discard_button.clicked.connect(self.discard_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.hide()

    def offer(self, words: int) -> None:
        self.label.setText(f"This draft has unsaved text from last time ({words:,} words), "
                           "kept when the app closed before saving. Restore it?")
        self.show()
