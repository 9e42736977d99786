"""Tampered receipts and feedback are refused; TLS with the health network's CA verifies, an
unknown certificate is refused with a clear message; file transport round trip."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import trustme
from sjelden_protocol import RecordDecision

from desktop.net.errors import SyncError
from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.sync import feedback, identity, outbox, service, transport_file
from tests.sync.conftest import FAST, PASSPHRASE, Client, add_completed, enroll_store
from tests.sync.faultproxy import FaultProxy
from tests.sync.inbox_process import InboxProcess, Staff


def _flip_in(marker: bytes, old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def change(body: bytes) -> bytes:
        return body.replace(old, new, 1) if marker in body else body

    return change


def test_tampered_receipt_and_feedback_are_refused(
    make_profile: Callable[..., Profile], inbox_server: InboxProcess, staff: Staff
) -> None:
    with FaultProxy(("127.0.0.1", inbox_server.port)) as proxy:
        inbox_server.reached_through(proxy.url)
        store = make_profile().create(PASSPHRASE).store
        try:
            kid = enroll_store(store, proxy.url, staff)
            ids = add_completed(store, 3, seed=5)
            # A receipt whose signed body was altered on the way (record count 3 -> 4).
            proxy.rewrite = _flip_in(b'"receipt"', b'"record_count":3', b'"record_count":4')
            with pytest.raises(SyncError) as caught:
                service.run_sync(store, policy=FAST)
            assert caught.value.code == "receipt_invalid"
            assert all(
                store.call(lambda c: records.get(c, i)).status is RecordStatus.QUEUED for i in ids
            )  # type: ignore[union-attr]
            proxy.rewrite = None
            service.run_sync(store, policy=FAST)
            assert all(
                store.call(lambda c: records.get(c, i)).status is RecordStatus.SENT for i in ids
            )  # type: ignore[union-attr]

            # Feedback whose decision was changed on the way (rejected -> accepted).
            staff.decide(kid, [RecordDecision(ids[0], 1, "rejected", "missing_consent")])
            proxy.rewrite = _flip_in(b'"decisions"', b'"rejected"', b'"accepted"')
            with pytest.raises(SyncError) as caught:
                service.run_sync(store, policy=FAST)
            assert caught.value.code == "feedback_invalid"
            assert "avvist" in caught.value.user_message("nb")
            assert store.call(lambda c: records.get(c, ids[0])).status is RecordStatus.SENT  # type: ignore[union-attr]
            proxy.rewrite = None
            service.run_sync(store, policy=FAST)
            assert store.call(lambda c: records.get(c, ids[0])).status is RecordStatus.REJECTED  # type: ignore[union-attr]
        finally:
            store.close()


def test_feedback_from_an_unknown_staff_key_is_refused(client: Client, staff: Staff) -> None:
    ids = add_completed(client.store, 1, seed=8)
    service.run_sync(client.store, policy=FAST)
    ident = client.store.call(identity.load)
    assert ident is not None
    impostor = Staff(
        staff.server, staff.public_key_file.parent, publish=False
    )  # registered at the inbox...
    try:
        document = impostor.decide(client.key_id, [RecordDecision(ids[0], 1, "accepted")])
        # ...but not pinned by the client: the inbox relays it, the client refuses it.
        with pytest.raises(SyncError) as caught:
            feedback.import_document(client.store, ident, document)
        assert caught.value.code == "feedback_invalid"
        with pytest.raises(SyncError):
            service.run_sync(client.store, policy=FAST)
        assert client.store.call(lambda c: records.get(c, ids[0])).status is RecordStatus.SENT  # type: ignore[union-attr]
    finally:
        impostor.close()


def test_file_transport_round_trip(client: Client, staff: Staff, tmp_path: Path) -> None:
    """Export for USB, the register uploads it, the receipt and feedback come back as files."""
    store = client.store
    ids = add_completed(store, 4, seed=9)
    out = tmp_path / "usb"
    files = transport_file.export_batches(store, out).files
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    data = files[0].read_bytes()
    assert data[:4] == b"SJBT"  # the sealed envelope itself, nothing readable
    # Someone at the register uploads the file to the inbox and mails back the receipt.
    batch_id = files[0].name.removeprefix("sjelden-").removesuffix(".sjbt")
    response = staff.http.put(
        f"{staff.server.url}/v1/batches/{batch_id}",
        data=data,
        headers={"Content-Type": "application/octet-stream"},
        timeout=30,
    )
    assert response.status_code == 201
    receipt_file = tmp_path / "receipt.json"
    # A tampered receipt file is refused and changes nothing.
    tampered = response.json()
    tampered["receipt"]["received_at"] = "2001-01-01T00:00:00Z"
    receipt_file.write_text(json.dumps(tampered))
    with pytest.raises(SyncError) as caught:
        transport_file.import_file(store, receipt_file)
    assert caught.value.code == "receipt_invalid"
    assert all(store.call(lambda c: records.get(c, i)).status is RecordStatus.QUEUED for i in ids)  # type: ignore[union-attr]
    receipt_file.write_text(response.text)
    assert transport_file.import_file(store, receipt_file).receipts == 1
    assert all(store.call(lambda c: records.get(c, i)).status is RecordStatus.SENT for i in ids)  # type: ignore[union-attr]
    # The next online sync re-sends nothing: the batch is delivered.
    assert service.run_sync(store, policy=FAST).uploaded.delivered_batches == 0
    # Feedback as a file.
    document = staff.decide(client.key_id, [RecordDecision(i, 1, "accepted") for i in ids])
    feedback_file = tmp_path / "feedback.json"
    feedback_file.write_text(json.dumps(document))
    result = transport_file.import_file(store, feedback_file)
    assert result.accepted == 4
    assert all(store.call(lambda c: records.get(c, i)).status is RecordStatus.ACCEPTED for i in ids)  # type: ignore[union-attr]
    # The same feedback again (now also online) changes nothing.
    assert transport_file.import_file(store, feedback_file).accepted == 0
    assert service.run_sync(store, policy=FAST).feedback.accepted == 0
    state = store.call(lambda c: outbox.item(c, ids[0]))
    assert state is not None and state.state is outbox.ItemState.ACCEPTED


@pytest.fixture
def tls_server(tmp_path: Path) -> tuple[InboxProcess, Path]:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    certfile, keyfile, cafile = tmp_path / "chain.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert.private_key_pem.write_to_path(str(keyfile))
    cert.cert_chain_pems[0].write_to_path(str(certfile))
    for extra in cert.cert_chain_pems[1:]:
        with certfile.open("ab") as handle:
            handle.write(extra.bytes())
    ca.cert_pem.write_to_path(str(cafile))
    return InboxProcess(tmp_path / "tls-inbox", certfile=certfile, keyfile=keyfile), cafile


def test_tls_with_the_health_network_ca(
    make_profile: Callable[..., Profile], tls_server: tuple[InboxProcess, Path], tmp_path: Path
) -> None:
    server, cafile = tls_server
    server.start(ca_bundle=cafile)
    staff = Staff(server, tmp_path, verify=str(cafile))
    store = make_profile().create(PASSPHRASE).store
    try:
        # Without the CA bundle the certificate is unknown: refused, with a clear message.
        with pytest.raises(SyncError) as caught:
            enroll_store(store, server.url, staff)
        assert caught.value.code == "tls_untrusted"
        assert "sertifikat" in caught.value.user_message("nb")
        assert "certificate" in caught.value.user_message("en")
        # Another CA's bundle is refused too.
        other = tmp_path / "other-ca.pem"
        trustme.CA().cert_pem.write_to_path(str(other))
        with pytest.raises(SyncError) as caught:
            enroll_store(store, server.url, staff, ca_bundle=str(other))
        assert caught.value.code == "tls_untrusted"
        # With the right CA bundle it verifies and works end to end.
        enroll_store(store, server.url, staff, ca_bundle=str(cafile))
        ids = add_completed(store, 2, seed=4)
        service.run_sync(store, policy=FAST)
        assert all(store.call(lambda c: records.get(c, i)).status is RecordStatus.SENT for i in ids)  # type: ignore[union-attr]
    finally:
        store.close()
        staff.close()
        server.stop()
