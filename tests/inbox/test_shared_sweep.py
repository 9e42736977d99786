"""Several inbox processes on one PostgreSQL sweep retention one at a time: a sweep that
finds another process sweeping skips its turn (deleting nothing, waiting for nothing), and
the next one after it does the work."""

from __future__ import annotations

import os
import threading
import time

import psycopg
import pytest
from sjelden_inbox.storage import Store, open_database
from sjelden_inbox.storage.retention import _SWEEP_LOCK  # what another process's sweep holds

from .conftest import PG_URL_ENV, postgres_schema_url

pytestmark = pytest.mark.postgres


def test_a_sweep_skips_while_another_process_sweeps() -> None:
    with postgres_schema_url() as url:
        store = Store(open_database(url, pool_size=2))
        try:
            store.migrate()
            store.add_enrollment_code("A" * 16, now=0, expires_at=10)  # expired at now=100
            other = threading.Event()
            release = threading.Event()

            def another_process() -> None:
                with (
                    psycopg.connect(os.environ[PG_URL_ENV], autocommit=True) as conn,
                    conn.transaction(),
                ):
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SWEEP_LOCK,))
                    other.set()
                    release.wait(30)

            holder = threading.Thread(target=another_process)
            holder.start()
            assert other.wait(30)
            began = time.monotonic()
            skipped = store.purge_expired(now=100)
            assert time.monotonic() - began < 5  # did not queue behind the other sweep
            assert skipped.total == 0
            release.set()
            holder.join()
            assert store.purge_expired(now=100).enrollment_codes == 1
        finally:
            store.close()
