"""Finding the mnemonics (Alt+letter) a window offers, and the ones that clash.

Qt gives Alt+letter to the first '&'-marked letter of a button, check box, radio button,
group box, tab, menu title or menu item, and to a label with a buddy. Two of them that are
active at the same time share the key: Alt+F then opens whichever Qt picks (the Fil menu
instead of Ferdigstill). Who competes:

- the titles of a window's menu bar, and everything visible in the window outside the
  form's sections (buttons, labels, tabs): the window scope;
- the items of one menu, among themselves (a menu's letters only work while it is open);
- the labels of one titled box of the form (a section or module, a group such as the
  address, a repeating field's box), among themselves and against the window scope: a
  letter the window uses would go to the window's target first. Repeated items (Diagnose 1,
  Diagnose 2) repeat their letters, and Qt cycles through them; so it does through two boxes
  that share a letter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after the first single '&' ('&&' is a literal ampersand), lower-cased."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] == "&":
                index += 2
                continue
            return text[index + 1].lower()
        index += 1
    return None


@dataclass(frozen=True)
class Holder:
    letter: str
    text: str
    scope: str


def _scope_of(widget: QWidget, window: QWidget) -> str:
    from desktop.ui.form.fields import BoxField
    from desktop.ui.form.sections import ModuleView, SectionView

    parent: QWidget | None = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, SectionView | ModuleView):
            return f"section {parent.key}"
        if isinstance(parent, BoxField):
            return f"section {parent.key}"
        parent = parent.parentWidget()
    return "window"


def holders(window: QWidget) -> list[Holder]:
    """Every mnemonic the window offers now (visible widgets only, its menus' items)."""
    found: list[Holder] = []
    bar = getattr(window, "menuBar", None)
    menus: list[tuple[str, QMenu]] = []
    if callable(bar) and window.findChildren(QMenu):
        for action in window.menuBar().actions():
            letter = mnemonic(action.text())
            if letter and action.isVisible():
                found.append(Holder(letter, action.text(), "window"))
            if action.menu() is not None:
                menus.append((action.text(), action.menu()))
    for title, menu in menus:
        for action in menu.actions():
            letter = mnemonic(action.text())
            if letter and action.isVisible() and not action.isSeparator():
                found.append(Holder(letter, action.text(), f"menu {title}"))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        for text in texts:
            letter = mnemonic(text)
            if letter:
                found.append(Holder(letter, text, _scope_of(widget, window)))
    return found


def clashes(window: QWidget) -> list[str]:
    """Each letter that two holders share within one scope, described for the failure."""
    by_scope: dict[str, list[Holder]] = defaultdict(list)
    for holder in holders(window):
        by_scope[holder.scope].append(holder)
    window_scope = by_scope.get("window", [])
    problems = []
    for scope, members in sorted(by_scope.items()):
        letters: dict[str, list[str]] = defaultdict(list)
        for holder in members:
            letters[holder.letter].append(holder.text)
        if scope.startswith("section"):
            # one repeated item's labels are not a clash: count each text once
            letters = defaultdict(list, {k: sorted(set(v)) for k, v in letters.items()})
            for holder in window_scope:
                if holder.letter in letters:
                    letters[holder.letter].append(f"{holder.text} (window)")
        for letter, texts in sorted(letters.items()):
            if len(texts) > 1:
                problems.append(f"{scope}: Alt+{letter.upper()}: {' / '.join(texts)}")
    return problems
