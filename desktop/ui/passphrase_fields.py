"""Choosing a new passphrase: two fields, a live strength hint, and inline problems.

Used by first-run set-up, recovery and the change-passphrase dialog, so the rules and the
wording are the same everywhere. The score and the advice come from the core
(``passphrase_strength``: zxcvbn's estimate, its advice as our own coded texts in the UI
language); a passphrase the core would refuse is refused here first, with the same advice.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from desktop.storage import passphrase_strength
from desktop.storage.passphrase_strength import MIN_LENGTH, MIN_SCORE, Strength
from desktop.ui.i18n import current_language


def password_field(parent: QWidget, accessible_name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setClearButtonEnabled(False)
    return field


class PassphrasePair(QWidget):
    """New passphrase twice; ``passphrase()`` is the text once both agree and it is strong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = password_field(self, self.tr("New passphrase"))
        self.second = password_field(self, self.tr("Repeat the passphrase"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, passphrase_strength.MAX_SCORE)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Passphrase strength hint"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setAccessibleName(self.tr("Passphrase problem"))

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("&Passphrase:"), self.first)
        layout.addRow(self.tr("&Repeat passphrase:"), self.second)
        layout.addRow(self.tr("Strength:"), self.meter)
        layout.addRow("", self.hint)
        layout.addRow("", self.problem)
        for field in (self.first, self.second):
            field.textChanged.connect(self._update)
        self.setTabOrder(self.first, self.second)
        self._update()

    def _update(self) -> None:
        text = self.first.text()
        strength = passphrase_strength.estimate(text)
        self.meter.setValue(strength.score)
        self.hint.setText(self.strength_hint(text, strength))
        self.problem.setText(self._problem(final=False)[0])

    def strength_hint(self, text: str, strength: Strength) -> str:
        if not text:
            return passphrase_strength.rule(current_language())
        if not strength.long_enough:
            missing = MIN_LENGTH - len(text)
            return self.tr("Too short: add %n more character(s).", "", missing)
        names = {
            0: self.tr("Very weak"),
            1: self.tr("Weak"),
            2: self.tr("Fair"),
            3: self.tr("Good"),
            4: self.tr("Strong"),
        }
        name = names[strength.score]
        if strength.acceptable:
            return name + ". " + self.tr("This is a good passphrase.")
        needed = self.tr("Not yet accepted: at least %1 is needed.").replace("%1", names[MIN_SCORE])
        advice = " ".join(strength.advice(current_language())[1:])
        return " ".join(part for part in (name + ".", needed, advice) if part)

    def _problem(self, *, final: bool) -> tuple[str, QLineEdit | None]:
        """What is wrong and which field to fix; while typing, only once it is clear."""
        first, second = self.first.text(), self.second.text()
        if (final or first) and len(first) < MIN_LENGTH:
            if final or second:
                text = self.tr("The passphrase is too short: use at least %1 characters.")
                return text.replace("%1", str(MIN_LENGTH)), self.first
            return "", None
        if final:
            strength = passphrase_strength.estimate(first)
            if not strength.acceptable:
                text = self.tr("The passphrase is too easy to guess.")
                advice = " ".join(strength.advice(current_language()))
                return f"{text} {advice}", self.first
        if (final or second) and first != second and (final or len(second) >= len(first)):
            return self.tr("The two passphrases are not the same."), self.second
        return "", None

    def passphrase(self) -> str | None:
        """The chosen passphrase, or ``None`` after showing what is wrong."""
        problem, field = self._problem(final=True)
        self.problem.setText(problem)
        if field is not None:
            field.setFocus()
            return None
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.problem.clear()
