"""The Medarbeidere tab through the real staff window (offscreen), on the one-PC SQLCipher
register and on a real PostgreSQL one: the list shows the members; a join request added with
the fingerprint the new member read out adds them, a wrong fingerprint is refused with its
message and adds nobody; a removal (confirmed) rotates the data and register keys, and with
no inbox the new manifest is saved where the administrator says (a cancelled save keeps it
with a button to save it), the member shown removed; with the real inbox it is published. A
lock while the file is asked for leaves nothing on screen. A reviewer sees the list, and the
buttons disabled with the role they need."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from sjelden_protocol.manifest import parse_manifest
from sjelden_protocol.timefmt import now_utc

from desktop.staff import members, roles
from desktop.staff import session as staff_session
from desktop.ui.staff.add_member_dialog import AddMemberDialog
from desktop.ui.staff.window import StaffWindow
from tests.inbox.conftest import postgres_schema_url
from tests.staff.conftest import PASSPHRASE, Records, pin_clinic
from tests.ui.staff.conftest import (
    close_message_boxes,
    confirmation,
    open_staff_window,
    staff_at_inbox,
)


def _messages(window: Any) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def _wait_message(qtbot: Any, window: Any) -> list[str]:
    qtbot.waitUntil(lambda: bool(_messages(window)), timeout=30_000)
    return _messages(window)


def _visible(window: Any, kind: type) -> Any:
    shown = [d for d in window.findChildren(kind) if d.isVisible()]
    return shown[-1] if shown else None


def _request(tmp_path: Path, label: str) -> tuple[Path, members.Identity]:
    """A new member's join request with real keys of their own (they stay on their PC)."""
    identity = members.identity_of(label, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    path = tmp_path / f"{label.split()[0].lower()}.join.json"
    members.write_request(identity, path)
    return path, identity


def _add(qtbot: Any, window: StaffWindow, request: Path, typed: str, role: str) -> AddMemberDialog:
    """Legg til medarbeider: the button, the request file chosen, the fingerprint typed."""
    panel = window.members
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _visible(window, QFileDialog) is not None, timeout=10_000)
    choosing = _visible(window, QFileDialog)
    choosing.findChild(QLineEdit, "fileNameEdit").setText(str(request))
    choosing.accept()
    qtbot.waitUntil(lambda: _visible(window, AddMemberDialog) is not None, timeout=10_000)
    dialog = _visible(window, AddMemberDialog)
    # The comparison is the point: the field starts empty, and Add waits for a fingerprint.
    assert dialog.fingerprint.text() == "" and not dialog.add_button.isEnabled()
    qtbot.keyClicks(dialog.fingerprint, typed)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    assert dialog.role.currentText() == window.role_name(role)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    return dialog


def _row(panel: Any, key_id: str) -> int:
    return next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 2).text() == key_id)


@pytest.fixture
def admin_profile(make_profile: Any, register_db: str | None) -> Any:
    """An administrator's profile on either register, with a pinned clinic."""
    profile = make_profile("staff")
    opened, _ = staff_session.create(profile, PASSPHRASE, register_db=register_db)
    try:
        clinic = pin_clinic(opened)
    finally:
        opened.close()
    return profile, clinic


