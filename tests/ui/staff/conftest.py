"""Staff UI fixtures: the staff tests' profile helpers and the GUI suite's controller."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.staff import keys
from desktop.staff import session as staff_session
from desktop.staff.session import StaffSession
from desktop.storage.profile import Profile
from desktop.ui.staff.confirm_dialog import ConfirmDialog
from desktop.ui.staff.window import StaffWindow
from tests.staff.conftest import PASSPHRASE, backend, pin_clinic, register_db  # noqa: F401
from tests.ui.test_unlock import unlock

CLINIC_LABEL = "Testklinikk Nord (fiktiv)"


@pytest.fixture
def staff_profile(make_profile):  # type: ignore[no-untyped-def]
    """A staff profile with one pinned clinic; returns the profile and the clinic."""
    profile = make_profile("staff")
    opened, _ = staff_session.create(profile, PASSPHRASE)
    try:
        clinic = pin_clinic(opened, label=CLINIC_LABEL)
    finally:
        opened.close()
    return profile, clinic


def open_staff_window(qtbot, make_controller, profile) -> StaffWindow:  # type: ignore[no-untyped-def]
    """Unlock ``profile`` through the real gate and wait for the staff window to be ready."""
    controller = make_controller(profile)
    window = controller.main
    assert isinstance(window, StaffWindow)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        unlock(qtbot, controller, PASSPHRASE)
    return window


def close_message_boxes(window: QWidget) -> None:
    for box in window.findChildren(QMessageBox):
        box.close()
        box.deleteLater()


def confirmation(qtbot, window: QWidget) -> ConfirmDialog:  # type: ignore[no-untyped-def]
    """The confirmation that is open now (waits for it)."""

    def shown() -> ConfirmDialog | None:
        dialogs = [d for d in window.findChildren(ConfirmDialog) if d.isVisible()]
        return dialogs[-1] if dialogs else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    dialog = shown()
    assert dialog is not None
    return dialog


def confirm(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click the action button of the confirmation that is open now."""
    confirmation(qtbot, window).action_button.click()


from tests.sync.conftest import inbox_server  # noqa: E402, F401


@contextlib.contextmanager
def staff_at_inbox(make_profile, inbox, tmp_path) -> Iterator[tuple[Profile, StaffSession]]:  # type: ignore[no-untyped-def]
    """A new administrator's profile on the real inbox, its staff key added there, open for
    the test to prepare the register; closed before the window unlocks it."""
    profile = make_profile("staff")
    opened, _ = staff_session.create(profile, PASSPHRASE, inbox_url=inbox.url)
    try:
        _, staff_pub = keys.write_public_files(opened.keys, tmp_path / "letter")
        inbox.admin("staff", "add", str(staff_pub), "--label", "register staff")
        yield profile, opened
    finally:
        opened.close()
