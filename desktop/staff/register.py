"""The register store: accepted records with their full history, the review queue, imported
batch ids, reservations and feedback documents, on SQLCipher or PostgreSQL.

``Register`` is the typed face the CLI and the (future) Qt layer use: every method runs on
the backend's own thread; ``submit`` returns a ``Future`` for the GUI, the plain methods wait.
The module-level functions take a ``Db`` and run inside a caller's transaction; the
importer, decisions and reservations build on them so each of their operations is one
transaction.

Nothing here is in clear on disk: payloads are sealed with the register data key, national
ids and ORPHA codes are keyed hashes (``desktop.staff.crypto``). Audit entries (the store's
hash-chained ``audit_log``) name record ids and actions, never values.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sjelden_protocol.timefmt import format_utc, now_utc

from desktop.forms.payload import normalise_national_id, normalise_orpha_code
from desktop.staff.crypto import RegisterCipher, aad
from desktop.staff.dialect import Backend, Db
from desktop.staff.diff import diff_payloads
from desktop.staff.errors import StaffError
from desktop.staff.model import (
    FieldChange,
    Finding,
    Origin,
    RegisterRecord,
    ReviewItem,
    ReviewState,
)
from desktop.storage import audit

T = TypeVar("T")
_ITEM_COLUMNS = (
    "batch_id, record_id, revision, installation_key_id, received_at, state, findings, "
    "issue_keys, duplicate_of, reason_code, reason_text, payload, decided_at, decided_by"
)
_RECORD_COLUMNS = (
    "record_id, revision, payload, batch_id, installation_key_id, received_at, accepted_at, "
    "accepted_by, person_key"
)
PAGE = 500


def now() -> str:
    return format_utc(now_utc())


def record_aad(record_id: str, revision: int) -> bytes:
    return aad("record", record_id, revision)


def item_aad(batch_id: str, record_id: str, revision: int) -> bytes:
    return aad("review", batch_id, record_id, revision)


@dataclass(frozen=True)
class Counts:
    pending: int
    decided_unsent: int
    records: int
    history: int
    batches: int
    reservations: int
    feedback_unsent: int
    quarantined: int  # batches set aside (desktop.staff.quarantine), waiting for staff


# -- rows -> shapes ------------------------------------------------------------------------------


def _item(row: Sequence[Any], cipher: RegisterCipher | None) -> ReviewItem:
    batch_id, record_id, revision = str(row[0]), str(row[1]), int(row[2])
    payload = None
    if cipher is not None and row[11] is not None:
        payload = cipher.open(bytes(row[11]), item_aad(batch_id, record_id, revision))
    return ReviewItem(
        record_id=record_id,
        revision=revision,
        payload=payload,
        origin=Origin(batch_id, str(row[3]), str(row[4])),
        state=ReviewState(row[5]),
        findings=[Finding(f) for f in str(row[6]).split(",") if f],
        issue_keys=list(json.loads(row[7])),
        duplicate_of=row[8],
        reason_code=row[9],
        reason_text=row[10],
        decided_at=row[12],
        decided_by=row[13],
    )


def _record(row: Sequence[Any], cipher: RegisterCipher) -> RegisterRecord:
    record_id, revision = str(row[0]), int(row[1])
    return RegisterRecord(
        record_id=record_id,
        revision=revision,
        payload=cipher.open(bytes(row[2]), record_aad(record_id, revision)),
        origin=Origin(str(row[3]), str(row[4]), str(row[5])),
        accepted_at=str(row[6]),
        accepted_by=str(row[7]),
        person_ref=None if row[8] is None else bytes(row[8]).hex(),
    )


# -- reads (functions of a Db) ---------------------------------------------------------------


def current_revision(db: Db, record_id: str) -> int | None:
    row = db.execute(
        "SELECT revision FROM register_records WHERE record_id = ?", (record_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def get_record(db: Db, cipher: RegisterCipher, record_id: str) -> RegisterRecord | None:
    row = db.execute(
        f"SELECT {_RECORD_COLUMNS} FROM register_records WHERE record_id = ?",  # noqa: S608
        (record_id,),
    ).fetchone()
    return None if row is None else _record(row, cipher)


def record_history(db: Db, cipher: RegisterCipher, record_id: str) -> list[RegisterRecord]:
    rows = db.execute(
        f"SELECT {_RECORD_COLUMNS} FROM register_history WHERE record_id = ? ORDER BY revision",  # noqa: S608 - constant column list
        (record_id,),
    ).fetchall()
    return [_record(r, cipher) for r in rows]


def current_page(db: Db, cipher: RegisterCipher, after: str, limit: int) -> list[RegisterRecord]:
    rows = db.execute(
        f"SELECT {_RECORD_COLUMNS} FROM register_records WHERE record_id > ? "  # noqa: S608 - constant column list
        "ORDER BY record_id LIMIT ?",
        (after, limit),
    ).fetchall()
    return [_record(r, cipher) for r in rows]


def registered_duplicate(
    db: Db, person_key: bytes, diagnosis_keys: Sequence[bytes], record_id: str
) -> str | None:
    """Another record id the register holds for this person with one of these diagnoses."""
    for diagnosis_key in diagnosis_keys:
        row = db.execute(
            "SELECT record_id FROM register_index WHERE person_key = ? AND diagnosis_key = ? "
            "AND record_id <> ? ORDER BY record_id LIMIT 1",
            (person_key, diagnosis_key, record_id),
        ).fetchone()
        if row is not None:
            return str(row[0])
    return None


@dataclass(frozen=True)
class BatchLookup:
    """What the register and queue hold for one batch's records, from a few queries.

    Lookups of a whole batch at once (``IN`` lists of at most ``LOOKUP_CHUNK`` values), not
    one query per record: an import of 1,000 records makes a handful of index range scans.
    """

    reserved: set[bytes]
    revisions: dict[str, int]  # record id -> current revision in the register
    registered: dict[tuple[bytes, bytes], list[str]]  # (person, diagnosis) -> record ids
    pending: dict[tuple[bytes, bytes], list[str]]  # the same, for the pending queue

    def duplicate(
        self, person_key: bytes, diagnosis_keys: Sequence[bytes], record_id: str
    ) -> str | None:
        """The first other record id, in the register first, then in the queue."""
        for table in (self.registered, self.pending):
            for diagnosis_key in diagnosis_keys:
                for other in table.get((person_key, diagnosis_key), ()):
                    if other != record_id:
                        return other
        return None


LOOKUP_CHUNK = 500


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), LOOKUP_CHUNK):
        yield values[start : start + LOOKUP_CHUNK]


def reserved_among(db: Db, person_keys: Sequence[bytes]) -> set[bytes]:
    """Which of these keyed hashes have a reservation (a query per ``LOOKUP_CHUNK``)."""
    reserved: set[bytes] = set()
    people = sorted(set(person_keys))
    for part in _chunks(people):
        marks = ", ".join("?" * len(part))
        reserved.update(
            bytes(r[0])
            for r in db.execute(
                f"SELECT person_key FROM reservations WHERE person_key IN ({marks})",  # noqa: S608
                part,
            ).fetchall()
        )
    return reserved


def batch_lookup(db: Db, record_ids: Sequence[str], person_keys: Sequence[bytes]) -> BatchLookup:
    revisions: dict[str, int] = {}
    registered: dict[tuple[bytes, bytes], list[str]] = {}
    pending: dict[tuple[bytes, bytes], list[str]] = {}
    people = sorted(set(person_keys))
    reserved = reserved_among(db, people)
    for part in _chunks(people):
        marks = ", ".join("?" * len(part))
        for table, found in (("register_index", registered), ("review_index", pending)):
            rows = db.execute(
                f"SELECT person_key, diagnosis_key, record_id FROM {table} "  # noqa: S608
                f"WHERE person_key IN ({marks}) ORDER BY record_id",
                part,
            ).fetchall()
            for person, diagnosis, other in rows:
                found.setdefault((bytes(person), bytes(diagnosis)), []).append(str(other))
    ids = sorted(set(record_ids))
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        revisions.update(
            (str(r[0]), int(r[1]))
            for r in db.execute(
                f"SELECT record_id, revision FROM register_records WHERE record_id IN ({marks})",  # noqa: S608
                part,
            ).fetchall()
        )
    return BatchLookup(reserved, revisions, registered, pending)


def next_seqs(db: Db, count: int) -> int:
    """Reserve ``count`` queue sequence numbers (import order); returns the first one."""
    row = db.execute("SELECT value FROM register_meta WHERE key = 'review_seq'").fetchone()
    first = 1 if row is None else int(row[0]) + 1
    db.execute(
        "INSERT INTO register_meta (key, value) VALUES ('review_seq', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(first + count - 1),),
    )
    return first


def imported_batch(db: Db, batch_id: str, sender: str | None = None) -> str | None:
    """The envelope SHA-256 of an imported batch, or ``None`` if it was never imported.

    Batch ids are the sender's: with ``sender`` only that installation's batch counts (so
    another installation cannot squat an id); without it, any sender's."""
    if sender is None:
        row = db.execute(
            "SELECT envelope_sha256 FROM imported_batches WHERE batch_id = ?", (batch_id,)
        ).fetchone()
    else:
        row = db.execute(
            "SELECT envelope_sha256 FROM imported_batches "
            "WHERE batch_id = ? AND installation_key_id = ?",
            (batch_id, sender),
        ).fetchone()
    return None if row is None else str(row[0])


