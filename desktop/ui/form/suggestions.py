"""The corrected value the form can offer for what the clinician typed.

Validation messages show the nearest valid form only by a fixed example, because messages
may be logged and must never hold a field value; the form itself may show the clinician's
own value corrected, next to the field, and apply it on a click. Today that is the HGVS
grammar (``desktop.forms.hgvs``: ``p.R117H`` → ``p.Arg117His``, ``c.76_78insG`` →
``c.76_77insG``).
"""

from __future__ import annotations

from typing import Any

from desktop.forms import hgvs
from desktop.forms.definition import Field


def offers_suggestions(field: Field) -> bool:
    return "hgvs" in field.rules


def suggestion(field: Field, value: Any) -> str | None:
    """The nearest valid form of ``value`` for this field, or None."""
    if not offers_suggestions(field) or not isinstance(value, str) or not value.strip():
        return None
    typed = value.strip()
    try:
        offered = hgvs.parse(typed).suggestion
    except hgvs.HgvsError as exc:
        offered = exc.suggestion
    return offered if offered and offered != typed else None
