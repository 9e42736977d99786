"""A stand-in for the register in the one-PC demo (``sjelden demo``): never used for real data.

It holds a demo staff key and a demo register key, fetches the batches the demo inbox
received, opens them as the register's import would, and posts signed decisions (every fifth
record rejected with a reason, so the tour shows a correction). Only synthetic demo records
ever pass through it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import RecordDecision, key_id, open_batch, sign_feedback

from desktop.net.http import Transport


@dataclass
class DemoRegister:
    staff_key: Ed25519PrivateKey
    register_key: X25519PrivateKey
    installations: dict[str, Ed25519PublicKey] = field(default_factory=dict)
    decided: set[tuple[str, int]] = field(default_factory=set)

    def _call(self, transport: Transport, method: str, target: str, body: bytes = b"") -> bytes:
        answer = transport.request(
            method,
            target,
            body=body,
            signer=self.staff_key,
            content_type="application/json" if body else None,
            ok=(200, 201),
        )
        return answer.body

    def create_code(self, transport: Transport) -> str:
        return str(json.loads(self._call(transport, "POST", "/v1/staff/enrollment-codes"))["code"])

    def approve(self, transport: Transport, installation: Ed25519PublicKey) -> None:
        kid = key_id(installation)
        self._call(transport, "POST", f"/v1/staff/installations/{kid}/approve")
        self.installations[kid] = installation

    def decide_all(self, transport: Transport, reject_every: int = 5) -> int:
        """Open every unacknowledged batch, acknowledge it and post decisions."""
        listing = json.loads(self._call(transport, "GET", "/v1/staff/batches?limit=1000"))
        count = 0
        for info in listing["items"]:
            raw = self._call(transport, "GET", f"/v1/staff/batches/{info['batch_id']}")
            batch = open_batch(
                raw, {key_id(self.register_key.public_key()): self.register_key}, self.installations
            )
            decisions = []
            for record in batch.records:
                ident = (str(record["record_id"]), int(record["revision"]))
                if ident in self.decided:
                    continue
                self.decided.add(ident)
                count += 1
                if reject_every and count % reject_every == 0 and ident[1] == 1:
                    decisions.append(
                        RecordDecision(
                            *ident,
                            "rejected",
                            "diagnosis_not_confirmed",
                            "Diagnosen står som mistenkt. Send en ny revisjon når den er "
                            "bekreftet.",
                        )
                    )
                else:
                    decisions.append(RecordDecision(*ident, "accepted"))
            if decisions:
                feedback = sign_feedback(
                    feedback_id=str(uuid.uuid4()),
                    installation_key_id=batch.header.sender_key_id,
                    batch_id=batch.header.batch_id,
                    decisions=decisions,
                    issued_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                    key=self.staff_key,
                    installation=self.installations[batch.header.sender_key_id],
                )
                body = json.dumps(feedback.to_json()).encode("utf-8")
                self._call(transport, "POST", "/v1/staff/feedback", body)
            self._call(transport, "POST", f"/v1/staff/batches/{info['batch_id']}/ack")
        return count
