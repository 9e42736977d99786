"""A profile: one encrypted store, its sealed key, and how it is unlocked.

Files in the profile directory (all 0600, the directory 0700):

- ``profile.json``: non-secret facts needed before unlocking (profile id, where the sealed key
  is kept, UI language, and the kind: ``clinician`` or registry ``staff``). Written last at
  set-up, so its presence means set-up finished.
- ``recovery.json``: the data key sealed under the recovery key. Kept on disk as well as in
  the keyring so a lost keyring entry (new Windows profile, wiped keychain) can be recovered.
  It is protected by 160 bits of randomness, not by a guessable passphrase.
- ``attempts.json``: only in profiles from before issue 13. The count of failed unlock
  attempts now lives inside the sealed-key entry (the OS keyring, or ``sealed-key-<id>.json``),
  so deleting a file in the profile folder does not reset the slow-down; an old count found
  here is carried into the entry and the file removed.
- ``store.db`` (+ ``-wal``/``-shm``): the SQLCipher database.
- ``commit-state.json``: the database's commit counter, sealed, recorded outside it so an
  emptied, replaced or rolled-back ``store.db`` is reported at unlock (``commit_state``).
- ``backups/store-YYYYMMDD.db``: the rolling encrypted backups (``backup``).
- ``profile.lock``: the instance lock held while a store is open (``instance_lock``).

Every one of these files may be damaged, missing or on a disk that is full or read-only;
each such state ends in a message with a stable code (``ProfileDamaged``, ``DatabaseMissing``,
``DiskFull``, ...), never a traceback, and a read-only profile can still be unlocked, read
and exported.

The passphrase-sealed key itself lives in the OS keyring (or, only if the user chose so
explicitly, in ``sealed-key-<id>.json``).
"""

from __future__ import annotations

