"""The sync bar in the main window, the enrollment dialog and the register's decisions in the
list, driven through the real app (controller, unlock, menus) against a real inbox process."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sjelden_protocol import RecordDecision
from sjelden_protocol.keys import fingerprint

from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.sync import identity
from desktop.ui.enroll_dialog import EnrollDialog, spelled
from desktop.ui.ops import wait_for_background_work
from desktop.ui.record_model import NOTE_COLUMN
from tests.sync.conftest import FAST, add_completed, enroll_store, inbox_server, staff
from tests.sync.inbox_process import InboxProcess, Staff
from tests.ui.conftest import PASSPHRASE
from tests.ui.test_unlock import unlock

__all__ = ["inbox_server", "staff"]  # fixtures used below


def open_main(qtbot: QtBot, make_controller, profile: Profile):  # type: ignore[no-untyped-def]
    controller = make_controller(profile)
    controller.main.sync_panel.policy = FAST
    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
    panel = controller.main.sync_panel
    qtbot.waitUntil(lambda: panel.count_labels["completed"].text() != "", timeout=10_000)
    return controller


@pytest.fixture
def enrolled_profile(profile: Profile, inbox_server: InboxProcess, staff: Staff) -> Profile:
    """A profile enrolled and approved with the real inbox, holding four completed records."""
    with profile.create(PASSPHRASE).store as store:
        enroll_store(store, inbox_server.url, staff)
        add_completed(store, 4, seed=41)
    return profile


def test_the_sync_bar_sits_above_the_list_and_is_cleared_on_lock(
    qtbot: QtBot, make_controller, enrolled_profile: Profile
) -> None:
    controller = open_main(qtbot, make_controller, enrolled_profile)
    main = controller.main
    panel = main.sync_panel
    assert panel.isVisible() and main.records.isAncestorOf(panel)
    assert panel.enrolled and main.sync_action.isEnabled()
    assert panel.count_labels["completed"].text() == "4"
    assert panel._timer.isActive()  # enrolled and unlocked: the 15-minute timer runs

    controller.lock()
    assert controller.session.locked
    assert not panel.isVisible() and not panel.active and not panel.enrolled
    assert all(label.text() == "" for label in panel.count_labels.values())
    assert panel.last_sync.text() == "" and panel.error.text() == ""
    assert not panel._timer.isActive() and not panel._probe_timer.isActive()
    assert panel.network is None
    assert not main.sync_action.isEnabled()

    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(lambda: panel.count_labels["completed"].text() == "4", timeout=10_000)
    assert panel.isVisible() and panel.enrolled


def test_sync_brings_decisions_into_the_list_with_a_notice(
    qtbot: QtBot, make_controller, enrolled_profile: Profile, staff: Staff
) -> None:
    controller = open_main(qtbot, make_controller, enrolled_profile)
    main = controller.main
    panel, model = main.sync_panel, main.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 4 and not model.loading, timeout=5000)
    with qtbot.waitSignal(model.modelReset, timeout=30_000):  # the list reloads after the run
        panel.sync_button.click()
    qtbot.waitUntil(lambda: panel.count_labels["sent"].text() == "4", timeout=10_000)
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    assert {model.index(r, 0).data() for r in range(4)} == {"Sendt"}

    store = controller.session.store
    ids = [model.record_id(r) for r in range(4)]
    kid = store.call(identity.load).key_id  # type: ignore[union-attr]
    staff.decide(
        kid,
        [RecordDecision(i, 1, "accepted") for i in ids[1:]]
        + [RecordDecision(ids[0], 1, "rejected", "diagnosis_not_confirmed", "Send når bekreftet")],
    )
    with qtbot.waitSignal(panel.decisions_arrived, timeout=30_000):
        main.sync_action.trigger()
    notice = main.records.notice
    assert notice.isVisible()
    assert main.records.notice_text.text().startswith(
        "1 registrering avvist av registeret – se listen. 3 registreringer godkjent av registeret."
    )
    assert "Ny revisjon" in main.records.notice_text.text()
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 4, timeout=5000)
    rows = {model.record_id(r): r for r in range(4)}
    rejected = model.index(rows[ids[0]], NOTE_COLUMN)
    assert model.index(rows[ids[0]], 0).data() == "Avvist"
    assert rejected.data() == (
        "Avvist av registeret: Diagnosen er ikke bekreftet (bare mistenkt eller under "
        "utredning). Send når bekreftet. Åpne registreringen og velg Ny revisjon for å rette den."
    )
    assert model.index(rows[ids[1]], 0).data() == "Godkjent"
    assert model.index(rows[ids[1]], NOTE_COLUMN).data() == ""

    # "Show them" filters the list to the rejected registration and closes the notice.
    main.records.notice_show.click()
    qtbot.waitUntil(lambda: model.query.status is RecordStatus.REJECTED, timeout=5000)
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 1, timeout=5000)
    assert model.record_id(0) == ids[0]
    assert not notice.isVisible()
    # Locking clears the notice with everything else.
    main.records.show_notice("x")
    controller.lock()
    assert main.records.notice_text.text() == "" and notice.isHidden()
    wait_for_background_work()


def open_enroll_dialog(qtbot: QtBot, make_controller, profile: Profile):  # type: ignore[no-untyped-def]
    """The main window unlocked, and its enrollment dialog opened from the sync bar."""
    controller = open_main(qtbot, make_controller, profile)
    controller.main.sync_panel.enroll_button.click()
    dialog = controller.main.findChild(EnrollDialog)
    assert dialog is not None
    return controller, dialog


def fill_dialog(dialog: EnrollDialog, url: str, code: str, staff: Staff) -> None:
    dialog.server.setText(url)
    dialog.code.setText(code)
    dialog.root_file.setText(str(staff.root_public_file))
    dialog.root_fingerprint.setText(fingerprint(staff.root.public_key()))
    dialog.label.setText("Testklinikk rom 3")


def test_enrollment_dialog_enrolls_and_shows_fingerprints_to_read_aloud(
    qtbot: QtBot,
    make_controller,
    existing_profile: Profile,
    inbox_server: InboxProcess,
    staff: Staff,
) -> None:
    controller = open_main(qtbot, make_controller, existing_profile)
    main = controller.main
    panel = main.sync_panel
    assert not panel.enrolled and panel.enroll_button.isVisible()
    assert not main.sync_action.isEnabled()
    menus = [action.text() for action in main.menuBar().actions()]
    assert "S&ynkronisering" in menus
    main.enroll_action.trigger()
    dialog = main.findChild(EnrollDialog)
    assert dialog is not None and dialog.isVisible()

    # A wrong code: the core's message in plain bokmål, with what to do; nothing pinned.
    fill_dialog(dialog, inbox_server.url, "ABCD-EFGH-JKMN-PQRS", staff)
    dialog.connect_button.click()
    qtbot.waitUntil(
        lambda: not dialog._busy and "Kobler" not in dialog.message.text(), timeout=20_000
    )
    assert dialog.message.text() == (
        "Registreringskoden er feil, brukt eller utløpt. Sjekk koden eller be om en ny. "
        "(bad_enrollment_code)"
    )
    assert dialog.pages.currentIndex() == 0
    store = controller.session.store
    assert store.call(identity.load) is None

    # The right code.
    dialog.code.clear()
    dialog.code.setText(staff.enrollment_code().lower())
    with qtbot.waitSignal(dialog.enrolled, timeout=20_000):
        dialog.connect_button.click()
    assert dialog.pages.currentIndex() == 1
    prints = store.call(identity.fingerprints)
    assert prints is not None
    assert dialog.own_fingerprint.text() == prints.installation
    assert dialog.spelling.text().splitlines() == spelled(prints.installation, "nb")
    assert dialog.spelling.text().splitlines()[0].count(" ") == 5  # "1. ABCD: four words"
    peers = dialog.peer_fingerprints.text()
    for value in (*prints.server, *prints.register, *prints.staff):
        assert value in peers
    assert "Ring registeret" in dialog.result_status.text()  # pending: phone the register
    assert prints.installation in dialog.fingerprint_text()
    # The bar learns that the PC is enrolled: its triggers arm, the menu action enables.
    qtbot.waitUntil(lambda: panel.enrolled, timeout=10_000)
    assert main.sync_action.isEnabled() and panel.sync_button.isVisible()
    assert panel._timer.isActive()
    dialog.close_button.click()

    # Until the register approves, a sync says so in plain words.
    with qtbot.waitSignal(panel.synced, timeout=30_000):
        panel.sync_button.click()
    assert "ikke godkjent denne PC-en ennå" in panel.error.text()
    staff.approve(prints.installation_key_id)
    signing = store.call(identity.installation_key)
    staff.trust(signing.public_key())  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.synced, timeout=30_000):
        panel.sync_button.click()
    assert panel.error.text() == ""
    wait_for_background_work()


def test_enrollment_dialog_checks_fields_and_key_files(
    qtbot: QtBot, make_controller, existing_profile: Profile, tmp_path: Path
) -> None:
    controller, dialog = open_enroll_dialog(qtbot, make_controller, existing_profile)
    main = controller.main

    dialog.server.setText("innboks.example")
    dialog.connect_button.click()
    assert "https://" in dialog.message.text()
    dialog.server.setText("http://127.0.0.1:9")
    qtbot.keyClicks(dialog.code, "abcd efgh jkmn pqr")
    assert dialog.code.text() == "ABCD-EFGH-JKMN-PQR"  # grouped as the letter prints it
    dialog.connect_button.click()
    assert "16 bokstaver og tall" in dialog.message.text()
    qtbot.keyClicks(dialog.code, "U")  # Crockford leaves U out, with no reading
    dialog.connect_button.click()
    assert "tallene 1 og 0" in dialog.message.text()
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "abcd efgh jkmn pqro")  # look-alikes are read: O as 0
    assert dialog.code.text() == "ABCD-EFGH-JKMN-PQR0"
    dialog.connect_button.click()
    assert "registerets rotnøkkelfil" in dialog.message.text()

    # The root key from the letter must come with its fingerprint, and match it.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from sjelden_protocol.keys import save_public_key

    x25519_pub, root_pub = tmp_path / "register.pub", tmp_path / "root.pub"
    save_public_key(X25519PrivateKey.generate().public_key(), x25519_pub)
    root = Ed25519PrivateKey.generate().public_key()
    save_public_key(root, root_pub)
    dialog.root_file.setText(str(root_pub))
    dialog.connect_button.click()
    assert "fingeravtrykk nøyaktig slik brevet" in dialog.message.text()
    dialog.root_fingerprint.setText(fingerprint(Ed25519PrivateKey.generate().public_key()))
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=10_000)
    assert "Rotnøkkelens fingeravtrykk er et annet" in dialog.message.text()
    assert "(root_key_mismatch)" in dialog.message.text()
    dialog.root_fingerprint.setText(fingerprint(root))
    dialog.root_file.setText(str(x25519_pub))  # an encryption key where the root key belongs
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=10_000)
    assert "feil slags nøkkel" in dialog.message.text() and "register.pub" in dialog.message.text()
    dialog.root_file.setText(str(tmp_path / "gone.pub"))
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=10_000)
    assert "gone.pub kan ikke leses" in dialog.message.text()

    # Locking closes the dialog (and forgets the code typed into it).
    controller.lock()
    qtbot.waitUntil(lambda: main.findChild(EnrollDialog) is None, timeout=5000)
