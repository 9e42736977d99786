"""Installing the register's new key from the Sync menu: wrong files and fingerprints are
refused in plain words and change nothing; the right one is pinned."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.keys import fingerprint, key_id, save_public_key

from desktop.sync import identity
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
        new = X25519PrivateKey.generate().public_key()
        register_file, staff_file = tmp_path / "register.pub", tmp_path / "staff.pub"
        save_public_key(new, register_file)
        save_public_key(Ed25519PrivateKey.generate().public_key(), staff_file)

        dialog = RegisterKeyDialog(lambda: store)
        qtbot.addWidget(dialog)

        def attempt(path: Path, expected: str = "") -> str:
            dialog.message.clear()
            dialog.file.setText(str(path))
            dialog.expected.setText(expected)
            dialog.install()
            qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
            return dialog.message.text()

        assert "feil slags nøkkel" in attempt(staff_file)
        assert "fingeravtrykk er et annet" in attempt(register_file, "AAAA " * 8)
        assert store.call(identity.register_key_id) == key_id(old)

        text = attempt(register_file, fingerprint(new).lower())
        assert text.startswith("Installert.") and fingerprint(new) in text
        assert store.call(identity.register_key_id) == key_id(new)
    finally:
        store.close()
