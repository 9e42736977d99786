"""Importing the register's key manifest from the Sync menu: a manifest the root did not sign
or an unreadable file is refused in plain words and changes nothing; the root's is taken."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.keys import fingerprint, key_id, raw_public
from sjelden_protocol.manifest import ManifestKey, sign_manifest
from sjelden_protocol.timefmt import now_utc

from desktop.sync import identity, manifest
from desktop.ui.register_key_dialog import RegisterKeyDialog
from tests.ui.conftest import PASSPHRASE


def test_wrong_file_and_fingerprint_refused_right_key_installed(
    qtbot, profile, tmp_path: Path
) -> None:
    store = profile.create(PASSPHRASE).store
    try:
        old = X25519PrivateKey.generate().public_key()
        store.call(identity.new_installation_key)
        store.call(
            lambda c: identity.pin_keys(
                c,
                server_url="http://127.0.0.1:9",
                label="Testklinikk",
                server_keys=[Ed25519PrivateKey.generate().public_key()],
                register_keys=[old],
                staff_keys=[],
            )
        )
        root, stranger = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
        new = X25519PrivateKey.generate().public_key()
        since = now_utc() - dt.timedelta(minutes=1)
        keys = [ManifestKey("recipient", raw_public(new), since)]

        def signed(by: Ed25519PrivateKey, sequence: int) -> Path:
            path = tmp_path / f"manifest-{sequence}-{key_id(by.public_key())}.json"
            document = sign_manifest(sequence=sequence, issued_at=since, keys=keys, root=by)
            path.write_text(json.dumps(document.to_json()))
            return path

        store.call(lambda c: manifest.pin_root(c, root.public_key()))
        dialog = RegisterKeyDialog(lambda: store)
        qtbot.addWidget(dialog)

        def attempt(path: Path) -> str:
            dialog.message.clear()
            dialog.file.setText(str(path))
            dialog.install()
            qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
            return dialog.message.text()

        assert "manifest_invalid" in attempt(signed(stranger, 1))  # not the root's
        assert "manifest_unreadable" in attempt(tmp_path / "missing.json")
        loaded = store.call(identity.load)
        assert loaded is not None and key_id(loaded.register_key) == key_id(old)

        text = attempt(signed(root, 1))
        assert text.startswith("Installert.") and fingerprint(new) in text
        loaded = store.call(identity.load)
        assert loaded is not None and key_id(loaded.register_key) == key_id(new)
    finally:
        store.close()