def test_members_are_listed_added_by_fingerprint_and_removed_with_a_manifest_file(
    qtbot: Any, admin_profile: Any, make_controller: Any, tmp_path: Path
) -> None:
    profile, clinic = admin_profile
    window = open_staff_window(qtbot, make_controller, profile)
    # Something sealed under the data key, for the removal to re-seal.
    batch = tmp_path / "a.sjbt"
    batch.write_bytes(clinic.batch(Records(seed=41).many(2)))
    window.import_files([batch])
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 2, timeout=20_000)
    close_message_boxes(window)

    panel = window.members
    index = window.tabs.indexOf(panel)
    assert window.tabs.tabText(index) == "Medarbeidere" and window.tabs.isTabEnabled(index)
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    staff = window.staff_session()
    me = _row(panel, staff.staff_key_id)
    assert panel.table.item(me, 1).text() == "administrator"
    assert panel.table.item(me, 0).text().endswith("(deg)")
    assert panel.table.item(me, 4).text() == ""
    assert panel.add_button.isEnabled() and not panel.notice.isVisible()

    request, identity = _request(tmp_path, "Rita Registerfører")
    dialog = _add(qtbot, window, request, "AAAA " * 8, roles.REGISTRAR)
    assert dialog.request_fingerprint.text() == identity.fingerprint
    assert dialog.key_id.text() == identity.key_id and dialog.label.text() == identity.label
    shown = _wait_message(qtbot, window)
    assert any(
        "Fingeravtrykket stemmer ikke" in text and "(member_fingerprint_mismatch)" in text
        for text in shown
    )
    close_message_boxes(window)
    assert [m.key_id for m in members.member_list(staff)] == [staff.staff_key_id]
    assert panel.table.rowCount() == 1

    # Read out with other spacing and case: the same fingerprint. The next manifest names
    # the new member's signing key; without an inbox it is saved where the administrator says.
    _add(qtbot, window, request, identity.fingerprint.lower().replace(" ", ""), roles.REGISTRAR)
    qtbot.waitUntil(lambda: _visible(window, QFileDialog) is not None, timeout=30_000)
    naming = tmp_path / "manifest-ny-medarbeider.json"
    saving = _visible(window, QFileDialog)
    saving.findChild(QLineEdit, "fileNameEdit").setText(str(naming))
    saving.accept()
    shown = _wait_message(qtbot, window)
    assert any("Rita Registerfører" in t and "lagt til som registerfører" in t for t in shown)
    added = panel.last_change
    assert added is not None and not added.removed and added.saved_to == naming
    assert f"Nøkkelmanifest nr. {added.manifest.sequence}" in shown[-1]
    names = parse_manifest(json.loads(naming.read_bytes()))
    assert identity.key_id in [k.key_id for k in names.usable("staff", now_utc())]
    close_message_boxes(window)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
    rita = _row(panel, identity.key_id)
    assert panel.table.item(rita, 0).text() == "Rita Registerfører"
    assert panel.table.item(rita, 1).text() == window.role_name(roles.REGISTRAR)
    listed = {m.key_id: m for m in members.member_list(staff)}
    assert listed[identity.key_id].role == roles.REGISTRAR

    # Nobody removes themselves: the button waits for another member's row.
    panel.select(staff.staff_key_id)
    assert not panel.remove_button.isEnabled()
    panel.select(identity.key_id)
    assert panel.remove_button.isEnabled()
    old_data_key = staff.keys.cipher.data_key_id
    old_register_key = staff.keys.newest_register_key_id
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    asked = confirmation(qtbot, window)
    for words in ("Rita Registerfører", "Tilgangen", "datanøkkel", "registernøkkel", "klinikkene"):
        assert words in asked.text.text(), words
    asked.action_button.click()

    # No inbox: the administrator is asked where the manifest file goes. Cancelled, the tab
    # says the manifest has not gone anywhere and keeps a button to save it.
    qtbot.waitUntil(lambda: _visible(window, QFileDialog) is not None, timeout=60_000)
    _visible(window, QFileDialog).reject()
    shown = _wait_message(qtbot, window)
    assert "verken publisert eller lagret" in shown[-1]
    close_message_boxes(window)
    assert panel.save_manifest_button.isVisible() and panel.save_manifest_button.isEnabled()
    qtbot.mouseClick(panel.save_manifest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _visible(window, QFileDialog) is not None, timeout=10_000)
    saving = _visible(window, QFileDialog)
    assert saving.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    out = tmp_path / "manifest-til-klinikkene.json"
    name = saving.findChild(QLineEdit, "fileNameEdit")  # typed, as the administrator would
    name.setText(str(out))
    saving.accept()
    shown = _wait_message(qtbot, window)
    done = panel.last_change
    assert done is not None and done.saved_to == out and done.resealed >= 2
    text = shown[-1]
    assert "Rita Registerfører" in text and str(out) in text
    assert not panel.save_manifest_button.isVisible()
    assert f"{done.resealed} forseglede innhold" in text
    assert f"Nøkkelmanifest nr. {done.manifest.sequence}" in text
    close_message_boxes(window)

    # The keys were rotated, and the file is that manifest, naming the new register key only.
    assert staff.keys.cipher.data_key_id != old_data_key
    new_register_key = staff.keys.newest_register_key_id
    assert new_register_key != old_register_key and new_register_key in text
    written = parse_manifest(json.loads(out.read_bytes()))
    assert written.sequence == done.manifest.sequence
    assert [k.key_id for k in written.usable("recipient", now_utc())] == [new_register_key]

    # Shown removed: the date in its column, greyed and in italics; it cannot be removed again.
    qtbot.waitUntil(lambda: panel.table.item(_row(panel, identity.key_id), 4).text() != "")
    rita = _row(panel, identity.key_id)
    item = panel.table.item(rita, 0)
    greyed = panel.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert item.foreground().color() == greyed and item.font().italic()
    panel.select(identity.key_id)
    assert not panel.remove_button.isEnabled()
    listed = {m.key_id: m for m in members.member_list(staff)}
    assert listed[identity.key_id].removed_at is not None
    assert listed[staff.staff_key_id].removed_at is None
    # Everything still opens under the new data key.
    assert window.review.model.rowCount() == 2
    assert len(staff.register.pending()) == 2


