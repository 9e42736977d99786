"""Ten clients upload at once, each batch twice (a retry after a cut connection): every
batch is stored exactly once and every client gets the same receipt both times."""

from __future__ import annotations

import threading
from collections import Counter

import httpx
from sjelden_protocol import key_id, verify_receipt

from .conftest import Inbox

CLIENTS = 10
BATCHES_PER_CLIENT = 6


def test_ten_clients_in_parallel_lose_and_duplicate_nothing(inbox: Inbox) -> None:
    keys = [inbox.enroll_direct() for _ in range(CLIENTS)]
    work = [[inbox.batch(key, records=20) for _ in range(BATCHES_PER_CLIENT)] for key in keys]
    server = {key_id(inbox.ctx.server_key.public_key()): inbox.ctx.server_key.public_key()}
    statuses: Counter[int] = Counter()
    receipts: dict[str, list[dict]] = {}
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client(batches: list[tuple[str, bytes]]) -> None:
        with httpx.Client(base_url=inbox.url, timeout=60) as http:
            start.wait()
            for batch_id, data in batches + batches:  # every batch twice
                answer = http.put(f"/v1/batches/{batch_id}", content=data)
                with lock:
                    statuses[answer.status_code] += 1
                    receipts.setdefault(batch_id, []).append(answer.json())

    threads = [threading.Thread(target=client, args=(batches,)) for batches in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    total = CLIENTS * BATCHES_PER_CLIENT
    assert statuses == {201: total, 200: total}
    assert inbox.ctx.store.count_batches() == total
    for batches in work:
        for batch_id, data in batches:
            first, second = receipts[batch_id]
            assert first == second
            verify_receipt(first, server, envelope=data)
            assert inbox.ctx.store.envelope(batch_id) == data


def test_racing_uploads_of_the_same_batch_store_it_once(inbox: Inbox) -> None:
    key = inbox.enroll_direct()
    batch_id, data = inbox.batch(key, records=50)
    answers: list[httpx.Response] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client() -> None:
        with httpx.Client(base_url=inbox.url, timeout=60) as http:
            start.wait()
            answer = http.put(f"/v1/batches/{batch_id}", content=data)
            with lock:
                answers.append(answer)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [200] * (CLIENTS - 1) + [201]
    assert len({a.text for a in answers}) == 1
    assert inbox.ctx.store.count_batches() == 1
