"""The register's audit trail for people: is it intact, and who did what, per month.

``verify`` checks the whole keyed chain (``desktop.storage.audit.verify``) and every
signer against the register's members (``desktop.staff.audit_members``); ``report``
counts entries per month, staff member (the key id that signed) and kind of action. A kind
is the action without its ids (``letter_run:print:<run id>`` counts as
``letter_run:print``), so the report says how often someone exported, viewed records or
decided, never which person it concerned. The CLI (``sjelden staff audit``) and the
window's audit tab both use these.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.register import Register
from desktop.storage import audit

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
# Actions whose second part is a kind (``review:accepted``), not an id (``reservation:<id>``).
_KINDS_OF_TWO = frozenset({"review", "export", "view", "search", "report", "audit"})


@dataclass(frozen=True)
class ReportLine:
    month: str  # YYYY-MM
    actor: str  # the staff member's signing key id (or a clinic-side actor)
    action: str  # the kind of action, without ids
    count: int


def action_kind(action: str) -> str:
    parts = action.split(":")
    if len(parts) >= 3 or (len(parts) == 2 and parts[0] in _KINDS_OF_TWO):
        return ":".join(parts[:2])
    return parts[0]


def checked_month(month: str | None) -> tuple[str, str] | None:
    """``(first day, first day of the next month)`` as ISO text, or ``None`` for all."""
    if month is None:
        return None
    found = _MONTH.match(month.strip())
    if found is None:
        raise StaffError("bad_audit_month")
    year, number = int(found.group(1)), int(found.group(2))
    following = f"{year + 1:04d}-01" if number == 12 else f"{year:04d}-{number + 1:02d}"
    return f"{year:04d}-{number:02d}", following


def report(register: Register, month: str | None = None) -> list[ReportLine]:
    """Counts per month, actor and kind of action, oldest month first."""
    span = checked_month(month)

    def count(db: Db) -> Counter[tuple[str, str, str]]:
        found: Counter[tuple[str, str, str]] = Counter()
        since, until = (None, None) if span is None else span
        for entry in audit.keyed_entries(db, since, until):
            found[(entry.at[:7], entry.actor, action_kind(entry.action))] += 1
        return found

    counted = register.call(count, "audit report")
    return [ReportLine(m, actor, action, n) for (m, actor, action), n in sorted(counted.items())]


def verify(register: Register) -> audit.Verdict:
    return register.verify_audit()
