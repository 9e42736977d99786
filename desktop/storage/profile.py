"""A profile: one encrypted store, its sealed key, and how it is unlocked.

Files in the profile directory (all 0600, the directory 0700):

- ``profile.json``: non-secret facts needed before unlocking (profile id, where the sealed key
  is kept, UI language, and the kind: ``clinician`` or registry ``staff``). Written last at
  set-up, so its presence means set-up finished.
- ``recovery.json``: the data key sealed under the recovery key. Kept on disk as well as in
  the keyring so a lost keyring entry (new Windows profile, wiped keychain) can be recovered.
  It is protected by 160 bits of randomness, not by a guessable passphrase.
- ``attempts.json``: the count of failed unlock attempts, so restarting the app does not
  reset the slow-down.
- ``store.db`` (+ ``-wal``/``-shm``): the SQLCipher database.

The passphrase-sealed key itself lives in the OS keyring (or, only if the user chose so
explicitly, in ``sealed-key-<id>.json``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from desktop.messages import Lang
from desktop.paths import DEFAULT_PROFILE, profile_dir, write_private_file
from desktop.storage import keywrap
from desktop.storage.errors import (
    STORE,
    KeyMaterialMissing,
    ProfileExists,
    ProfileMissing,
    StoreError,
    TooManyAttempts,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.storage.keystore import FileBlobStore, KeyBlobStore, system_keyring_store
from desktop.storage.schema import migrate
from desktop.storage.store import Store
from desktop.storage.worker import store_worker

MIN_PASSPHRASE_LENGTH = 12
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0
DB_FILE = "store.db"
KeyStorage = Literal["keyring", "file"]
# A staff profile holds the register's keys and review queue (desktop.staff); the two kinds
# never share a profile, so a clinician's PC never holds a register decryption key.
ProfileKind = Literal["clinician", "staff"]
PROFILE_KINDS: tuple[ProfileKind, ...] = ("clinician", "staff")


class WrongProfileKind(StoreError):
    """A clinician command on a staff profile, or a staff command on a clinician's."""

    code = "store.wrong_profile_kind"

    def __init__(self, *, found: ProfileKind, wanted: ProfileKind) -> None:
        super().__init__(f"profile kind {found}, wanted {wanted}")
        self.found = found
        self.wanted = wanted

    def user_message(self, lang: Lang = "nb") -> str:
        # one code, and the fix depends on which kind of profile was found
        key = self.code if self.found == "staff" else f"{self.code}.clinician"
        return STORE.text(key, lang)


@dataclass(frozen=True)
class SetupResult:
    store: Store
    recovery_key: str  # shown once to the user, never stored in clear


