"""Write the skeleton of our own bokmål catalogue for Qt's own widgets (``qtbase_nb.ts``).

Why: Qt 6 ships no bokmål ``qtbase`` catalogue (``PySide6/Qt/translations`` has
``qtbase_nn.qm``, nynorsk, and ``qtbase_da.qm``, but no ``nb``), so without one the file
dialog, the print dialog, a message box's standard buttons and a line edit's context menu
are English inside the Norwegian UI. We translate the contexts this app shows ourselves.

The catalogue must hold Qt 6's exact (context, source) pairs, or Qt finds no translation.
Qt's sources are not in the wheel, but its compiled catalogues are: this tool reads every
shipped ``qtbase_*.qm`` (the format: a 16-byte magic, then tagged sections; section 0x69
holds the messages as tagged fields), keeps the messages of ``CONTEXTS``, and keeps a
source only if its text is a string literal of the Qt libraries of this PySide6 (an older
catalogue, such as nynorsk, still lists strings Qt 6 has since changed: "Look in:" became
"&Look in:"). The nynorsk translation, where there is one, goes in as a translator comment,
for reference only: the bokmål translation is written by hand.

Re-running keeps every translation already in ``resources/i18n/qtbase_nb.ts`` and adds new
messages as ``type="unfinished"``; ``tools/update_translations.py`` compiles the file to
``qtbase_nb.qm`` (it is not ``lupdate``-managed: its strings are not from our code) and
``tests/ui/test_translations.py`` fails while an entry is unfinished.

Usage: ``python tools/qtbase_skeleton.py [--out resources/i18n/qtbase_nb.ts]``.
"""

from __future__ import annotations

import argparse
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "i18n" / "qtbase_nb.ts"

#: the Qt contexts whose strings this app shows (file, print and message dialogs, the
#: standard buttons of the platform themes, line-edit and text context menus, spin boxes,
#: scroll bars, the page sizes the print and page setup dialogs list; the tab bar's scroll
#: buttons, the progress dialog's Cancel, a combo box's popup and the actions a screen
#: reader announces on every widget)
CONTEXTS: tuple[str, ...] = (
    "QFileDialog",
    "QFileSystemModel",
    "QPlatformTheme",
    "QGnomeTheme",
    "QMessageBox",
    "QDialogButtonBox",
    "QLineEdit",
    "QWidgetTextControl",
    "QUnicodeControlCharacterMenu",
    "QScrollBar",
    "QAbstractSpinBox",
    "QInputDialog",
    "QErrorMessage",
    "QPrintDialog",
    "QPrintPreviewDialog",
    "QPageSetupWidget",
    "QPrintWidget",
    "QPrintSettingsOutput",
    "QPrintPropertiesDialog",
    "QCupsJobWidget",
    "QPageSize",
    "QTabBar",
    "QProgressDialog",
    "QComboBox",
    "QAccessibleActionInterface",
)

#: the Qt libraries whose string literals decide which sources are Qt 6's
LIBRARIES: tuple[str, ...] = (
    "libQt6Core",
    "libQt6Gui",
    "libQt6Widgets",
    "libQt6PrintSupport",
    "libQt6XcbQpa",
)

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


@dataclass
class QmMessage:
    """One message of a compiled catalogue; ``translations`` has one entry per plural form."""

    context: str = ""
    source: str = ""
    comment: str = ""
    translations: list[str] = field(default_factory=list)


def read_qm(data: bytes) -> list[QmMessage]:
    """The messages of a ``.qm`` file (made by ``lrelease`` without ``-idbased``)."""
    if data[:16] != QM_MAGIC:
        raise ValueError("not a Qt .qm file")
    pos, sections = 16, {}
    while pos + 5 <= len(data):
        tag = data[pos]
        (length,) = struct.unpack(">I", data[pos + 1 : pos + 5])
        sections[tag] = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    blob = sections.get(_MESSAGES, b"")
    out: list[QmMessage] = []
    current, p = QmMessage(), 0
    while p < len(blob):
        tag = blob[p]
        p += 1
        if tag == _END:
            out.append(current)
            current = QmMessage()
            continue
        if tag == _OBSOLETE1:
            continue
        (length,) = struct.unpack(">I", blob[p : p + 4])
        p += 4
        if tag == _TRANSLATION:
            if length == 0xFFFFFFFF:  # a null translation: no bytes follow
                continue
            current.translations.append(blob[p : p + length].decode("utf-16-be"))
        elif tag == _SOURCE:
            current.source = blob[p : p + length].decode("utf-8", "replace")
        elif tag == _CONTEXT:
            current.context = blob[p : p + length].decode("utf-8", "replace")
        elif tag == _COMMENT:
            current.comment = blob[p : p + length].decode("utf-8", "replace")
        p += length
    return out


def qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt"


def qt_literals(libraries: Iterable[Path]) -> bytes:
    return b"\0".join(path.read_bytes() for path in libraries)


@dataclass
class Entry:
    context: str
    source: str
    comment: str
    numerus: bool
    nynorsk: list[str]


def collect(
    catalogues: Iterable[Path], literals: bytes, contexts: Iterable[str] = CONTEXTS
) -> list[Entry]:
    """The (context, source, comment) triples of ``contexts`` that Qt 6 really uses."""
    wanted = set(contexts)
    entries: dict[tuple[str, str, str], Entry] = {}
    in_qt: dict[str, bool] = {}  # each source searched once: the libraries are large
    for path in sorted(catalogues):
        nynorsk = path.name == "qtbase_nn.qm"
        for msg in read_qm(path.read_bytes()):
            if msg.context not in wanted or not msg.source:
                continue
            if msg.source not in in_qt:
                in_qt[msg.source] = msg.source.encode("utf-8") in literals
            if not in_qt[msg.source]:
                continue
            key = (msg.context, msg.source, msg.comment)
            entry = entries.setdefault(key, Entry(*key, numerus=False, nynorsk=[]))
            entry.numerus = entry.numerus or len(msg.translations) > 1 or "%n" in msg.source
            if nynorsk:
                entry.nynorsk = msg.translations
    order = {name: i for i, name in enumerate(CONTEXTS)}
    return sorted(entries.values(), key=lambda e: (order.get(e.context, 99), e.source))


def existing(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    """The translations already written in ``path``, by (context, source, comment)."""
    if not path.exists():
        return {}
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                found[key] = translation
    return found


def skeleton(entries: list[Entry], keep: dict[tuple[str, str, str], ET.Element]) -> ET.Element:
    root = ET.Element("TS", version="2.1", language="nb_NO", sourcelanguage="en")
    contexts: dict[str, ET.Element] = {}
    for entry in entries:
        context = contexts.get(entry.context)
        if context is None:
            context = contexts[entry.context] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = entry.context
        message = ET.SubElement(context, "message")
        if entry.numerus:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = entry.source
        if entry.comment:
            ET.SubElement(message, "comment").text = entry.comment
        if entry.nynorsk:
            ET.SubElement(message, "translatorcomment").text = "nn: " + " | ".join(entry.nynorsk)
        kept = keep.get((entry.context, entry.source, entry.comment))
        if kept is not None:
            message.append(kept)
            continue
        translation = ET.SubElement(message, "translation", type="unfinished")
        if entry.numerus:
            for _ in range(2):  # bokmål has two plural forms: one, other
                ET.SubElement(translation, "numerusform")
    ET.indent(root, space="    ")
    return root


def write(root: ET.Element, path: Path) -> None:
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET, help="the .ts file to write")
    args = parser.parse_args(argv)
    qt = qt_dir()
    libraries = [p for name in LIBRARIES for p in sorted((qt / "lib").glob(f"{name}.so*"))]
    if not libraries:
        libraries = [p for name in LIBRARIES for p in sorted(qt.rglob(f"{name}*"))]
    entries = collect((qt / "translations").glob("qtbase_*.qm"), qt_literals(libraries))
    keep = existing(args.out)
    write(skeleton(entries, keep), args.out)
    unfinished = sum(1 for e in entries if (e.context, e.source, e.comment) not in keep)
    print(f"{len(entries)} messages in {args.out}; {unfinished} to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
