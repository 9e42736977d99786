"""Letter runs: print the queue's letters to one PDF, mark a run sent, record returned slips.

The queue itself (who is owed a letter) is ``desktop.staff.letter_queue``; the documents are
``desktop.staff.letter_render``'s; the PDF is painted by the Qt side, handed in as a
``Painter`` (``desktop.ui.printing.write_documents``), so this module stays GUI-free.

A **run** (``print_run``):

1. ``plan_run`` reads the pending entries, oldest first, and each person's current record
   (decrypted in memory only), and decides the letters by the age on the print day. Those
   whose record left the register meanwhile (an undone acceptance) are skipped and dropped
   at the commit; those without a postal address are listed (``needs_address``) and stay
   pending, unprinted, until a revision brings an address.
2. The PDF is painted into the temporary file of an atomic, 0600 write
   (``sjelden_protocol.files.atomic_private_file``, which ``desktop.paths`` uses too).
3. Before that file takes its name, the run is committed in one transaction: the run row,
   each entry ``printed`` with its reference and sealed detail, an audit entry. If another
   registrar printed one of the same people meanwhile, the commit is refused
   (``letter_run_changed``) and no PDF is left: nothing is printed twice. If the commit
   fails, the temporary file is removed; a PDF exists only for a run the register knows.

``reprint`` paints a recorded run again (same references and print day), e.g. after a
printer jam. ``mark_sent`` marks a run posted: its entries become ``sent`` and each keeps
the letter date (sealed). ``returned_slip`` finds the person a slip's reference names, and
``record_returned`` records the reservation through ``desktop.staff.reservations`` (the
existing flow: every record deleted, later ones refused) and marks the entry ``returned``.
Every step is an audit entry (``letter_run:<event>:<run id>``), never with a value.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import crockford
from sjelden_protocol.files import atomic_private_file

from desktop.forms.letters import PrintDocument
from desktop.forms.payload import national_id
from desktop.staff import letter_queue as lq
from desktop.staff import letter_render, reservations
from desktop.staff import register as reg
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.storage import audit

#: The slip's reference: 10 characters of Crockford base32 (50 random bits), printed
#: ``XXXX-XXXX-XX``; typed back in any case, with or without the dashes.
REFERENCE_LENGTH = 10
#: Paints documents into an open binary file; returns the page count (the Qt side).
Painter = Callable[[Iterable[PrintDocument], BinaryIO], int]


@dataclass(frozen=True)
class PlannedLetter:
    entry_id: str
    record_id: str
    reference: str  # canonical (no dashes); ``crockford.grouped`` prints it
    letter: letter_render.LetterPlan
    payload: dict[str, Any]  # the current record, in memory only, for the documents


@dataclass(frozen=True)
class NeedsAddress:
    """A person owed a letter whose record has no postal address for the recipient."""

    entry_id: str
    record_id: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class RunPlan:
    run_id: str
    print_day: dt.date
    letters: list[PlannedLetter]
    needs_address: list[NeedsAddress]
    stale: int  # pending entries whose record is no longer in the register
    reprint: bool = False

    def documents(self) -> Iterable[PrintDocument]:
        """Every page of the run, letter by letter (made as the painter asks for them)."""
        for planned in self.letters:
            yield from letter_render.documents(
                planned.payload,
                planned.letter,
                crockford.grouped(planned.reference),
                self.print_day,
            )


@dataclass(frozen=True)
class RunResult:
    run_id: str | None  # None: nothing to print, no file written
    letters: int
    pages: int
    needs_address: list[NeedsAddress]
    path: Path | None


@dataclass(frozen=True)
class LetterRun:
    run_id: str
    created_at: str
    created_by: str
    print_day: str
    letters: int
    state: str
    sent_at: str | None


def _new_reference(db: Db) -> str:
    while True:  # 50 random bits: a second round is next to impossible
        code = crockford.normalise(crockford.random_code(REFERENCE_LENGTH))
        if not db.execute("SELECT 1 FROM letter_queue WHERE reference = ?", (code,)).fetchone():
            return code


def plan_run(
    register: reg.Register, *, limit: int | None = None, today: dt.date | None = None
) -> RunPlan:
    """Read-only: the next run's letters (at most ``limit``), by age on ``today``."""
    if limit is not None and limit < 1:
        raise StaffError("bad_letter_limit")
    day = today or dt.date.today()
    cipher = register.cipher

    def run(db: Db) -> RunPlan:
        rows = db.execute(
            "SELECT entry_id, record_id FROM letter_queue WHERE state = ? "
            "ORDER BY queued_at, entry_id",
            (lq.PENDING,),
        ).fetchall()
        letters: list[PlannedLetter] = []
        needs: list[NeedsAddress] = []
        taken: set[str] = set()
        stale = 0
        for entry_id, record_id in rows:
            if limit is not None and len(letters) >= limit:
                break
            record = reg.get_record(db, cipher, str(record_id))
            if record is None:
                stale += 1
                continue
            letter = letter_render.plan(record.payload, day)
            if letter is None:
                needs.append(NeedsAddress(str(entry_id), str(record_id), record.payload))
                continue
            reference = _new_reference(db)
            while reference in taken:
                reference = _new_reference(db)
            taken.add(reference)
            letters.append(
                PlannedLetter(str(entry_id), str(record_id), reference, letter, record.payload)
            )
        return RunPlan(str(uuid.uuid4()), day, letters, needs, stale)

    return register.call(run, "plan letter run")