import binascii
import contextlib
import datetime as dt
import errno
import getpass
import json
import math
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from desktop.messages import Lang
from desktop.paths import DEFAULT_PROFILE, ensure_private_dir, profile_dir, write_private_file
from desktop.storage import backup, keywrap, memory_wipe, passphrase_strength
from desktop.storage.commit_state import CommitRecord, database_counter, start_counting
from desktop.storage.connection import Connection
from desktop.storage.errors import (
    STORE,
    Corrupt,
    CorruptWithBackup,
    DatabaseMissing,
    DiskFull,
    KeyMaterialMissing,
    OlderThanKnown,
    ProfileDamaged,
    ProfileExists,
    ProfileMissing,
    ReadOnly,
    StoreError,
    TooManyAttempts,
    UpgradeNeedsWrite,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.storage.instance_lock import InstanceLock
from desktop.storage.keystore import FileBlobStore, KeyBlobStore, system_keyring_store
from desktop.storage.schema import SCHEMA_VERSION, current_version, migrate
from desktop.storage.store import Store
from desktop.storage.worker import store_worker

MIN_PASSPHRASE_LENGTH = passphrase_strength.MIN_LENGTH
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

    def user_message(self, lang: Lang = "nb", *, gui: bool = False) -> str:
        # one code, and the fix depends on which kind of profile was found
        key = self.code if self.found == "staff" else f"{self.code}.clinician"
        return STORE.render(key, lang, {}, gui=gui)


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
        kdf_target_seconds: float = keywrap.DEFAULT_TARGET_SECONDS,
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
        data = _read_json(path)
        profile_id = data.get("profile_id")
        if not isinstance(profile_id, str) or not _is_uuid(profile_id):
            raise ProfileDamaged(path.name, "profile_id")
        return data

    def set_language(self, language: Lang) -> None:
        """Save the UI language in ``profile.json`` (read before unlocking, so it lives there).

        The file is rewritten whole and atomically; every other field is kept as it was.
        """
        info = self.info()
        if info.get("language") == language:
            return
        info["language"] = language
        try:
            write_private_file(
                self.directory / "profile.json", json.dumps(info, indent=2).encode("utf-8")
            )
        except OSError as exc:  # the old file stays whole: the write is atomic
            if exc.errno == errno.ENOSPC:
                raise DiskFull("save language") from exc
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise ReadOnly() from exc
            raise

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
        passphrase: str | bytearray,
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
        lock: InstanceLock | None = None
        try:
            lock = InstanceLock.acquire(ensure_private_dir(self.directory))
            recovery_key = keywrap.new_recovery_key()
            self._save_passphrase_seal(profile_id, data_key, passphrase)
            self._save_recovery_seal(profile_id, data_key, recovery_key)
            record = CommitRecord(self.directory, data_key, profile_id)
            worker = store_worker(self.db_path, data_key, create=True, after=record.after_operation)
            store, lock = Store(worker, actor=_actor(), lock=lock), None
            worker.call(lambda conn: migrate(conn, None), "create schema")
            record.write(worker.call(start_counting, "start counting"))
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
            worker.call(_backup_task(self.directory, data_key), "backup")
            write_private_file(
                self.directory / "profile.json", json.dumps(info, indent=2).encode("utf-8")
            )
            return SetupResult(store, recovery_key)
        except BaseException as exc:
            if store is not None:
                store.close()
            if lock is not None:
                lock.close()
            self._remove_unfinished(profile_id)
            # a full disk at set-up: undone above, so it can be run again once there is room
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                raise DiskFull("set-up") from exc
            raise
        finally:
            keywrap.wipe(data_key)

    def _remove_unfinished(self, profile_id: str) -> None:
        """Undo a set-up that failed before ``profile.json`` was written."""
        with contextlib.suppress(Exception):
            self.key_store().delete(profile_id)
        leftovers = (
            *self.directory.glob(f"{DB_FILE}*"),
            *backup.backups(self.directory),
            self.directory / "recovery.json",
            self.directory / "commit-state.json",
            self.directory / "profile.lock",  # nobody else can hold it: set-up never finished
        )
        for leftover in leftovers:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()

    # -- unlocking --------------------------------------------------------------------------

    def unlock(
        self,
        passphrase: str | bytearray,
        kind: ProfileKind = "clinician",
        *,
        accept_loss: bool = False,
    ) -> Store:
        """Open the store of a ``kind`` profile (``WrongProfileKind`` for the other kind).

        Clinician commands never write into a staff profile, nor staff commands into a
        clinician's; the check comes before the passphrase is tried. A database older than
        its recorded commit counter raises ``OlderThanKnown`` unless the user accepted that
        loss explicitly (``accept_loss``, ``sjelden unlock-check --accept-data-loss``); the
        counter then starts again from the database's own.
        """
        if self.kind != kind:
            raise WrongProfileKind(found=self.kind, wanted=kind)
        data_key = self._unseal_with_passphrase(passphrase)
        try:
            return self._open(data_key, accept_loss=accept_loss)
        finally:
            keywrap.wipe(data_key)

    def unlock_with_recovery(self, recovery_key: str, new_passphrase: str | bytearray) -> Store:
        """Unlock with the printed recovery key and set a new passphrase.

        Also restores a lost keyring entry, because the new passphrase seal is saved anew.
        The slow-down is counted in the key entry while there is one; without it (the case
        recovery exists for) 160 random bits are the protection.
        """
        check_passphrase(new_passphrase)
        entry = self._entry_if_readable()
        if entry is not None:
            self._check_throttle(entry)
        profile_id = self.profile_id
        path = self.directory / "recovery.json"
        if not path.exists():
            raise ProfileDamaged(path.name, "missing")
        recovery = _read_json(path)
        data_key: bytearray | None = None
        if keywrap.normalize_recovery_key(recovery_key) is not None:
            with _damaged(path.name):
                salt = keywrap.b64decode(recovery["salt"])
                sealed = keywrap.SealedKey.from_json(recovery["seal"])
            kek = keywrap.derive_recovery_key(recovery_key, salt)
            try:
                data_key = keywrap.unseal(sealed, kek, _aad("recovery", profile_id))
            finally:
                memory_wipe.wipe(kek)
        if data_key is None:
            if entry is not None:
                self._record_failure(entry)
            raise WrongRecoveryKey()
        try:
            store = self._open(data_key)
            self._save_passphrase_seal(profile_id, data_key, new_passphrase)  # count reset
            self._remove_legacy_attempts()
            return store
        finally:
            keywrap.wipe(data_key)

    def change_passphrase(self, old: str | bytearray, new: str | bytearray) -> None:
        """Re-seal the data key under ``new`` (newly calibrated); the database is not touched."""
        check_passphrase(new)
        data_key = self._unseal_with_passphrase(old, upgrade=False)
        try:
            self._save_passphrase_seal(self.profile_id, data_key, new)
        finally:
            keywrap.wipe(data_key)

    def verify_passphrase(self, passphrase: str | bytearray) -> None:
        """Raise unless ``passphrase`` unlocks the key (for ``sjelden unlock-check``)."""
        keywrap.wipe(self._unseal_with_passphrase(passphrase))

    def _open(self, data_key: bytearray, *, accept_loss: bool = False) -> Store:
        """The store, once the instance lock is held and the commit counters agree.

        Today's rolling backup is queued on the db thread after the checks passed, so it
        never copies a database that lost commits over the good backups.
        """
        lock = InstanceLock.acquire(self.directory)
        try:
            if not self.db_path.exists():
                raise DatabaseMissing(backup.latest(self.directory))
            record = CommitRecord(self.directory, data_key, self.profile_id)
            try:
                worker = store_worker(self.db_path, data_key, after=record.after_operation)
            except Corrupt as exc:
                raise _with_backup(exc, self.directory) from exc
            try:
                worker.call(lambda conn: self._check_and_migrate(conn, record, accept_loss))
                worker.submit(self._after_unlock(data_key), "backup")
            except Corrupt as exc:
                worker.close()
                raise _with_backup(exc, self.directory) from exc
            except BaseException:
                worker.close()
                raise
            return Store(worker, actor=_actor(), lock=lock)
        except BaseException:
            lock.close()
            raise

    def _after_unlock(self, data_key: bytearray) -> Callable[[Connection], object]:
        """The background step of an unlock whose checks passed: a clinician's retention
        and backups (``desktop.sync.retention.at_unlock``: offline PCs purge too), or the
        staff profile's rolling backup. It runs later, on the db thread, with its own copy
        of the key, wiped when it is done."""
        directory, db_path, staff = self.directory, self.db_path, self.kind == "staff"
        key = bytearray(data_key)

        def run(conn: Connection) -> object:
            try:
                if staff:
                    return backup.back_up(conn, directory, key)
                from desktop.sync import retention  # the clinician's sync state is in its store

                return retention.at_unlock(conn, directory, key, db_path)
            finally:
                memory_wipe.wipe(key)

        return run

    def _check_and_migrate(self, conn: Connection, record: CommitRecord, accept: bool) -> None:
        recorded = record.read()
        version = current_version(conn)
        if version == 0:
            # No schema at all: a 0-byte or replaced file. A set-up profile always has one.
            missing = recorded or 1
        else:
            missing = max(0, (recorded or 0) - (database_counter(conn) or 0))
        if missing and not accept:
            raise OlderThanKnown(missing, backup.latest(self.directory))
        if 0 < version < SCHEMA_VERSION and not os.access(self.directory, os.W_OK):
            raise UpgradeNeedsWrite(f"schema {version} on a read-only profile")
        migrate(conn, self.db_path)
        value = start_counting(conn)
        with contextlib.suppress(OSError):  # a read-only profile: nothing changes, see above
            record.write(value)

    def _entry_name(self) -> str:
        if self.key_store().kind == "file":
            return f"sealed-key-{self.profile_id}.json"
        return "keyring"

    def _load_entry(self) -> dict[str, Any]:
        """The sealed-key entry (seal, KDF parameters and the failure count)."""
        profile_id = self.profile_id
        store = self.key_store()
        name = self._entry_name()
        with _damaged(name):
            blob = store.load(profile_id)
        if blob is None:
            raise KeyMaterialMissing(str(self.directory))
        with _damaged(name):
            entry = json.loads(blob)
        if not isinstance(entry, dict):
            raise ProfileDamaged(name, "not an object")
        return entry

    def _entry_if_readable(self) -> dict[str, Any] | None:
        with contextlib.suppress(StoreError):
            return self._load_entry()
        return None

    def _unseal_with_passphrase(
        self, passphrase: str | bytearray, *, upgrade: bool = True
    ) -> bytearray:
        """The data key; ``upgrade``: re-seal an envelope older than the KDF floor."""
        entry = self._load_entry()
        self._check_throttle(entry)
        profile_id = self.profile_id
        with _damaged(self._entry_name()):
            params = keywrap.KdfParams.from_json(entry["kdf"])
            sealed = keywrap.SealedKey.from_json(entry["seal"])
        kek = keywrap.derive_passphrase_key(passphrase, params)
        try:
            data_key = keywrap.unseal(sealed, kek, _aad("passphrase", profile_id))
        finally:
            memory_wipe.wipe(kek)
        if data_key is None:
            self._record_failure(entry)
            raise WrongPassphrase()
        stale = entry.get("format") != keywrap.WRAP_FORMAT or not params.meets_floor
        if upgrade and stale:
            # Older profiles (t=1, or a wall-clock calibration under load) get the floor and
            # a new calibration now; a keyring or disk that refuses the write is tried again
            # at the next unlock, the user is in either way.
            with contextlib.suppress(StoreError, OSError):
                self._save_passphrase_seal(profile_id, data_key, passphrase)
                entry.pop("attempts", None)
        self._reset_failures(entry)
        return data_key

    def _save_passphrase_seal(
        self, profile_id: str, data_key: bytearray, passphrase: str | bytearray
    ) -> None:
        params, kek = keywrap.derive_calibrated(passphrase, self._kdf_target)
        try:
            sealed = keywrap.seal(data_key, kek, _aad("passphrase", profile_id))
        finally:
            memory_wipe.wipe(kek)
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
        try:
            sealed = keywrap.seal(data_key, kek, _aad("recovery", profile_id))
        finally:
            memory_wipe.wipe(kek)
        body = {"format": 1, "salt": keywrap.b64(salt), "seal": sealed.to_json()}
        write_private_file(self.directory / "recovery.json", json.dumps(body).encode("utf-8"))

    # -- slowing down guessing --------------------------------------------------------------
    #
    # The count of failed attempts is a field of the sealed-key entry: the keyring entry is
    # bound to the OS login and not a file in the profile folder, so removing a file does not
    # reset it (issue 13). Someone who can rewrite the entry itself holds the sealed key and
    # can guess offline anyway; the count only slows guessing through this app.

    def _legacy_attempts_path(self) -> Path:
        return self.directory / "attempts.json"

    def _attempts(self, entry: dict[str, Any]) -> tuple[int, float]:
        """(failures, time of the last one): the entry's count, or a pre-issue-13 file's."""
        failures, last = self._parse_attempts(entry.get("attempts", {"failures": 0}))
        path = self._legacy_attempts_path()
        if path.exists():
            try:
                legacy = json.loads(path.read_bytes())
            except (OSError, ValueError, RecursionError):
                legacy = None
            old_failures, old_last = self._parse_attempts(legacy)
            failures, last = max(failures, old_failures), max(last, old_last)
        return failures, last

    def _parse_attempts(self, data: object) -> tuple[int, float]:
        try:
            assert isinstance(data, dict)
            failures = int(data["failures"])
            last = float(data.get("last_failure", 0.0))
        except (AssertionError, ValueError, KeyError, TypeError, OverflowError):
            return FREE_ATTEMPTS, self._wall_clock()  # tampered: assume the worst, not zero
        if failures < 0 or not math.isfinite(last):
            return FREE_ATTEMPTS, self._wall_clock()
        return failures, min(last, self._wall_clock())

    def retry_delay(self) -> float:
        """Seconds until the next attempt is allowed (0 when it is, or without a key entry)."""
        entry = self._entry_if_readable()
        return 0.0 if entry is None else self._delay(entry)

    def _delay(self, entry: dict[str, Any]) -> float:
        failures, last = self._attempts(entry)
        if failures < FREE_ATTEMPTS:
            return 0.0
        # the exponent is capped: 2.0 ** 1025 overflows, and past 2**9 the cap rules anyway
        delay = min(MAX_DELAY_SECONDS, 2.0 ** min(failures - FREE_ATTEMPTS + 1, 16))
        return max(0.0, last + delay - self._wall_clock())

    def _check_throttle(self, entry: dict[str, Any]) -> None:
        wait = self._delay(entry)
        if wait > 0:
            raise TooManyAttempts(wait)

    def _record_failure(self, entry: dict[str, Any]) -> None:
        failures, _ = self._attempts(entry)
        entry["attempts"] = {
            "failures": min(failures + 1, 1_000_000),
            "last_failure": self._wall_clock(),
        }
        # A keyring or disk that refuses the write cannot keep the count; the answer is
        # still "wrong passphrase", not a crash.
        with contextlib.suppress(StoreError, OSError):
            self.key_store().save(self.profile_id, json.dumps(entry))
            self._remove_legacy_attempts()

    def _reset_failures(self, entry: dict[str, Any]) -> None:
        # written only when there was a count: most unlocks do not touch the keyring
        if "attempts" in entry:
            del entry["attempts"]
            with contextlib.suppress(StoreError, OSError):  # read-only: the user is in
                self.key_store().save(self.profile_id, json.dumps(entry))
        self._remove_legacy_attempts()

    def _remove_legacy_attempts(self) -> None:
        with contextlib.suppress(OSError):
            self._legacy_attempts_path().unlink(missing_ok=True)


def check_passphrase(passphrase: str | bytearray) -> None:
    """``WeakPassphrase`` (with zxcvbn's advice) unless long enough and score >= 3."""
    text = passphrase if isinstance(passphrase, str) else passphrase.decode("utf-8")
    strength = passphrase_strength.estimate(text)
    if not strength.acceptable:
        raise WeakPassphrase(strength)


def passphrase_score(passphrase: str) -> int:
    """zxcvbn's 0-4 score, 0 below the minimum length (the set-up screen's meter)."""
    return passphrase_strength.estimate(passphrase).score


def _read_json(path: Path) -> dict[str, Any]:
    """A profile file's JSON object, or ``ProfileDamaged`` naming the file."""
    with _damaged(path.name):
        data = json.loads(path.read_bytes())
    if not isinstance(data, dict):
        raise ProfileDamaged(path.name, "not an object")
    return data


@contextlib.contextmanager
def _damaged(name: str) -> Iterator[None]:
    """What a damaged profile file raises while read, as ``ProfileDamaged``.

    Key, value and type errors (missing fields, ``"iterations": "x"``), bad base64, bad
    UTF-8, nesting too deep and an unreadable file; ``ValueError`` covers the KDF bounds.
    """
    try:
        yield
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise ProfileDamaged(name, "missing") from exc
        raise ProfileDamaged(name, type(exc).__name__) from exc
    except (
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        binascii.Error,
    ) as exc:
        raise ProfileDamaged(name, type(exc).__name__) from exc


def _backup_task(directory: Path, data_key: bytearray) -> Callable[[Connection], None]:
    """Today's backup, run on the db thread later; its copy of the key is wiped after."""
    key = bytearray(data_key)

    def run(conn: Connection) -> None:
        try:
            backup.back_up(conn, directory, key)
        finally:
            memory_wipe.wipe(key)

    return run


def _with_backup(exc: Corrupt, directory: Path) -> Corrupt:
    found = backup.latest(directory)
    return exc if found is None else CorruptWithBackup(exc.detail, found)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _aad(purpose: str, profile_id: str) -> bytes:
    return f"sjelden:v1:{purpose}:{profile_id}".encode("ascii")


def _actor() -> str:
    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):
        return "os:unknown"
