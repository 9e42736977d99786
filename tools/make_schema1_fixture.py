"""Write the frozen schema-1 database used by ``tests/storage/test_migrations.py``.

Run once when schema 1 was current; the resulting file is committed and never regenerated,
so later schemas are always tested against a real file of the first one. The key is a fixed
test key and the records are synthetic.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.storage import records
from desktop.storage.connection import open_encrypted
from desktop.storage.schema import migrate
from tests.helpers.synthetic import record

FIXTURE_KEY = bytes.fromhex("5a" * 16 + "a5" * 16)
FIXTURE = Path(__file__).resolve().parents[1] / "tests/storage/fixtures/store-schema1.db"


def main() -> None:
    FIXTURE.unlink(missing_ok=True)
    conn = open_encrypted(FIXTURE, FIXTURE_KEY, create=True)
    migrate(conn, None, target=1)
    rng = random.Random(20261123)
    for _ in range(3):
        payload = record(rng, family_name="Fiksturesen")
        rid = payload["record_id"]
        # schema 1 had no summary columns: write the row the way schema 1 did
        with records.transaction(conn):
            conn.execute(
                "INSERT INTO records (record_id, revision, form_id, form_version, status, "
                "payload, created_at, updated_at, author) VALUES (?, 1, 'sjeldenregisteret', 1, "
                "'completed', ?, '2026-11-23T10:00:00+00:00', '2026-11-23T10:00:00+00:00', "
                "'os:fixture')",
                (rid, records._encode(payload, rid, 1)),
            )
            records.audit.append(
                conn, actor="os:fixture", action="create", record_id=rid, revision=1
            )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