def pending_items(
    db: Db,
    cipher: RegisterCipher | None,
    *,
    record_id: str | None = None,
    limit: int | None = None,
    after_seq: int = 0,
) -> list[ReviewItem]:
    sql = f"SELECT {_ITEM_COLUMNS} FROM review_items WHERE state = ?"  # noqa: S608 - constant column list
    params: list[Any] = [ReviewState.PENDING.value]
    if record_id is not None:
        sql += " AND record_id = ?"
        params.append(record_id)
    sql += " AND seq > ? ORDER BY seq"
    params.append(after_seq)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_item(r, cipher) for r in db.execute(sql, params).fetchall()]


def find_item(
    db: Db, cipher: RegisterCipher | None, batch_id: str, record_id: str
) -> ReviewItem | None:
    row = db.execute(
        f"SELECT {_ITEM_COLUMNS} FROM review_items WHERE batch_id = ? AND record_id = ?",  # noqa: S608 - constant column list
        (batch_id, record_id),
    ).fetchone()
    return None if row is None else _item(row, cipher)


@dataclass(frozen=True)
class CleanItem:
    """A pending item without findings, with what accepting it needs (bulk acceptance)."""

    seq: int
    item: ReviewItem
    sealed: bytes | None  # the payload as the import sealed it (``item_aad``)
    person_key: bytes | None


