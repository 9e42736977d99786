"""The register's keyed, signed audit chain on SQLCipher and PostgreSQL: intact chains verify,
and every kind of tampering is named at its first bad entry: a row rewritten with a
recomputed unkeyed hash, a deleted row, a forged checkpoint, and a rewrite by someone who
holds the register's secret (caught by the checkpoint signed before). Exports and payload
views write an entry with no field value; a bulk export without a reason is refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.staff import access, audit_trail, decisions
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from desktop.storage import audit
from tests.staff.conftest import Clinic, Records

_ROW = "seq, at, actor, action, record_id, revision, prev_hash, hash, detail, signer, signature"


def _rows(staff: StaffSession) -> list[tuple[Any, ...]]:
    return staff.register.call(
        lambda db: [tuple(r) for r in db.execute(f"SELECT {_ROW} FROM audit_log ORDER BY seq")],
        "test rows",
    )


def _sql(staff: StaffSession, sql: str, params: tuple[Any, ...] = ()) -> None:
    """Tampering as someone holding the database (not the keys) would: outside any session."""

    def run(db: Db) -> None:
        with db.transaction("tamper"):
            db.execute(sql, params)

    staff.register.backend.submit(run, "tamper").result()


def _accepted(
    staff: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> list[dict[str, Any]]:
    batch = records.many(3)
    importer.import_bytes(clinic.batch(batch))
    decisions.accept_clean(staff.register)
    return batch


def _keyed_seq(staff: StaffSession) -> int:
    """A keyed entry in the middle of the chain."""
    keyed = [r[0] for r in _rows(staff) if r[10] is not None]
    assert len(keyed) >= 3
    return int(keyed[len(keyed) // 2])


def test_an_intact_chain_verifies_with_every_entry_signed_by_the_member(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    batch = _accepted(staff_session, importer, clinic, records)
    assert staff_session.register.current(batch[0]["record_id"]) is not None

    verdict = staff_session.register.verify_audit()
    assert verdict.intact and verdict.problem is None and verdict.keyed_from is not None
    rows = _rows(staff_session)
    assert verdict.entries == len(rows)
    keyed = [r for r in rows if r[0] >= verdict.keyed_from]
    assert keyed and all(r[9] == staff_session.staff_key_id and r[10] for r in keyed)
    # The payload view is one entry naming the record, never a value.
    view = [r for r in rows if r[3] == "view:record"]
    assert [(r[4], r[8]) for r in view] == [(batch[0]["record_id"], "records=1")]


def test_the_legacy_unkeyed_prefix_stays_verifiable(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    """Entries written before the keyed chain (no member bound) come first and still verify;
    the verdict says where the keyed part starts."""

    def legacy(db: Db) -> None:
        audit.act_as(db, None)
        with db.transaction("legacy"):
            for n in range(3):
                audit.append(db, actor="legacy-actor", action=f"import_batch:old-{n}")

    sqlite = staff_session.register.dialect == "sqlite"
    _accepted(staff_session, importer, clinic, records)
    verdict = staff_session.register.verify_audit()
    unkeyed = [r for r in _rows(staff_session) if r[10] is None]
    assert verdict.intact and verdict.keyed_from == len(unkeyed) + 1
    # On the one-PC file the profile's own first entry (its keys made) is the prefix; a fresh
    # PostgreSQL register starts keyed: its first entry is the first administrator's, signed.
    assert [r[3] for r in unkeyed][:1] == (["staff:keys_generated"] if sqlite else [])
    if not sqlite:
        assert _rows(staff_session)[0][3] == "staff:member_added:administrator"
    # ... but an unkeyed entry after the keyed part started is tampering.
    staff_session.register.backend.submit(legacy, "legacy").result()
    after = staff_session.register.verify_audit()
    assert (after.first_bad_seq, after.problem) == (verdict.entries + 1, "unkeyed_after_keyed")


def test_a_row_rewritten_with_a_recomputed_unkeyed_hash_is_detected(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    _accepted(staff_session, importer, clinic, records)
    seq = _keyed_seq(staff_session)
    row = next(r for r in _rows(staff_session) if r[0] == seq)
    forged = "review:rejected"
    body = json.dumps(
        [row[0], row[1], "someone-else", forged, row[4], row[5]], separators=(",", ":")
    )
    recomputed = hashlib.sha256(bytes(row[6]) + body.encode("ascii")).digest()
    _sql(
        staff_session,
        "UPDATE audit_log SET actor = ?, action = ?, hash = ? WHERE seq = ?",
        ("someone-else", forged, recomputed, seq),
    )
    verdict = staff_session.register.verify_audit()
    assert (verdict.first_bad_seq, verdict.problem) == (seq, "hash_mismatch")
    # Passing it off as a legacy entry (signature dropped) is named too.
    _sql(
        staff_session, "UPDATE audit_log SET signature = NULL, signer = NULL WHERE seq = ?", (seq,)
    )
    verdict = staff_session.register.verify_audit()
    assert (verdict.first_bad_seq, verdict.problem) == (seq, "unkeyed_after_keyed")
    assert audit_trail.verify(staff_session.register).intact is False


def test_a_deleted_row_is_detected(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    _accepted(staff_session, importer, clinic, records)
    seq = _keyed_seq(staff_session)
    _sql(staff_session, "DELETE FROM audit_log WHERE seq = ?", (seq,))
    verdict = staff_session.register.verify_audit()
    assert (verdict.first_bad_seq, verdict.problem) == (seq + 1, "sequence_gap")


def test_the_tail_deleted_after_a_checkpoint_is_detected(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    _accepted(staff_session, importer, clinic, records)
    mark = staff_session.register.audit_checkpoint()
    assert mark is not None
    _sql(staff_session, "DELETE FROM audit_log WHERE seq = ?", (mark.seq,))
    verdict = staff_session.register.verify_audit()
    assert (verdict.first_bad_seq, verdict.problem) == (mark.seq, "checkpoint_beyond_end")


def test_a_forged_checkpoint_signature_is_detected(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    _accepted(staff_session, importer, clinic, records)
    mark = staff_session.register.audit_checkpoint()
    assert mark is not None and staff_session.register.verify_audit().checkpoints == 1
    # Someone without the member's key signs the checkpoint message with a key of their own.
    intruder = Ed25519PrivateKey.generate()
    message = audit.checkpoint_message(mark.seq, mark.hash, mark.at, mark.signer)
    _sql(
        staff_session,
        "UPDATE audit_checkpoints SET signature = ? WHERE seq = ?",
        (intruder.sign(message), mark.seq),
    )
    verdict = staff_session.register.verify_audit()
    assert (verdict.first_bad_seq, verdict.problem) == (mark.seq, "checkpoint_signature")


def test_a_rewrite_with_the_register_secret_is_caught_by_the_signed_checkpoint(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    """A member holding the secret rewrites an entry and recomputes (and re-signs) every
    later one: each entry verifies, but not the checkpoint signed over the old chain."""
    _accepted(staff_session, importer, clinic, records)
    mark = staff_session.register.audit_checkpoint()
    assert mark is not None
    seq = _keyed_seq(staff_session)
    signer = audit.Signer(staff_session.keys.cipher.audit_key(), staff_session.keys.signing_key)
    rows = _rows(staff_session)
    prev = bytes(next(r for r in rows if r[0] == seq - 1)[7])
    for row in (r for r in rows if r[0] >= seq):
        action = "review:rejected" if row[0] == seq else row[3]
        entry = audit.AuditEntry(row[0], row[1], row[2], action, row[4], row[5], row[8], row[9])
        digest = audit.keyed_hash(signer.mac_key, prev, entry)
        _sql(
            staff_session,
            "UPDATE audit_log SET action = ?, prev_hash = ?, hash = ?, signature = ? WHERE seq = ?",
            (
                action,
                prev,
                digest,
                signer.signing_key.sign(audit.entry_message(prev, entry, digest)),
                row[0],
            ),
        )
        prev = digest
    verdict = staff_session.register.verify_audit()
    assert (verdict.first_bad_seq, verdict.problem) == (mark.seq, "checkpoint_mismatch")


def test_checkpoints_are_signed_every_n_entries(
    staff_session: StaffSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "CHECKPOINT_EVERY", 4)
    for n in range(9):
        staff_session.register.access("search:duplicate", detail=f"found={n % 2}")
    verdict = staff_session.register.verify_audit()
    assert verdict.intact and verdict.checkpoints == verdict.entries // 4 >= 2


def test_an_export_writes_one_entry_with_the_file_hash_and_no_field_values(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
) -> None:
    batch = _accepted(staff_session, importer, clinic, records)
    out = tmp_path / "utlevering" / "registeret.csv"
    out.parent.mkdir()
    result = access.export_register(
        staff_session.register, "csv", out, reason="Årsrapport til Helsedirektoratet"
    )
    assert result.count == 3
    last = _rows(staff_session)[-1]
    assert last[3] == "export:csv" and last[9] == staff_session.staff_key_id
    detail = dict(part.split("=", 1) for part in str(last[8]).split(";"))
    assert detail["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert detail["records"] == "3" and detail["format"] == "csv"
    assert detail["file"] == "registeret.csv" and detail["columns"].startswith("registry_csv:")
    assert "%C3%85rsrapport" in detail["reason"]
    everything = repr(_rows(staff_session))
    assert str(tmp_path) not in everything and "utlevering" not in everything
    for record in batch:
        patient = record["patient"]
        for value in (patient["national_id"], patient["family_name"], patient["given_names"]):
            assert value not in everything
    assert staff_session.register.verify_audit().intact


def test_a_folder_export_hashes_the_sorted_listing(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
) -> None:
    _accepted(staff_session, importer, clinic, records)
    folder = tmp_path / "pakker"
    result = access.export_register(staff_session.register, "phenopacket", folder, reason="Studie")
    listing = "".join(
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n"
        for p in sorted(folder.iterdir(), key=lambda p: p.name)
    )
    last = _rows(staff_session)[-1]
    assert f"files={len(result.files)}" in str(last[8])
    assert f"sha256={hashlib.sha256(listing.encode()).hexdigest()}" in str(last[8])


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_a_bulk_export_without_a_reason_is_refused_and_writes_nothing(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
    reason: str | None,
) -> None:
    _accepted(staff_session, importer, clinic, records)
    before = len(_rows(staff_session))
    out = tmp_path / "registeret.json"
    with pytest.raises(StaffError) as caught:
        access.export_register(staff_session.register, "fhir", out, reason=reason)
    assert caught.value.code == "export_reason_missing"
    assert "--reason" in caught.value.user_message("en")
    assert not out.exists() and len(_rows(staff_session)) == before
    with pytest.raises(StaffError) as long:
        access.export_register(staff_session.register, "csv", out, reason="x" * 201)
    assert long.value.code == "export_reason_too_long"


def test_the_report_counts_per_month_member_and_kind(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    _accepted(staff_session, importer, clinic, records)
    lines = audit_trail.report(staff_session.register)
    mine = {line.action: line.count for line in lines if line.actor == staff_session.staff_key_id}
    assert mine["review:accepted"] == 3 and mine["import_batch"] == 1
    month = lines[-1].month
    assert audit_trail.report(staff_session.register, month) and not audit_trail.report(
        staff_session.register, "1999-01"
    )
    with pytest.raises(StaffError) as caught:
        audit_trail.report(staff_session.register, "2026-13")
    assert caught.value.code == "bad_audit_month"


def test_without_the_secret_the_signatures_still_check_the_content(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    backend: str,
) -> None:
    """The profile store's own check (``sjelden profile unlock-check``) has no register key:
    on the one-PC file it checks the keyed entries by their signatures, which cover the
    fields, so a rewritten action that keeps the row's hash is still found."""
    if backend != "sqlite":
        pytest.skip("the profile file holds the register's chain only on the one-PC register")
    _accepted(staff_session, importer, clinic, records)
    assert staff_session.store.verify_audit_chain() is None
    seq = _keyed_seq(staff_session)
    _sql(staff_session, "UPDATE audit_log SET action = 'view:queue' WHERE seq = ?", (seq,))
    assert staff_session.store.verify_audit_chain() == seq
    verdict = staff_session.store.call(lambda c: audit.verify(c, None, keyed_table=True))
    assert (verdict.first_bad_seq, verdict.problem) == (seq, "bad_signature")
