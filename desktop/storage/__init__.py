"""The encrypted local store (GUI-free).

Entry points: ``Profile`` (set-up, unlock, recovery, passphrase change), ``Store`` (an unlocked
database owned by one worker thread), ``Session`` (auto-lock), and the error taxonomy in
``errors``.
"""

from desktop.storage.errors import StoreError
from desktop.storage.profile import Profile, SetupResult
from desktop.storage.records import Record, RecordRow, RecordStatus
from desktop.storage.session import Session
from desktop.storage.store import Store

__all__ = [
    "Profile",
    "Record",
    "RecordRow",
    "RecordStatus",
    "Session",
    "SetupResult",
    "Store",
    "StoreError",
]
