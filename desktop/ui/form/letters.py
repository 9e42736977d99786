"""The information-letter suggestion: which letter fits the patient's age on the
registration date (from the national id). An empty choice is pre-selected with the
suggestion; a choice that does not fit gets an amber hint at once (the validator's
warning, which must be confirmed, comes at completion)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from desktop.forms.rules import age_on
from desktop.forms.rules.information import suggest_information_letters
from desktop.forms.validate import derive_facts
from desktop.ui.form.context import EditorContext
from desktop.ui.form.fields import FieldWidget
from desktop.ui.form.style import colour_label

LETTER_RULE = "information_letter_fits_age"


class LetterAdvisor:
    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.field = next((f for f in ctx.form.iter_fields() if LETTER_RULE in f.rules), None)
        self.hint: QLabel | None = None
        self.suggested: list[str] = []

    def _widget(self) -> FieldWidget | None:
        if self.field is None:
            return None
        return self.ctx.widgets.get(self.field.path)

    def attach(self) -> None:
        widget = self._widget()
        if widget is None:
            return
        self.hint = QLabel(widget)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(
            QCoreApplication.translate("LetterAdvisor", "Suggested information letter")
        )
        widget.layout_.insertWidget(2, self.hint)
        self.hint.hide()

    def refresh(self, *, preselect: bool, today: dt.date | None = None) -> None:
        widget = self._widget()
        if widget is None or self.hint is None or self.field is None:
            return
        payload = self.ctx.binder.payload
        facts = derive_facts(payload, today or dt.date.today())
        if facts.birth_date is None:
            self.suggested = []
            self.hint.hide()
            return
        on = facts.reference_date
        age = age_on(facts.birth_date, on)
        self.suggested = suggest_information_letters(facts.birth_date, on)
        names = [self.ctx.text(o.label) for o in self.field.options if o.value in self.suggested]
        current = self.ctx.binder.get(widget.path)
        if current is None and preselect and not self.ctx.read_only:
            widget.load(self.suggested[0])
            widget.commit(self.suggested[0])
            current = self.suggested[0]
        text = (
            QCoreApplication.translate(
                "LetterAdvisor", "Suggested for age %1 on the registration date: %2"
            )
            .replace("%1", str(age))
            .replace("%2", ", ".join(names))
        )
        fits = current is None or current in self.suggested
        if not fits:
            text += " " + QCoreApplication.translate(
                "LetterAdvisor", "The chosen letter does not fit this age."
            )
        self.hint.setText(text)
        colour_label(self.hint, "hint" if fits else "warning")
        self.hint.show()
