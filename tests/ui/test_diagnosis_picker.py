import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from desktop.forms.codelists import default_search
from desktop.ui.diagnosis_picker import CODE_ROLE, DiagnosisPicker

# The offscreen platform warns that it cannot propagate size hints; that is not our bug.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def picker(qtbot):
    widget = DiagnosisPicker(default_search(), limit=10)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.query.setFocus()
    return widget


def test_typing_with_a_typo_then_enter_chooses_cystic_fibrosis(qtbot, picker):
    qtbot.keyClicks(picker.query, "cystic fibrossis")
    model = picker.results_model
    assert model.rowCount() > 0
    assert picker.status.text() == f"{model.rowCount()} treff"
    assert model.data(model.index(0), CODE_ROLE) == "ORPHA:586"
    assert "Cystisk fibrose" in model.data(model.index(0))
    with qtbot.waitSignal(picker.chosen) as signal:
        qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert signal.args == ["orpha", "ORPHA:586"]
    assert picker.choice() == ("orpha", "ORPHA:586")
    assert picker.query.text().startswith("ORPHA:586")


def test_down_arrow_walks_into_the_results_and_enter_picks_that_row(qtbot, picker):
    qtbot.keyClicks(picker.query, "E84")
    # The first hit is highlighted as you type (Enter takes it); Down moves on from there.
    assert picker.results.currentIndex().data(CODE_ROLE) == "E84"
    qtbot.keyClick(picker.query, Qt.Key.Key_Down)
    assert picker.results.hasFocus()
    assert picker.results.currentIndex().data(CODE_ROLE) == "E84.0"
    qtbot.keyClick(picker.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.chosen) as signal:
        qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    assert signal.args == ["icd10", "E84.1"]


def test_editing_again_clears_the_choice_and_no_hits_are_announced(qtbot, picker):
    qtbot.keyClicks(picker.query, "586")
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert picker.choice() == ("orpha", "ORPHA:586")
    picker.query.clear()
    qtbot.keyClicks(picker.query, "qqqqqq")
    assert picker.choice() is None
    assert picker.results_model.rowCount() == 0
    assert picker.status.text() == "Ingen treff"
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)  # nothing to choose: no signal, no error
    assert picker.choice() is None


def test_every_widget_has_an_accessible_name(picker):
    for widget in (picker.query, picker.results, picker.status):
        assert widget.accessibleName()
    assert picker.query.accessibleName() == "Søk etter diagnose"
    assert picker.query.placeholderText() == "Søk på kode, navn eller synonym"
    assert picker.results.accessibleName() == "Søkeresultater"
    assert picker.status.accessibleName() == "Antall treff"


def test_english_texts(qtbot):
    from desktop.ui import i18n

    i18n.install("en")  # the autouse fixture puts bokmål back afterwards
    widget = DiagnosisPicker(default_search(), limit=10)
    qtbot.addWidget(widget)
    assert widget.query.accessibleName() == "Search for a diagnosis"
    assert widget.query.placeholderText() == "Search by code, name or synonym"
    widget._run_search("E84")
    assert widget.status.text() == f"{widget.results_model.rowCount()} matches"
    widget._run_search("qqqqqq")
    assert widget.status.text() == "No matches"
