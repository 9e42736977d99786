"""Qt's own widgets speak the UI's language: our ``qtbase_nb`` catalogue in bokmål, Qt's
English source strings in English (Qt 6 ships no bokmål catalogue of its own)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from desktop.ui import i18n


def _plain(text: str) -> str:
    """A widget text without its mnemonic marker or a shortcut after a tab."""
    return text.split("\t")[0].replace("&", "")


def _file_dialog(qtbot) -> QFileDialog:
    dialog = QFileDialog(None, "", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _file_dialog_words(dialog: QFileDialog) -> tuple[set[str], set[str]]:
    labels = {_plain(label.text()) for label in dialog.findChildren(QLabel)}
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    buttons = {_plain(button.text()) for button in box.buttons()}
    return labels, buttons


def _message_box_buttons(qtbot) -> list[str]:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
    )
    return [
        _plain(box.button(which).text())
        for which in (
            QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Cancel,
        )
    ]


def _context_menu(qtbot) -> list[str]:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    try:
        return [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    finally:
        menu.deleteLater()


def test_bokmal_file_dialog_message_box_and_context_menu(qtbot):
    assert i18n.current_language() == "nb"
    labels, buttons = _file_dialog_words(_file_dialog(qtbot))
    assert {"Søk i:", "Filnavn:", "Filtype:"} <= labels
    assert buttons == {"Lagre", "Avbryt"}
    assert _message_box_buttons(qtbot) == ["Ja", "Nei", "Avbryt"]
    menu = _context_menu(qtbot)
    assert menu[:5] == ["&Angre", "&Gjør om", "Klipp &ut", "&Kopier", "&Lim inn"]
    assert {"Slett", "Merk alt"} <= set(menu)


def test_english_file_dialog_message_box_and_context_menu(qtbot):
    i18n.install("en")  # the autouse fixture puts bokmål back afterwards
    labels, buttons = _file_dialog_words(_file_dialog(qtbot))
    assert {"Look in:", "File name:", "Files of type:"} <= labels
    assert buttons == {"Save", "Cancel"}
    assert _message_box_buttons(qtbot) == ["Yes", "No", "Cancel"]
    menu = _context_menu(qtbot)
    assert menu[:5] == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste"]


def test_an_open_file_dialog_follows_a_language_switch(qtbot):
    dialog = _file_dialog(qtbot)
    i18n.install("en")
    qtbot.waitUntil(lambda: "File name:" in _file_dialog_words(dialog)[0])
    assert _file_dialog_words(dialog)[1] == {"Save", "Cancel"}
    i18n.install("nb")
    qtbot.waitUntil(lambda: "Filnavn:" in _file_dialog_words(dialog)[0])
    assert _file_dialog_words(dialog)[1] == {"Lagre", "Avbryt"}


def test_every_qt_string_we_show_has_its_bokmal_words():
    """The catalogue is complete, and keeps Qt's mnemonics and placeholders."""
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(i18n.translations_dir() / "qtbase_nb.ts")
    problems = []
    for context in tree.getroot().iter("context"):
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = translation.text or ""
            where = f"{context.findtext('name')}: {source!r}"
            if translation.get("type") == "unfinished" or not text.strip():
                problems.append(f"untranslated {where}")
            if sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", text)):
                problems.append(f"placeholders differ {where}")
            if source.replace("&&", "").count("&") - source.count("&nbsp;") != text.replace(
                "&&", ""
            ).count("&") - text.count("&nbsp;"):
                problems.append(f"mnemonic lost {where}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["qtbase_nb.qm", "sjelden_nb.qm", "sjelden_en.qm"])
def test_compiled_catalogues_ship_with_the_package(name):
    assert (i18n.translations_dir() / name).read_bytes()[:4] == bytes.fromhex("3cb86418")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nb", {"Neste side", "Forrige side", "Skriv ut", "Utskriftsformat", "Liggende"}),
        ("en", {"Next page", "Previous page", "Print", "Page setup", "Landscape"}),
    ],
)
def test_the_print_preview_speaks_the_language(qtbot, lang, words):
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    i18n.install(lang)  # the autouse fixture puts bokmål back afterwards
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    shown = {action.text() for action in dialog.findChildren(QAction)}
    assert words <= shown


@pytest.mark.parametrize(
    ("lang", "names"),
    [("nb", ["Rull til venstre", "Rull til høyre"]), ("en", ["Scroll Left", "Scroll Right"])],
)
def test_a_tab_bars_scroll_buttons_speak_the_language(qtbot, lang, names):
    """The staff window's tabs scroll when the window is narrow; Qt names the buttons."""
    from PySide6.QtWidgets import QTabBar, QToolButton

    i18n.install(lang)  # the autouse fixture puts bokmål back afterwards
    bar = QTabBar()
    qtbot.addWidget(bar)
    buttons = sorted(bar.findChildren(QToolButton), key=lambda b: b.objectName())
    assert [b.objectName() for b in buttons] == ["ScrollLeftButton", "ScrollRightButton"]
    assert [b.accessibleName() for b in buttons] == names


def test_the_progress_dialog_and_a_combo_box_popup_are_bokmal(qtbot):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QProgressDialog

    assert i18n.current_language() == "nb"
    dialog = QProgressDialog()
    qtbot.addWidget(dialog)
    assert [_plain(b.text()) for b in dialog.findChildren(QPushButton)] == ["Avbryt"]
    context = "QComboBox"  # a variable: lupdate leaves Qt's strings to Qt's catalogue
    assert QCoreApplication.translate(context, "Open the combo box selection popup") == (
        "Åpne listen med valg"
    )
