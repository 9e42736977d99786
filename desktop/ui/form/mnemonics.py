"""Alt+letter for every field label of the form, chosen so that no two clash.

A label's letter moves the focus to its field (``QLabel.setBuddy``). Letters are chosen per
titled box: a section or module, and each group (the address, the guardian) or repeated item
(a genetic finding) inside it, whose labels are read together. Within a box each label gets a
letter of its own where the captions allow it (a matching, each caption trying the first
letters of its words first). A letter the window already uses (its menu titles, the
editor's buttons) is never taken: Qt would give Alt+F to the Fil menu and the label's field
would not be reached. Repeated items (Diagnose 1, Diagnose 2) repeat their letters; Qt cycles
through the targets of one letter on each press.

The choice depends on the definition and the language alone, so it is made once per window
and a repeated item added later gets the same letters as the first one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QStackedWidget, QWidget

from desktop.forms.definition import Field, FieldType, FormDefinition
from desktop.messages import Lang
from desktop.ui.form.binding import Path, path_text

_BOXES = (FieldType.GROUP, FieldType.REPEAT)


def letter_of(text: str) -> str | None:
    """The letter after the first single '&' ('&&' is a literal ampersand), lower-cased."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return text[index + 1].lower()
            index += 1
        index += 1
    return None


def with_mnemonic(caption: str, index: int | None) -> str:
    """``caption`` as label text: literal ampersands doubled, '&' before ``index``."""
    if index is None:
        return caption.replace("&", "&&")
    return caption[:index].replace("&", "&&") + "&" + caption[index:].replace("&", "&&")


def _candidates(caption: str) -> Iterator[int]:
    starts = [
        i for i, c in enumerate(caption) if c.isalpha() and (i == 0 or not caption[i - 1].isalnum())
    ]
    yield from starts
    yield from (i for i, c in enumerate(caption) if c.isalpha() and i not in starts)


def choose(captions: Sequence[str], taken: Iterable[str]) -> list[int | None]:
    """For each caption the index of its letter (None: no letter left for it).

    A matching of captions to free letters, found by augmenting paths (Kuhn): as many labels
    as possible get a letter, each caption trying its word-initial letters first; a caption
    earlier in the form keeps its preferred letter unless a later one has no other choice."""
    reserved = {letter.lower() for letter in taken}
    options = [
        [i for i in _candidates(caption) if caption[i].lower() not in reserved]
        for caption in captions
    ]
    owner: dict[str, int] = {}  # letter -> caption index
    chosen: list[int | None] = [None] * len(captions)

    def place(number: int, seen: set[str]) -> bool:
        for index in options[number]:
            letter = captions[number][index].lower()
            if letter in seen:
                continue
            seen.add(letter)
            if letter not in owner or place(owner[letter], seen):
                owner[letter] = number
                chosen[number] = index
                return True
        return False

    for number in range(len(captions)):
        place(number, set())
    return chosen


def template(path: Path) -> str:
    """A field's path without item numbers: the same for every repeated item."""
    return path_text(tuple(step for step in path if not isinstance(step, int)))


def _scopes(fields: Sequence[Field], path: Path) -> Iterator[list[tuple[str, Field]]]:
    """The labelled fields of one titled box (a section, a group such as the address, one
    repeated item), each box a scope of its own: its labels are read together."""
    own: list[tuple[str, Field]] = []
    for item in fields:
        here = (*path, item.key)
        if item.type in _BOXES:
            yield from _scopes(item.fields, here)  # the box's title carries no letter
        else:
            own.append((template(here), item))
    yield own


def plan(form: FormDefinition, lang: Lang, taken: Iterable[str]) -> dict[str, int]:
    """Field template -> index of its letter in the caption, per titled box."""
    reserved = set(taken)
    roots: list[tuple[Sequence[Field], Path]] = [(s.fields, (s.key,)) for s in form.sections]
    roots += [(m.fields, ("modules", m.id)) for m in form.modules]
    result: dict[str, int] = {}
    for fields, path in roots:
        for labelled in _scopes(fields, path):
            captions = [item.label.get(lang) for _, item in labelled]
            for (key, _), index in zip(labelled, choose(captions, reserved), strict=True):
                if index is not None:
                    result[key] = index
    return result


def window_letters(editor: QWidget, content: QWidget) -> set[str]:
    """The letters the editor's window uses outside the fields: its menu titles, and the
    buttons and buddy labels of the page the editor is on (hidden ones too: the editor's
    buttons change with the record's state)."""
    letters: set[str] = set()
    window = editor.window()
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        letters |= {x for a in window.menuBar().actions() if (x := letter_of(a.text()))}
    page = editor
    while (parent := page.parentWidget()) is not None and not isinstance(parent, QStackedWidget):
        page = parent
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        if content.isAncestorOf(widget) or widget is content:
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        letter = letter_of(widget.text())
        if letter:
            letters.add(letter)
    return letters
