"""The form's record operations (``desktop.storage.record_ops``) on a real encrypted store."""

from __future__ import annotations

import random

import pytest

from desktop.storage import audit, record_ops, records, settings
from desktop.storage.errors import StoreError
from desktop.storage.records import RecordStatus
from tests.helpers.synthetic import FORM, record

PASS = "riktig hest batteri stift"


@pytest.fixture
def store(make_profile):
    with make_profile().create(PASS).store as store:
        yield store


def _actions(store, record_id):
    return [e.action for e in store.call(lambda c: audit.entries(c, record_id))]


def test_complete_saves_completes_and_remembers_the_reporter(store):
    payload = record(random.Random(1))
    payload["reporter"]["name"] = "Dr. Test"
    rid = payload["record_id"]
    done = store.call(lambda c: record_ops.complete(c, payload, FORM, store.actor))
    assert done.status is RecordStatus.COMPLETED and done.payload["reporter"]["name"] == "Dr. Test"
    assert _actions(store, rid) == ["create", "complete"]
    defaults = store.call(record_ops.reporter_defaults)
    assert defaults["name"] == "Dr. Test"
    assert "patient" not in defaults and "registration_date" not in defaults


def test_complete_is_one_transaction(store):
    """A failure at its last write (the reporter setting) leaves the draft as it was."""
    payload = record(random.Random(2))
    payload["reporter"]["name"] = "Dr. Test"  # so completing writes the reporter setting
    rid = payload["record_id"]
    saved = store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    store.call(
        lambda c: c.execute(
            "CREATE TRIGGER refuse_settings BEFORE INSERT ON settings "
            "BEGIN SELECT RAISE(ABORT, 'settings refused'); END"
        )
    )
    final = {**payload, "information": {"note": "final"}}
    with pytest.raises(StoreError):
        store.call(lambda c: record_ops.complete(c, final, FORM, store.actor))
    after = store.call(lambda c: records.get(c, rid))
    assert after == saved  # neither the final payload nor the completion was kept
    assert _actions(store, rid) == ["create"]
    assert store.call(lambda c: settings.get(c, record_ops.REPORTER_SETTING)) is None


def test_delete_draft_of_a_never_saved_record_touches_nothing(store):
    assert store.call(lambda c: record_ops.delete_draft(c, "never-saved", store.actor)) is None
    payload = record(random.Random(3))
    store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    gone = store.call(lambda c: record_ops.delete_draft(c, payload["record_id"], store.actor))
    assert gone is None and store.call(lambda c: records.count(c)) == 0
