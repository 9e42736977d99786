"""The staff import loop against the inbox (docs/inbox.md): list, fetch, import, acknowledge;
and the same report for batch files (``import_files``).

A batch is acknowledged only after its import committed, so a crash anywhere is safe: the
next pull lists it again, finds its id among the imported batches, and acknowledges it
without importing twice. Every request is signed with the staff key.

One bad batch never stops the pull. A batch that cannot be imported (any refusal, or an
unexpected failure, ``import_failed``) whose bytes are exactly those the inbox listed (the
same SHA-256) is quarantined (``desktop.staff.quarantine``: sealed in the register, for
staff to retry or discard) and then acknowledged: the register now holds the inbox's copy,
so nothing is lost if the inbox forgets it. A batch whose bytes differ from the listed
digest (damaged on the way) or that carries another batch's id is neither quarantined nor
acknowledged: the next pull fetches it again.

Revocation: before listing, the inbox's revoked installations are recorded here with their
revocation time (``installations.record_revocations``); a batch the inbox received at or
after that time is refused (``installation_revoked``), one received before is imported and
its report says so (``sender_revoked_at``). Only the register's own failures (database
down) and the network's stop a pull.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.staff import installations, quarantine
from desktop.staff.errors import BatchRefused
from desktop.staff.importer import Importer, ImportReport
from desktop.staff.quarantine import Quarantined

PAGE = 100
_KEY_ID = re.compile(r"\A[0-9a-f]{32}\Z")


@dataclass
class PullReport:
    imported: list[ImportReport] = field(default_factory=list)
    acknowledged_again: list[str] = field(default_factory=list)  # already imported
    refused: list[BatchRefused] = field(default_factory=list)  # not acknowledged: listed again
    quarantined: list[Quarantined] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(r.records for r in self.imported)


def _received(info: dict[str, object]) -> datetime | None:
    """The inbox's receipt time of a listed batch (Unix seconds); ``None`` if it gave none,
    which judges a revocation at now, the stricter time."""
    value = info.get("received_at")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return datetime.fromtimestamp(value, UTC)


def import_files(importer: Importer, paths: Iterable[Path]) -> PullReport:
    """Import batch files (``.sjbt``) in order; a refused file keeps its name (``source``)."""
    report = PullReport()
    for path, outcome in importer.import_many((path, path, None) for path in paths):
        if isinstance(outcome, BatchRefused):
            outcome.source = path.name
            report.refused.append(outcome)
        else:
            report.imported.append(outcome)
    return report


def pull(
    importer: Importer,
    transport: Transport,
    *,
    progress: Callable[[int], None] | None = None,
) -> PullReport:
    """Import every unacknowledged batch; fetches run one batch ahead of the imports."""
    signer = importer.session.keys.signing_key
    register = importer.session.register
    cipher = importer.session.keys.cipher
    report = PullReport()

    def ack(batch: tuple[str, str]) -> None:
        batch_id, query = batch
        target = f"/v1/staff/batches/{batch_id}/ack{query}"
        transport.request("POST", target, signer=signer, ok=(200,))

    # The inbox's revocations first: a batch it received after one is refused below.
    installations.record_revocations(importer.session, transport)

    # Each item's key carries its bytes and the digest the inbox listed, for the quarantine,
    # and when the inbox received it (revocation is judged at that time).
    # Batch ids are scoped to their sender: every fetch and acknowledgement names it.
    def listed() -> Iterator[
        tuple[tuple[str, bytes, object, datetime | None, tuple[str, str]], bytes, str]
    ]:
        after = 0
        while True:
            transport.check_cancelled()
            page = transport.request(
                "GET", f"/v1/staff/batches?after={after}&limit={PAGE}", signer=signer, ok=(200,)
            ).json()
            items = page.get("items") if isinstance(page, dict) else None
            if not isinstance(items, list):
                raise SyncError("server_busy", "batch list malformed", retryable=True)
            for info in items:
                batch_id = info.get("batch_id") if isinstance(info, dict) else None
                if not isinstance(batch_id, str) or not batch_id:
                    raise SyncError("server_busy", "batch list malformed", retryable=True)
                sender = info.get("sender_key_id")
                sender = sender if isinstance(sender, str) and _KEY_ID.match(sender) else None
                batch = (batch_id, "" if sender is None else f"?sender={sender}")
                if register.is_imported(batch_id, sender):
                    # Imported before a crash or an interrupted acknowledgement: ack again.
                    ack(batch)
                    report.acknowledged_again.append(batch_id)
                    continue
                raw = transport.request(
                    "GET", f"/v1/staff/batches/{batch_id}{batch[1]}", signer=signer, ok=(200,)
                ).body
                key = (batch_id, raw, info.get("envelope_sha256"), _received(info), batch)
                yield key, raw, batch_id
            next_after = page.get("next_after")
            if len(items) < PAGE or not isinstance(next_after, int) or next_after <= after:
                return
            after = next_after

    outcomes = importer.import_many(listed(), received=lambda key: key[3])
    for (batch_id, raw, listed_sha256, _, batch), outcome in outcomes:
        listed_sender = batch[1].partition("?sender=")[2]
        if (
            isinstance(outcome, ImportReport)
            and listed_sender
            and outcome.installation_key_id != listed_sender
        ):
            # Another installation's batch under the listed one's id: that one is not in.
            report.refused.append(
                BatchRefused("batch_id_mismatch", "listed under another sender", batch_id=batch_id)
            )
            continue
        if isinstance(outcome, BatchRefused):
            if outcome.code != "already_imported":
                outcome.batch_id = outcome.batch_id or batch_id
                intact = hashlib.sha256(raw).hexdigest() == listed_sha256
                if not intact or outcome.code == "batch_id_mismatch":
                    report.refused.append(outcome)
                    continue  # not acknowledged: fetched again at the next pull
                keep = functools.partial(
                    quarantine.put,
                    cipher=cipher,
                    data=raw,
                    refusal=outcome,
                    source="inbox",
                    actor=register.actor,
                )
                held = register.call(keep, "quarantine batch")
                report.quarantined.append(held)
                ack(batch)  # only now: the register holds the inbox's copy
                continue
            report.acknowledged_again.append(batch_id)
        else:
            report.imported.append(outcome)
        ack(batch)  # only now: the import has committed
        if progress is not None:
            progress(len(report.imported))
    return report