def clean_pending_items(db: Db, after_seq: int, limit: int) -> list[CleanItem]:
    """Pending items without findings after ``after_seq``, in import order."""
    rows = db.execute(
        f"SELECT seq, {_ITEM_COLUMNS}, person_key FROM review_items "  # noqa: S608
        "WHERE state = 'pending' AND findings = '' AND seq > ? ORDER BY seq LIMIT ?",
        (after_seq, limit),
    ).fetchall()
    return [
        CleanItem(
            int(row[0]),
            _item(row[1:-1], None),
            None if row[12] is None else bytes(row[12]),
            None if row[-1] is None else bytes(row[-1]),
        )
        for row in rows
    ]


def decided_count(db: Db, pairs: Sequence[tuple[str, str]]) -> int:
    """How many of these ``(batch_id, record_id)`` items are decided (a query per chunk)."""
    wanted = set(pairs)
    found = 0
    for part in _chunks(sorted({record_id for _batch, record_id in wanted})):
        marks = ", ".join("?" * len(part))
        rows = db.execute(
            f"SELECT batch_id, record_id FROM review_items WHERE state <> 'pending' "  # noqa: S608
            f"AND record_id IN ({marks})",
            part,
        ).fetchall()
        found += sum((str(b), str(r)) in wanted for b, r in rows)
    return found


