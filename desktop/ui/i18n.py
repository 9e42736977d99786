"""Loading the UI translations.

Source strings are English (``self.tr``); bokmål is the default UI language, so the bokmål
catalogue is installed unless the profile or the command line asks for English. The
compiled ``.qm`` files are kept in ``resources/i18n`` beside their ``.ts`` sources so a
checkout runs without a build step. They are read as bytes through ``desktop.resources``
(``QTranslator.load(data)``), so they need not be files on disk (a wheel, a bundle); Qt does
not copy that data, so each translator keeps its bytes alive beside it.

The core's messages (errors, validation, sync status) are not Qt strings: they come from
the core's catalogues (``desktop.messages``) in both languages, and ``current_language``
tells the UI which one to show. The UI's language is the core's ``Lang``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.messages import DEFAULT_LANG, Lang, normalize
from desktop.resources import Traversable, resource_path

CATALOGUE = "sjelden"

_current: Lang = DEFAULT_LANG
_installed: list[tuple[QTranslator, bytes]] = []


def translations_dir() -> Traversable:
    return resource_path("i18n")


def catalogue_name(lang: Lang) -> str:
    """One catalogue per language for all of ``desktop/ui``: a string two windows share is
    translated once (``tools/update_translations.py``)."""
    return f"{CATALOGUE}_{lang}"


def install(language: str | None) -> Lang:
    """Install the catalogue for ``language`` on the running application (replacing any)."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    lang = normalize(language)
    while _installed:
        app.removeTranslator(_installed.pop()[0])
    name = catalogue_name(lang)
    translator = QTranslator(app)
    try:
        data = (translations_dir() / f"{name}.qm").read_bytes()
    except OSError:
        data = b""
    if not data or not translator.load(data):
        raise FileNotFoundError(
            f"translation catalogue {name}.qm is missing or damaged: reinstall the application"
        )
    app.installTranslator(translator)
    _installed.append((translator, data))
    _current = lang
    QLocale.setDefault(
        QLocale(
            QLocale.Language.NorwegianBokmal if lang == "nb" else QLocale.Language.English,
            QLocale.Country.Norway,
        )
    )
    return lang


def current_language() -> Lang:
    return _current
