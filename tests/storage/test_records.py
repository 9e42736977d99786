"""Records, revisions, secure deletion, audit chain, listing and duplicates."""

from __future__ import annotations

import random

import pytest

from desktop.storage import record_ops, records
from desktop.storage.records import RecordNotEditable, RecordStatus
from tests.helpers.synthetic import FORM, record

PASS = "riktig hest batteri stift"


@pytest.fixture
def store(make_profile):
    with make_profile().create(PASS).store as store:
        yield store


def _draft(store, rng, **kw):
    payload = record(rng, **kw)
    store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    return payload


def test_draft_complete_revision_cycle(store):
    payload = _draft(store, random.Random(1))
    rid = payload["record_id"]
    payload["patient"]["given_names"] = "Endret"
    store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    done = store.call(
        lambda c: records.complete(c, record_id=rid, payload=payload, author=store.actor)
    )
    assert done.status is RecordStatus.COMPLETED and done.revision == 1
    with pytest.raises(RecordNotEditable):
        store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    assert store.call(
        lambda c: records.set_status(
            c, record_id=rid, revision=1, status=RecordStatus.SENT, actor=store.actor
        )
    )
    second = store.call(lambda c: records.new_revision(c, record_id=rid, author=store.actor))
    assert second.revision == 2 and second.status is RecordStatus.DRAFT
    assert second.payload["revision"] == 2
    # feedback for the superseded revision must not touch the new draft
    assert not store.call(
        lambda c: records.set_status(
            c, record_id=rid, revision=1, status=RecordStatus.REJECTED, actor=store.actor
        )
    )
    assert store.call(lambda c: records.get(c, rid)).status is RecordStatus.DRAFT
    history = store.call(lambda c: records.history(c, rid))
    assert [(r.revision, r.status) for r in history] == [(1, RecordStatus.SENT)]
    actions = [e.action for e in store.audit_entries(rid)]
    assert actions == ["create", "save_draft", "complete", "status:sent", "new_revision"]


def test_delete_draft(store):
    rng = random.Random(2)
    first = _draft(store, rng)
    store.call(lambda c: records.delete_draft(c, record_id=first["record_id"], author=store.actor))
    assert store.call(lambda c: records.get(c, first["record_id"])) is None
    # deleting the draft of a second revision restores the sent revision
    second = _draft(store, rng)
    store.call(
        lambda c: records.complete(
            c, record_id=second["record_id"], payload=second, author=store.actor
        )
    )
    store.call(lambda c: records.new_revision(c, record_id=second["record_id"], author=store.actor))
    store.call(lambda c: records.delete_draft(c, record_id=second["record_id"], author=store.actor))
    restored = store.call(lambda c: records.get(c, second["record_id"]))
    assert restored.revision == 1 and restored.status is RecordStatus.COMPLETED
    with pytest.raises(RecordNotEditable):
        store.call(
            lambda c: records.delete_draft(c, record_id=second["record_id"], author=store.actor)
        )


def test_audit_chain_detects_tampering(store):
    rng = random.Random(3)
    for _ in range(5):
        _draft(store, rng)
    assert store.verify_audit_chain() is None
    store.call(lambda c: c.execute("UPDATE audit_log SET actor = 'os:mallory' WHERE seq = 3"))
    assert store.verify_audit_chain() == 3
    store.call(lambda c: c.execute("UPDATE audit_log SET actor = 'os:' || 'x' WHERE seq = 3"))
    store.call(lambda c: c.execute("DELETE FROM audit_log WHERE seq = 2"))
    assert store.verify_audit_chain() == 3


def test_audit_log_holds_no_field_values(store):
    payload = _draft(store, random.Random(4))
    rows = store.call(lambda c: c.execute("SELECT * FROM audit_log").fetchall())
    text = repr(rows)
    assert payload["patient"]["national_id"] not in text
    assert payload["patient"]["family_name"] not in text


def test_list_sort_search_and_count(store):
    rng = random.Random(5)
    names = ["Aasen", "Berg", "Dahl", "Ødegård", "Ås"]
    for name in names:
        _draft(store, rng, family_name=name)
    rows = store.call(lambda c: records.list_rows(c, order_by="display_name", descending=False))
    assert [r.display_name.split(",")[0] for r in rows][:3] == ["Aasen", "Berg", "Dahl"]
    assert store.call(lambda c: records.count(c)) == 5
    assert [
        r.display_name.split(",")[0]
        for r in store.call(lambda c: records.list_rows(c, search="dahl"))
    ] == ["Dahl"]
    assert (
        store.call(lambda c: records.list_rows(c, search="%")) == []
    )  # LIKE wildcards are literal
    page = store.call(
        lambda c: records.list_rows(c, limit=2, offset=4, order_by="display_name", descending=False)
    )
    assert len(page) == 1
    assert store.call(lambda c: records.count(c, RecordStatus.DRAFT)) == 5


