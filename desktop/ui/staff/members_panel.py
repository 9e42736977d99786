"""The members tab: who holds the register's keys, and an administrator's add and remove.

Every member sees the list (role ``view``): label, role in the UI's words, key id, when added
and when removed; a removed member stays listed, greyed and in italics with the date. Adding
and removing are an administrator's (``members``); for any other role both buttons are
disabled and the tab says which role they need, as the window does for its tabs.

* Add: the join request file is read and checked (``members.read_request``) off the GUI
  thread, then ``AddMemberDialog`` asks for the fingerprint the new member reads out and the
  role; ``members.add_member`` compares the two and refuses a mismatch with its coded
  message, adding nobody. Then the next manifest is signed: it names the new member's
  signing key, which the clinics need to take the decisions they send.
* Remove: a confirmation says what follows (access ends; data key and register key rotated;
  a new key manifest that must reach the clinics), then ``members.remove_member`` (one
  transaction with its manifest; an administrator's removal rotates the root as well).

Either way the manifest is then published when this profile has an inbox
(``manifest.publish``), as ``sjelden staff member add|remove --publish`` does. Without an
inbox, or when publishing fails, the administrator is asked where to save the manifest file
for file-transport clinics (``manifest.write_file``); a manifest neither published nor saved
is held by the tab, with a button to save it, until the window locks. The outcome names the
payloads re-sealed, the manifest's sequence and where it went.

All register and network work runs in the background (``BackgroundOp``). Nothing shown holds
a field value: labels the members gave, key ids, roles, dates, counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import CodedError
from desktop.staff import manifest as staff_manifest
from desktop.staff import members, roles
from desktop.staff.errors import StaffError
from desktop.staff.session import INBOX_URL, StaffSession
from desktop.ui.error_dialogs import show_error, show_info
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp
from desktop.ui.record_model import local_time
from desktop.ui.staff.add_member_dialog import AddMemberDialog
from desktop.ui.staff.confirm_dialog import ConfirmDialog

if TYPE_CHECKING:
    from sjelden_protocol.manifest import Manifest

SessionSource = Callable[[roles.Action], StaffSession]
T = TypeVar("T")
KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class Change:
    """What an add or a removal did and where its manifest went, for the outcome the tab
    says. Both sign a manifest: an added member's signing key must reach the clinics (they
    trust decisions only from staff keys a manifest names), a removal's new register key too.
    """

    member: members.Member
    removed: bool
    manifest: Manifest
    resealed: int = 0
    register_key_id: str = ""
    root_rotated: bool = False
    published: bool | None = None  # True: new at the inbox, False: held there already
    publish_error: CodedError | None = None
    saved_to: Path | None = None


def _deliver(session: StaffSession, done: Change) -> Change:
    """Publish the change's manifest when this profile has an inbox (off the GUI thread); a
    failure is kept to say, and the file is asked for instead."""
    if session.setting(INBOX_URL):
        try:
            with session.transport() as transport:
                done.published = staff_manifest.publish(
                    done.manifest, transport, session.keys.signing_key
                )
        except CodedError as exc:  # changed and signed all the same: save it instead
            done.publish_error = exc
    return done


def _date(stamp: str | None) -> str:
    """The local date of a UTC stamp (dd.mm.yyyy), empty for none."""
    return local_time(stamp)[:10] if stamp else ""


class MembersPanel(QWidget):
    def __init__(
        self,
        session_source: SessionSource,
        role_name: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session_source
        self._role_name = role_name
        self._generation = 0  # a list answering after a newer load (or a lock) is dropped
        self._unlocks = 0  # an add or removal answering after a lock says nothing
        self._allowed = False
        self._refusal = ""
        self._own_key_id = ""
        self.listed: list[members.Member] = []
        self.last_change: Change | None = None  # its manifest is held until delivered

        self.notice = QLabel("", self)
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.table = QTableWidget(0, 5, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        # a key id is 32 hex digits: shown whole, it can be read out and compared
        self.table.setColumnWidth(2, self.table.fontMetrics().horizontalAdvance("0" * 32) + 24)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.choose_request)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.confirm_remove)
        self.save_manifest_button = QPushButton(self)
        self.save_manifest_button.clicked.connect(self.choose_manifest_file)
        self.save_manifest_button.setVisible(False)
        self.result = QLabel("", self)
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_manifest_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self._retranslate()
        self._update_buttons()

    # -- words --------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        """Every word of the tab in the current language (at start and on a switch): the list
        (its roles), the last outcome and the refusal are said again in the new words."""
        self.table.setAccessibleName(self.tr("Staff members"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Key id"),
                self.tr("Added"),
                self.tr("Removed"),
            ]
        )
        # Mnemonics: every letter of the tab's title is taken in the staff window; these are
        # free on this tab in both languages (tests/ui/test_mnemonics.py).
        self.add_button.setText(self.tr("&Add member…"))
        self.remove_button.setText(self.tr("Re&move member…"))
        self.save_manifest_button.setText(self.tr("Save the key manifes&t…"))
        self.notice.setAccessibleName(self.tr("Why the members cannot be changed here"))
        self.result.setAccessibleName(self.tr("Result"))
        self._show(self.listed)
        self._show_notice()
        self._say_outcome()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def permit(self, allowed: bool, refusal: str) -> None:
        """The window's word on whether this member may add and remove (role ``members``),
        and, when not, the sentence saying which role it needs (in the current language)."""
        self._allowed = allowed
        self._refusal = refusal
        self._show_notice()
        self._update_buttons()

    def _show_notice(self) -> None:
        self.notice.setText(
            self.tr("You can see the members but not change them. %1").replace("%1", self._refusal)
        )
        self.notice.setVisible(bool(self._refusal))
        for button in (self.add_button, self.remove_button, self.save_manifest_button):
            button.setToolTip(self._refusal)

    # -- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        session = self._session("view")
        self._own_key_id = session.staff_key_id
        self._generation += 1
        generation = self._generation
        BackgroundOp(self, lambda: members.member_list(session)).success(
            lambda listed: self._listed(generation, listed)
        ).failure(self._failed).run_in_background()

    def _listed(self, generation: int, listed: list[members.Member]) -> None:
        if generation == self._generation:
            self._show(listed)

    def _show(self, listed: list[members.Member]) -> None:
        selected = self.selected_key_id()
        self.listed = listed
        greyed = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.table.setRowCount(len(listed))
        for row, member in enumerate(listed):
            label = member.identity.label
            if member.key_id == self._own_key_id:
                label = self.tr("%1 (you)").replace("%1", label)
            values = (
                label,
                self._role_name(member.role),
                member.key_id,
                _date(member.added_at),
                _date(member.removed_at),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(KEY_ROLE, member.key_id)
                if not value:
                    # An empty cell is still read out: a screen reader names every cell.
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("not removed"))
                if member.removed_at is not None:
                    # greyed and in italics, and the Removed column says when: not colour alone
                    item.setForeground(greyed)
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Removed: no longer has access to the register"))
                self.table.setItem(row, column, item)
            if member.key_id == selected:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_key_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(KEY_ROLE))

    def selected_member(self) -> members.Member | None:
        key_id = self.selected_key_id()
        return next((m for m in self.listed if m.key_id == key_id), None)

    def select(self, key_id: str) -> None:
        for row, member in enumerate(self.listed):
            if member.key_id == key_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        member = self.selected_member()
        removable = (
            member is not None
            and member.removed_at is None
            and member.key_id != self._own_key_id  # another administrator must do that
        )
        self.add_button.setEnabled(self._allowed)
        self.remove_button.setEnabled(self._allowed and removable)
        self.save_manifest_button.setEnabled(self._allowed)

    # -- add ----------------------------------------------------------------------------------

    def choose_request(self) -> None:
        self._session("members")
        dialog = QFileDialog(
            self,
            self.tr("Choose the join request"),
            "",
            self.tr("Join requests (*.json);;All files (*)"),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.add_from(Path(name)))
        dialog.open()

    def add_from(self, path: Path) -> None:
        """Read and check the join request at ``path``, then ask for the fingerprint."""
        self._session("members")

        def read() -> tuple[bytes, members.Identity]:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise StaffError("join_request_invalid", type(exc).__name__) from exc
            return data, members.read_request(data)

        BackgroundOp(self, read).success(
            self._while_unlocked(lambda got: self._ask_add(*got))
        ).failure(self._while_unlocked(self._failed)).run_in_background()

    def _ask_add(self, request: bytes, identity: members.Identity) -> None:
        dialog = AddMemberDialog(identity, self._role_name, self)
        dialog.accepted.connect(lambda: self.add(request, dialog.typed(), dialog.chosen_role()))
        dialog.open()

    def add(self, request: bytes, typed_fingerprint: str, role: str) -> None:
        session = self._session("members")
        self.add_button.setEnabled(False)

        def run() -> Change:
            member = members.add_member(session, request, typed_fingerprint, role)
            return _deliver(session, Change(member, False, staff_manifest.session_sign(session)))

        BackgroundOp(self, run).success(self._while_unlocked(self._changed)).failure(
            self._while_unlocked(self._failed)
        ).finally_(self._update_buttons).run_in_background()

    # -- remove -------------------------------------------------------------------------------

    def confirm_remove(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        self._session("members")
        who = (
            self.tr("%1 (%2, key id %3)")
            .replace("%1", member.identity.label)
            .replace("%2", self._role_name(member.role))
            .replace("%3", member.key_id)
        )
        text = self.tr(
            "Remove %1 from the register?\n\n"
            "Their access ends at once: their profile can no longer open the register. The "
            "register's data key is replaced and every sealed payload sealed again under the "
            "new one, and a new register key is made; other members' work waits while this "
            "runs. A new key manifest naming only the new register key is signed: it must "
            "reach the clinics (published to the inbox, or saved as a file for clinics on "
            "file transfer), or they keep sealing to the old register key.\n\n"
            "This cannot be undone: a removed profile is not added again."
        ).replace("%1", who)
        dialog = ConfirmDialog(
            self,
            title=self.tr("Remove member"),
            text=text,
            lines=[],
            action=self.tr("&Remove and rotate the keys"),
            footer=self.tr(
                "What they saw, exported or copied before the removal cannot be taken back."
            ),
        )
        dialog.setAccessibleName(self.tr("Confirm removal"))
        key_id = member.key_id
        dialog.accepted.connect(lambda: self.remove(key_id))
        dialog.open()

    def remove(self, key_id: str) -> None:
        """Remove, rotate and sign (``members.remove_member``), then publish the manifest if
        this profile has an inbox; the file is asked for on the GUI thread afterwards."""
        session = self._session("members")
        removed = next((m for m in self.listed if m.key_id == key_id), None)

        def run() -> Change:
            rotation, signed = members.remove_member(session, key_id)
            target = removed or session.register.call(
                lambda db: members.find(db, key_id), "find member"
            )
            assert target is not None  # remove_member refuses a member the register lacks
            done = Change(
                target,
                True,
                signed,
                resealed=rotation.resealed,
                register_key_id=session.keys.newest_register_key_id,
                root_rotated=rotation.root_key_id is not None,
            )
            return _deliver(session, done)

        self.remove_button.setEnabled(False)
        BackgroundOp(self, run).with_progress(
            self.tr("Removing the member and rotating the keys…")
        ).success(self._while_unlocked(self._changed)).failure(
            self._while_unlocked(self._failed)
        ).finally_(self._update_buttons).run_in_background()

    def _changed(self, done: Change) -> None:
        self.last_change = done
        self.reload()
        if done.published is None:
            self._say_outcome()
            self.choose_manifest_file()
        else:
            self._say_outcome()
            show_info(self, self.result.text())

    def choose_manifest_file(self) -> None:
        """Where the manifest goes for clinics on file transfer (asked, never assumed)."""
        done = self.last_change
        if done is None:
            return
        self._session("members")
        dialog = QFileDialog(
            self,
            self.tr("Save the key manifest"),
            f"sjelden-manifest-{done.manifest.sequence}.json",
            self.tr("Key manifest (*.json)"),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.fileSelected.connect(lambda name: self.save_manifest(Path(name)))
        dialog.rejected.connect(self._not_saved)
        dialog.open()

    def _not_saved(self) -> None:
        if self.last_change is None:
            return  # the lock closed the dialog: nothing to say to a locked window
        self._say_outcome()
        show_info(self, self.result.text())

    def save_manifest(self, path: Path) -> None:
        done = self.last_change
        if done is None:
            return
        self._session("members")
        signed = done.manifest
        BackgroundOp(self, lambda: staff_manifest.write_file(signed, path)).success(
            self._while_unlocked(lambda written: self._saved(done, written))
        ).failure(self._failed).run_in_background()

    def _saved(self, done: Change, path: Path) -> None:
        done.saved_to = path
        if self.last_change is done:
            self._say_outcome()
            show_info(self, self.result.text())

    # -- outcome ------------------------------------------------------------------------------

    def _say_outcome(self) -> None:
        """The last add or removal in words (again on a language switch)."""
        self.save_manifest_button.setVisible(False)
        done = self.last_change
        if done is None:
            self.result.clear()
            return
        member = done.member
        if not done.removed:
            parts = [
                self.tr(
                    "%1 (key id %2) was added as %3. The register's keys are sealed to them; "
                    "their profile opens the register at its next unlock."
                )
                .replace("%1", member.identity.label)
                .replace("%2", member.key_id)
                .replace("%3", self._role_name(member.role)),
                self.tr(
                    "Key manifest no. %1 names their signing key, so the clinics take the "
                    "decisions they send."
                ).replace("%1", str(done.manifest.sequence)),
            ]
        else:
            parts = [
                self.tr("%1 (key id %2) was removed: their access has ended.")
                .replace("%1", member.identity.label)
                .replace("%2", member.key_id),
                self.tr(
                    "New data key: %n sealed payload(s) sealed again under it. New register "
                    "key %1.",
                    "",
                    done.resealed,
                ).replace("%1", done.register_key_id),
                self.tr("Key manifest no. %1 names only the new register key.").replace(
                    "%1", str(done.manifest.sequence)
                ),
            ]
            if done.root_rotated:
                parts.append(
                    self.tr(
                        "They were an administrator: the root key was replaced too, and the "
                        "manifest is signed by the old and the new root, so the clinics "
                        "follow. Revoke their staff key at the inbox as well (see the staff "
                        "guide)."
                    )
                )
        if done.published is True:
            parts.append(
                self.tr("It is published at the inbox; the clinics fetch it at their next sync.")
            )
        elif done.published is False:
            parts.append(self.tr("The inbox held it already."))
        elif done.publish_error is not None:
            parts.append(
                self.tr("It could not be published at the inbox: %1").replace(
                    "%1",
                    f"{done.publish_error.user_message(current_language(), gui=True)} "
                    f"({done.publish_error.code})",
                )
            )
        if done.saved_to is not None:
            parts.append(
                self.tr(
                    "Saved to %1: clinics on file transfer take it with \u201cImport the "
                    "register's key manifest\u201d in their window."
                ).replace("%1", str(done.saved_to))
            )
        elif done.published is None:
            parts.append(
                self.tr(
                    "It is signed and kept, but neither published nor saved: until the clinics "
                    "have it they do not know the change. Save it with \u201cSave the key "
                    "manifest\u201d."
                )
            )
            self.save_manifest_button.setVisible(True)
        self.result.setText(" ".join(parts))

    def _while_unlocked(self, callback: Callable[[T], None]) -> Callable[[T], None]:
        """``callback``, unless the window locked since the work began: the work is done
        (the register and the profile have it), but a locked window shows nothing."""
        unlocks = self._unlocks

        def guarded(result: T) -> None:
            if unlocks == self._unlocks:
                callback(result)

        return guarded

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CodedError):
            show_info(self, f"{exc.user_message(current_language(), gui=True)} ({exc.code})")
        else:
            show_error(self, exc)

    def clear(self) -> None:
        """Locked: forget the list and any manifest held (it is kept in the register)."""
        self._generation += 1
        self._unlocks += 1
        self.listed = []
        self.last_change = None
        self._own_key_id = ""
        self.table.setRowCount(0)
        self.result.clear()
        self.save_manifest_button.setVisible(False)
