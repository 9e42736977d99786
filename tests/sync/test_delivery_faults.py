"""Issue 14, F1 and F8: a batch the inbox holds is never re-packed, and an upload damaged on
the way is sent again rather than set aside; an error page from a proxy reads as one.

Against the real inbox (a subprocess), through ``tests/sync/faultproxy.py`` on plain HTTP.
What counts is what the register can pull: every record revision in the inbox exactly once.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from desktop.net.errors import SyncError, message_for
from desktop.net.http import RetryPolicy
from desktop.storage.profile import Profile
from desktop.storage.store import Store
from desktop.sync import outbox, service, status
from tests.sync.conftest import FAST, PASSPHRASE, add_completed, enroll_store
from tests.sync.faultproxy import FaultProxy
from tests.sync.inbox_process import InboxProcess, Staff
from tests.sync.test_faults import _consistency


@dataclass
class Setup:
    server: InboxProcess
    staff: Staff
    proxy: FaultProxy
    store: Store
    key_id: str


@pytest.fixture
def setup(
    make_profile: Callable[..., Profile], inbox_server: InboxProcess, staff: Staff
) -> Iterator[Setup]:
    """A client enrolled through the fault proxy (faults off until a test sets them)."""
    with FaultProxy(("127.0.0.1", inbox_server.port), seed=14) as proxy:
        inbox_server.reached_through(proxy.url)
        store = make_profile().create(PASSPHRASE).store
        try:
            kid = enroll_store(store, proxy.url, staff)
            yield Setup(inbox_server, staff, proxy, store, kid)
        finally:
            store.close()


def _held_by_inbox(staff: Staff) -> Counter[tuple[str, int]]:
    """Every record revision the register can pull, with how often it is there."""
    held: Counter[tuple[str, int]] = Counter()
    for batch in staff.batches():
        for record in staff.open(batch["batch_id"]):
            held[(record["record_id"], record["revision"])] += 1
    return held


def _sync_until_settled(store: Store, policy: RetryPolicy = FAST, runs: int = 10) -> int:
    """Run sync (faults off) until nothing waits; the number of runs it took."""
    for run in range(1, runs + 1):
        service.run_sync(store, policy=policy, purge=False)
        state = store.call(status.read)
        if state.waiting == 0 and state.pending_batches == 0:
            return run
    raise AssertionError(f"records still waiting after {runs} runs")


def _assert_delivered_once(setup: Setup, ids: list[str]) -> None:
    held = _held_by_inbox(setup.staff)
    assert held == Counter({(record_id, 1): 1 for record_id in ids})
    state = setup.store.call(status.read)
    assert state.counts["sent"] == len(ids) and state.counts["set_aside"] == 0
    assert state.waiting == 0 and state.pending_batches == 0
    assert state.last_error_code is None
    assert setup.store.call(_consistency) == []


# -- F1: a batch the inbox holds is delivered with its receipt, never re-packed ---------------


def test_413_after_a_lost_answer_delivers_the_held_batch_once(setup: Setup) -> None:
    """The answer to the first upload is lost, the inbox's limit is lowered, the next sync
    gets 413: the client asks the inbox, which holds the batch, and delivers it as it is."""
    store, proxy, server = setup.store, setup.proxy, setup.server
    ids = add_completed(store, 300, seed=14)
    proxy.set_faults(lose_response=1.0)
    with pytest.raises(SyncError) as caught:
        service.run_sync(store, policy=FAST, purge=False)
    assert caught.value.code == "offline"
    [batch] = store.call(outbox.pending_batches)
    assert [b["batch_id"] for b in setup.staff.batches()] == [batch.batch_id]  # held

    # The register lowers the inbox's limit below this batch's size.
    server.stop()
    server.max_envelope_mb = (batch.length // 2) / (1024 * 1024)
    server.start()
    proxy.set_faults(**{"pass": 1.0})
    runs = _sync_until_settled(store)
    assert proxy.statuses[413] >= 1  # the inbox did refuse the upload as too large
    _assert_delivered_once(setup, ids)
    assert runs == 1  # no false error: the first run settles it
    assert store.call(lambda c: outbox.batch_state(c, batch.batch_id)) is (
        outbox.BatchState.DELIVERED
    )


def test_forged_413_for_a_held_batch_delivers_it_once(setup: Setup) -> None:
    """A middlebox on plain HTTP forwards the upload and answers 413 itself, every time."""
    store, proxy = setup.store, setup.proxy
    ids = add_completed(store, 40, seed=15)
    proxy.set_faults(forge_413_after=1.0)
    service.run_sync(store, policy=FAST, purge=False)  # no error: delivered as held
    assert proxy.counts["forge_413_after"] >= 1 and proxy.statuses[413] >= 1
    proxy.set_faults(**{"pass": 1.0})
    _sync_until_settled(store)
    _assert_delivered_once(setup, ids)


def test_forged_413_for_a_batch_the_inbox_lacks_repacks_it(setup: Setup) -> None:
    """Not held: the batch is split as before (smaller batches), and still arrives once."""
    store, proxy = setup.store, setup.proxy
    ids = add_completed(store, 40, seed=16)
    proxy.set_faults(forge_413=1.0)
    service.run_sync(store, policy=FAST, purge=False)
    assert store.call(status.read).counts["completed"] == 40  # dissolved, to be re-packed
    assert setup.staff.batches() == []
    proxy.set_faults(**{"pass": 1.0})
    _sync_until_settled(store)
    _assert_delivered_once(setup, ids)


def test_a_413_for_one_registration_the_inbox_lacks_keeps_it_queued(setup: Setup) -> None:
    """Nothing left to split: the registration waits (not set aside) and the run says so;
    the next run, with the 413s gone, delivers it."""
    store, proxy = setup.store, setup.proxy
    ids = add_completed(store, 1, seed=22)
    proxy.set_faults(forge_413=1.0)
    with pytest.raises(SyncError) as caught:
        service.run_sync(store, policy=FAST, purge=False)
    assert caught.value.code == "record_too_large"
    assert "utboksen" in caught.value.user_message("nb")
    state = store.call(status.read)
    assert state.counts["queued"] == 1 and state.counts["set_aside"] == 0
    assert state.last_error_code == "record_too_large"
    proxy.set_faults(**{"pass": 1.0})
    _sync_until_settled(store)
    _assert_delivered_once(setup, ids)


# -- F8: damaged uploads are sent again; proxy pages are not the inbox's refusals -------------


def _in_value(field: bytes) -> Callable[[bytes], tuple[int, int]]:
    """The lowest bit of the first digit in a header field's value: still a hex digit."""

    def where(body: bytes) -> tuple[int, int]:
        start = body.index(b'"' + field + b'":"') + len(field) + 4
        return next(i for i in range(start, len(body)) if body[i : i + 1].isdigit()), 1

    return where


