"""Choosing a new passphrase: two fields, a live strength hint, and inline problems.

Used by first-run set-up, recovery and the change-passphrase dialog, so the rules and the
wording are the same everywhere. The score comes from the core (``passphrase_strength``);
this widget only explains what would raise it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from desktop.storage.profile import MIN_PASSPHRASE_LENGTH, passphrase_strength


def password_field(parent: QWidget, accessible_name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setClearButtonEnabled(False)
    return field


class PassphrasePair(QWidget):
    """New passphrase twice; ``passphrase()`` is the text once both agree and are long enough."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = password_field(self, self.tr("New passphrase"))
        self.second = password_field(self, self.tr("Repeat the passphrase"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
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
        score = passphrase_strength(text)
        self.meter.setValue(score)
        self.hint.setText(self.strength_hint(text, score))
        self.problem.setText(self._problem(final=False)[0])

    def strength_hint(self, text: str, score: int) -> str:
        if not text:
            return self.tr(
                "Use at least %1 characters. Several ordinary words in a row are easy to "
                "remember and hard to guess."
            ).replace("%1", str(MIN_PASSPHRASE_LENGTH))
        if score == 0:
            missing = MIN_PASSPHRASE_LENGTH - len(text)
            return self.tr("Too short: add %n more character(s).", "", missing)
        names = {
            1: self.tr("Weak"),
            2: self.tr("Fair"),
            3: self.tr("Good"),
            4: self.tr("Strong"),
        }
        advice: list[str] = []
        if len(text) < 20:
            advice.append(self.tr("make it longer (20 characters or more, e.g. one more word)"))
        if len(set(text.lower())) < 10:
            advice.append(self.tr("use more different characters"))
        kinds = sum(
            (
                any(c.islower() for c in text),
                any(c.isupper() for c in text),
                any(c.isdigit() for c in text),
                any(not c.isalnum() for c in text),
            )
        )
        if kinds < 3:
            advice.append(self.tr("mix in capital letters, digits or symbols"))
        if score >= 4 or not advice:
            return names[score] + ". " + self.tr("This is a good passphrase.")
        return names[score] + ". " + self.tr("Stronger: %1.").replace("%1", "; ".join(advice))

    def _problem(self, *, final: bool) -> tuple[str, QLineEdit | None]:
        """What is wrong and which field to fix; while typing, only once it is clear."""
        first, second = self.first.text(), self.second.text()
        if (final or first) and len(first) < MIN_PASSPHRASE_LENGTH:
            if final or second:
                text = self.tr("The passphrase is too short: use at least %1 characters.")
                return text.replace("%1", str(MIN_PASSPHRASE_LENGTH)), self.first
            return "", None
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
