"""Loading the UI translations.

Source strings are English (``self.tr``); bokmål is the default UI language, so the bokmål
catalogue is installed unless the profile or the command line asks for English. The
compiled ``.qm`` files are kept in ``resources/i18n`` beside their ``.ts`` sources so a
checkout runs without a build step. They are read as bytes through ``desktop.resources``
(``QTranslator.load(data)``), so they need not be files on disk (a wheel, a bundle); Qt does
not copy that data, so each translator keeps its bytes alive beside it.

Qt's own widgets (file and print dialogs, a message box's standard buttons, a line edit's
context menu) speak through Qt's ``qtbase`` catalogue, and Qt 6 ships none for bokmål (only
nynorsk and Danish). Ours, ``qtbase_nb.qm`` (written by hand on the skeleton
``tools/qtbase_skeleton.py`` makes from Qt's own catalogues), is installed after our catalogue
when the language is bokmål; English needs none, Qt's source strings are English.

The core's messages (errors, validation, sync status) are not Qt strings: they come from
the core's catalogues (``desktop.messages``) in both languages, and ``current_language``
tells the UI which one to show. The UI's language is the core's ``Lang``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.messages import DEFAULT_LANG, Lang, normalize
from desktop.resources import Traversable, resource_path

CATALOGUE = "sjelden"
#: our catalogues of Qt's own strings, by language (English needs none)
QT_CATALOGUES: dict[Lang, str] = {"nb": "qtbase_nb"}

_current: Lang = DEFAULT_LANG
_installed: list[tuple[QTranslator, bytes]] = []


def translations_dir() -> Traversable:
    return resource_path("i18n")


def catalogue_name(lang: Lang) -> str:
    """One catalogue per language for all of ``desktop/ui``: a string two windows share is
    translated once (``tools/update_translations.py``)."""
    return f"{CATALOGUE}_{lang}"


def catalogue_names(lang: Lang) -> list[str]:
    """The catalogues installed for ``lang``, ours first, then Qt's own strings'."""
    names = [catalogue_name(lang)]
    if lang in QT_CATALOGUES:
        names.append(QT_CATALOGUES[lang])
    return names


def _load(name: str, parent: QCoreApplication) -> tuple[QTranslator, bytes]:
    translator = QTranslator(parent)
    try:
        data = (translations_dir() / f"{name}.qm").read_bytes()
    except OSError:
        data = b""
    if not data or not translator.load(data):
        raise FileNotFoundError(
            f"translation catalogue {name}.qm is missing or damaged: reinstall the application"
        )
    return translator, data


def install(language: str | None) -> Lang:
    """Install the catalogues for ``language`` on the running application (replacing any).

    Qt sends every widget a ``QEvent.LanguageChange`` when a translator comes or goes, so
    windows that retranslate themselves follow a switch while the app runs. Every catalogue
    is loaded before any is swapped, so a damaged one leaves the current language in place.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    lang = normalize(language)
    loaded = [_load(name, app) for name in catalogue_names(lang)]
    while _installed:
        app.removeTranslator(_installed.pop()[0])
    for translator, data in loaded:
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