def plan_reprint(register: reg.Register, run_id: str) -> RunPlan:
    """A recorded run again: its letters, references and print day, the current records."""
    cipher = register.cipher

    def run(db: Db) -> RunPlan:
        found = db.execute(
            "SELECT print_day FROM letter_runs WHERE run_id = ?", (run_id,)
        ).fetchone()
        if found is None:
            raise StaffError("unknown_letter_run", run_id)
        day = dt.date.fromisoformat(str(found[0]))
        letters = []
        for entry_id, record_id, reference, detail in db.execute(
            "SELECT entry_id, record_id, reference, detail FROM letter_queue "
            "WHERE run_id = ? AND state IN (?, ?) ORDER BY reference",
            (run_id, lq.PRINTED, lq.SENT),
        ).fetchall():
            record = reg.get_record(db, cipher, str(record_id))
            opened = lq.open_detail(cipher, str(entry_id), detail)
            letter = None if record is None else letter_render.plan(record.payload, day)
            if record is None or letter is None:
                continue  # deleted since (a reservation) or the address went
            if tuple(opened.get("variants", ())) != letter.variants:
                letter = letter_render.LetterPlan(
                    tuple(opened["variants"]), letter.recipient, letter.name, letter.address
                )
            letters.append(
                PlannedLetter(str(entry_id), str(record_id), str(reference), letter, record.payload)
            )
        return RunPlan(run_id, day, letters, [], 0, reprint=True)

    return register.call(run, "plan letter reprint")


def commit_run(register: reg.Register, plan: RunPlan) -> None:
    """Record the run in one transaction (see the module doc); a reprint is an audit entry."""
    cipher, actor = register.cipher, register.actor

    def run(db: Db) -> None:
        stamp = reg.now()
        with db.transaction("letter run"):
            if plan.reprint:
                audit.append(db, actor=actor, action=f"letter_run:reprint:{plan.run_id}")
                return
            db.execute(
                "INSERT INTO letter_runs (run_id, created_at, created_by, print_day, letters, "
                "state) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    plan.run_id,
                    stamp,
                    actor,
                    plan.print_day.isoformat(),
                    len(plan.letters),
                    lq.PRINTED,
                ),
            )
            for planned in plan.letters:
                detail = lq.seal_detail(
                    cipher,
                    planned.entry_id,
                    {
                        "variants": list(planned.letter.variants),
                        "recipient": planned.letter.recipient,
                        "printed_on": plan.print_day.isoformat(),
                    },
                )
                changed = db.execute(
                    "UPDATE letter_queue SET state = ?, run_id = ?, reference = ?, detail = ?, "
                    "changed_at = ? WHERE entry_id = ? AND state = ?",
                    (
                        lq.PRINTED,
                        plan.run_id,
                        planned.reference,
                        detail,
                        stamp,
                        planned.entry_id,
                        lq.PENDING,
                    ),
                ).rowcount
                if changed != 1:
                    raise StaffError("letter_run_changed", planned.entry_id)
            _drop_stale(db)
            audit.append(db, actor=actor, action=f"letter_run:print:{plan.run_id}")

    register.call(run, "letter run")


def _drop_stale(db: Db) -> int:
    """Pending entries whose record left the register (an undone acceptance) go."""
    return int(
        db.execute(
            "DELETE FROM letter_queue WHERE state = ? AND NOT EXISTS (SELECT 1 FROM "
            "register_records r WHERE r.record_id = letter_queue.record_id)",
            (lq.PENDING,),
        ).rowcount
    )


def drop_stale(register: reg.Register) -> int:
    def run(db: Db) -> int:
        with db.transaction("letter queue"):
            return _drop_stale(db)

    return register.call(run, "letter queue")


def write_run(plan: RunPlan, out: Path, paint: Painter, commit: Callable[[], None]) -> int:
    """Paint ``plan`` into ``out`` (0600, atomic) and ``commit`` before the file is named.

    Returns the page count. A failed paint or commit leaves no file; a file that cannot be
    written is ``letter_pdf_not_written`` (the run is then not recorded)."""
    try:
        with atomic_private_file(Path(out)) as handle:
            pages = paint(plan.documents(), handle)
            commit()
    except OSError as exc:
        raise StaffError("letter_pdf_not_written", type(exc).__name__) from None
    return pages


