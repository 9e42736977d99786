"""The connection pool: bounded, closes what it opened, and a wait that is too long is a
503 for the client, not a 500."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sjelden_inbox.storage.database import PooledDatabase, PoolTimeout, Transaction
from sjelden_protocol import sign_request
from sjelden_protocol.db import SQLITE

from .conftest import make_inbox


class FakeConnection:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


class CountingDatabase(PooledDatabase):
    def __init__(self, pool_size: int, connect_seconds: float = 0.0) -> None:
        self.opened: list[FakeConnection] = []

        def connect() -> FakeConnection:
            time.sleep(connect_seconds)  # a slow connect widens any check-then-open race
            connection = FakeConnection()
            self.opened.append(connection)
            return connection

        super().__init__(connect, pool_size)

    @contextmanager
    def _begin(self, connection: Any, write: bool) -> Iterator[Transaction]:
        yield Transaction(connection, SQLITE)  # never executes: the pool is under test


def test_concurrent_transactions_never_open_more_than_the_pool_size() -> None:
    database = CountingDatabase(pool_size=2, connect_seconds=0.05)
    start = threading.Barrier(8)

    def work() -> None:
        start.wait()
        for _ in range(5):
            with database.transaction():
                time.sleep(0.001)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(database.opened) == 2


def test_close_closes_idle_connections_now_and_busy_ones_when_released() -> None:
    database = CountingDatabase(pool_size=2)
    with database.transaction():
        pass
    idle = database.opened[0]
    with database.transaction():
        busy = database.opened[0]
        assert busy is idle  # reused, not reopened
        with database.transaction():
            other = database.opened[1]
            database.close()
            assert not other.closed
        assert other.closed
    assert busy.closed
    with pytest.raises(RuntimeError), database.transaction():
        pass


def test_a_failed_connect_gives_its_slot_back() -> None:
    database = CountingDatabase(pool_size=1)
    real_connect = database._connect
    database._connect = lambda: (_ for _ in ()).throw(OSError("database down"))
    with pytest.raises(OSError), database.transaction():
        pass
    database._connect = real_connect
    database.acquire_timeout = 0.1
    with database.transaction():
        pass


def test_waiting_too_long_for_a_connection_is_503(tmp_path: Path) -> None:
    for inbox in make_inbox(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}", db_pool_size=1):
        key = inbox.enroll_direct()
        database = inbox.ctx.store.database
        database.acquire_timeout = 0.2
        with database.transaction():  # the only connection is busy
            with pytest.raises(PoolTimeout), database.transaction():
                pass
            headers = sign_request(
                key, "GET", "/v1/installations/me", now=inbox.ctx.settings.clock()
            )
            answer = inbox.http.get("/v1/installations/me", headers=headers)
        assert answer.status_code == 503
        assert answer.json()["code"] == "storage_unavailable"
        assert answer.headers["Retry-After"] == "5"