class Profile:
    """A set-up profile; ``unlock`` turns it into an open ``Store``."""

    def __init__(
        self,
        directory: Path,
        *,
        key_store: KeyBlobStore | None = None,
        wall_clock: Callable[[], float] = time.time,
        kdf_target_seconds: float = 0.3,
    ) -> None:
        self.directory = directory
        self._key_store = key_store
        self._wall_clock = wall_clock
        self._kdf_target = kdf_target_seconds

    # -- locating ---------------------------------------------------------------------------

    @classmethod
    def named(cls, name: str | None = None, **kwargs: Any) -> Profile:
        return cls(profile_dir(name or DEFAULT_PROFILE), **kwargs)

    @property
    def db_path(self) -> Path:
        return self.directory / DB_FILE

    @property
    def exists(self) -> bool:
        return (self.directory / "profile.json").exists()

    def info(self) -> dict[str, Any]:
        path = self.directory / "profile.json"
        if not path.exists():
            raise ProfileMissing(str(self.directory))
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return data

    @property
    def profile_id(self) -> str:
        return str(self.info()["profile_id"])

    @property
    def kind(self) -> ProfileKind:
        """``clinician`` unless set up as a staff profile (files before kinds were clinicians')."""
        return "staff" if self.info().get("kind") == "staff" else "clinician"

    def key_store(self) -> KeyBlobStore:
        if self._key_store is None:
            storage = self.info().get("key_storage", "keyring") if self.exists else "keyring"
            self._key_store = (
                FileBlobStore(self.directory) if storage == "file" else system_keyring_store()
            )
        return self._key_store

    # -- set-up -----------------------------------------------------------------------------

    def create(
        self,
        passphrase: str,
        *,
        key_storage: KeyStorage = "keyring",
        language: str = "nb",
        kind: ProfileKind = "clinician",
        setup: Callable[[Store], None] | None = None,
    ) -> SetupResult:
        """Set the profile up; ``profile.json`` is written only once everything succeeded.

        ``setup`` runs on the new store before that (a staff profile's keys and register): if
        it or anything else fails, the store, its seals and the key entry are removed again,
        so a failed set-up can simply be run again.
        """
        if kind not in PROFILE_KINDS:
            raise ValueError(f"profile kind must be one of {PROFILE_KINDS}")
        if self.exists:
            raise ProfileExists(str(self.directory))
        check_passphrase(passphrase)
        if self._key_store is None:
            self._key_store = (
                FileBlobStore(self.directory) if key_storage == "file" else system_keyring_store()
            )
        # Leftovers of an interrupted set-up hold no usable data: their key was never saved.
        for leftover in self.directory.glob(f"{DB_FILE}*"):
            leftover.unlink()
        profile_id = str(uuid.uuid4())
        data_key = keywrap.new_data_key()
        store: Store | None = None
        try:
            recovery_key = keywrap.new_recovery_key()
            self._save_passphrase_seal(profile_id, data_key, passphrase)
            self._save_recovery_seal(profile_id, data_key, recovery_key)
            worker = store_worker(self.db_path, data_key, create=True)
            store = Store(worker, actor=_actor())
            worker.call(lambda conn: migrate(conn, None), "create schema")
            if setup is not None:
                setup(store)
            info = {
                "format": 1,
                "profile_id": profile_id,
                "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "key_storage": self._key_store.kind,
                "language": language,
                "kind": kind,
            }
            write_private_file(
                self.directory / "profile.json", json.dumps(info, indent=2).encode("utf-8")
            )
            return SetupResult(store, recovery_key)
        except BaseException:
            if store is not None:
                store.close()
            self._remove_unfinished(profile_id)
            raise
        finally:
            keywrap.wipe(data_key)

    def _remove_unfinished(self, profile_id: str) -> None:
        """Undo a set-up that failed before ``profile.json`` was written."""
        with contextlib.suppress(Exception):
            self.key_store().delete(profile_id)
        for leftover in (*self.directory.glob(f"{DB_FILE}*"), self.directory / "recovery.json"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()

    # -- unlocking --------------------------------------------------------------------------

    def unlock(self, passphrase: str, kind: ProfileKind = "clinician") -> Store:
        """Open the store of a ``kind`` profile (``WrongProfileKind`` for the other kind).

        Clinician commands never write into a staff profile, nor staff commands into a
        clinician's; the check comes before the passphrase is tried.
        """
        if self.kind != kind:
            raise WrongProfileKind(found=self.kind, wanted=kind)
        data_key = self._unseal_with_passphrase(passphrase)
        try:
            return self._open(data_key)
        finally:
            keywrap.wipe(data_key)

    def unlock_with_recovery(self, recovery_key: str, new_passphrase: str) -> Store:
        """Unlock with the printed recovery key and set a new passphrase.

        Also restores a lost keyring entry, because the new passphrase seal is saved anew.
        """
        check_passphrase(new_passphrase)
        self._check_throttle()
        profile_id = self.profile_id
        recovery = json.loads((self.directory / "recovery.json").read_text("utf-8"))
        data_key: bytearray | None = None
        if keywrap.normalize_recovery_key(recovery_key) is not None:
            kek = keywrap.derive_recovery_key(recovery_key, keywrap.b64decode(recovery["salt"]))
            data_key = keywrap.unseal(
                keywrap.SealedKey.from_json(recovery["seal"]), kek, _aad("recovery", profile_id)
            )
        if data_key is None:
            self._record_failure()
            raise WrongRecoveryKey()
        try:
            store = self._open(data_key)
            self._save_passphrase_seal(profile_id, data_key, new_passphrase)
            self._reset_failures()
            return store
        finally:
            keywrap.wipe(data_key)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-seal the data key under ``new``; the database itself is not touched."""
        check_passphrase(new)
        data_key = self._unseal_with_passphrase(old)
        try:
            self._save_passphrase_seal(self.profile_id, data_key, new)
        finally:
            keywrap.wipe(data_key)

    def verify_passphrase(self, passphrase: str) -> None:
        """Raise unless ``passphrase`` unlocks the key (for ``sjelden unlock-check``)."""
        keywrap.wipe(self._unseal_with_passphrase(passphrase))

    def _open(self, data_key: bytearray) -> Store:
        worker = store_worker(self.db_path, data_key)
        try:
            worker.call(lambda conn: migrate(conn, self.db_path), "migrate")
        except BaseException:
            worker.close()
            raise
        return Store(worker, actor=_actor())

    def _unseal_with_passphrase(self, passphrase: str) -> bytearray:
        self._check_throttle()
        profile_id = self.profile_id
        blob = self.key_store().load(profile_id)
        if blob is None:
            raise KeyMaterialMissing(str(self.directory))
        entry = json.loads(blob)
        params = keywrap.KdfParams.from_json(entry["kdf"])
        kek = keywrap.derive_passphrase_key(passphrase, params)
        data_key = keywrap.unseal(
            keywrap.SealedKey.from_json(entry["seal"]), kek, _aad("passphrase", profile_id)
        )
        if data_key is None:
            self._record_failure()
            raise WrongPassphrase()
        self._reset_failures()
        return data_key

    def _save_passphrase_seal(self, profile_id: str, data_key: bytearray, passphrase: str) -> None:
        params = keywrap.calibrate_kdf(self._kdf_target)
        kek = keywrap.derive_passphrase_key(passphrase, params)
        sealed = keywrap.seal(data_key, kek, _aad("passphrase", profile_id))
        entry = {
            "format": keywrap.WRAP_FORMAT,
            "profile_id": profile_id,
            "kdf": params.to_json(),
            "seal": sealed.to_json(),
        }
        self.key_store().save(profile_id, json.dumps(entry))

    def _save_recovery_seal(self, profile_id: str, data_key: bytearray, recovery_key: str) -> None:
        salt = keywrap.new_salt()
        kek = keywrap.derive_recovery_key(recovery_key, salt)
        sealed = keywrap.seal(data_key, kek, _aad("recovery", profile_id))
        body = {"format": 1, "salt": keywrap.b64(salt), "seal": sealed.to_json()}
        write_private_file(self.directory / "recovery.json", json.dumps(body).encode("utf-8"))

    # -- slowing down guessing --------------------------------------------------------------

    def _attempts_path(self) -> Path:
        return self.directory / "attempts.json"

    def _attempts(self) -> tuple[int, float]:
        path = self._attempts_path()
        if not path.exists():
            return 0, 0.0
        try:
            data = json.loads(path.read_text("utf-8"))
            return int(data["failures"]), float(data["last_failure"])
        except (ValueError, KeyError, TypeError):
            return FREE_ATTEMPTS, self._wall_clock()  # tampered: assume the worst, not zero

    def retry_delay(self) -> float:
        """Seconds until the next attempt is allowed (0 when it is)."""
        failures, last = self._attempts()
        if failures < FREE_ATTEMPTS:
            return 0.0
        delay = min(MAX_DELAY_SECONDS, 2.0 ** (failures - FREE_ATTEMPTS + 1))
        return max(0.0, last + delay - self._wall_clock())

    def _check_throttle(self) -> None:
        wait = self.retry_delay()
        if wait > 0:
            raise TooManyAttempts(wait)

    def _record_failure(self) -> None:
        failures, _ = self._attempts()
        body = {"failures": failures + 1, "last_failure": self._wall_clock()}
        write_private_file(self._attempts_path(), json.dumps(body).encode("utf-8"))

    def _reset_failures(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._attempts_path().unlink()


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH or not passphrase.strip():
        raise WeakPassphrase()


def passphrase_strength(passphrase: str) -> int:
    """A 0-4 hint for the set-up screen: length counts most, then variety.

    Deliberately simple and explainable (the UI says what would make it stronger); the real
    protection is the memory-hard KDF and the slow-down, not this score.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return 0
    classes = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    distinct = len(set(passphrase.lower()))
    score = 1
    if len(passphrase) >= 16 and distinct >= 8:
        score += 1
    if len(passphrase) >= 20 and distinct >= 10:
        score += 1
    if classes >= 3 and distinct >= 8:
        score += 1
    return min(score, 4)


def _aad(purpose: str, profile_id: str) -> bytes:
    return f"sjelden:v1:{purpose}:{profile_id}".encode("ascii")


def _actor() -> str:
    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):
        return "os:unknown"