def print_run(
    register: reg.Register,
    out: Path,
    paint: Painter,
    *,
    limit: int | None = None,
    today: dt.date | None = None,
    run_id: str | None = None,
) -> RunResult:
    """Plan, paint and record a run (or reprint ``run_id``); see the module doc."""
    plan = (
        plan_reprint(register, run_id) if run_id else plan_run(register, limit=limit, today=today)
    )
    if not plan.letters:
        if plan.stale:
            drop_stale(register)
        return RunResult(None, 0, 0, plan.needs_address, None)
    pages = write_run(plan, out, paint, lambda: commit_run(register, plan))
    return RunResult(plan.run_id, len(plan.letters), pages, plan.needs_address, Path(out))


@dataclass(frozen=True)
class SentResult:
    run_id: str
    letters: int
    already: bool  # the run was marked sent before (nothing changed)


def mark_sent(register: reg.Register, run_id: str, *, today: dt.date | None = None) -> SentResult:
    """The run went out today: its entries become ``sent``, each keeping the letter date."""
    day = (today or dt.date.today()).isoformat()
    cipher, actor = register.cipher, register.actor

    def run(db: Db) -> SentResult:
        stamp = reg.now()
        with db.transaction("letter run sent"):
            found = db.execute(
                "SELECT state, letters FROM letter_runs WHERE run_id = ?", (run_id,)
            ).fetchone()
            if found is None:
                raise StaffError("unknown_letter_run", run_id)
            if str(found[0]) == lq.SENT:
                return SentResult(run_id, int(found[1]), already=True)
            rows = db.execute(
                "SELECT entry_id, detail FROM letter_queue WHERE run_id = ? AND state = ?",
                (run_id, lq.PRINTED),
            ).fetchall()
            for entry_id, sealed in rows:
                detail = lq.open_detail(cipher, str(entry_id), sealed)
                detail["letter_date"] = day
                db.execute(
                    "UPDATE letter_queue SET state = ?, detail = ?, changed_at = ? "
                    "WHERE entry_id = ?",
                    (lq.SENT, lq.seal_detail(cipher, str(entry_id), detail), stamp, entry_id),
                )
            db.execute(
                "UPDATE letter_runs SET state = ?, sent_at = ?, sent_by = ? WHERE run_id = ?",
                (lq.SENT, stamp, actor, run_id),
            )
            audit.append(db, actor=actor, action=f"letter_run:sent:{run_id}")
        return SentResult(run_id, len(rows), already=False)

    return register.call(run, "letter run sent")


def runs(register: reg.Register) -> list[LetterRun]:
    """Every run, oldest first."""
    rows = register.call(
        lambda db: db.execute(
            "SELECT run_id, created_at, created_by, print_day, letters, state, sent_at "
            "FROM letter_runs ORDER BY created_at, run_id"
        ).fetchall(),
        "letter runs",
    )
    return [
        LetterRun(
            str(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4]), str(r[5]), r[6] and str(r[6])
        )
        for r in rows
    ]


def counts(register: reg.Register) -> lq.LetterCounts:
    return register.call(lq.counts, "letter counts")


# -- returned slips -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Slip:
    """Whom a returned slip's reference names (for the confirmation), and its national id."""

    entry_id: str
    record_id: str
    run_id: str
    reference: str
    national_id: str
    payload: dict[str, Any]


def canonical_reference(text: str) -> str:
    code = crockford.canonical(text, REFERENCE_LENGTH)
    if code is None:
        raise StaffError("bad_letter_reference")
    return code


def returned_slip(register: reg.Register, reference: str) -> Slip:
    """Read-only: the person a slip's reference names, from their current record."""
    code = canonical_reference(reference)
    cipher = register.cipher

    def run(db: Db) -> Slip:
        row = db.execute(
            "SELECT entry_id, record_id, run_id, state FROM letter_queue WHERE reference = ?",
            (code,),
        ).fetchone()
        if row is None:
            raise StaffError("unknown_letter_reference")
        if str(row[3]) in (lq.RESERVED, lq.RETURNED):
            raise StaffError("letter_slip_recorded")
        record = reg.get_record(db, cipher, str(row[1]))
        number = None if record is None else national_id(record.payload)
        if record is None or number is None:
            raise StaffError("letter_slip_recorded")  # deleted by a reservation since
        return Slip(str(row[0]), str(row[1]), str(row[2]), code, number, record.payload)

    return register.call(run, "returned slip")


def record_returned(
    register: reg.Register,
    slip: Slip,
    *,
    register_keys: Mapping[str, X25519PrivateKey] | None = None,
) -> reservations.ReservationResult:
    """The reservation a returned slip asks for, through the reservation flow, then the
    entry marked ``returned`` (and audited). The reservation comes first: if the second
    step fails, the person is reserved all the same (their wish) and the entry counts as
    ``reserved`` instead of ``returned``."""
    result = reservations.reserve(register, slip.national_id, register_keys=register_keys)
    actor = register.actor

    def run(db: Db) -> None:
        with db.transaction("returned slip"):
            db.execute(
                "UPDATE letter_queue SET state = ?, person_key = NULL, detail = NULL, "
                "changed_at = ? WHERE entry_id = ?",
                (lq.RETURNED, reg.now(), slip.entry_id),
            )
            audit.append(db, actor=actor, action=f"letter_run:returned:{slip.run_id}")

    register.call(run, "returned slip")
    return result
