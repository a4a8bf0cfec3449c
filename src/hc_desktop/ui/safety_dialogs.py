"""The emergency dialog and the first-run notice; imported on first use, not at start-up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def _text_label(text: str, parent: QWidget, accessible_name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(accessible_name)
    return label


class EmergencyDialog(QDialog):
    """The number to call, large and selectable; nothing in it needs the network."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Emergency"))
        self.setAccessibleName(self.tr("Emergency"))
        self.number_label = _text_label(number, self, self.tr("Emergency number"))
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.5)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice = _text_label(
            self.tr(
                "If you or someone else may be in danger, call {number} now, or the local "
                "emergency number where you are. This app cannot call for help, and the "
                "assistant is not able to help in an emergency."
            ).format(number=number),
            self,
            self.tr("What to do in an emergency"),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_label)
        layout.addWidget(self.advice)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)
        self.close_button.setFocus()


class FirstRunNotice(QDialog):
    """Shown once per profile before the app is used; acknowledged with "I understand"."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(self.tr("Before you start"))
        self.setAccessibleName(self.tr("Before you start"))
        self.message = _text_label(
            self.tr(
                "Health Companion gives general health information. It is not a substitute "
                "for advice, diagnosis or treatment from a doctor, nurse or pharmacist, and it "
                "cannot judge how urgent something is.\n\n"
                "In an emergency, call your local emergency number ({number}) now. The "
                "Emergency? button and F9 show this number at any time."
            ).format(number=number),
            self,
            self.tr("About the health information in this app"),
        )
        buttons = QDialogButtonBox(self)
        self.understand_button = buttons.addButton(
            self.tr("I understand"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.understand_button.setAccessibleName(self.tr("I understand"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.understand_button.setDefault(True)
        self.understand_button.setFocus()
        self.resize(460, self.sizeHint().height())
