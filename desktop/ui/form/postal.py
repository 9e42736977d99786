"""Poststed filled in from the postnummer, as the clinician types it.

Wherever a container holds both ``postal_code`` and ``postal_place`` (the patient's postal
address), four digits that Posten's register knows put its poststed into the town field,
through the field's own commit so autosave and validation see it like a typed value. A town
the clinician typed is never replaced; one this filler put there follows the code (and goes
when the code no longer names a place).
"""

from __future__ import annotations

from desktop.forms.codelists.postal import postal_place
from desktop.ui.form.binding import Path, path_text
from desktop.ui.form.context import EditorContext

CODE_KEY = "postal_code"
PLACE_KEY = "postal_place"


class PostalPlaceFiller:
    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self._filled: dict[str, str] = {}  # place field key -> the town this filler put there

    def reset(self) -> None:
        """A record was shown: what is in its town fields counts as typed."""
        self._filled.clear()

    def edited(self, path: Path) -> None:
        if not path or path[-1] != CODE_KEY or self.ctx.read_only:
            return
        place_key = path_text((*path[:-1], PLACE_KEY))
        widget = self.ctx.widgets.get(place_key)
        if widget is None:
            return
        current = widget.current_value()
        ours = self._filled.get(place_key)
        if current is not None and current != ours:
            return  # the clinician's own town
        found = postal_place(self.ctx.binder.get(path))
        if found == current:
            return
        if found is None:
            self._filled.pop(place_key, None)
        else:
            self._filled[place_key] = found
        widget.load(found)
        widget.commit(found)
