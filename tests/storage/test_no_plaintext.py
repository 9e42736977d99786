"""No plaintext patient data on disk: the database, its WAL/SHM/journal, the profile, temp."""

from __future__ import annotations

import os
import random
from pathlib import Path

from desktop.storage import record_ops, records
from tests.helpers.synthetic import FORM, MARKER_FAMILY_NAME, record

PASS = "riktig hest batteri stift"
SQLITE_HEADER = b"SQLite format 3\x00"


def _needles(payloads):
    needles = {MARKER_FAMILY_NAME.encode()}
    for p in payloads:
        nid = p["patient"]["national_id"]
        needles.add(nid.encode())
        needles.add(nid.encode("utf-16-le"))
    needles.add(MARKER_FAMILY_NAME.encode("utf-16-le"))
    return needles


def _scan(roots):
    hits = []
    files = 0
    for root in roots:
        for dirpath, _dirs, names in os.walk(root):
            for name in names:
                path = Path(dirpath) / name
                data = path.read_bytes()
                files += 1
                if data.startswith(SQLITE_HEADER):
                    hits.append((str(path), "sqlite header"))
                yield_hits = [n for n in NEEDLES if n in data]
                if yield_hits:
                    hits.append((str(path), f"{len(yield_hits)} marker(s)"))
    return files, hits


NEEDLES: set[bytes] = set()


def test_nothing_readable_on_disk(make_profile, isolated_environment):
    profile = make_profile()
    rng = random.Random(11)
    payloads = [record(rng) for _ in range(200)]
    NEEDLES.clear()
    NEEDLES.update(_needles(payloads))
    roots = [isolated_environment["home"], isolated_environment["tmp"]]

    store = profile.create(PASS).store
    for p in payloads:
        store.call(lambda c: record_ops.save_draft(c, p, FORM, store.actor))
    for p in payloads[:100]:
        store.call(
            lambda c: records.complete(c, record_id=p["record_id"], payload=p, author=store.actor)
        )
    for p in payloads[100:150]:
        store.call(lambda c: records.delete_draft(c, record_id=p["record_id"], author=store.actor))
    # while open: the WAL and SHM exist and hold recent pages
    assert (profile.directory / "store.db-wal").exists()
    files, hits = _scan(roots)
    assert files >= 4
    assert hits == []
    store.close()
    files, hits = _scan(roots)
    assert hits == []
    # the marker really is in the database: the scan would have found plaintext
    with profile.unlock(PASS) as reopened:
        assert reopened.call(lambda c: records.count(c)) == 150
        assert any(
            MARKER_FAMILY_NAME in r.display_name
            for r in reopened.call(lambda c: records.list_rows(c))
        )


def test_scan_finds_plaintext_when_present(tmp_path):
    """The scanner itself works: an unencrypted SQLite file with the marker is caught."""
    import sqlite3

    NEEDLES.clear()
    NEEDLES.add(MARKER_FAMILY_NAME.encode())
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (MARKER_FAMILY_NAME,))
    conn.commit()
    conn.close()
    _, hits = _scan([tmp_path])
    assert {h[1] for h in hits} == {"sqlite header", "1 marker(s)"}
