"""Importing a batch into the review queue: all of it in one transaction, or none of it.

For each batch: the envelope checks (``verify``), then every record is validated with the
form's own validator (errors become the finding ``invalid`` with issue keys ``code@field``,
never values) and checked against the register:

* same record id already held: ``revision`` (a newer revision, with a field diff) or
  ``stale`` (older or equal);
* same national id (keyed hash) and ORPHA code under another record id, in the register or
  waiting in the queue (or earlier in the same batch): ``duplicate`` with ``duplicate_of``;
* a reserved person: rejected at once with reason code ``reservert``; the payload is never
  stored;
* a record id another installation sent first: the whole batch is refused
  (``record_owned_elsewhere``, ``desktop.staff.ownership``), and the sender gets feedback
  rejecting its records with that code.

Validation and sealing run on the calling thread (or a process pool for big batches, since
the validator is the slow part); the lookups and inserts run in one register transaction that
also records the batch id (scoped to its sender: another installation cannot squat a
known id), so a batch is imported exactly once: a replay is refused as
``already_imported`` (``batch_conflict`` if the same id comes with other bytes).

Whatever one batch makes go wrong, beyond the checks (a record the sealing cannot encode, a
bug meeting an input nobody thought of), becomes the refusal ``import_failed`` of that batch
alone, naming only the exception's type, so the caller goes on with the next batch
(``desktop.staff.quarantine`` keeps it). Failures of the register itself (the database
down, a full disk) are not one batch's fault and stop the import as they are.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import dataclasses
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sjelden_protocol import Envelope
from sjelden_protocol.limits import MAX_ENVELOPE_BYTES
from sjelden_protocol.timefmt import now_utc

from desktop.forms.payload import national_id, orpha_codes
from desktop.forms.validate import error_keys
from desktop.staff import ownership, verify
from desktop.staff import register as reg
from desktop.staff.dialect import Db
from desktop.staff.errors import BatchRefused, StaffError
from desktop.staff.model import RESERVED_REASON, Finding, ReviewState
from desktop.staff.session import StaffSession
from desktop.storage.errors import StoreError

AUTO_ACTOR = "auto"
POOL_MIN_RECORDS = 256  # smaller batches validate faster than a pool can start
Validator = Callable[[dict[str, Any]], list[str]]
K = TypeVar("K")
log = logging.getLogger(__name__)

# Error issue keys from the form validator (warnings were confirmed at the clinic); a
# top-level function, so the process pool can run it. Named so for the import benchmark.
validation_errors = error_keys


def _validate_chunk(payloads: list[dict[str, Any]]) -> list[list[str]]:
    return [error_keys(p) for p in payloads]


@dataclass(frozen=True)
class ImportReport:
    batch_id: str
    installation_key_id: str
    records: int
    clean: int
    findings: dict[str, int] = field(default_factory=dict)  # finding -> records with it
    auto_rejected: int = 0
    # Set when the sender is revoked now but the inbox received this batch before that.
    sender_revoked_at: str | None = None


@dataclass(frozen=True)
class _Prepared:
    record_id: str
    revision: int
    person_key: bytes | None
    diagnosis_keys: list[bytes]
    issue_keys: list[str]
    sealed: bytes


def _register_wide(exc: BaseException) -> bool:
    """The register's own failures (database unavailable, disk full), not one batch's."""
    return isinstance(exc, StoreError) or (
        isinstance(exc, StaffError) and not isinstance(exc, BatchRefused)
    )


@contextlib.contextmanager
def _one_batch(batch_id: str | None) -> Iterator[None]:
    """Anything but a register-wide failure while handling one batch refuses that batch."""
    try:
        yield
    except BatchRefused:
        raise
    except Exception as exc:
        if _register_wide(exc):
            raise
        log.warning("batch %s could not be imported: %s", batch_id, type(exc).__name__)
        raise BatchRefused("import_failed", type(exc).__name__, batch_id=batch_id) from exc


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def validation_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """The validation workers, started when a batch first needs them, that die with us.

    ``spawn``, not fork: the store's database threads must not be copied into children. A
    killed ``staff pull`` or ``import`` must not leave its workers behind (they would hold its
    stdout open for good), so each worker watches its parent: the kernel's parent-death
    signal on Linux, and everywhere a thread that waits on the parent's process sentinel.
    """
    return concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_die_with_parent
    )


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class Importer:
    """Imports batches for one staff session; owns the validation pool (close it)."""

    def __init__(
        self,
        session: StaffSession,
        *,
        workers: int | None = None,
        validator: Validator | None = None,
        max_size: int = MAX_ENVELOPE_BYTES,
    ) -> None:
        self.session = session
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.validator = validator
        self.max_size = max_size
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Importer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- validation ------------------------------------------------------------------------

    def _start_validation(self, payloads: list[dict[str, Any]]) -> Callable[[], list[list[str]]]:
        """Start validating; the returned function waits for the issue keys, in order.

        Big batches go to a process pool (the validator is the import's slowest step), so
        the next batch can be decrypted, and the previous one stored, meanwhile.
        """
        if self.validator is not None:
            check = self.validator
            done = [check(p) for p in payloads]
            return lambda: done
        if self.workers <= 1 or len(payloads) < POOL_MIN_RECORDS:
            done = _validate_chunk(payloads)
            return lambda: done
        if self._pool is None:
            self._pool = validation_pool(self.workers)
        size = max(16, len(payloads) // (self.workers * 4))
        futures = [
            self._pool.submit(_validate_chunk, payloads[i : i + size])
            for i in range(0, len(payloads), size)
        ]

        def wait() -> list[list[str]]:
            out: list[list[str]] = []
            try:
                for future in futures:
                    out.extend(future.result())
            except concurrent.futures.BrokenExecutor:
                # A worker died on this batch: the next batch gets a fresh pool.
                self.close()
                raise
            return out

        return wait

    # -- batches ---------------------------------------------------------------------------

    def import_file(self, path: Path) -> ImportReport:
        return self.import_bytes(self._read(path))

    def _read(self, path: Path) -> bytes:
        try:
            size = path.stat().st_size
            if size > self.max_size:
                raise BatchRefused("too_large", f"{size} bytes")
            return path.read_bytes()
        except OSError as exc:
            raise BatchRefused("unreadable_file", type(exc).__name__) from exc

    def import_bytes(
        self,
        data: bytes,
        *,
        expected_batch_id: str | None = None,
        received_at: datetime | None = None,
    ) -> ImportReport:
        """Check, decrypt, validate and queue one batch; ``BatchRefused`` stores nothing.

        ``expected_batch_id`` is the id the inbox listed: a server that hands out another
        batch's bytes under it is refused, so it cannot make the pull acknowledge a batch
        that was never imported. ``received_at`` is when the inbox received it (its
        listing's time); ``None`` (a file) is now: a revoked sender's file is refused.
        """
        with _one_batch(expected_batch_id):
            envelope, records = self._open(data, expected_batch_id, received_at)
            started = self._start_validation(records)
        with _one_batch(envelope.header.batch_id):
            return self._finish(envelope, records, started)

    def import_many(
        self,
        items: Iterable[tuple[K, bytes | Path, str | None]],
        received: Callable[[K], datetime | None] | None = None,
    ) -> Iterator[tuple[K, ImportReport | BatchRefused]]:
        """Import ``(key, bytes or path, expected batch id)`` items, one transaction each, in
        order; yields each outcome once its transaction committed (or it was refused).
        ``received(key)`` is when the inbox received the item (``import_bytes``).

        Pipelined one batch ahead: while batch N is stored, batch N+1 is already decrypted
        and being validated in the pool. Items are read from ``items`` one ahead only.
        """
        pending: tuple[K, Envelope, list[dict[str, Any]], Callable[[], list[list[str]]]] | None
        pending = None
        for key, source, expected in items:
            started = refused = None
            try:
                with _one_batch(expected):
                    data = self._read(source) if isinstance(source, Path) else source
                    when = None if received is None else received(key)
                    envelope, records = self._open(data, expected, when)
                    started = (key, envelope, records, self._start_validation(records))
            except BatchRefused as exc:
                refused = exc
            if pending is not None:
                yield pending[0], self._finish_or_refusal(*pending[1:])
            pending = started
            if refused is not None:
                yield key, refused
        if pending is not None:
            yield pending[0], self._finish_or_refusal(*pending[1:])

    def _open(
        self, data: bytes, expected_batch_id: str | None, received_at: datetime | None
    ) -> tuple[Envelope, list[dict[str, Any]]]:
        session = self.session
        envelope = verify.check_envelope(
            data,
            session.pinned_installations(),
            received_at=received_at or now_utc(),
            max_size=self.max_size,
        )
        if expected_batch_id is not None and envelope.header.batch_id != expected_batch_id:
            raise BatchRefused(
                "batch_id_mismatch",
                f"listed as {expected_batch_id}, the envelope says {envelope.header.batch_id}",
                batch_id=expected_batch_id,
            )
        self._refuse_replay(envelope)
        return envelope, verify.decrypt(envelope, session.keys.register_keys)

    def _finish_or_refusal(
        self,
        envelope: Envelope,
        records: list[dict[str, Any]],
        issues: Callable[[], list[list[str]]],
    ) -> ImportReport | BatchRefused:
        try:
            with _one_batch(envelope.header.batch_id):
                return self._finish(envelope, records, issues)
        except BatchRefused as exc:
            return exc

    def _finish(
        self,
        envelope: Envelope,
        records: list[dict[str, Any]],
        issues: Callable[[], list[list[str]]],
    ) -> ImportReport:
        register = self.session.register
        prepared = self._prepare(envelope.header.batch_id, records, issues())
        received = reg.now()
        try:
            report = register.call(
                lambda db: _store(db, envelope, prepared, received, register.actor),
                "import batch",
            )
        except ownership.OwnershipRefused as exc:
            # Nothing was imported; the sender is told why, with the register's feedback.
            refused, signer = exc, self.session.keys.signing_key
            register.call(
                lambda db: ownership.refusal_feedback(db, refused, signer, register.actor),
                "ownership feedback",
            )
            raise
        sender = self.session.pinned_installations().get(report.installation_key_id)
        if sender is not None and sender.revoked_at is not None:
            log.info("batch %s imported: received before its sender was revoked", report.batch_id)
            return dataclasses.replace(report, sender_revoked_at=sender.revoked_at)
        return report

    def _refuse_replay(self, envelope: Envelope) -> None:
        """Early answer for a replay (the transaction checks again, race-free)."""
        held = self.session.register.call(
            lambda db: reg.imported_batch(
                db, envelope.header.batch_id, envelope.header.sender_key_id
            ),
            "imported batch",
        )
        if held is not None:
            raise _replay(envelope, held)

    def _prepare(
        self, batch_id: str, records: Sequence[dict[str, Any]], issues: list[list[str]]
    ) -> list[_Prepared]:
        cipher = self.session.keys.cipher
        prepared = []
        for record, issue_keys in zip(records, issues, strict=True):
            record_id, revision = str(record["record_id"]), int(record["revision"])
            nid = national_id(record)
            prepared.append(
                _Prepared(
                    record_id=record_id,
                    revision=revision,
                    person_key=None if nid is None else cipher.person_key(nid),
                    diagnosis_keys=cipher.diagnosis_keys(orpha_codes(record)),
                    issue_keys=issue_keys,
                    sealed=cipher.seal(record, reg.item_aad(batch_id, record_id, revision)),
                )
            )
        return prepared


def _replay(envelope: Envelope, held_sha256: str) -> BatchRefused:
    batch_id = envelope.header.batch_id
    if held_sha256 == envelope.sha256:
        return BatchRefused("already_imported", batch_id, batch_id=batch_id)
    return BatchRefused("batch_conflict", batch_id, batch_id=batch_id)


def _store(
    db: Db, envelope: Envelope, prepared: list[_Prepared], received: str, actor: str
) -> ImportReport:
    header = envelope.header
    batch_id, sender = header.batch_id, header.sender_key_id
    findings_count: dict[str, int] = {}
    clean = auto_rejected = 0
    with db.transaction("import batch"):
        held = reg.imported_batch(db, batch_id, sender)
        if held is not None:
            raise _replay(envelope, held)
        taken = ownership.foreign(db, sender, [item.record_id for item in prepared])
        if taken:
            raise ownership.OwnershipRefused(
                batch_id=batch_id,
                sender=sender,
                envelope_sha256=envelope.sha256,
                records=[(item.record_id, item.revision) for item in prepared],
                foreign=taken,
            )
        seq = reg.next_seqs(db, len(prepared)) - 1
        found = reg.batch_lookup(
            db,
            [item.record_id for item in prepared],
            [item.person_key for item in prepared if item.person_key is not None],
        )
        in_batch: dict[tuple[bytes, bytes], str] = {}
        items: list[tuple[Any, ...]] = []
        index: list[tuple[Any, ...]] = []
        for item in prepared:
            seq += 1
            pk, dks = item.person_key, item.diagnosis_keys
            if pk is not None and pk in found.reserved:
                auto_rejected += 1
                findings_count[Finding.RESERVED] = findings_count.get(Finding.RESERVED, 0) + 1
                items.append(
                    (batch_id, item.record_id, item.revision, seq, sender, received,
                     ReviewState.REJECTED.value, Finding.RESERVED.value, "[]", None,
                     RESERVED_REASON, None, None, None, received, AUTO_ACTOR)
                )  # fmt: skip
                continue
            findings: list[Finding] = []
            if item.issue_keys:
                findings.append(Finding.INVALID)
            current = found.revisions.get(item.record_id)
            if current is not None:
                findings.append(Finding.STALE if item.revision <= current else Finding.REVISION)
            duplicate_of = None
            if pk is not None and dks:
                duplicate_of = found.duplicate(pk, dks, item.record_id)
                if duplicate_of is None:
                    duplicate_of = next(
                        (
                            other
                            for dk in dks
                            if (other := in_batch.get((pk, dk))) not in (None, item.record_id)
                        ),
                        None,
                    )
                for dk in dks:
                    in_batch.setdefault((pk, dk), item.record_id)
                    index.append((pk, dk, item.record_id, batch_id))
            elif pk is not None:
                index.append((pk, b"", item.record_id, batch_id))  # found at a reservation
            if duplicate_of is not None:
                findings.append(Finding.DUPLICATE)
            for finding in findings:
                findings_count[finding] = findings_count.get(finding, 0) + 1
            clean += not findings
            items.append(
                (batch_id, item.record_id, item.revision, seq, sender, received,
                 ReviewState.PENDING.value, ",".join(findings), _json(item.issue_keys),
                 duplicate_of, None, None, pk, item.sealed, None, None)
            )  # fmt: skip
        db.executemany(
            "INSERT INTO review_items (batch_id, record_id, revision, seq, installation_key_id, "
            "received_at, state, findings, issue_keys, duplicate_of, reason_code, reason_text, "
            "person_key, payload, decided_at, decided_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            items,
        )
        if index:
            db.executemany(
                "INSERT INTO review_index (person_key, diagnosis_key, record_id, batch_id) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                index,
            )
        db.execute(
            "INSERT INTO imported_batches (batch_id, installation_key_id, envelope_sha256, "
            "record_count, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)",
            (batch_id, sender, envelope.sha256, len(prepared), received, actor),
        )
        reg.log(db, actor, f"import_batch:{batch_id}")
    return ImportReport(
        batch_id=batch_id,
        installation_key_id=sender,
        records=len(prepared),
        clean=clean,
        findings=findings_count,
        auto_rejected=auto_rejected,
    )


def _json(values: list[str]) -> str:
    import json

    return json.dumps(values, separators=(",", ":"))
