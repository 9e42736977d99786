"""The rule registry: checks that need code, referenced by name from form definitions.

A definition lists rule names on the field an issue belongs to (``"rules": ["hgvs"]``); the
rule is implemented once here and runs identically in the desktop form, the headless
validator and the registry import. A rule gets a ``RuleContext`` (the value, its container,
the whole record and facts derived once per record such as the birth date) and yields
``Finding``s: a stable code, a severity and message parameters that never hold field values.

``syntax`` rules check a filled-in value on its own and also run on drafts; the others are
completion checks. ``live`` rules are the cross-field plausibility checks (a diagnosis year
after the registration, an onset age above the patient's age, a sex that differs from the
national id's, a phone number in the comment): the form runs them while the clinician types
(mode ``live``), so a slip shows up where it is made and not only at completion. There an
error finding is shown as a warning (``Issue.provisional``: it will block completion); at
completion it is an error as before. ``when_empty`` rules run even when their field is
empty (e.g. "phone or e-mail is required").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.forms import national_id

Severity = Literal["error", "warning"]
# "draft": type and syntax only (autosaved drafts, ``sjelden validate --draft``); "live": a
# draft as the form shows it while typing, with the ``live`` plausibility rules as well.
Mode = Literal["complete", "draft", "live"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity = "error"
    params: Mapping[str, str | int] = field(default_factory=dict)


@dataclass
class Facts:
    """What the whole record implies, computed once per validation."""

    today: dt.date
    birth_date: dt.date | None = None
    id_sex: str | None = None
    registration_date: dt.date | None = None
    # National ids parsed on ``today``: the facts and the national id rule read the same
    # number, and parsing it (two check digits, a birth date) is a real part of the cost.
    _national_ids: dict[str, national_id.NationalId | str] = field(
        default_factory=dict, repr=False, compare=False
    )

    def parse_national_id(self, number: str) -> national_id.NationalId | str:
        """``national_id.parse(number, today=self.today)``, or its error code; parsed once."""
        parsed = self._national_ids.get(number)
        if parsed is None:
            try:
                parsed = national_id.parse(number, today=self.today)
            except national_id.NationalIdError as exc:
                parsed = exc.code
            self._national_ids[number] = parsed
        return parsed

    @property
    def reference_date(self) -> dt.date:
        """The registration date when valid, else today: "age" means age on this date."""
        return self.registration_date or self.today

    @property
    def age(self) -> int | None:
        if self.birth_date is None:
            return None
        return age_on(self.birth_date, self.reference_date)


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Completed years on ``on`` (someone born on 29 February ages on 1 March)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


@dataclass(slots=True)
class RuleContext:
    """What a rule sees. The validator points one context at each field in turn, so a rule
    reads it while it runs and keeps no reference to it."""

    value: Any
    container: Mapping[str, Any]
    record: Mapping[str, Any]
    path: str
    facts: Facts
    mode: Mode
    duplicate_lookup: Callable[[str, str], bool] | None = None


RuleFn = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    fn: RuleFn
    syntax: bool
    when_empty: bool
    codes: tuple[str, ...]
    live: bool = False


RULES: dict[str, Rule] = {}


def rule(
    name: str,
    *,
    codes: tuple[str, ...],
    syntax: bool = False,
    when_empty: bool = False,
    live: bool = False,
) -> Callable[[RuleFn], RuleFn]:
    """Register a rule under ``name``; ``codes`` lists every code it may emit (for the
    message catalogue test and the record-format documentation). ``live`` marks a
    plausibility rule the form also runs while typing (it must need nothing but the record:
    no store look-up, no "missing" finding)."""

    def decorate(fn: RuleFn) -> RuleFn:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        if live and (syntax or when_empty):
            raise ValueError(f"rule {name!r}: a live rule is neither syntax nor when_empty")
        RULES[name] = Rule(name, fn, syntax, when_empty, codes, live)
        return fn

    return decorate


# The rule modules register themselves on import.
from desktop.forms.rules import (  # noqa: E402
    classification,
    contact,
    dates,
    diagnosis,
    genetics,
    identity,
    information,
    privacy,
    residence,
)

__all__ = [
    "RULES",
    "Facts",
    "Finding",
    "Rule",
    "RuleContext",
    "age_on",
    "classification",
    "contact",
    "dates",
    "diagnosis",
    "genetics",
    "identity",
    "information",
    "parse_iso_date",
    "privacy",
    "residence",
    "rule",
]
