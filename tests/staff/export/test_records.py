"""What every export derives from a record: the current revisions, streamed."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator

import pytest

from desktop.staff.export.records import current_revisions
from desktop.staff.model import RegisterRecord
from tests.staff.export.synthetic import register_records


def revision(record: RegisterRecord, number: int) -> RegisterRecord:
    payload = copy.deepcopy(record.payload)
    payload["revision"] = number
    return dataclasses.replace(record, revision=number, payload=payload)


def test_highest_revision_of_each_record_in_input_order() -> None:
    one, two, three = register_records(3)
    history = [revision(one, 1), revision(one, 3), revision(one, 2), two, revision(three, 2)]
    history.append(revision(three, 1))
    current = list(current_revisions(history))
    assert [(r.record_id, r.revision) for r in current] == [
        (one.record_id, 3),
        (two.record_id, two.revision),
        (three.record_id, 2),
    ]


def test_records_are_streamed_not_collected() -> None:
    records = register_records(3)
    pulled: list[str] = []

    def source() -> Iterator[RegisterRecord]:
        for record in records:
            pulled.append(record.record_id)
            yield record

    stream = current_revisions(source())
    first = next(stream)
    assert first.record_id == records[0].record_id
    assert pulled == [records[0].record_id, records[1].record_id]  # one record ahead only


def test_a_record_coming_back_is_a_caller_bug() -> None:
    one, two = register_records(2)
    with pytest.raises(ValueError, match="adjacent"):
        list(current_revisions([one, two, revision(one, 5)]))
