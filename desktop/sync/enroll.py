"""Enrollment: present a new installation key to the inbox with a one-time code.

1. A fresh Ed25519 key is generated and stored in the encrypted store *before* anything is
   sent, so an interrupted enrollment can be resumed with the same key.
2. The server's receipt key is fetched (``GET /v1/server-key``); if the register published
   its fingerprint and the user typed it, a mismatch stops here.
3. ``POST /v1/enrollments`` with the code and a proof of possession.
4. The server key, the register's encryption key(s) and the staff keys are pinned, with the
   server address, in one transaction. Their fingerprints are returned to be compared by
   phone; the register approves the installation after comparing its fingerprint.

The register's root key comes with the enrollment letter; its fingerprint must be typed
from the letter and match, or nothing is pinned (``root_key_mismatch``). The key manifest
it signed (``desktop.sync.manifest``) is taken from the inbox, or given from a file, and
verified before the enrollment request is sent; from then on every register-side key comes
from manifests. The letter's encryption and staff key files (``register_keys``,
``staff_keys``) are pinned as well, for a register that has not published a manifest yet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sjelden_protocol.enrollment import build_enrollment
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import (
    b64decode,
    ed25519_public_from_raw,
    fingerprint,
    key_id,
    same_fingerprint,
)

from desktop.net.errors import SyncError
from desktop.net.http import RetryPolicy, Transport, check_server_url
from desktop.storage.store import Store
from desktop.sync import identity, manifest


@dataclass(frozen=True)
class EnrollmentResult:
    status: str  # pending | approved | revoked
    fingerprints: identity.Fingerprints


def fetch_server_key(transport: Transport) -> Ed25519PublicKey:
    answer = transport.request("GET", "/v1/server-key", ok=(200,)).json()
    try:
        key = ed25519_public_from_raw(
            b64decode(answer.get("public_key", ""), what="server public_key", length=32)
        )
    except (ProtocolError, AttributeError) as exc:
        raise SyncError("server_refused", "server key is malformed") from exc
    if answer.get("key_id") != key_id(key):
        raise SyncError("server_key_mismatch", "server key id does not match its key")
    return key


def enroll(
    store: Store,
    *,
    server_url: str,
    code: str,
    label: str,
    register_keys: list[X25519PublicKey],
    staff_keys: list[Ed25519PublicKey],
    server_fingerprint: str | None = None,
    root_key: Ed25519PublicKey | None = None,
    root_fingerprint: str | None = None,
    manifest_document: object | None = None,
    ca_bundle: str | None = None,
    proxy: str | None = None,
    policy: RetryPolicy | None = None,
) -> EnrollmentResult:
    check_server_url(server_url)  # before anything is kept: https:// unless loopback
    if not register_keys and root_key is None:
        raise ValueError("the register's root key or an encryption key is needed")
    if root_key is not None and not (
        root_fingerprint and same_fingerprint(root_fingerprint, fingerprint(root_key))
    ):
        raise SyncError("root_key_mismatch", fingerprint(root_key))
    store.call(
        lambda c: identity.set_transport(c, ca_bundle=ca_bundle, proxy=proxy), "sync settings"
    )
    with Transport(server_url, ca_bundle=ca_bundle, proxy=proxy, policy=policy) as transport:
        server_key = fetch_server_key(transport)
        if server_fingerprint and not same_fingerprint(server_fingerprint, fingerprint(server_key)):
            raise SyncError("server_key_mismatch")
        if root_key is not None:
            if manifest_document is None:
                manifest_document = manifest.fetch_document(transport)
            if manifest_document is None:
                raise SyncError("manifest_missing")
            # checked before anything is sent or pinned: a bad manifest stops enrollment here
            manifest.check(manifest_document, root_key, None)
        key = store.call(identity.installation_key, "installation key")
        status: str | None = None
        if key is not None:
            # Resume: maybe an earlier attempt reached the server before it was cut off.
            try:
                status = _status_with(transport, key)
            except SyncError as exc:
                if exc.code not in ("unknown_key", "server_refused"):
                    raise
        if status is None or status == "revoked":
            key = store.call(identity.new_installation_key, "new installation key")
            answer = transport.request(
                "POST",
                "/v1/enrollments",
                body=_json_bytes(build_enrollment(key, code, label)),
                content_type="application/json",
                ok=(201,),
            )
            status = str(answer.json().get("status", "pending"))
    store.call(
        lambda c: identity.pin_keys(
            c,
            server_url=server_url,
            label=label,
            server_keys=[server_key],
            register_keys=register_keys,
            staff_keys=staff_keys,
        ),
        "pin keys",
    )
    if root_key is not None:
        document = manifest_document
        store.call(lambda c: manifest.accept(c, document, root=root_key), "accept manifest")
    prints = store.call(identity.fingerprints, "fingerprints")
    assert prints is not None
    return EnrollmentResult(status=status, fingerprints=prints)


def _status_with(transport: Transport, key: Ed25519PrivateKey) -> str:
    answer = transport.request("GET", "/v1/installations/me", signer=key, ok=(200,))
    return str(answer.json().get("status", "pending"))


def _json_bytes(value: object) -> bytes:
    return json.dumps(value).encode("utf-8")