def test_likely_duplicate_lookup(store):
    payload = _draft(store, random.Random(6))
    nid = payload["patient"]["national_id"]
    code = payload["diagnoses"][0]["orpha_code"]
    assert store.call(
        lambda c: records.find_likely_duplicates(c, national_id=nid, orpha_code=code)
    ) == [payload["record_id"]]
    assert (
        store.call(
            lambda c: records.find_likely_duplicates(
                c, national_id=nid, orpha_code=code, exclude_record_id=payload["record_id"]
            )
        )
        == []
    )
    assert (
        store.call(
            lambda c: records.find_likely_duplicates(c, national_id=nid, orpha_code="ORPHA:1")
        )
        == []
    )


def test_settings_round_trip(store):
    assert store.get_setting("auto_lock_minutes", 10) == 10
    store.put_setting("auto_lock_minutes", 5)
    assert store.get_setting("auto_lock_minutes") == 5


def test_pragmas(store):
    def pragmas(conn):
        return {
            name: conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "secure_delete", "temp_store")
        }

    assert store.call(pragmas) == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "secure_delete": 1,
        "temp_store": 2,  # MEMORY
    }


def test_import_many_is_all_or_nothing(store):
    rng = random.Random(9)
    items = [(p["record_id"], p, RecordStatus.COMPLETED) for p in (record(rng) for _ in range(50))]
    assert (
        store.call(
            lambda c: records.import_many(
                c, items, form_id="sjeldenregisteret", form_version=1, author=store.actor
            )
        )
        == 50
    )
    assert store.call(lambda c: records.count(c, RecordStatus.COMPLETED)) == 50
    fresh = record(rng)
    clash = [(fresh["record_id"], fresh, RecordStatus.DRAFT), items[0]]
    with pytest.raises(RecordNotEditable):
        store.call(
            lambda c: records.import_many(
                c, clash, form_id="sjeldenregisteret", form_version=1, author=store.actor
            )
        )
    assert (
        store.call(lambda c: records.get(c, fresh["record_id"])) is None
    )  # rolled back with the clash
    assert store.verify_audit_chain() is None


@pytest.mark.parametrize("order_by", ["updated_at", "display_name", "registered_on", "status"])
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_paging_matches_full_listing(store, order_by, descending):
    rng = random.Random(10)
    items = []
    for i in range(120):
        p = record(rng, family_name=rng.choice(["Aas", "berg", "Berg", "Dahl"]))
        p["reporter"]["registration_date"] = f"2026-0{1 + i % 9}-1{i % 10}"
        items.append((p["record_id"], p, rng.choice(list(RecordStatus))))
    store.call(
        lambda c: records.import_many(
            c, items, form_id="sjeldenregisteret", form_version=1, author=store.actor
        )
    )
    full = store.call(
        lambda c: records.list_rows(c, order_by=order_by, descending=descending, limit=None)
    )
    paged, after = [], None
    while True:
        page = store.call(
            lambda c: records.list_rows(
                c, order_by=order_by, descending=descending, limit=25, after=after
            )
        )
        if not page:
            break
        paged += page
        after = page[-1]
    assert [r.record_id for r in paged] == [r.record_id for r in full]


def test_list_pages_use_indexes_not_sorts(store):
    def plan(conn, order_by):
        sql = (
            "EXPLAIN QUERY PLAN SELECT record_id FROM records ORDER BY "
            f"{order_by} DESC, record_id DESC LIMIT 100"
        )
        return " ".join(str(r[-1]) for r in conn.execute(sql))

    for key in ("updated_at", "display_name COLLATE NOCASE", "registered_on", "status"):
        text = store.call(lambda c, k=key: plan(c, k))
        assert "TEMP B-TREE" not in text, (key, text)


@pytest.mark.parametrize("descending", [True, False])
def test_keyset_paging_keeps_drafts_without_a_registration_date(store, descending):
    rng = random.Random(11)
    items = []
    for i in range(60):
        p = record(rng)
        if i % 3 == 0:
            del p["reporter"]["registration_date"]
        items.append((p["record_id"], p, RecordStatus.DRAFT))
    store.call(
        lambda c: records.import_many(
            c, items, form_id="sjeldenregisteret", form_version=1, author=store.actor
        )
    )
    paged, after = [], None
    while page := store.call(
        lambda c: records.list_rows(
            c, order_by="registered_on", descending=descending, limit=7, after=after
        )
    ):
        paged += page
        after = page[-1]
    assert sorted(r.record_id for r in paged) == sorted(i[0] for i in items)
    assert sum(r.registered_on is None for r in paged) == 20
