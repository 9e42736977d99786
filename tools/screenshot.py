"""Screenshots of the application with a synthetic profile (for the README and CI).

Starts the real windows on whatever Qt platform is available (CI runs it under
``xvfb-run -a``; ``QT_QPA_PLATFORM=offscreen`` works too), in a throw-away profile holding
obviously fake patients, and saves a PNG of the chosen window. Nothing touches the user's
real profiles or keyring: the profile lives in a temporary directory and keeps its sealed
key in a file there.

Usage::

    xvfb-run -a python tools/screenshot.py --page main --output docs/screenshots/main-window.png
    xvfb-run -a python tools/screenshot.py --page form --output docs/screenshots/form.png
    xvfb-run -a python tools/screenshot.py "$ARTIFACTS"   # every page into that directory

Pages: ``main`` (the record list), ``setup``, ``unlock``, ``form`` (the registration form
on a synthetic, filled-in demo record, scrolled to its diagnosis and genetic finding) and
``staff`` (the registry-staff review queue after importing a batch of demo records, with a
revision's diff). Given a directory and no ``--page``, every page is written there
(``main-window.png``, ``setup.png``, ``unlock.png``, ``form.png``, ``staff-window.png``); that
is how CI runs it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.storage import records as stored

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "skjermbilde med falske pasienter"
FAKE_FAMILY_NAMES = [
    "Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
    "Kristiansen", "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Eriksen", "Bakken",
]  # fmt: skip
FAKE_GIVEN_NAMES = ["Kari", "Ola", "Ingrid", "Per", "Sofie", "Jonas", "Nora", "Emil", "Åse"]


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the application did not reach the expected state")
        QApplication.processEvents()
        time.sleep(0.01)


def fill(store, count: int) -> None:
    """``count`` synthetic records with fake names, every status represented."""
    from desktop.storage.records import RecordStatus
    from tests.helpers import synthetic

    rng = random.Random(2024)
    statuses = list(RecordStatus)
    items = []
    for index in range(count):
        payload = synthetic.record(rng, family_name=rng.choice(FAKE_FAMILY_NAMES))
        payload["patient"]["given_names"] = rng.choice(FAKE_GIVEN_NAMES)
        payload["reporter"]["registration_date"] = (
            f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        items.append((payload["record_id"], payload, statuses[index % len(statuses)]))
    store.call(
        lambda c: stored.import_many(
            c, items, form_id="sjeldenregisteret", form_version=1, author=store.actor
        )
    )


PAGES = ("main", "setup", "unlock", "form", "staff")
FILE_NAMES = {"main": "main-window.png", "staff": "staff-window.png"}


def file_name(page: str) -> str:
    return FILE_NAMES.get(page, f"{page}.png")


def demo_record() -> dict:
    """A synthetic registration that looks filled in: a known diagnosis with a genetic finding."""
    from desktop.forms.demo import DemoGenerator
    from desktop.forms.validate import validate

    generator = DemoGenerator(seed=2024)
    fallback = None
    for _ in range(500):
        payload = generator.record()
        diagnosis = payload["diagnoses"][0]
        if payload["modules"] or len(payload["diagnoses"]) != 1:
            continue
        if payload["patient"].get("vital_status") != "levende":
            continue
        if not diagnosis.get("genetic_findings") or not diagnosis.get("icd10"):
            continue
        # Cystic fibrosis, confirmed, noticed at birth: a diagnosis that reads right.
        if diagnosis["orpha_code"] != "ORPHA:586" or diagnosis["assertion"] != "bekreftet":
            continue
        if diagnosis["onset"] not in ("prenatalt", "ved_fodsel"):
            continue
        fallback = fallback or payload
        if "address" in payload["patient"] and not validate(payload).errors:
            return payload
    if fallback is None:
        raise RuntimeError("no suitable demo record")
    return fallback


def show_form(window, store) -> None:
    """Open a demo record in the form and scroll to its diagnosis."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    payload = demo_record()
    store.call(
        lambda c: stored.save_draft(
            c,
            record_id=payload["record_id"],
            payload=payload,
            form_id="sjeldenregisteret",
            form_version=1,
            author=store.actor,
        )
    )
    window.open_registration(payload["record_id"])
    editor = window.form.editor
    wait_until(lambda: editor.record_id == payload["record_id"] and editor.body.isVisible())
    editor.validate_now()
    diagnoses = next(view for view in editor.sections if view.key == "diagnoses")
    for row in range(editor.nav.count()):
        item = editor.nav.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == diagnoses.key:
            editor.nav.setCurrentItem(item)
    QApplication.processEvents()
    bar = editor.scroll_area.verticalScrollBar()
    bar.setValue(min(bar.maximum(), diagnoses.y() - 8))


