"""A fresh draft record for the form editor.

(The record-list columns derived from a payload are computed in one place, by the store:
``desktop.storage.summary``.)
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from desktop.forms.definition import FormDefinition, load_form

#: Reporter fields a user profile may prefill.
REPORTER_PROFILE_FIELDS = (
    "name",
    "hpr_number",
    "role",
    "workplace",
    "department",
    "orgnr",
    "phone",
    "email",
)


def new_record(
    reporter_defaults: Mapping[str, Any] | None = None,
    *,
    today: dt.date | None = None,
    form: FormDefinition | None = None,
) -> dict[str, Any]:
    """A fresh draft: new record id, revision 1, registration date today, reporter prefilled
    from the profile (only the known reporter fields; anything else is ignored)."""
    form = form or load_form()
    reporter: dict[str, Any] = {
        key: value
        for key, value in (reporter_defaults or {}).items()
        if key in REPORTER_PROFILE_FIELDS and value not in (None, "")
    }
    reporter["registration_date"] = (today or dt.date.today()).isoformat()
    return {
        "record_id": str(uuid.uuid4()),
        "revision": 1,
        "form": {"id": form.id, "version": form.version},
        "patient": {},
        "diagnoses": [{}],
        "information": {},
        "reporter": reporter,
        "modules": {},
    }
