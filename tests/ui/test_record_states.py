"""States as they are, in the words the clinician reads (issue 16 point 4): a record set aside
before sending is not "Avvist"; the register's reason reads as words; a duplicate decision
says so. Real store, the real list model's note and status columns."""

from __future__ import annotations

import random

from desktop.storage import records
from desktop.storage.connection import transaction
from desktop.storage.records import RecordStatus
from desktop.sync import outbox, status
from desktop.ui.record_model import note_text, status_label, sync_notes
from tests.helpers import synthetic
from tests.ui.conftest import PASSPHRASE


def _completed(conn, rng) -> str:
    payload = synthetic.record(rng)
    record_id = payload["record_id"]
    records.import_many(
        conn,
        [(record_id, payload, RecordStatus.COMPLETED)],
        form_id="sjeldenregisteret",
        form_version=1,
        author="test",
    )
    return record_id


def test_set_aside_rejected_and_duplicate_each_have_their_own_words(qapp, make_profile):
    rng = random.Random(16)
    with make_profile().create(PASSPHRASE).store as store:

        def setup(conn):
            aside, rejected, duplicate = (_completed(conn, rng) for _ in range(3))
            with transaction(conn, "test"):
                outbox._quarantine_rows(
                    conn,
                    [(aside, 1, "local_validation", "national_id.checksum@patient.national_id")],
                    [RecordStatus.COMPLETED],
                )
                for record_id, state, code, text in (
                    (rejected, outbox.ItemState.REJECTED, "diagnosis_not_confirmed", "Se notat"),
                    (duplicate, outbox.ItemState.ACCEPTED, "duplicate", None),
                ):
                    outbox.set_state(
                        conn,
                        record_id,
                        1,
                        state,
                        [RecordStatus.COMPLETED],
                        batch_id="b",
                        reason_code=code,
                        reason_text=text,
                        decided=True,
                    )
            return aside, rejected, duplicate

        aside, rejected, duplicate = store.call(setup)
        rows = store.call(lambda c: records.list_rows(c, order_by="display_name"))
        by_id = {row.record_id: row for row in rows}
        assert by_id[aside].status is RecordStatus.SET_ASIDE
        assert status_label(by_id[aside].status) == "Må rettes før sending"
        assert status_label(by_id[rejected].status) == "Avvist"
        assert status_label(by_id[duplicate].status) == "Godkjent"

        notes = store.call(lambda c: sync_notes(c, rows))
        assert note_text(notes[(aside, 1)]).startswith("Må rettes før sending: skjemaet har feil")
        assert note_text(notes[(rejected, 1)]) == (
            "Avvist av registeret: Diagnosen er ikke bekreftet (bare mistenkt eller under "
            "utredning). Se notat. Åpne registreringen og velg Ny revisjon for å rette den."
        )
        assert note_text(notes[(duplicate, 1)]).startswith("Godkjent som duplikat")

        counts = store.call(status.read).counts  # each record counted once
        assert (counts["set_aside"], counts["rejected"], counts["accepted"]) == (1, 1, 1)
        assert sum(counts.values()) == 3


def test_the_record_itself_says_why_it_was_rejected_or_set_aside(qtbot, make_profile):
    from desktop.ui.form import RegistrationEditor

    rng = random.Random(17)
    with make_profile().create(PASSPHRASE).store as store:

        def setup(conn):
            aside, rejected = _completed(conn, rng), _completed(conn, rng)
            with transaction(conn, "test"):
                outbox._quarantine_rows(
                    conn,
                    [(aside, 1, "local_validation", "x@patient.sex")],
                    [RecordStatus.COMPLETED],
                )
                outbox.set_state(
                    conn,
                    rejected,
                    1,
                    outbox.ItemState.REJECTED,
                    [RecordStatus.COMPLETED],
                    batch_id="b",
                    reason_code="identity_mismatch",
                    reason_text=None,
                    decided=True,
                )
            return aside, rejected

        aside, rejected = store.call(setup)
        editor = RegistrationEditor(lambda: store, autosave_ms=200)
        qtbot.addWidget(editor)
        editor.open_record(rejected)
        qtbot.waitUntil(lambda: "stemmer ikke overens" in editor.state_label.text(), timeout=5000)
        assert editor.state_label.text() == (
            "Avvist av registeret: Fødselsnummer, navn og kjønn stemmer ikke overens. "
            "Åpne registreringen og velg Ny revisjon for å rette den."
        )
        editor.open_record(aside)
        qtbot.waitUntil(lambda: "Må rettes før sending" in editor.state_label.text(), timeout=5000)
        qtbot.waitUntil(lambda: "patient.sex" in editor.state_label.text(), timeout=5000)
        editor.autosaver.cancel()


def test_the_counts_follow_a_completion_at_once(qtbot, make_profile, make_controller):
    """'Ferdigstilt, ikke sendt' counts a record the moment it is completed, not at restart."""
    from desktop.forms.demo import demo_records
    from tests.ui.test_unlock import unlock

    profile = make_profile()
    [payload] = demo_records(1, 11)  # a valid registration, saved as a draft
    record_id = payload["record_id"]
    with profile.create(PASSPHRASE).store as store:
        store.call(
            lambda c: records.save_draft(
                c,
                record_id=record_id,
                payload=payload,
                form_id="sjeldenregisteret",
                form_version=1,
                author="test",
            )
        )
    controller = make_controller(profile)
    unlock(qtbot, controller, PASSPHRASE)
    main = controller.main
    qtbot.waitUntil(main.isVisible, timeout=5000)
    counted = main.sync_panel.count_labels["completed"]
    qtbot.waitUntil(lambda: counted.text() == "0", timeout=5000)
    from desktop.ui.app import registration_editor

    main.form.set_editor_factory(lambda: registration_editor(lambda: controller.session.store))
    main.open_registration(record_id)
    editor = main.form.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.record_id == record_id and not editor._busy, timeout=5000)
    editor.complete()
    qtbot.waitUntil(lambda: counted.text() == "1", timeout=10_000)
    assert main.form.isVisible()  # still in the form: no reload of the list was needed


def _arrow_points_up(header, section: int) -> bool:
    """Read the drawn arrow off the header's pixels: narrow at the top means it points up."""
    from PySide6.QtGui import QColor

    image = header.grab().toImage()
    right = header.sectionViewportPosition(section) + header.sectionSize(section)
    widths = []
    for y in range(image.height()):
        dark = [x for x in range(right - 30, right) if QColor(image.pixel(x, y)).lightness() < 120]
        if dark:
            widths.append(max(dark) - min(dark) + 1)
    assert len(widths) >= 2, "no sort arrow drawn"
    return widths[0] < widths[-1]


def test_the_sort_arrow_points_the_way_the_list_is_sorted(qtbot):
    """A→Z / oldest first points up, as in Windows Explorer, Finder and GNOME Files; the
    record list opens newest first, so its arrow points down (a header with a title that
    ends far from the arrow, so only the arrow is dark near the edge)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from desktop.ui.record_list import RecordListPanel
    from desktop.ui.tables import sortable

    panel = RecordListPanel()
    qtbot.addWidget(panel)
    assert panel.table.horizontalHeader().sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
    assert isinstance(panel.table.horizontalHeader().style(), type(_sorted_style()))

    model = QStandardItemModel(2, 2)
    model.setHorizontalHeaderLabels(["A", "B"])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    sortable(table)
    table.resize(500, 200)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert not _arrow_points_up(header, 1)
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    assert _arrow_points_up(header, 1)


def _sorted_style():
    from desktop.ui import tables

    return tables._SortArrowsAsUsersRead()
