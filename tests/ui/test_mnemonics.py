"""No two Alt+letters clash in any window, menu or form section (issue 16, point 6).

Walks the real windows in both languages: the main window (record list, then a new
registration in the form), each dialog its menus open, the start window's pages (set-up,
unlock, recovery) and the staff window's tabs. Who competes for a letter is told in
``tests/ui/mnemonic_scan.py``. The form's labels carry letters too, and each one moves the
focus to its field.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.storage.records import RecordStatus
from desktop.ui import i18n
from desktop.ui.form.fields import BoxField
from desktop.ui.staff.window import StaffWindow
from tests.ui.conftest import PASSPHRASE
from tests.ui.form_window import OpenApp, new_registration, open_app
from tests.ui.mnemonic_scan import clashes, holders, mnemonic
from tests.ui.staff.conftest import close_message_boxes
from tests.ui.test_unlock import unlock

LANGUAGES = ["nb", "en"]


@pytest.fixture(params=LANGUAGES)
def lang(request):
    i18n.install(request.param)
    yield request.param
    i18n.install("nb")


@pytest.fixture
def app_in(qtbot, profile, clock, lang):
    from desktop.ui.main_window import MainWindow

    controller = open_app(qtbot, profile, clock)
    assert isinstance(controller.main, MainWindow)
    yield OpenApp(controller, controller.main)
    controller.shutdown()


def open_windows() -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and isinstance(w, QDialog | QMessageBox)
    ]


def dialog_clashes(qtbot, trigger) -> list[str]:
    before = set(open_windows())
    trigger()
    qtbot.waitUntil(lambda: bool(set(open_windows()) - before), timeout=5000)
    problems = []
    for dialog in set(open_windows()) - before:
        problems += [f"{dialog.windowTitle()}: {p}" for p in clashes(dialog)]
        dialog.close()
    return problems


def test_the_main_window_its_form_and_its_dialogs_have_no_clashing_mnemonics(qtbot, app_in, lang):
    main = app_in.main
    problems = [f"list: {p}" for p in clashes(main)]
    # the notice above the list, with its buttons (after a sync brought rejections)
    main.records.show_notice("…", RecordStatus.REJECTED)
    problems += [f"list with notice: {p}" for p in clashes(main)]
    main.records.hide_notice()
    editor = new_registration(qtbot, app_in)
    problems += [f"form: {p}" for p in clashes(main)]
    for action in (
        main.change_passphrase_action,
        main.auto_lock_action,
        main.enroll_action,
        main.register_key_action,
        main.about_action,
        main.sync_status_action,
    ):
        problems += dialog_clashes(qtbot, action.trigger)
    problems += dialog_clashes(qtbot, editor.delete_draft)
    assert problems == [], "\n".join(problems)


def test_the_start_window_pages_have_no_clashing_mnemonics(
    qtbot, make_profile, make_controller, lang
):
    new = make_controller(make_profile("fresh"))
    problems = [f"set-up: {p}" for p in clashes(new.gate)]
    profile = make_profile("existing")
    profile.create(PASSPHRASE).store.close()
    gate = make_controller(profile).gate
    problems += [f"unlock: {p}" for p in clashes(gate)]
    gate.show_recovery()
    problems += [f"recovery: {p}" for p in clashes(gate)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "staff_lang",
    [
        "nb",
        "en",
    ],
)
def test_the_staff_window_has_no_clashing_mnemonics(
    qtbot, make_profile, make_controller, staff_lang
):
    i18n.install(staff_lang)
    from desktop.staff import session as staff_session
    from tests.staff.conftest import PASSPHRASE as STAFF_PASSPHRASE

    profile = make_profile("staff")
    opened, _ = staff_session.create(profile, STAFF_PASSPHRASE)
    opened.close()
    controller = make_controller(profile)
    window = controller.main
    assert isinstance(window, StaffWindow)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        unlock(qtbot, controller, STAFF_PASSPHRASE)
    close_message_boxes(window)
    problems = []
    tabs = window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        problems += [f"{tabs.tabText(index)}: {p}" for p in clashes(window)]
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))


def _box_of(widget: QWidget) -> object:
    from desktop.ui.form.sections import ModuleView, SectionView

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, SectionView | ModuleView | BoxField):
        parent = parent.parentWidget()
    return parent


def test_every_form_label_has_a_letter_that_focuses_its_field(qtbot, app_in, lang):
    editor = new_registration(qtbot, app_in)
    labelled = [
        w
        for w in editor.ctx.widgets.values()
        if not isinstance(w, BoxField) and w.isVisibleTo(editor)
    ]
    assert len(labelled) > 20
    window_letters = {h.letter for h in holders(app_in.main) if h.scope == "window"}
    by_box: dict[object, set[str]] = {}
    for widget in labelled:
        letter = mnemonic(widget.label.text())
        # the letters avoid the window's own: Alt+F stays the Fil menu, never a field
        assert letter not in window_letters, widget.caption
        if letter:
            by_box.setdefault(_box_of(widget), set()).add(letter)
    # a label goes without a letter only when every letter of its caption is taken in its
    # box or by the window (English "Sub-registry" among the diagnosis fields)
    # (counting the fields shown only for some answers, and the editor's buttons that show
    # only for some states: their letters are kept for them)
    for widget in editor.ctx.widgets.values():
        letter = mnemonic(widget.label.text())
        if letter and not isinstance(widget, BoxField):
            by_box.setdefault(_box_of(widget), set()).add(letter)
    kept = window_letters | {mnemonic(b.text()) for b in editor.buttons}
    missing = [w for w in labelled if mnemonic(w.label.text()) is None]
    for widget in missing:
        free = {c.lower() for c in widget.caption if c.isalpha()}
        free -= kept | by_box.get(_box_of(widget), set())
        assert not free, f"{widget.caption!r} could have had one of {sorted(free)}"
    assert len(missing) <= 2, [w.caption for w in missing]
    # Alt+letter moves the focus to the field (the first one with that letter)
    target = editor.ctx.widgets["reporter.comment"]
    letter = mnemonic(target.label.text())
    editor.ctx.widgets["patient.national_id"].focus_target().setFocus()
    for _ in range(4):  # a letter shared with another section cycles through both
        qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
        if QApplication.focusWidget() is target.focus_target():
            break
    assert QApplication.focusWidget() is target.focus_target()
