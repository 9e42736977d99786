"""The staff import loop against the inbox (docs/inbox.md): list, fetch, import, acknowledge.

A batch is acknowledged only after its import committed, so a crash anywhere is safe: the
next pull lists it again, finds its id among the imported batches, and acknowledges it
without importing twice. A refused batch is not acknowledged (it stays listed, and is
reported each time, until it is dealt with: e.g. its installation is pinned). Every request
is signed with the staff key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.staff.errors import BatchRefused
from desktop.staff.importer import Importer, ImportReport
from desktop.sync.errors import SyncError
from desktop.sync.http import Transport

PAGE = 100


@dataclass
class PullReport:
    imported: list[ImportReport] = field(default_factory=list)
    acknowledged_again: list[str] = field(default_factory=list)  # already imported
    refused: list[BatchRefused] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(r.records for r in self.imported)


def pull(
    importer: Importer,
    transport: Transport,
    *,
    progress: Callable[[int], None] | None = None,
) -> PullReport:
    signer = importer.session.keys.signing_key
    register = importer.session.register
    report = PullReport()
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
            batch_id = str(info.get("batch_id", "")) if isinstance(info, dict) else ""
            if not batch_id:
                raise SyncError("server_busy", "batch list malformed", retryable=True)
            if not register.is_imported(batch_id):
                raw = transport.request(
                    "GET", f"/v1/staff/batches/{batch_id}", signer=signer, ok=(200,)
                ).body
                try:
                    report.imported.append(importer.import_bytes(raw, expected_batch_id=batch_id))
                except BatchRefused as refused:
                    if refused.code != "already_imported":
                        refused.batch_id = refused.batch_id or batch_id
                        report.refused.append(refused)
                        continue
                    report.acknowledged_again.append(batch_id)
            else:
                report.acknowledged_again.append(batch_id)
            transport.request("POST", f"/v1/staff/batches/{batch_id}/ack", signer=signer, ok=(200,))
            if progress is not None:
                progress(len(report.imported))
        next_after = page.get("next_after")
        if len(items) < PAGE or not isinstance(next_after, int) or next_after <= after:
            return report
        after = next_after
