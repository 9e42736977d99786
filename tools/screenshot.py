"""Screenshots of the application with a synthetic profile (for the README and CI).

Starts the real windows on whatever Qt platform is available (CI runs it under
``xvfb-run -a``; ``QT_QPA_PLATFORM=offscreen`` works too), in a throw-away profile holding
obviously fake patients, and saves a PNG of the chosen window. Nothing touches the user's
real profiles or keyring: the profile lives in a temporary directory and keeps its sealed
key in a file there.

Usage::

    xvfb-run -a python tools/screenshot.py --page main --output docs/screenshots/main-window.png
    xvfb-run -a python tools/screenshot.py --page setup --output docs/screenshots/setup.png
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
    from desktop.storage import records
    from desktop.storage.records import RecordStatus
    from tests.helpers import synthetic

    rng = random.Random(2024)
    statuses = [RecordStatus.DRAFT, RecordStatus.COMPLETED, RecordStatus.QUEUED,
                RecordStatus.SENT, RecordStatus.ACCEPTED, RecordStatus.REJECTED]  # fmt: skip

    def insert(conn) -> None:
        for index in range(count):
            payload = synthetic.record(rng, family_name=rng.choice(FAKE_FAMILY_NAMES))
            payload["patient"]["given_names"] = rng.choice(FAKE_GIVEN_NAMES)
            payload["reporter"]["registration_date"] = (
                f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            )
            record = records.save_draft(
                conn, record_id=payload["record_id"], payload=payload,
                form_id="sjeldenregisteret", form_version=1, author="screenshot",
            )  # fmt: skip
            status = statuses[index % len(statuses)]
            if status is not RecordStatus.DRAFT:
                records.set_status(
                    conn, record_id=record.record_id, revision=record.revision,
                    status=status, actor="screenshot",
                )  # fmt: skip

    store.call(insert, "screenshot data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save a PNG of the application window.")
    parser.add_argument("--page", choices=("main", "setup", "unlock"), default="main")
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--language", choices=("nb", "en"), default="nb")
    parser.add_argument("--records", type=int, default=60)
    args = parser.parse_args(argv)
    output: Path = args.output or ROOT / "docs" / "screenshots" / (
        "main-window.png" if args.page == "main" else f"{args.page}.png"
    )

    with tempfile.TemporaryDirectory(prefix="sjelden-screenshot-") as tmp:
        os.environ["SJELDEN_HOME"] = tmp
        from PySide6.QtWidgets import QApplication

        from desktop.storage.profile import Profile
        from desktop.storage.session import Session
        from desktop.ui import i18n
        from desktop.ui.app import application
        from desktop.ui.controller import AppController

        app = application()
        i18n.install(args.language)
        profile = Profile(Path(tmp) / "profile", kdf_target_seconds=0.05)
        if args.page != "setup":
            result = profile.create(PASSPHRASE, key_storage="file")
            with result.store as store:
                fill(store, args.records)
        controller = AppController(profile, Session(profile))
        controller.start()
        try:
            if args.page == "setup":
                window = controller.gate
                window.resize(640, 400)
                pair = window.setup.passphrases
                pair.first.setText("Blå hest spiser epler")
                pair.second.setText("Blå hest spiser epler")
            elif args.page == "unlock":
                window = controller.gate
                window.resize(560, 300)
            else:
                controller.gate.unlock.passphrase.setText(PASSPHRASE)
                controller.gate.unlock.try_unlock()
                window = controller.main
                wait_until(window.isVisible)
                model = window.records.model
                wait_until(lambda: model.rowCount() > 0 and not model.loading)
                wait_until(lambda: window.count_label.text() != "")
                window.records.table.selectRow(1)
            QApplication.processEvents()
            time.sleep(0.2)
            QApplication.processEvents()
            image = window.grab()
            output.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(output), "PNG"):
                print(f"could not write {output}", file=sys.stderr)
                return 1
        finally:
            controller.shutdown()
            app.processEvents()
    print(f"saved {output} ({output.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
