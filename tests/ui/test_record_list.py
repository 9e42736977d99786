"""The record list over 2,000 registrations: paging, sorting, searching, filtering."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.ui.record_model import PAGE_SIZE
from tests.ui.conftest import PASSPHRASE, add_records
from tests.ui.test_unlock import unlock

COUNT = 2000


@pytest.fixture(scope="module")
def big_template(tmp_path_factory) -> Path:
    """Filled once per module (2,000 inserts are slow on a shared CI box), copied per test.

    The key is kept in a file so the copy is self-contained (no keyring entry to carry).
    """
    directory = tmp_path_factory.mktemp("big") / "profile"
    profile = Profile(directory, kdf_target_seconds=0.02)
    result = profile.create(PASSPHRASE, key_storage="file")
    with result.store as store:
        add_records(store, COUNT)
    return directory


@pytest.fixture
def big_profile(big_template, tmp_path, wall_clock):
    directory = tmp_path / "big-profile"
    shutil.copytree(big_template, directory)
    return Profile(directory, kdf_target_seconds=0.02, wall_clock=wall_clock)


@pytest.fixture
def main(qtbot, big_profile, make_controller):
    controller = make_controller(big_profile)
    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
    model = controller.main.records.model
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5000)
    return controller.main


def wait_loaded(qtbot, model) -> None:
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)


def names(model, count: int = 3) -> list[str]:
    return [model.index(row, 1).data() for row in range(count)]


def test_pages_are_fetched_on_demand(qtbot, main):
    model = main.records.model
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
        wait_loaded(qtbot, model)
    assert model.rowCount() == COUNT
    assert not model.canFetchMore()
    qtbot.waitUntil(lambda: "2000" in main.count_label.text().replace("\xa0", ""), timeout=5000)


def test_scrolling_the_view_fetches_more(qtbot, main):
    table = main.records.table
    model = main.records.model
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE, timeout=5000)


def test_sorting_by_name_uses_the_store_order(qtbot, main):
    model = main.records.model
    table = main.records.table
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5000)
    assert [n[:13] for n in names(model)] == ["Testesen00000", "Testesen00001", "Testesen00002"]
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5000)
    assert names(model)[0].startswith("Testesen01999")
    assert model.query.order_by == "display_name" and model.query.descending


def test_search_box_filters_after_typing_pauses(qtbot, main):
    panel = main.records
    model = panel.model
    qtbot.keyClicks(panel.search, "Testesen0012")
    qtbot.waitUntil(lambda: model.query.search == "Testesen0012", timeout=5000)
    qtbot.waitUntil(lambda: model.rowCount() == 10 and not model.loading, timeout=5000)
    assert all(n.startswith("Testesen0012") for n in names(model, 10))
    panel.search.clear()
    qtbot.keyClicks(panel.search, "ingen slik person")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == 0 and not model.loading, timeout=5000)
    assert "passer" in panel.empty_hint.text()


def test_status_filter(qtbot, main):
    panel = main.records
    model = panel.model
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(RecordStatus.SENT))
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and not model.loading, timeout=5000)
    while model.canFetchMore():
        model.fetchMore()
        wait_loaded(qtbot, model)
    assert model.rowCount() == COUNT // 10
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {"Sendt"}


def test_new_registration_shows_the_form_area(qtbot, main):
    qtbot.keyClick(main.records.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    if main.pages.currentWidget() is not main.form:  # shortcuts need an active window
        main.new_action.trigger()
    assert main.pages.currentWidget() is main.form
    assert main.new_action.shortcut().matches(Qt.Key.Key_N | Qt.KeyboardModifier.ControlModifier)
    main.form.back_button.click()
    assert main.pages.currentWidget() is main.records


def test_opening_a_row_shows_it_in_the_form_area(qtbot, main):
    table = main.records.table
    table.setFocus()
    table.selectRow(0)
    record_id = main.records.model.record_id(0)
    with qtbot.waitSignal(main.records.open_requested) as signal:
        table.activated.emit(main.records.model.index(0, 0))
    assert signal.args == [record_id]
    assert main.form.record_id == record_id


def test_returning_from_the_form_refreshes_the_list(qtbot, main):
    model = main.records.model
    main.new_action.trigger()
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        main.form.back_button.click()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5000)


def test_keyset_paging_lists_every_row_once_with_a_sort_and_a_filter(qtbot, main, monkeypatch):
    from desktop.storage import records as store_records

    calls: list[dict] = []
    real_list_rows = store_records.list_rows

    def spy(conn, **kwargs):
        calls.append({k: v for k, v in kwargs.items() if k in ("after", "offset")})
        return real_list_rows(conn, **kwargs)

    monkeypatch.setattr(store_records, "list_rows", spy)
    panel = main.records
    model = panel.model
    model.page_size = 23  # 200 sent records: 8 full pages and a short one
    panel.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.query.order_by == "display_name", timeout=5000)
    wait_loaded(qtbot, model)
    calls.clear()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(RecordStatus.SENT))
    qtbot.waitUntil(lambda: model.query.status is RecordStatus.SENT, timeout=5000)
    wait_loaded(qtbot, model)
    while model.canFetchMore():  # the view may have asked for a page or two already
        model.fetchMore()
        wait_loaded(qtbot, model)
    ids = [model.record_id(row) for row in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == COUNT // 10
    # One first page, then eight keyset pages (200 = 8 x 23 + 16); never an OFFSET.
    assert len(calls) == 9
    assert calls[0].get("after") is None and not calls[0].get("offset")
    assert all(call.get("after") is not None and not call.get("offset") for call in calls[1:])
    store = main.session.store
    expected = store.call(
        lambda c: records.list_rows(
            c, status=RecordStatus.SENT, order_by="display_name", descending=True, limit=None
        )
    )
    assert ids == [row.record_id for row in expected]
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {"Sendt"}

    # A new sort starts again from the first page, in the new order.
    panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.query.order_by == "registered_on", timeout=5000)
    wait_loaded(qtbot, model)
    assert model.rowCount() >= 23
    first = store.call(
        lambda c: records.list_rows(
            c, status=RecordStatus.SENT, order_by="registered_on", descending=False, limit=23
        )
    )
    assert [model.record_id(row) for row in range(23)] == [row.record_id for row in first]


@pytest.mark.parametrize("descending", [True, False])
def test_paging_reaches_rows_without_a_sort_value(make_profile, descending):
    """Drafts without a registration date are listed too, in the store's order."""
    import random

    from desktop.ui.record_model import Query, page_query
    from tests.helpers import synthetic

    rng = random.Random(4)
    items = []
    for index in range(57):
        payload = synthetic.record(rng)
        if index % 3:
            payload["reporter"]["registration_date"] = f"2025-0{1 + index % 9}-1{index % 10}"
        else:
            payload["reporter"].pop("registration_date", None)
        items.append((payload["record_id"], payload, RecordStatus.DRAFT))
    store = make_profile().create(PASSPHRASE).store
    try:
        store.call(
            lambda c: records.import_many(
                c, items, form_id="sjeldenregisteret", form_version=1, author=store.actor
            )
        )
        query = Query(order_by="registered_on", descending=descending)
        paged: list = []
        while True:
            after = paged[-1] if paged else None
            page = store.call(lambda conn, a=after: page_query(conn, query, after=a, limit=10))
            paged += page
            if len(page) < 10:
                break
        full = store.call(
            lambda c: records.list_rows(
                c, order_by="registered_on", descending=descending, limit=None
            )
        )
        assert any(row.registered_on is None for row in full)
        assert [r.record_id for r in paged] == [r.record_id for r in full]
    finally:
        store.close()
