"""The staff UI's building blocks: the report chart, the revision diff and the queue model."""

from __future__ import annotations

from desktop.forms.definition import load_form
from desktop.staff.model import FieldChange, Finding, Origin, ReviewItem, ReviewState
from desktop.ui.staff.chart import MAX_BARS, BarChart
from desktop.ui.staff.diff_view import DiffView, field_label
from desktop.ui.staff.queue_model import ITEM_ROLE, QueueFilter, ReviewQueueModel

ORIGIN = Origin("b" * 8, "k" * 32, "2026-11-30T10:00:00Z")


def _item(n: int, findings: list[Finding], state: ReviewState = ReviewState.PENDING) -> ReviewItem:
    payload = {
        "patient": {"family_name": f"Testesen{n}", "given_names": "Demo"},
        "diagnoses": [{"orpha_code": "ORPHA:558"}],
    }
    return ReviewItem(f"{n:08d}-0000-4000-8000-000000000000", 1, payload, ORIGIN, state, findings)


def test_chart_orders_bars_and_folds_the_tail(qtbot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_counts([(f"ORPHA:{n}", n) for n in range(1, MAX_BARS + 10)])
    bars = chart.bars
    assert len(bars) == MAX_BARS
    assert bars[0] == (f"ORPHA:{MAX_BARS + 9}", MAX_BARS + 9)
    assert bars[-1][0] == "Annet"  # bokmål catalogue
    assert sum(count for _, count in bars) == sum(range(1, MAX_BARS + 10))
    chart.resize(500, chart.minimumHeight())
    chart.grab()  # paints without Qt warnings
    chart.clear()
    assert chart.bars == []
    chart.grab()


def test_field_labels_come_from_the_form_in_bokmal() -> None:
    form = load_form()
    assert field_label(form, "patient.family_name") == "Pasient › Etternavn"
    assert (
        field_label(form, "diagnoses[1].genetic_findings[0].hgvs")
        == "Diagnose 2 › Genetiske funn 1 › Variant (HGVS)"
    )
    assert field_label(form, "modules.primaer-immunsvikt.hsct").startswith("Primær immunsvikt")
    assert field_label(None, "patient.sex") == "patient.sex"


def test_diff_view_shows_and_forgets_changes(qtbot) -> None:
    view = DiffView()
    qtbot.addWidget(view)
    view.show_changes(
        [
            FieldChange("patient.family_name", "Testesen", "Prøvesen"),
            FieldChange("diagnoses[0].icd10", None, "Q87.4"),
        ],
        load_form(),
    )
    assert view.rowCount() == 2
    assert view.item(0, 1).text() == "Testesen"
    assert view.item(0, 2).text() == "Prøvesen"
    assert view.item(1, 1).text() == "—"
    assert view.item(0, 0).toolTip() == "patient.family_name"
    # Choices by their labels, one choice of a multiple-choice field too.
    view.show_changes(
        [
            FieldChange("patient.sex", "mann", "kvinne"),
            FieldChange("diagnoses[0].basis[1]", None, "klinisk"),
        ],
        load_form(),
    )
    assert [view.item(r, 2).text() for r in range(2)] == ["Kvinne", "Klinisk undersøkelse"]
    view.clear_changes()
    assert view.rowCount() == 0


def test_queue_model_filters_by_state_and_finding(qtbot) -> None:
    model = ReviewQueueModel()
    items = [
        _item(1, []),
        _item(2, [Finding.DUPLICATE]),
        _item(3, [Finding.INVALID, Finding.REVISION]),
        _item(4, [], ReviewState.ACCEPTED),
    ]
    model.set_items(items)
    assert model.rowCount() == 3  # pending only by default
    assert model.data(model.index(0, 1)) == "Testesen1, Demo"
    assert model.data(model.index(0, 0)) == "Ingen funn"
    assert model.data(model.index(2, 0)) == "Valideringsfeil, Ny revisjon"
    assert model.data(model.index(1, 0), ITEM_ROLE) is items[1]
    model.set_filter(QueueFilter(finding=Finding.REVISION))
    assert [i.record_id for i in model.shown()] == [items[2].record_id]
    model.set_filter(QueueFilter(state=None))
    assert model.rowCount() == 4
    assert [i.record_id for i in model.clean_pending()] == [items[0].record_id]
    model.clear()
    assert model.rowCount() == 0
