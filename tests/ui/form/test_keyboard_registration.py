"""A whole registration filled in and completed with the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.forms.validate import validate
from desktop.storage import records
from desktop.storage.records import RecordStatus
from tests.ui.form.conftest import open_new


class Keyboard:
    """Types into whatever has the focus, as a user would."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    @property
    def focus(self):
        return QApplication.focusWidget()

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus, text)

    def press(self, key: Qt.Key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus, key, modifier)

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times)

    def at(self, name: str) -> None:
        assert self.focus is not None and self.focus.accessibleName() == name, (
            f"focus is on {self.focus.accessibleName() if self.focus else None!r}, not {name!r}"
        )


def test_complete_registration_by_keyboard_only(qtbot, editor, store, adult_id):
    open_new(qtbot, editor)
    keys = Keyboard(qtbot)
    keys.at("Fødselsnummer / D-nummer")
    keys.type(adult_id)
    keys.tab()
    keys.type("Nordmann")
    keys.tab()
    keys.type("Kari")
    keys.tab()
    keys.at("Kjønn")
    keys.press(Qt.Key.Key_Down)  # Kvinne
    keys.tab()
    keys.at("Bostedskommune")
    keys.type("Oslo")
    keys.tab(6)  # resolves the municipality; past the address, phone and e-mail
    keys.at("Vitalstatus: Levende")
    keys.press(Qt.Key.Key_Space)
    keys.tab(5)  # past the guardian
    keys.at("Sjelden diagnose (ORPHA-kode)")
    keys.type("cystic fibrossis")
    keys.press(Qt.Key.Key_Return)
    keys.tab()
    keys.at("ICD-10-kode")
    keys.type("E84.0")
    keys.press(Qt.Key.Key_Return)
    keys.tab(2)
    keys.at("Diagnosesikkerhet: Bekreftet")
    keys.press(Qt.Key.Key_Space)
    keys.tab()
    keys.type("2010")
    keys.tab(2)
    keys.at("Diagnosegrunnlag")
    keys.press(Qt.Key.Key_Space)  # klinisk
    keys.press(Qt.Key.Key_Down, 2)
    keys.press(Qt.Key.Key_Space)  # molekylærgenetisk: genetic findings appear
    keys.tab()
    keys.at("Gen (HGNC-symbol)")
    keys.type("CFTR")
    keys.tab()
    keys.type("NM_000492.4:c.1521_1523del")
    keys.tab(2)
    keys.at("Zygositet")
    keys.press(Qt.Key.Key_Down, 2)  # homozygot
    keys.tab(2)
    keys.at("Klassifisering")
    keys.press(Qt.Key.Key_Down)  # patogen
    keys.tab(3)  # past "remove" and "add finding"
    keys.at("Navn")
    keys.type("Oslo universitetssykehus")
    keys.tab(4)  # org. number, sub-registry, "add diagnosis"
    keys.at("Informasjonsskriv")
    assert editor.ctx.binder.get(("information", "letter")) == "voksne"  # suggested from age
    keys.tab(4)
    keys.at("Navn")
    keys.type("Lege Legesen")
    keys.tab()
    keys.type("1234567")
    keys.tab()
    keys.at("Rolle")
    keys.press(Qt.Key.Key_Down, 2)  # sykehuslege
    keys.tab()
    keys.type("Oslo universitetssykehus")
    keys.tab(3)
    keys.at("Telefon")
    keys.type("22334455")

    with qtbot.waitSignal(editor.completed, timeout=5000):
        keys.press(Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)

    record = store.call(lambda c: records.get(c, editor.record_id))
    assert record.status is RecordStatus.COMPLETED
    payload = record.payload
    assert payload["patient"]["municipality"] == "0301"
    assert payload["patient"]["sex"] == "kvinne"
    diagnosis = payload["diagnoses"][0]
    assert diagnosis["orpha_code"] == "ORPHA:586"
    assert diagnosis["icd10"] == "E84.0"
    assert diagnosis["basis"] == ["klinisk", "molekylaergenetisk"]
    assert diagnosis["genetic_findings"] == [
        {
            "gene": "CFTR",
            "hgvs": "NM_000492.4:c.1521_1523del",
            "zygosity": "homozygot",
            "classification": "patogen",
        }
    ]
    result = validate(payload)
    assert result.ok and not result.warnings, [i.as_dict() for i in result.issues]
    # The form is read-only now, and the reporter is remembered for the next registration.
    assert editor.ctx.read_only and editor.revision_button.isVisible()
    assert store.get_setting("reporter_defaults")["hpr_number"] == "1234567"
    open_new(qtbot, editor)
    assert editor.ctx.binder.get(("reporter", "name")) == "Lege Legesen"
    assert editor.ctx.binder.get(("patient", "national_id")) is None