# Where a flipped bit lands in the envelope (``>4sBI`` prefix, canonical JSON header,
# ciphertext, signature) and so which refusal the inbox gives: bad_magic,
# unsupported_version, too_large (a header length over the limit), a header that no longer
# parses, another batch id (batch_id_mismatch), a sender key the inbox does not know
# (unknown_key), bad_signature.
FLIPS: dict[str, tuple[Callable[[bytes], tuple[int, int]], str]] = {
    "magic": (lambda body: (0, 1), "bad_magic"),
    "format": (lambda body: (4, 1), "unsupported_version"),
    "header_length": (lambda body: (5, 0x80), "too_large"),
    "header_syntax": (lambda body: (9, 0x40), "malformed"),
    "batch_id": (_in_value(b"batch_id"), "batch_id_mismatch"),
    "sender_key_id": (_in_value(b"sender_key_id"), "unknown_key"),
    "ciphertext": (lambda body: (len(body) // 2, 1), "bad_signature"),
    "signature": (lambda body: (len(body) - 1, 1), "bad_signature"),
}


@pytest.mark.parametrize("where", sorted(FLIPS))
def test_one_flipped_byte_is_resent_not_set_aside(setup: Setup, where: str) -> None:
    store, proxy = setup.store, setup.proxy
    ids = add_completed(store, 5, seed=17)
    proxy.flip_at, refusal = FLIPS[where]
    proxy.next_uploads("flip_upload")
    service.run_sync(store, policy=FAST, purge=False)  # no error
    assert proxy.counts["flip_upload"] == 1
    # the inbox refused the damaged bytes once, then took them
    assert proxy.refusals == Counter({refusal: 1})
    _assert_delivered_once(setup, ids)


def test_an_inbox_that_does_not_know_the_key_is_still_reported_as_such(setup: Setup) -> None:
    """``unknown_key`` is resent like damage, but when the inbox really lost this PC's key
    its answer to the signed question says so: the user is told to enroll again."""
    store, server = setup.store, setup.server
    add_completed(store, 2, seed=21)
    server.stop()
    shutil.rmtree(server.data_dir)  # a new inbox on the same address: nothing enrolled
    server.start()
    with pytest.raises(SyncError) as caught:
        service.run_sync(store, policy=FAST, purge=False)
    assert caught.value.code == "unknown_key"
    assert setup.proxy.refusals["unknown_key"] == FAST.attempts + 1  # the PUTs, then the GET
    state = store.call(status.read)
    assert state.counts["queued"] == 2 and state.counts["set_aside"] == 0


def test_a_connection_that_keeps_damaging_uploads_is_reported(setup: Setup) -> None:
    store, proxy = setup.store, setup.proxy
    ids = add_completed(store, 5, seed=18)
    proxy.set_faults(flip_upload=1.0)
    with pytest.raises(SyncError) as caught:
        service.run_sync(store, policy=FAST, purge=False)
    error = caught.value
    assert error.code == "transport_damaged"
    assert proxy.counts["flip_upload"] == FAST.attempts  # sent as often as the policy allows
    for lang, words in (("nb", ("proxy", "nettverk", "IT")), ("en", ("proxy", "network", "IT"))):
        text = error.user_message(lang)  # type: ignore[arg-type]
        assert all(word in text for word in words), text
    state = store.call(status.read)
    assert state.last_error_code == "transport_damaged"
    assert state.counts["queued"] == 5 and state.counts["set_aside"] == 0  # nothing set aside
    assert state.pending_batches == 1 and setup.staff.batches() == []
    proxy.set_faults(**{"pass": 1.0})
    _sync_until_settled(store)
    _assert_delivered_once(setup, ids)


def test_a_proxy_error_page_reads_differently_from_the_inbox_refusing(
    setup: Setup, make_profile: Callable[..., Profile]
) -> None:
    store, proxy = setup.store, setup.proxy
    ids = add_completed(store, 3, seed=19)
    proxy.set_faults(html_403=1.0)
    with pytest.raises(SyncError) as refused:
        service.run_sync(store, policy=FAST, purge=False)
    assert refused.value.code == "proxy_refused" and not refused.value.retryable
    assert proxy.counts["html_403"] == 1  # a refusal: not retried
    proxy.set_faults(html_502=1.0)
    with pytest.raises(SyncError) as gateway:
        service.run_sync(store, policy=FAST, purge=False)
    assert gateway.value.code == "gateway_error" and gateway.value.retryable
    # a passing failure: each exchange of the run (the manifest fetch, which the run then goes
    # on without, and the upload) is tried the policy's number of times, no more
    served = proxy.counts["html_502"]
    assert served >= FAST.attempts and served % FAST.attempts == 0, served
    for code in ("proxy_refused", "gateway_error"):
        for lang in ("nb", "en"):
            text = message_for(code, lang)  # type: ignore[arg-type]
            assert "proxy" in text and text != message_for("server_refused", lang)  # type: ignore[arg-type]
    state = store.call(status.read)
    assert state.counts["queued"] == 3 and state.counts["set_aside"] == 0

    # The inbox's own 403 (this other PC is not approved) still reads as the inbox's.
    proxy.set_faults(**{"pass": 1.0})
    other = make_profile("other").create(PASSPHRASE).store
    try:
        enroll_store(other, proxy.url, setup.staff, approve=False)
        add_completed(other, 1, seed=20)
        with pytest.raises(SyncError) as pending:
            service.run_sync(other, policy=FAST, purge=False)
        assert pending.value.code == "installation_pending"
    finally:
        other.close()
    _sync_until_settled(store)
    _assert_delivered_once(setup, ids)


# -- nothing lost, nothing duplicated: randomized rounds with flips and 413s ------------------

ROUNDS = int(os.environ.get("SJELDEN_DAMAGE_ROUNDS", "200"))
BUDGET_SECONDS = 240.0
ROUNDS_POLICY = RetryPolicy(
    attempts=4, base_delay=0.005, max_delay=0.05, connect_timeout=2, read_timeout=5
)


@pytest.mark.slow
def test_every_record_arrives_once_through_flips_and_413s(setup: Setup) -> None:
    """Rounds of sync while the proxy flips bytes, forges 413s (for held batches and for
    batches the inbox lacks), loses answers and serves error pages; once, the inbox's limit
    is lowered under a batch it holds. Afterwards each revision is in the inbox exactly once
    and nothing was set aside."""
    store, proxy, server = setup.store, setup.proxy, setup.server
    rng = random.Random(20250914)
    ids: list[str] = []
    errors: Counter[str] = Counter()
    weights = {
        "pass": 3.0,
        "flip_upload": 2.5,
        "forge_413": 1.0,
        "forge_413_after": 1.0,
        "lose_response": 1.0,
        "error_503": 0.5,
        "html_502": 0.5,
    }
    lowered_at = ROUNDS // 2
    started = time.monotonic()
    rounds = 0
    for round_no in range(ROUNDS):
        if time.monotonic() - started > BUDGET_SECONDS:
            break
        rounds += 1
        if round_no == lowered_at:
            # A big batch reaches the inbox, its answer is lost, then the limit is lowered.
            ids += add_completed(store, 60, seed=round_no)
            proxy.set_faults(lose_response=1.0)
            with pytest.raises(SyncError):
                service.run_sync(store, policy=ROUNDS_POLICY, purge=False)
            biggest = max(b.length for b in store.call(outbox.pending_batches))
            server.stop()
            server.max_envelope_mb = (biggest // 2) / (1024 * 1024)
            server.start()
        elif round_no == lowered_at + 5:
            server.stop()
            server.max_envelope_mb = None
            server.start()
        ids += add_completed(store, rng.randint(1, 3), seed=round_no + 1000)
        proxy.set_faults(**weights)
        try:
            service.run_sync(store, policy=ROUNDS_POLICY, purge=False)
        except SyncError as exc:
            errors[exc.code] += 1
        assert store.call(_consistency) == [], f"round {round_no}"
        assert store.call(status.read).counts["set_aside"] == 0, f"round {round_no}"

    proxy.set_faults(**{"pass": 1.0})
    if server.max_envelope_mb is not None:
        server.stop()
        server.max_envelope_mb = None
        server.start()
    _sync_until_settled(store, ROUNDS_POLICY)
    _assert_delivered_once(setup, ids)
    assert rounds >= min(ROUNDS, 60)
    for mode in ("flip_upload", "forge_413", "forge_413_after", "lose_response"):
        assert proxy.counts[mode] > 0, mode
    assert proxy.statuses[413] > 0
    print(f"{rounds} rounds; faults {dict(proxy.counts)}; sync errors {dict(errors)}")
