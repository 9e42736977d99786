"""The PostgreSQL pool (psycopg_pool): one process never holds more than ``db_pool_size``
connections however many requests run at once, a wait that is too long is ``PoolTimeout``
(answered 503), and a connection PostgreSQL dropped is replaced, not handed out."""

from __future__ import annotations

import os
import threading

import psycopg
import pytest
from sjelden_inbox.storage import PoolTimeout, open_database

from .conftest import PG_URL_ENV, postgres_schema_url

pytestmark = pytest.mark.postgres


def test_concurrent_transactions_share_at_most_pool_size_connections() -> None:
    with postgres_schema_url() as url:
        database = open_database(url, pool_size=3)
        backends: set[int] = set()
        lock = threading.Lock()
        start = threading.Barrier(12)

        def work() -> None:
            start.wait()
            for _ in range(5):
                with database.transaction() as tx:
                    row = tx.one("SELECT pg_backend_pid(), pg_sleep(0.02)")
                    assert row is not None
                    with lock:
                        backends.add(int(row[0]))

        threads = [threading.Thread(target=work) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        database.close()
    assert 1 <= len(backends) <= 3


def test_waiting_too_long_for_a_postgresql_connection_is_pool_timeout() -> None:
    with postgres_schema_url() as url:
        database = open_database(url, pool_size=1)
        database.acquire_timeout = 0.2
        try:
            with database.transaction(), pytest.raises(PoolTimeout), database.transaction():
                pass
            with database.transaction() as tx:  # free again
                assert tx.one("SELECT 1") == (1,)
        finally:
            database.close()


def test_a_connection_the_server_dropped_is_replaced() -> None:
    with postgres_schema_url() as url:
        admin_url = os.environ[PG_URL_ENV]  # set, or postgres_schema_url skipped
        database = open_database(url, pool_size=1)
        try:
            with database.transaction() as tx:
                row = tx.one("SELECT pg_backend_pid()")
            assert row is not None
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (row[0],))
            with database.transaction() as tx:  # checked before use: a fresh one
                again = tx.one("SELECT pg_backend_pid()")
            assert again is not None and again[0] != row[0]
        finally:
            database.close()
