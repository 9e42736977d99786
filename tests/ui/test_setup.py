"""First-run set-up, driven by the keyboard as a clinician would."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from desktop.storage.profile import Profile
from tests.ui.conftest import PASSPHRASE


def type_passphrases(qtbot, page, first: str, second: str) -> None:
    pair = page.passphrases
    pair.first.setFocus()
    qtbot.keyClicks(pair.first, first)
    qtbot.keyClick(pair.first, Qt.Key.Key_Tab)
    qtbot.keyClicks(pair.second, second)


def test_setup_creates_the_profile_and_shows_the_recovery_key_once(
    qtbot, profile, make_controller, tmp_path
):
    controller = make_controller(profile)
    page = controller.gate.setup
    assert controller.gate.pages.currentWidget() is page
    type_passphrases(qtbot, page, PASSPHRASE, PASSPHRASE)
    qtbot.keyClick(page.passphrases.second, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.steps.currentIndex() == 1, timeout=10_000)
    key = page.key_label.text()
    assert len(key.replace("-", "").replace(" ", "")) >= 20
    assert page.key_label.font().fixedPitch() or page.key_label.font().pointSizeF() > 12
    assert not page.continue_button.isEnabled()

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf = tmp_path / "recovery.pdf"
    printer.setOutputFileName(str(pdf))
    page.print_to(printer)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert key in text and "gjenopprettingsnøkkel" in text

    # Print opens the print dialog without blocking the event loop (QDialog.open).
    page.print_button.click()
    dialog = page.findChild(QPrintDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.reject()

    page.copy_button.click()
    from PySide6.QtWidgets import QApplication

    assert QApplication.clipboard().text() == key

    page.kept.setFocus()
    qtbot.keyClick(page.kept, Qt.Key.Key_Space)
    assert page.continue_button.isEnabled()
    page.continue_button.click()
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
    assert not controller.gate.isVisible()
    assert page.key_label.text() == ""  # shown once
    assert profile.exists

    controller.shutdown()
    store = Profile(profile.directory, key_store=profile.key_store()).unlock(PASSPHRASE)
    store.close()


def test_short_and_mismatching_passphrases_are_explained_inline(qtbot, profile, make_controller):
    controller = make_controller(profile)
    page = controller.gate.setup
    type_passphrases(qtbot, page, "kort", "kort")
    assert "for kort" in page.passphrases.hint.text().lower()
    page.create_button.click()
    assert "minst 12 tegn" in page.passphrases.problem.text()
    page.passphrases.clear()
    type_passphrases(qtbot, page, PASSPHRASE, PASSPHRASE + "x")
    page.create_button.click()
    assert "ikke like" in page.passphrases.problem.text()
    assert page.steps.currentIndex() == 0
    assert not profile.exists


def test_strength_hint_says_what_would_make_it_stronger(qtbot, profile, make_controller):
    page = make_controller(profile).gate.setup
    assert "minst 3 av 4" in page.passphrases.hint.text()  # the rule, before typing
    assert "God (3 av 4)" in page.intro.text()
    qtbot.keyClicks(page.passphrases.first, "passord12345")
    weak = page.passphrases.hint.text()
    assert weak.startswith("Svak") and "Ikke godtatt ennå" in weak
    assert "ligner på et mye brukt passord" in weak  # zxcvbn's advice, in bokmål
    assert page.passphrases.meter.value() == 1
    page.passphrases.first.clear()
    qtbot.keyClicks(page.passphrases.first, "Blå Hest spiser 42 grønne epler!")
    assert page.passphrases.meter.value() == 4
    assert "god passordfrase" in page.passphrases.hint.text()


def test_a_long_but_guessable_passphrase_is_refused_before_set_up(qtbot, profile, make_controller):
    page = make_controller(profile).gate.setup
    type_passphrases(qtbot, page, "aaaaaaaaaaaa", "aaaaaaaaaaaa")
    page.create_button.click()
    problem = page.passphrases.problem.text()
    assert "for lett å gjette" in problem and "Gjentakelser som «aaa»" in problem
    assert page.steps.currentIndex() == 0 and not profile.exists


def test_without_a_secure_keyring_the_user_may_choose_a_key_file(qtbot, make_controller):
    # No key_store given: the process keyring is the in-memory test backend, which the
    # store rightly refuses as not being a secure OS keyring.
    profile = Profile.named("no-keyring", kdf_target_seconds=0.02)
    controller = make_controller(profile)
    page = controller.gate.setup
    type_passphrases(qtbot, page, PASSPHRASE, PASSPHRASE)
    page.create_button.click()
    qtbot.waitUntil(page.keyfile_box.isVisible, timeout=5000)
    assert "nøkkelring" in page.keyfile_text.text()
    assert "Advarsel" in page.keyfile_warning.text()
    assert not profile.exists

    page.keyfile_choice.setChecked(True)
    page.create_button.click()
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 1, timeout=10_000)
    assert profile.info()["key_storage"] == "file"


def test_a_keyring_that_does_not_answer_offers_the_key_file(qtbot, make_profile, make_controller):
    import keyring.errors

    from desktop.storage.keystore import KeyringBlobStore
    from tests.helpers.failing_keyring import FailingKeyring

    profile = make_profile(key_store=KeyringBlobStore(FailingKeyring(keyring.errors.InitError)))
    page = make_controller(profile).gate.setup
    type_passphrases(qtbot, page, PASSPHRASE, PASSPHRASE)
    page.create_button.click()
    qtbot.waitUntil(page.keyfile_box.isVisible, timeout=5000)
    assert "start gnome-keyring" in page.keyfile_text.text()
    assert not profile.exists
