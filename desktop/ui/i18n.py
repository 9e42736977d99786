"""Loading the UI translations.

Source strings are English (``self.tr``); bokmål is the default UI language, so the bokmål
catalogue is installed unless the profile or the command line asks for English. The
compiled ``.qm`` files are kept in ``resources/i18n`` beside their ``.ts`` sources so a
checkout runs without a build step.

The store's error texts are not Qt strings: they come in both languages from the core, and
``current_language`` tells the UI which one to show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.resources import resource_path

Language = Literal["nb", "en"]
LANGUAGES: tuple[Language, ...] = ("nb", "en")
DEFAULT_LANGUAGE: Language = "nb"
CATALOGUE = "sjelden"

_current: Language = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resource_path("i18n")


def normalize(language: str | None) -> Language:
    """Unknown or missing choices fall back to bokmål, the register's working language."""
    if language in LANGUAGES:
        return language  # type: ignore[return-value]
    return DEFAULT_LANGUAGE


def catalogue_names(lang: Language) -> list[str]:
    """The shell's catalogue first, then any part's own (``sjelden_form_nb``, ...).

    Parts worked on in parallel (the form editor) keep their own catalogue so two people
    never edit one .ts file; the app loads them all.
    """
    extra = sorted(
        path.stem
        for path in translations_dir().glob(f"{CATALOGUE}_*_{lang}.qm")
        if path.stem != f"{CATALOGUE}_{lang}"
    )
    return [f"{CATALOGUE}_{lang}", *extra]


def install(language: str | None) -> Language:
    """Install the catalogues for ``language`` on the running application (replacing any)."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    lang = normalize(language)
    while _installed:
        app.removeTranslator(_installed.pop())
    for name in catalogue_names(lang):
        translator = QTranslator(app)
        if not translator.load(name, str(translations_dir())):
            raise FileNotFoundError(f"translation catalogue {name}.qm is missing")
        app.installTranslator(translator)
        _installed.append(translator)
    _current = lang
    QLocale.setDefault(
        QLocale(
            QLocale.Language.NorwegianBokmal if lang == "nb" else QLocale.Language.English,
            QLocale.Country.Norway,
        )
    )
    return lang


def current_language() -> Language:
    return _current
