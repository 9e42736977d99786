"""An enrolled clinic profile holding synthetic completed records, beside a real inbox.

The sync benchmarks (headless and through the GUI) measure what happens after this set-up,
so they share it: a throwaway ``SJELDEN_HOME``, an inbox subprocess on 127.0.0.1, a profile
enrolled and approved there, and ``count`` completed demo records in its store.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FORM = {"form_id": "sjeldenregisteret", "form_version": 1}


@contextmanager
def enrolled_clinic(
    prefix: str, count: int, passphrase: str, **profile_options: Any
) -> Iterator[Any]:
    """Yield the enrolled ``Profile`` (locked: the caller unlocks it as the product does)."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["SJELDEN_HOME"] = str(root / "home")
    from desktop.forms.demo import demo_records
    from desktop.storage import records as stored
    from desktop.storage.profile import Profile
    from desktop.storage.records import RecordStatus
    from tests.sync.conftest import enroll_store
    from tests.sync.inbox_process import InboxProcess, Staff

    server = InboxProcess(root / "inbox")
    server.start()
    staff = Staff(server, root)
    try:
        profile = Profile.named("bench", **profile_options)
        store = profile.create(passphrase, key_storage="file").store
        try:
            enroll_store(store, server.url, staff)
            items = [
                (r["record_id"], r, RecordStatus.COMPLETED) for r in demo_records(count, seed=1)
            ]
            store.call(lambda c: stored.import_many(c, items, **FORM, author=store.actor))
        finally:
            store.close()
        yield profile
    finally:
        staff.close()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