@pytest.mark.postgres
def test_a_reviewer_sees_the_members_but_cannot_change_them(
    qtbot: Any, make_profile: Any, make_controller: Any, tmp_path: Path
) -> None:
    with postgres_schema_url() as url:
        admin, _ = staff_session.create(make_profile("admin"), PASSPHRASE, register_db=url)
        try:
            profile = make_profile("reviewer")
            request = tmp_path / "vera.join.json"
            identity, _ = staff_session.create_join(
                profile, PASSPHRASE, "Vera Vurder", request, register_db=url
            )
            members.add_member(admin, request.read_bytes(), identity.fingerprint, "reviewer")
            window = open_staff_window(qtbot, make_controller, profile)
            panel = window.members
            index = window.tabs.indexOf(panel)
            assert window.tabs.isTabEnabled(index)  # the list is every member's
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
            shown = {
                panel.table.item(r, 2).text(): panel.table.item(r, 1).text()
                for r in range(panel.table.rowCount())
            }
            assert shown == {admin.staff_key_id: "administrator", identity.key_id: "vurderer"}
            administrator = window.role_name(roles.ADMINISTRATOR)
            panel.select(admin.staff_key_id)
            for button in (panel.add_button, panel.remove_button):
                assert not button.isEnabled()
                assert administrator in button.toolTip()
            assert panel.notice.isVisible()
            assert "Krever rollen administrator" in panel.notice.text()
            assert "vurderer" in panel.notice.text()
            with pytest.raises(roles.RoleRequired):
                panel.add_from(request)
            with pytest.raises(roles.RoleRequired):
                panel.remove(admin.staff_key_id)
            assert all(m.removed_at is None for m in members.member_list(admin))
        finally:
            admin.close()


def test_a_removal_publishes_the_manifest_at_the_inbox(
    qtbot: Any, inbox_server: Any, make_profile: Any, make_controller: Any, tmp_path: Path
) -> None:
    with staff_at_inbox(make_profile, inbox_server, tmp_path) as (profile, admin):
        request, identity = _request(tmp_path, "Vera Vurder")
        members.add_member(admin, request.read_bytes(), identity.fingerprint, roles.REVIEWER)
    window = open_staff_window(qtbot, make_controller, profile)
    panel = window.members
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
    panel.select(identity.key_id)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    confirmation(qtbot, window).action_button.click()

    shown = _wait_message(qtbot, window)
    assert _visible(window, QFileDialog) is None  # published: no file asked for
    done = panel.last_change
    assert done is not None and done.published is True and done.saved_to is None
    assert "publisert i innboksen" in shown[-1]
    assert "Vera Vurder" in shown[-1] and f"nr. {done.manifest.sequence}" in shown[-1]
    close_message_boxes(window)
    served = requests.get(inbox_server.url + "/v1/manifest", timeout=30).json()
    published = parse_manifest(served)
    assert published.sequence == done.manifest.sequence
    newest = window.staff_session().keys.newest_register_key_id
    assert [k.key_id for k in published.usable("recipient", now_utc())] == [newest]
    qtbot.waitUntil(lambda: panel.table.item(_row(panel, identity.key_id), 4).text() != "")


def test_locking_while_the_manifest_file_is_asked_for_leaves_nothing_shown(
    qtbot: Any, staff_profile: Any, make_controller: Any, tmp_path: Path
) -> None:
    profile, _ = staff_profile
    admin = staff_session.open_session(profile, PASSPHRASE)
    try:
        request, identity = _request(tmp_path, "Vera Vurder")
        members.add_member(admin, request.read_bytes(), identity.fingerprint, roles.REVIEWER)
    finally:
        admin.close()
    window = open_staff_window(qtbot, make_controller, profile)
    panel = window.members
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
    panel.select(identity.key_id)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    confirmation(qtbot, window).action_button.click()
    qtbot.waitUntil(lambda: _visible(window, QFileDialog) is not None, timeout=60_000)

    window.lock_requested.emit()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    qtbot.wait(100)
    assert _visible(window, QFileDialog) is None and _messages(window) == []
    assert panel.table.rowCount() == 0 and panel.last_change is None
    assert panel.result.text() == "" and not panel.save_manifest_button.isVisible()
    # The removal itself is done: the register has it.
    with staff_session.open_session(profile, PASSPHRASE) as again:
        listed = {m.key_id: m for m in members.member_list(again)}
    assert listed[identity.key_id].removed_at is not None
