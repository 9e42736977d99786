"""What the form editor does with a record, as plain functions of a connection.

The one record API: the app runs these (and ``desktop.storage.records``'s) on the store's
database thread (``Store.call``, or ``desktop.ui.ops.Op`` from the GUI), and so do the CLI
and the tests. They live in the core, free of Qt, so each is a unit to test on its own and
nothing else keeps a second set of record methods beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from desktop.forms.payload import national_id, orpha_codes
from desktop.forms.record import REPORTER_PROFILE_FIELDS
from desktop.storage import records, settings
from desktop.storage.connection import Connection, transaction
from desktop.storage.records import Record


class FormRef(Protocol):
    """Which form a record is filled in on (a ``FormDefinition`` is one)."""

    @property
    def id(self) -> str: ...

    @property
    def version(self) -> int: ...


#: Store setting holding the user's own reporter details (name, HPR number, workplace...).
REPORTER_SETTING = "reporter_defaults"


def is_purged(payload: Mapping[str, Any]) -> bool:
    """Retention replaced the payload by a stub (``{"form", "purged", "record_id", ...}``)."""
    return payload.get("purged") is True


def open_record(conn: Connection, record_id: str) -> tuple[Record | None, int | None]:
    """The record, and for a purged one the retention period (days) that purged it."""
    record = records.get(conn, record_id)
    if record is None or not is_purged(record.payload):
        return record, None
    from desktop.sync.retention import retention_days  # only for purged records

    return record, retention_days(conn)


def reporter_defaults(conn: Connection) -> dict[str, Any]:
    value = settings.get(conn, REPORTER_SETTING, {})
    return dict(value) if isinstance(value, Mapping) else {}


def reporter_part(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The profile-worthy reporter fields of a payload (never patient data)."""
    reporter = payload.get("reporter")
    if not isinstance(reporter, Mapping):
        return {}
    return {k: reporter[k] for k in REPORTER_PROFILE_FIELDS if reporter.get(k) not in (None, "")}


def save_draft(conn: Connection, payload: Mapping[str, Any], form: FormRef, author: str) -> Record:
    return records.save_draft(
        conn,
        record_id=str(payload["record_id"]),
        payload=payload,
        form_id=form.id,
        form_version=form.version,
        author=author,
    )


def complete(conn: Connection, payload: Mapping[str, Any], form: FormRef, author: str) -> Record:
    """Save the final payload, complete it and remember the reporter for the next record, in
    one transaction: a failure leaves the draft as it was, never saved but not completed."""
    record_id = str(payload["record_id"])
    with transaction(conn, "complete"):
        records.write_draft(
            conn,
            record_id=record_id,
            payload=payload,
            form_id=form.id,
            form_version=form.version,
            author=author,
        )
        records.write_completion(conn, record_id=record_id, payload=payload, author=author)
        defaults = reporter_part(payload)
        if defaults:
            settings.write(conn, REPORTER_SETTING, defaults)
    return records.require(conn, record_id)


def likely_duplicates(
    conn: Connection, pairs: Iterable[tuple[str, str]], exclude_record_id: str | None
) -> set[tuple[str, str]]:
    """The (national id, ORPHA code) pairs that another local record already holds."""
    return {
        (nid, code)
        for nid, code in pairs
        if records.find_likely_duplicates(
            conn, national_id=nid, orpha_code=code, exclude_record_id=exclude_record_id
        )
    }


def delete_draft(conn: Connection, record_id: str, author: str) -> Record | None:
    """Securely delete the draft; the restored earlier revision, if there was one."""
    if records.get(conn, record_id) is None:
        return None  # never saved: nothing on disk
    records.delete_draft(conn, record_id=record_id, author=author)
    return records.get(conn, record_id)


def duplicate_pairs(payload: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (national id, ORPHA code) pairs the validator's duplicate rule asks about, read
    the way it reads them (``desktop.forms.payload``)."""
    nid = national_id(payload)
    return [] if nid is None else [(nid, code) for code in orpha_codes(payload)]
