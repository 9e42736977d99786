"""tools/carry_translations.py fills only what a person already translated, nothing else."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import carry_translations  # noqa: E402

HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="nb_NO">'


def _ts(path: Path, body: str) -> Path:
    path.write_text(f"{HEAD}{body}</TS>\n", encoding="utf-8")
    return path


def _translation(path: Path, context: str, source: str) -> ET.Element:
    for ctx in ET.parse(path).getroot().iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                if message.findtext("source") == source:
                    found = message.find("translation")
                    assert found is not None
                    return found
    raise AssertionError(f"{context}/{source} not in {path}")


def test_exact_matches_are_carried_and_the_rest_stays_unfinished(tmp_path):
    target = _ts(
        tmp_path / "target.ts",
        "<context><name>Form</name>"
        '<message><source>Save</source><translation type="unfinished"/></message>'
        '<message><source>New text</source><translation type="unfinished"/></message>'
        '<message numerus="yes"><source>%n record(s)</source>'
        '<translation type="unfinished"><numerusform/><numerusform/></translation></message>'
        "</context>"
        "<context><name>Other</name>"
        '<message><source>Save</source><translation type="unfinished"/></message>'
        "</context>",
    )
    donor = _ts(
        tmp_path / "donor.ts",
        "<context><name>Form</name>"
        "<message><source>Save</source><translation>Lagre</translation></message>"
        '<message><source>New text</source><translation type="unfinished">Ny</translation>'
        "</message>"
        '<message numerus="yes"><source>%n record(s)</source><translation>'
        "<numerusform>%n registrering</numerusform><numerusform>%n registreringer</numerusform>"
        "</translation></message>"
        "</context>",
    )
    left = carry_translations.carry(target, [donor])
    assert _translation(target, "Form", "Save").text == "Lagre"
    assert _translation(target, "Form", "Save").get("type") is None
    forms = _translation(target, "Form", "%n record(s)").findall("numerusform")
    assert [f.text for f in forms] == ["%n registrering", "%n registreringer"]
    # a donor's own unfinished entry is no translation, and another context is not guessed
    assert sorted(left) == [("Form", "New text", False), ("Other", "Save", False)]
    assert _translation(target, "Other", "Save").get("type") == "unfinished"

    left = carry_translations.carry(target, [donor], any_context=True)
    assert _translation(target, "Other", "Save").text == "Lagre"
    assert left == [("Form", "New text", False)]


def test_with_the_base_a_donors_change_is_taken_unless_both_changed(tmp_path):
    def one(path, complete, finish):
        return _ts(
            path,
            "<context><name>Editor</name>"
            f"<message><source>&amp;Complete</source><translation>{complete}</translation>"
            "</message>"
            f"<message><source>Finish</source><translation>{finish}</translation></message>"
            "</context>",
        )

    base = one(tmp_path / "base.ts", "&amp;Ferdigstill", "Fullfør")
    donor = one(tmp_path / "donor.ts", "Fer&amp;digstill", "Avslutt")
    target = one(tmp_path / "target.ts", "&amp;Ferdigstill", "Gjør ferdig")
    conflicts: list = []
    carry_translations.carry(target, [donor], base=[base], conflicts=conflicts)
    assert _translation(target, "Editor", "&Complete").text == "Fer&digstill"  # donor's fix
    assert _translation(target, "Editor", "Finish").text == "Gjør ferdig"  # both changed: kept
    assert conflicts == [("Editor", "Finish", False)]