def items_of_batch(db: Db, batch_id: str) -> list[ReviewItem]:
    rows = db.execute(
        f"SELECT {_ITEM_COLUMNS} FROM review_items WHERE batch_id = ? ORDER BY seq",  # noqa: S608
        (batch_id,),
    ).fetchall()
    return [_item(r, None) for r in rows]


def counts(db: Db) -> Counts:
    def one(sql: str, params: Sequence[Any] = ()) -> int:
        return int(db.execute(sql, params).fetchone()[0])

    return Counts(
        pending=one("SELECT count(*) FROM review_items WHERE state = 'pending'"),
        decided_unsent=one(
            "SELECT count(*) FROM review_items WHERE state <> 'pending' AND feedback_id IS NULL"
        ),
        records=one("SELECT count(*) FROM register_records"),
        history=one("SELECT count(*) FROM register_history"),
        batches=one("SELECT count(*) FROM imported_batches"),
        reservations=one("SELECT count(*) FROM reservations"),
        # Delivered either way: posted to the inbox, or written to a file for the clinic.
        feedback_unsent=one(
            "SELECT count(*) FROM feedback_documents WHERE sent_at IS NULL AND exported_at IS NULL"
        ),
        quarantined=one("SELECT count(*) FROM quarantined_batches"),
    )


# -- writes (inside the caller's transaction) ----------------------------------------------------


def write_record(
    db: Db,
    cipher: RegisterCipher,
    *,
    record_id: str,
    revision: int,
    payload: dict[str, Any],
    person_key: bytes | None,
    diagnosis_keys: Sequence[bytes],
    origin: Origin,
    accepted_by: str,
    stamp: str,
    replaces: bool = True,
) -> None:
    """Make ``revision`` the current record; the one it replaces goes to history untouched.

    ``replaces=False`` (the caller has just seen that the register holds no revision of the
    record, in the same transaction) skips the three statements that move one aside.
    """
    if replaces:
        db.execute(
            "INSERT INTO register_history (record_id, revision, person_key, payload, batch_id, "
            "installation_key_id, received_at, accepted_at, accepted_by, superseded_at) "
            "SELECT record_id, revision, person_key, payload, batch_id, installation_key_id, "
            "received_at, accepted_at, accepted_by, ? FROM register_records WHERE record_id = ?",
            (stamp, record_id),
        )
        db.execute("DELETE FROM register_records WHERE record_id = ?", (record_id,))
        db.execute("DELETE FROM register_index WHERE record_id = ?", (record_id,))
    db.execute(
        "INSERT INTO register_records (record_id, revision, person_key, payload, batch_id, "
        "installation_key_id, received_at, accepted_at, accepted_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record_id,
            revision,
            person_key,
            cipher.seal(payload, record_aad(record_id, revision)),
            origin.batch_id,
            origin.installation_key_id,
            origin.received_at,
            stamp,
            accepted_by,
        ),
    )
    if person_key is not None and diagnosis_keys:
        db.executemany(
            "INSERT INTO register_index (person_key, diagnosis_key, record_id) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(person_key, key, record_id) for key in diagnosis_keys],
        )


def log(
    db: Db,
    actor: str,
    action: str,
    record_id: str | None = None,
    revision: int | None = None,
    detail: str | None = None,
) -> None:
    """One audit entry (desktop.storage.audit) in the register's database: keyed and signed
    by the member ``Register.call`` bound to the connection."""
    audit.append(
        db, actor=actor, action=action, record_id=record_id, revision=revision, detail=detail
    )


# -- the typed face ------------------------------------------------------------------------------