def staff_profile(profile, records: int) -> None:
    """A staff profile that has imported a batch of demo records from one pinned clinic,
    one of them a correction of a record the register already holds."""
    import copy
    import uuid

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from sjelden_protocol import build_batch

    from desktop.forms.demo import DemoGenerator
    from desktop.staff import decisions, trust
    from desktop.staff import session as staff_session
    from desktop.staff.importer import Importer

    opened, _ = staff_session.create(profile, PASSPHRASE, key_storage="file")
    with opened:
        clinic = Ed25519PrivateKey.generate()
        opened.register.call(
            lambda db: trust.pin_installation(
                db, clinic.public_key(), "Demo-klinikken", actor="demo"
            )
        )
        recipient = opened.keys.register_keys[opened.keys.newest_register_key_id].public_key()
        generator = DemoGenerator(seed=2024)
        first = [generator.record() for _ in range(max(records // 4, 2))]
        later = [generator.record() for _ in range(max(records // 2, 4))]
        corrected = copy.deepcopy(first[0])
        corrected["revision"] = 2
        corrected["diagnoses"][0]["assertion"] = "bekreftet"
        corrected["patient"]["given_names"] = corrected["patient"]["given_names"] + " Demo"
        twin = copy.deepcopy(first[1])
        twin["record_id"] = str(uuid.uuid4())
        with Importer(opened, workers=1) as importer:
            for batch in (first, [corrected, twin, *later]):
                importer.import_bytes(
                    build_batch(
                        batch, batch_id=str(uuid.uuid4()), signer=clinic, recipient=recipient
                    )
                )
                if batch is first:
                    decisions.accept_clean(opened.register)


def shoot(page: str, output: Path, *, language: str, records: int) -> bool:
    """Start the app in a throw-away profile, show ``page`` and save it as ``output``."""
    with tempfile.TemporaryDirectory(prefix="sjelden-screenshot-") as tmp:
        os.environ["SJELDEN_HOME"] = tmp
        from PySide6.QtWidgets import QApplication

        from desktop.storage.profile import Profile
        from desktop.storage.session import Session
        from desktop.ui import i18n
        from desktop.ui.app import application, registration_editor
        from desktop.ui.controller import AppController

        app = application()
        i18n.install(language)
        profile = Profile(Path(tmp) / "profile", kdf_target_seconds=0.05)
        if page == "staff":
            staff_profile(profile, records)
        elif page != "setup":
            result = profile.create(PASSPHRASE, key_storage="file")
            with result.store as store:
                fill(store, records)
        controller = AppController(
            profile,
            Session(profile),
            editor_factory=registration_editor if page == "form" else None,
        )
        controller.start()
        try:
            if page == "setup":
                window = controller.gate
                window.resize(640, 400)
                pair = window.setup.passphrases
                pair.first.setText("Blå hest spiser epler")
                pair.second.setText("Blå hest spiser epler")
            elif page == "unlock":
                window = controller.gate
                window.resize(560, 300)
            elif page == "staff":
                controller.gate.unlock.passphrase.setText(PASSPHRASE)
                controller.gate.unlock.try_unlock()
                window = controller.main
                wait_until(window.isVisible)
                window.resize(1360, 760)
                review = window.review
                wait_until(lambda: review.model.rowCount() > 0)
                revision = next(
                    row for row, item in enumerate(review.model.shown()) if item.revision == 2
                )
                review.table.selectRow(revision)
                wait_until(review.diff_box.isVisible)
            else:
                controller.gate.unlock.passphrase.setText(PASSPHRASE)
                controller.gate.unlock.try_unlock()
                window = controller.main
                wait_until(window.isVisible)
                model = window.records.model
                wait_until(lambda: model.rowCount() > 0 and not model.loading)
                wait_until(lambda: window.count_label.text() != "")
                if page == "form":
                    window.resize(1360, 860)
                    show_form(window, controller.session.store)
                else:
                    window.records.table.selectRow(1)
            QApplication.processEvents()
            time.sleep(0.2)
            QApplication.processEvents()
            image = window.grab()
            output.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(output), "PNG"):
                print(f"could not write {output}", file=sys.stderr)
                return False
        finally:
            if page == "form":
                controller.main.form.editor.autosaver.cancel()  # nothing to save on the way out
            controller.shutdown()
            app.processEvents()
    print(f"saved {output} ({output.stat().st_size} bytes)")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save PNGs of the application's windows.")
    parser.add_argument(
        "directory",
        nargs="?",
        type=Path,
        help="write every page (or only --page) into this directory",
    )
    parser.add_argument("--page", choices=PAGES, default=None, help="one page (default: main)")
    parser.add_argument("--output", type=Path, default=None, help="the PNG file (one page)")
    parser.add_argument("--language", choices=("nb", "en"), default="nb")
    parser.add_argument("--records", type=int, default=60)
    args = parser.parse_args(argv)
    if args.output is not None and args.directory is not None:
        parser.error("give either a directory or --output, not both")
    if args.directory is not None:
        pages = (args.page,) if args.page else PAGES
        targets = [(page, args.directory / file_name(page)) for page in pages]
    else:
        page = args.page or "main"
        targets = [(page, args.output or ROOT / "docs" / "screenshots" / file_name(page))]
    ok = True
    for page, output in targets:
        ok = shoot(page, output, language=args.language, records=args.records) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
