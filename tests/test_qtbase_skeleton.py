"""tools/qtbase_skeleton.py reads Qt's compiled catalogues, keeps only Qt 6's own strings of
the chosen contexts, keeps what a person translated, and our qtbase_nb.ts is in step with it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

# The tool reads Qt's shipped catalogues and runs Qt's lrelease: a Qt tool, not core.
pytest.importorskip("PySide6", reason="the qtbase catalogue tool needs Qt's files and tools")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import qtbase_skeleton  # noqa: E402
import update_translations  # noqa: E402

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nn_NO">
<context><name>QFileDialog</name>
  <message><source>&amp;Open</source><translation>&amp;Opna</translation></message>
  <message><source>Gone in Qt 6</source><translation>Borte</translation></message>
</context>
<context><name>QPrintDialog</name>
  <message numerus="yes"><source>%n page(s)</source>
    <translation><numerusform>%n side</numerusform><numerusform>%n sider</numerusform></translation>
  </message>
</context>
<context><name>QSomethingElse</name>
  <message><source>&amp;Open</source><translation>Opna</translation></message>
</context>
</TS>
"""


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    """A real .qm, compiled by Qt's lrelease, named like a shipped nynorsk catalogue."""
    ts = tmp_path / "qtbase_nn.ts"
    ts.write_text(TS, encoding="utf-8")
    qm = tmp_path / "qtbase_nn.qm"
    subprocess.run(
        [update_translations.tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
    )
    return qm


def test_read_qm_gives_context_source_and_every_plural_form(compiled: Path) -> None:
    messages = {
        (m.context, m.source): m.translations
        for m in qtbase_skeleton.read_qm(compiled.read_bytes())
    }
    assert messages[("QFileDialog", "&Open")] == ["&Opna"]
    assert messages[("QPrintDialog", "%n page(s)")] == ["%n side", "%n sider"]
    with pytest.raises(ValueError):
        qtbase_skeleton.read_qm(b"not a catalogue")


def test_only_qt_s_own_strings_of_the_chosen_contexts_and_done_work_is_kept(
    compiled: Path, tmp_path: Path
) -> None:
    literals = b"\0&Open\0%n page(s)\0"  # what the Qt libraries hold; "Gone in Qt 6" is not
    entries = qtbase_skeleton.collect([compiled], literals)
    assert [(e.context, e.source, e.numerus) for e in entries] == [
        ("QFileDialog", "&Open", False),
        ("QPrintDialog", "%n page(s)", True),
    ]
    out = tmp_path / "qtbase_nb.ts"
    qtbase_skeleton.write(qtbase_skeleton.skeleton(entries, {}), out)
    root = ET.parse(out).getroot()
    first = root.find("context/message")
    assert first is not None
    assert first.findtext("translatorcomment") == "nn: &Opna"  # for reference only
    assert first.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    plural = root.findall("context")[1].find("message/translation")
    assert plural is not None and len(plural.findall("numerusform")) == 2

    first.find("translation").text = "&Åpne"  # type: ignore[union-attr]
    del first.find("translation").attrib["type"]  # type: ignore[union-attr]
    qtbase_skeleton.write(root, out)
    again = qtbase_skeleton.skeleton(entries, qtbase_skeleton.existing(out))
    kept = again.find("context/message/translation")
    assert kept is not None and kept.text == "&Åpne" and kept.get("type") is None


def test_our_catalogue_holds_exactly_this_qt_s_strings(tmp_path: Path) -> None:
    """After a PySide6 upgrade this fails until tools/qtbase_skeleton.py is run again."""
    out = tmp_path / "qtbase_nb.ts"
    shipped = ROOT / "resources" / "i18n" / "qtbase_nb.ts"
    out.write_bytes(shipped.read_bytes())
    assert qtbase_skeleton.main(["--out", str(out)]) == 0
    assert out.read_text("utf-8") == shipped.read_text("utf-8")