class _KeyChecked:
    """A ``Db`` whose every transaction first checks, under the write lock, that the register
    still seals under this session's data key. A member's removal re-seals everything under a
    new one (``desktop.staff.members.remove``); a session opened before it (on another PC)
    would otherwise write payloads nobody can open any more. It is refused instead
    (``register_key_rotated``), with nothing written, until it opens its wraps again."""

    def __init__(self, db: Db, data_key_id: str) -> None:
        self._db = db
        self._data_key_id = data_key_id
        self.dialect = db.dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self, operation: str) -> Iterator[Db]:
        with self._db.transaction(operation):
            row = self._db.execute(
                "SELECT value FROM register_meta WHERE key = 'data_key_id'"
            ).fetchone()
            if row is not None and str(row[0]) != self._data_key_id:
                raise StaffError("register_key_rotated", operation)
            yield self

    def checkpoint(self) -> None:
        self._db.checkpoint()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)  # the backend's own (``conn``), for its callers


class Register:
    """The register store on its backend; every call runs on the backend's thread."""

    def __init__(
        self,
        backend: Backend,
        cipher: RegisterCipher,
        *,
        actor: str,
        signer: audit.Signer | None = None,
    ) -> None:
        self.backend = backend
        self.cipher = cipher
        self.actor = actor
        # The member every audit entry on the register's connection is keyed and signed by.
        self.signer = signer

    @property
    def dialect(self) -> str:
        return self.backend.dialect

    def call(self, fn: Callable[[Db], T], operation: str = "") -> T:
        """``fn`` on the backend's thread; its transactions check the data key (``_KeyChecked``),
        and every audit entry it writes is keyed and signed by the member (``signer``)."""
        data_key_id = self.cipher.data_key_id
        signer = self.signer

        def run(db: Db) -> T:
            if signer is not None:
                # Bound on every call: a reconnected PostgreSQL session is a new connection.
                audit.act_as(db, signer)
            return fn(_KeyChecked(db, data_key_id))

        return self.backend.submit(run, operation).result()

    def close(self) -> None:
        self.backend.close()

    # -- reads ---------------------------------------------------------------------------------

    def counts(self) -> Counts:
        return self.call(counts, "register counts")

    def pending(
        self, *, limit: int | None = None, after_seq: int = 0, with_payload: bool = False
    ) -> list[ReviewItem]:
        """Pending review items in import order (payloads only when asked for, audited)."""
        if not with_payload:
            return self.call(
                lambda db: pending_items(db, None, limit=limit, after_seq=after_seq), "queue"
            )
        return self.viewed(
            lambda db: pending_items(db, self.cipher, limit=limit, after_seq=after_seq),
            "view:queue",
            detail=lambda found: f"items={len(found)}",
        )

    def pending_for(self, record_id: str, *, with_payload: bool = False) -> list[ReviewItem]:
        if not with_payload:
            return self.call(lambda db: pending_items(db, None, record_id=record_id), "queue item")
        return self.viewed(
            lambda db: pending_items(db, self.cipher, record_id=record_id),
            "view:review_item",
            record_id,
            detail=lambda found: f"items={len(found)}",
        )

    def item(
        self, batch_id: str, record_id: str, *, with_payload: bool = True
    ) -> ReviewItem | None:
        if not with_payload:
            return self.call(lambda db: find_item(db, None, batch_id, record_id), "review item")
        return self.viewed(
            lambda db: find_item(db, self.cipher, batch_id, record_id),
            "view:review_item",
            record_id,
            revision=lambda found: None if found is None else found.revision,
            detail=lambda found: f"items={0 if found is None else 1}",
        )

    def viewed(
        self,
        read: Callable[[Db], T],
        action: str,
        record_id: str | None = None,
        *,
        revision: Callable[[T], int | None] | None = None,
        detail: Callable[[T], str] | None = None,
    ) -> T:
        """``read`` and its audit entry (an access to payloads) in one transaction."""

        def run(db: Db) -> T:
            with db.transaction(action):
                result = read(db)
                log(
                    db,
                    self.actor,
                    action,
                    record_id,
                    None if revision is None else revision(result),
                    None if detail is None else detail(result),
                )
            return result

        return self.call(run, action)

    def batch_items(self, batch_id: str) -> list[ReviewItem]:
        return self.call(lambda db: items_of_batch(db, batch_id), "batch items")

    def current(self, record_id: str) -> RegisterRecord | None:
        """The accepted record (a payload view: audited)."""
        return self.viewed(
            lambda db: get_record(db, self.cipher, record_id),
            "view:record",
            record_id,
            revision=lambda found: None if found is None else found.revision,
            detail=lambda found: f"records={0 if found is None else 1}",
        )

    def history(self, record_id: str) -> list[RegisterRecord]:
        """Earlier accepted revisions, oldest first (the current one is ``current``; audited)."""
        return self.viewed(
            lambda db: record_history(db, self.cipher, record_id),
            "view:history",
            record_id,
            detail=lambda found: f"records={len(found)}",
        )

    def iter_current(self, page: int = PAGE) -> Iterator[RegisterRecord]:
        """Every current record, by record id, a page per database call (for exports)."""
        after = ""
        while True:
            rows = self.call(
                lambda db, a=after: current_page(db, self.cipher, a, page),  # type: ignore[misc]
                "register page",
            )
            yield from rows
            if len(rows) < page:
                return
            after = rows[-1].record_id

    def diff(self, item: ReviewItem) -> list[FieldChange]:
        """Field-by-field changes from the register's current record to ``item``."""
        if item.payload is None:
            loaded = self.item(item.origin.batch_id, item.record_id)
            if loaded is None or loaded.payload is None:
                raise StaffError("not_pending", item.record_id)
            item = loaded
        current = self.current(item.record_id)
        return diff_payloads(current.payload if current else {}, item.payload or {})

    def is_imported(self, batch_id: str, sender: str | None = None) -> bool:
        return (
            self.call(lambda db: imported_batch(db, batch_id, sender), "imported batch") is not None
        )

    def find_duplicate(
        self, national_id: str, orpha_code: str, exclude_record_id: str = ""
    ) -> str | None:
        """The record id the register holds for this person and diagnosis (index lookup);
        both are read in their normal form (``desktop.forms.payload``), and what is no
        national id or ORPHA code is held by no record."""
        number, code = normalise_national_id(national_id), normalise_orpha_code(orpha_code)
        if number is None or code is None:
            return None
        person = self.cipher.person_key(number)
        diagnosis = [self.cipher.diagnosis_key(code)]
        return self.viewed(
            lambda db: registered_duplicate(db, person, diagnosis, exclude_record_id),
            "search:duplicate",
            detail=lambda found: f"found={0 if found is None else 1}",
        )

    def audit_entries(self, record_id: str | None = None) -> list[audit.AuditEntry]:
        return self.call(lambda db: audit.entries(db, record_id), "audit entries")

    def verify_audit(self) -> audit.Verdict:
        """The whole keyed chain checked (``desktop.storage.audit.verify``), every signer
        against the members (``desktop.staff.audit_members``)."""
        from desktop.staff import audit_members  # members needs this module

        key = self.cipher.audit_key()
        return self.call(
            lambda db: audit.verify(db, key, check_signer=audit_members.check(db)),
            "verify audit",
        )

    def verify_audit_chain(self) -> int | None:
        """The first bad seq, or ``None`` when the chain is intact."""
        return self.verify_audit().first_bad_seq

    def audit_checkpoint(self) -> audit.Checkpoint | None:
        """A signed checkpoint of the newest entry, on demand."""

        def write(db: Db) -> audit.Checkpoint | None:
            with db.transaction("audit checkpoint"):
                return audit.checkpoint(db)

        return self.call(write, "audit checkpoint")

    def access(
        self,
        action: str,
        record_id: str | None = None,
        revision: int | None = None,
        detail: str | None = None,
    ) -> None:
        """One audit entry for a read (a payload view, a search, an export), in its own
        transaction: reading personal data leaves a trace as a change does."""

        def write(db: Db) -> None:
            with db.transaction("audit access"):
                log(db, self.actor, action, record_id, revision, detail)

        self.call(write, "audit access")
