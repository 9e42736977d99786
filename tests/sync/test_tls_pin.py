"""The client pins the inbox's TLS key from the register's key manifest (issue 13 point 5):
the real inbox serves TLS on 127.0.0.1 with a certificate from a test CA (trustme) that the
client trusts; the manifest names the certificate's key (SHA-256 of its SPKI, made by the
staff tool's ``tls_pin``). A second certificate from the same CA, valid for the same
address but with another key (a mis-issuing CA, a re-signing proxy), is refused with
``tls_pin_mismatch`` before anything is sent: the records stay waiting to be sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import trustme
from sjelden_protocol.manifest import ManifestKey

from desktop.net.errors import SyncError
from desktop.staff.manifest import tls_pin
from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.sync import identity, service
from tests.sync.conftest import FAST, PASSPHRASE, add_completed, enroll_store
from tests.sync.inbox_process import InboxProcess, Staff


def _issue(ca: trustme.CA, directory: Path) -> tuple[Path, Path]:
    directory.mkdir()
    cert = ca.issue_cert("127.0.0.1")
    certfile, keyfile = directory / "chain.pem", directory / "key.pem"
    cert.private_key_pem.write_to_path(str(keyfile))
    certfile.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
    return certfile, keyfile


def _tls_inbox(tmp_path: Path) -> tuple[trustme.CA, Path, Path, InboxProcess]:
    """A real inbox on 127.0.0.1 serving https with a certificate of a test CA."""
    ca = trustme.CA()
    cafile = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    certfile, keyfile = _issue(ca, tmp_path / "real")
    server = InboxProcess(tmp_path / "tls-inbox", certfile=certfile, keyfile=keyfile)
    server.start(ca_bundle=cafile)
    return ca, cafile, certfile, server


def test_the_inbox_tls_key_is_pinned_from_the_manifest(
    make_profile: Callable[..., Profile], tmp_path: Path
) -> None:
    ca, cafile, certfile, server = _tls_inbox(tmp_path)
    staff = Staff(server, tmp_path, verify=str(cafile), publish=False)
    since = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=1)
    pin = tls_pin(certfile.read_bytes())
    staff.publish_manifest([*staff.manifest_keys(), ManifestKey("tls", pin, since)])
    store = make_profile().create(PASSPHRASE).store
    try:
        enroll_store(store, server.url, staff, ca_bundle=str(cafile))
        ident = store.call(identity.load)
        assert ident is not None and ident.tls_pins == {pin}
        first = add_completed(store, 2, seed=21)
        service.run_sync(store, policy=FAST)  # the pinned key: delivered
        assert all(
            store.call(lambda c, i=i: records.get(c, i)).status is RecordStatus.SENT  # type: ignore[misc, union-attr]
            for i in first
        )

        # Same CA, same address, another key: the CA check passes, the pin does not.
        server.stop()
        server.certfile, server.keyfile = _issue(ca, tmp_path / "impostor")
        server.start(ca_bundle=cafile)
        held = len(staff.batches())
        later = add_completed(store, 2, seed=22)
        waiting = [store.call(lambda c, i=i: records.get(c, i)).status for i in later]  # type: ignore[misc, union-attr]
        with pytest.raises(SyncError) as caught:
            service.run_sync(store, policy=FAST)
        assert caught.value.code == "tls_pin_mismatch"
        assert "TLS-nøkkel" in caught.value.user_message("nb")
        assert len(staff.batches()) == held  # nothing reached the impostor
        # Stopped before packing (the manifest is fetched first): as they were, still to send.
        assert [store.call(lambda c, i=i: records.get(c, i)).status for i in later] == waiting  # type: ignore[misc, union-attr]
        assert RecordStatus.SENT not in waiting
    finally:
        store.close()
        staff.close()
        server.stop()


def test_staff_pin_the_inbox_tls_key_they_sign_into_the_manifest(
    make_profile: Callable[..., Profile], tmp_path: Path
) -> None:
    """The staff profile's own requests pin what its newest manifest names, too."""
    from desktop.staff import installations, keys, manifest, session

    ca, cafile, certfile, server = _tls_inbox(tmp_path)
    opened, _ = session.create(
        make_profile("staff"), PASSPHRASE, inbox_url=server.url, ca_bundle=str(cafile)
    )
    try:
        _, staff_pub = keys.write_public_files(opened.keys, tmp_path / "letter")
        server.admin("staff", "add", str(staff_pub))
        pin = tls_pin(certfile.read_bytes())
        manifest.session_add_key(opened, "tls", pin)
        manifest.session_sign(opened)
        with opened.transport(FAST) as transport:
            assert installations.enrollment_code(opened, transport)[0]
        server.stop()
        server.certfile, server.keyfile = _issue(ca, tmp_path / "impostor")
        server.start(ca_bundle=cafile)
        with opened.transport(FAST) as transport, pytest.raises(SyncError) as caught:
            installations.enrollment_code(opened, transport)
        assert caught.value.code == "tls_pin_mismatch"
    finally:
        opened.close()
        server.stop()
