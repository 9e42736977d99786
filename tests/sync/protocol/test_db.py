"""The dialect layer and migration runner the three databases share, on real databases."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from sjelden_protocol.db import (
    POSTGRESQL,
    SQLITE,
    Migrations,
    SchemaTooNew,
    Sql,
    UserVersion,
    VersionLog,
    VersionTable,
    run_script,
    upsert,
)

from tests.inbox.conftest import postgres_schema_url


def test_placeholders_and_percent_signs() -> None:
    text = "SELECT a FROM t WHERE b LIKE 'x%' AND c = ? AND d = ?"
    assert SQLITE.sql(text) == text
    assert POSTGRESQL.sql(text) == "SELECT a FROM t WHERE b LIKE 'x%%' AND c = %s AND d = %s"


def _sqlite(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


@contextlib.contextmanager
def _begin(conn: sqlite3.Connection) -> Iterator[Sql]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield Sql(conn, SQLITE)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _steps(log: list[str]) -> list:  # type: ignore[type-arg]
    def v1(db: Sql) -> None:
        log.append("v1")
        run_script(
            db, "CREATE TABLE a (k TEXT PRIMARY KEY, v {blob}); CREATE TABLE b (n {serial})", SQLITE
        )

    def v2(db: Sql) -> None:
        log.append("v2")
        db.execute("ALTER TABLE a ADD COLUMN w TEXT")

    return [v1, v2]


@pytest.mark.parametrize(
    "versions", [UserVersion(), VersionTable("schemas", "part"), VersionLog("schema_log")]
)
def test_steps_apply_once_in_order_and_a_newer_schema_is_refused(
    tmp_path: Path, versions: UserVersion | VersionTable | VersionLog
) -> None:
    conn = _sqlite(tmp_path / "db.sqlite3")
    log: list[str] = []
    prepared: list[int] = []
    first = Migrations("test", _steps(log)[:1], versions)
    assert first.apply(lambda op: _begin(conn), prepare=prepared.append) == 1
    assert prepared == [0] and log == ["v1"]

    both = Migrations("test", _steps(log), versions)
    assert both.apply(lambda op: _begin(conn), prepare=prepared.append) == 2
    assert prepared == [0, 1] and log == ["v1", "v2"]  # step 1 was not applied again
    assert both.apply(lambda op: _begin(conn), prepare=prepared.append) == 2
    assert prepared == [0, 1]  # nothing due: no preparation, no step
    assert log == ["v1", "v2"]

    with pytest.raises(SchemaTooNew) as caught:
        first.apply(lambda op: _begin(conn))
    assert (caught.value.found, caught.value.supported) == (2, 1)
    assert both.current(Sql(conn, SQLITE)) == 2


def test_a_failing_step_leaves_the_version_before_it(tmp_path: Path) -> None:
    conn = _sqlite(tmp_path / "db.sqlite3")
    log: list[str] = []

    def broken(db: Sql) -> None:
        db.execute("CREATE TABLE c (x TEXT)")
        db.execute("INSERT INTO missing VALUES (1)")

    migrations = Migrations("test", [*_steps(log)[:1], broken], VersionTable("v", "x"))
    with pytest.raises(sqlite3.OperationalError):
        migrations.apply(lambda op: _begin(conn))
    assert migrations.current(Sql(conn, SQLITE)) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "c" not in tables and "a" in tables


def test_upsert_and_unique_violations_on_sqlite_and_sqlcipher(tmp_path: Path) -> None:
    for conn in (_sqlite(tmp_path / "plain.sqlite3"), sqlcipher3.connect(":memory:")):
        db = Sql(conn, SQLITE)
        db.execute("CREATE TABLE s (k TEXT PRIMARY KEY, v TEXT, u TEXT UNIQUE)")
        sql = upsert("s", ["k"], ["v"])
        db.execute(sql, ("a", "1"))
        db.execute(sql, ("a", "2"))
        assert db.all("SELECT k, v FROM s") == [("a", "2")]
        db.execute("UPDATE s SET u = 'x'")
        with pytest.raises(Exception) as caught:
            db.execute("INSERT INTO s (k, v, u) VALUES ('b', '1', 'x')")
        assert SQLITE.is_unique_violation(caught.value)
        with pytest.raises(Exception) as caught:
            db.execute("INSERT INTO s (k, v) VALUES ('a', '1')")
        assert SQLITE.is_unique_violation(caught.value)
        with pytest.raises(Exception) as caught:
            db.execute("INSERT INTO s (k) VALUES (NULL, 1)")
        assert not SQLITE.is_unique_violation(caught.value)


@pytest.mark.postgres
def test_the_same_sql_on_postgresql() -> None:
    import psycopg

    with postgres_schema_url() as url, psycopg.connect(url, autocommit=True) as conn:
        db = Sql(conn, POSTGRESQL)
        run_script(db, "CREATE TABLE s (n {serial}, k TEXT UNIQUE, v TEXT, b {blob})", POSTGRESQL)
        sql = upsert("s", ["k"], ["v"])
        db.execute(sql, ("a%", "1"))
        db.execute(sql, ("a%", "2"))
        assert db.all("SELECT k, v FROM s WHERE k LIKE 'a%'") == [("a%", "2")]
        with pytest.raises(psycopg.Error) as caught:
            db.execute("INSERT INTO s (k, v) VALUES (?, ?)", ("a%", "3"))
        assert POSTGRESQL.is_unique_violation(caught.value)
        assert not SQLITE.is_unique_violation(caught.value)

        @contextlib.contextmanager
        def begin(operation: str) -> Iterator[Sql]:
            with conn.transaction():
                yield db

        log: list[str] = []
        migrations = Migrations("pg", [lambda d: log.append("v1")], VersionTable("v", "pg"))
        assert migrations.apply(begin) == 1
        assert migrations.apply(begin) == 1
        assert log == ["v1"]
