"""Auto-lock: after a period without user activity the key is dropped and the store closed.

The clock is injectable so the behaviour is tested without sleeping. The UI calls ``touch``
on user input and ``check_idle`` from a timer; anything else (background sync) does not
count as activity, so an unattended PC still locks.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from desktop.storage import memory_wipe
from desktop.storage.errors import NotUnlocked
from desktop.storage.profile import Profile
from desktop.storage.store import Store

DEFAULT_IDLE_MINUTES = 10
IDLE_SETTING = "auto_lock_minutes"


class Session:
    def __init__(
        self,
        profile: Profile,
        *,
        clock: Callable[[], float] = time.monotonic,
        idle_seconds: float | None = None,
    ) -> None:
        self.profile = profile
        self._clock = clock
        self._idle_override = idle_seconds
        self.idle_seconds = idle_seconds if idle_seconds is not None else DEFAULT_IDLE_MINUTES * 60
        self._store: Store | None = None
        self._last_activity = clock()
        self.on_lock: list[Callable[[], None]] = []

    @property
    def locked(self) -> bool:
        return self._store is None or self._store.closed

    @property
    def store(self) -> Store:
        if self._store is None or self._store.closed:
            raise NotUnlocked()
        return self._store

    def attach(self, store: Store) -> Store:
        """Adopt a freshly opened store (after set-up or unlock) and start the idle timer."""
        self._store = store
        if self._idle_override is None:
            minutes = store.get_setting(IDLE_SETTING, DEFAULT_IDLE_MINUTES)
            self.idle_seconds = float(minutes) * 60
        self.touch()
        return store

    def unlock(self, passphrase: str | bytearray, *, accept_loss: bool = False) -> Store:
        # The app opens either kind and shows the window that belongs to it. ``accept_loss``:
        # the user saw the store reported older than known and chose to open it anyway.
        return self.attach(
            self.profile.unlock(passphrase, kind=self.profile.kind, accept_loss=accept_loss)
        )

    def unlock_with_recovery(self, recovery_key: str, new_passphrase: str) -> Store:
        return self.attach(self.profile.unlock_with_recovery(recovery_key, new_passphrase))

    def set_idle_minutes(self, minutes: float) -> None:
        if minutes <= 0:
            raise ValueError("auto-lock delay must be positive")
        self.store.put_setting(IDLE_SETTING, minutes)
        self.idle_seconds = minutes * 60

    def touch(self) -> None:
        self._last_activity = self._clock()

    def seconds_until_lock(self) -> float:
        return max(0.0, self._last_activity + self.idle_seconds - self._clock())

    def check_idle(self) -> bool:
        """Lock if idle too long; ``True`` when this call locked the session."""
        if self.locked or self.seconds_until_lock() > 0:
            return False
        self.lock()
        return True

    def lock(self) -> None:
        """Close the store and leave no secret of the session in this process's memory.

        The store's close ends the database thread (SQLCipher wipes what it frees, see
        ``connection``); the callbacks drop what the UI held (rows, forms, fields); then the
        garbage collector frees cycles now, not later, so the freed memory is overwritten
        (``freed_memory``), and a throw-away thread takes over the database thread's stack
        (``memory_wipe.reclaim_finished_thread_stacks``).
        """
        store, self._store = self._store, None
        if store is not None:
            store.close()
            for callback in list(self.on_lock):
                callback()
            del store
            gc.collect()
            memory_wipe.reclaim_finished_thread_stacks()
