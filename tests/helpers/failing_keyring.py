"""A keyring backend that refuses every call the way a real one does when it cannot serve.

The Secret Service backend raises ``KeyringLocked`` when the login collection stays locked,
``InitError`` when the collection cannot be reached; a machine without a backend raises
``NoKeyringError``. This backend raises the one it is given, so the store's mapping of each
can be tested without a desktop session (the locked case is also tested against
gnome-keyring in ``tests/storage/test_real_keyring.py``).
"""

from __future__ import annotations

import keyring.backend
import keyring.errors


class FailingKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, error: type[keyring.errors.KeyringError]) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def _refuse(self) -> None:
        self.calls += 1
        raise self.error(f"{self.error.__name__} raised by the test backend")

    def get_password(self, service: str, username: str) -> str | None:
        self._refuse()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._refuse()

    def delete_password(self, service: str, username: str) -> None:
        self._refuse()
