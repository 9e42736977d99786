"""Reading codes the way people write them ("orpha 586", "e840") into their canonical form.

Each function returns ``None`` when the text is not even shaped like such a code, so callers
can tell "malformed" (a syntax message) apart from "well-formed but not in the list".
"""

from __future__ import annotations

import re

_ORPHA = re.compile(r"^\s*(?:orpha(?:code)?\s*[:\s]?\s*)?0*([1-9][0-9]{0,6})\s*$", re.IGNORECASE)
_ICD10 = re.compile(r"^\s*([A-Za-z][0-9]{2})\s*\.?\s*([0-9]{1,2})?\s*$")
_KOMMUNE = re.compile(r"^\s*([0-9]{4})\s*$")


def normalize_orpha(text: str) -> str | None:
    match = _ORPHA.match(text)
    return f"ORPHA:{match.group(1)}" if match else None


def normalize_icd10(text: str) -> str | None:
    match = _ICD10.match(text)
    if not match:
        return None
    category, sub = match.group(1).upper(), match.group(2)
    return f"{category}.{sub}" if sub else category


def normalize_kommunenummer(text: str) -> str | None:
    match = _KOMMUNE.match(text)
    return match.group(1) if match else None
