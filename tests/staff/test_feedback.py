"""Feedback documents: one per installation and batch, signed by the staff key, made once,
exported as files the client's ``import-receipt`` reads."""

from __future__ import annotations

import json
from pathlib import Path

from sjelden_protocol import verify_feedback

from desktop.staff import decisions, feedback
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from tests.staff.conftest import Records, pin_clinic


def test_documents_per_installation_and_batch(
    staff_session: StaffSession, importer: Importer, records: Records, tmp_path: Path
) -> None:
    a, b = pin_clinic(staff_session, "A"), pin_clinic(staff_session, "B")
    a1, a2, b1 = records.many(2), records.many(1), records.many(2)
    reports = [
        importer.import_bytes(clinic.batch(batch)) for clinic, batch in ((a, a1), (a, a2), (b, b1))
    ]
    register = staff_session.register
    decisions.accept_clean(register)
    # Nothing decided after that: a1[0] is rejected on top of being accepted? No: decide a
    # fresh item from another batch of B.
    extra = records.one()
    importer.import_bytes(b.batch([extra]))
    decisions.decide(
        register,
        extra["record_id"],
        "reject",
        reason_code="missing_consent",
        reason_text="Samtykke mangler.",
    )

    assert (
        feedback.prepare(
            register, staff_session.keys.signing_key, staff_session.pinned_installations()
        )
        == 4
    )
    assert (
        feedback.prepare(
            register, staff_session.keys.signing_key, staff_session.pinned_installations()
        )
        == 0
    )  # made once
    assert register.counts().decided_unsent == 0

    files = feedback.export(register, tmp_path / "out")
    assert len(files) == 2
    trusted = {staff_session.staff_key_id: staff_session.keys.signing_key.public_key()}
    seen: dict[str, list[tuple[str | None, list[tuple[str, int, str]]]]] = {}
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o600
        for document in json.loads(path.read_text()):
            checked = verify_feedback(document, trusted)
            seen.setdefault(checked.installation_key_id, []).append(
                (
                    checked.batch_id,
                    [(d.record_id, d.revision, d.decision) for d in checked.decisions],
                )
            )
    assert sorted(len(v) for v in seen.values()) == [2, 2]
    by_batch = {batch: decided for docs in seen.values() for batch, decided in docs}
    assert by_batch[reports[0].batch_id] == [(r["record_id"], 1, "accepted") for r in a1]
    rejected = [d for docs in seen[b.key_id] for d in docs[1] if d[2] == "rejected"]
    assert rejected == [(extra["record_id"], 1, "rejected")]
    assert feedback.export(register, tmp_path / "again") == []  # exported once
