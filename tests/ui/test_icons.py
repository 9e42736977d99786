"""The state icons (issue 16 point 7): one per record state, each its own picture, always
beside the state's word; in the sync bar too. Real PNGs from the resources, a real store for
the sync bar, offscreen widgets."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel

from desktop.states import STATES
from desktop.storage.records import RecordStatus
from desktop.ui import icons, sync_panel
from desktop.ui.ops import wait_for_background_work
from desktop.ui.sync_panel import SyncPanel
from tests.ui.conftest import PASSPHRASE


def _pixels(icon: QIcon, size: int) -> bytes:
    return bytes(icon.pixmap(size, size).toImage().constBits())


def test_every_state_of_the_catalogue_and_the_store_has_an_icon() -> None:
    assert set(icons.ICON_STATES) == set(STATES) == {state.value for state in RecordStatus}
    for size in (16, 32):
        seen = {state: _pixels(icons.state_icon(state), size) for state in icons.ICON_STATES}
        assert all(seen.values())
        assert len(set(seen.values())) == len(seen), f"two states share a {size} px icon"


def test_each_icon_has_a_small_and_a_large_drawing(qapp) -> None:
    for state in icons.ICON_STATES:
        sizes = {size.width() for size in icons.state_icon(state).availableSizes()}
        assert {16, 32} <= sizes, state


def test_an_unknown_state_has_no_icon_and_the_app_icon_is_unchanged(qapp) -> None:
    assert icons.state_icon("sent_to_the_moon").isNull()
    app_sizes = {size.width() for size in icons.app_icon().availableSizes()}
    assert app_sizes == {16, 24, 32, 48, 64, 128, 256}  # state icons are not mixed in


def test_the_sync_bar_shows_each_count_with_its_icon_and_its_words(qtbot, make_profile) -> None:
    with make_profile().create(PASSPHRASE).store as store:
        panel = SyncPanel(lambda: store, timer_ms=0, probe_ms=0, watch_network=False)
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda: panel.count_labels["completed"].text() == "0", timeout=10_000)
        pictures = {}
        for state in sync_panel.STATES:
            icon = panel.count_icons[state]
            assert not icon.pixmap().isNull(), state
            pictures[state] = bytes(icon.pixmap().toImage().constBits())
            value = panel.count_labels[state]
            name = next(label for label in panel.findChildren(QLabel) if label.buddy() is value)
            # the words stay: a name before the number, and the number's accessible name
            assert name.text().endswith(":") and len(name.text()) > 3
            assert value.accessibleName() == name.text().rstrip(":")
            assert value.text() == "0"
        assert len(set(pictures.values())) == len(sync_panel.STATES)
        panel.grab()
        panel.stop()
        wait_for_background_work()
