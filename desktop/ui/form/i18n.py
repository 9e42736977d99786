"""The form editor's own translation catalogue (``resources/i18n/sjelden_form_<lang>.qm``).

Kept apart from the shell's ``sjelden_<lang>`` catalogue so the two can be edited in
parallel; install it beside the shell's (``install(lang)`` after ``desktop.ui.i18n.install``).
Field labels, help texts and option labels are not here: they come from the form definition.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.ui.i18n import normalize, translations_dir

CATALOGUE = "sjelden_form"
_installed: QTranslator | None = None


def install(language: str | None) -> None:
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = QTranslator(app)
    lang = normalize(language)
    if not translator.load(f"{CATALOGUE}_{lang}", str(translations_dir())):
        raise FileNotFoundError(f"translation catalogue {CATALOGUE}_{lang}.qm is missing")
    app.installTranslator(translator)
    _installed = translator
