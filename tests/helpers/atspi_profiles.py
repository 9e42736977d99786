"""The synthetic profiles and the expected Tab path for the AT-SPI check (tests/ui/test_atspi.py).

Made in the test's own process (the venv, with the app's code); the app then opens them as
``sjelden --profile NAME`` does. Keys are sealed in a file in the profile (no keyring in the
check's private session bus), and the KDF is fast. Patients are synthetic: national ids from
the check-digit functions, fictive family names.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from desktop.forms.definition import Field, FieldType, load_form
from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from tests.helpers import synthetic

ROOT = Path(__file__).resolve().parents[2]
FAST_KDF_SECONDS = 0.05


def clinic_profile(name: str, passphrase: str, count: int = 12) -> Profile:
    """A clinic profile holding ``count`` records, one of each state in turn."""
    profile = Profile.named(name, kdf_target_seconds=FAST_KDF_SECONDS)
    rng = random.Random(16)
    statuses = list(RecordStatus)
    items = []
    for index in range(count):
        payload = synthetic.record(rng, family_name=f"Fiktivsen{index:02d}")
        items.append((payload["record_id"], payload, statuses[index % len(statuses)]))
    with profile.create(passphrase, key_storage="file").store as store:
        store.call(
            lambda c: records.import_many(
                c, items, form_id="sjeldenregisteret", form_version=1, author="atspi-check"
            )
        )
    return profile


def staff_profile(name: str, records_count: int = 8) -> Profile:
    """A staff profile that imported demo batches from one pinned clinic, a revision among
    them: the one ``tools/screenshot.py`` shows (its passphrase is ``screenshot.PASSPHRASE``)."""
    profile = Profile.named(name, kdf_target_seconds=FAST_KDF_SECONDS)
    screenshot_tool().staff_profile(profile, records_count)
    return profile


def screenshot_tool():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import screenshot
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return screenshot


def every_field_record() -> dict[str, Any]:
    """A synthetic draft whose answers show every field the form can show: the patient died,
    symptoms began at an age, the diagnosis rests on a genetic finding and on something else,
    and the sub-registry module is chosen with its follow-up questions answered yes."""
    payload = synthetic.record(random.Random(61), family_name="Fiktivsen-Alle")
    payload["patient"].update({"vital_status": "dod", "date_of_death": "2025-06-01"})
    payload["diagnoses"][0].update(
        {
            "onset": "alder",
            "onset_age": 3,
            "basis": ["molekylaergenetisk", "annet"],
            "basis_other": "Fiktivt grunnlag",
            "genetic_findings": [{"gene": "CFTR"}],
            "sub_registry": "primaer-immunsvikt",
        }
    )
    payload["modules"] = {"primaer-immunsvikt": {"ig_replacement": "ja", "hsct": "ja"}}
    return payload


def every_field_profile(name: str, passphrase: str) -> dict[str, Any]:
    """A clinic profile holding that one draft (the list's only row); returns the draft."""
    profile = Profile.named(name, kdf_target_seconds=FAST_KDF_SECONDS)
    payload = every_field_record()
    with profile.create(passphrase, key_storage="file").store as store:
        store.call(
            lambda c: records.save_draft(
                c,
                record_id=payload["record_id"],
                payload=payload,
                form_id="sjeldenregisteret",
                form_version=1,
                author="atspi-check",
            )
        )
    return payload


def _fields(fields: tuple[Field, ...], container: Any) -> list[str]:
    values = container if isinstance(container, dict) else {}
    names: list[str] = []
    for field in fields:
        if not field.is_visible(values):
            continue  # hidden until another answer shows it
        if field.type is FieldType.GROUP:
            names += _fields(field.fields, values.get(field.key))
        elif field.type is FieldType.REPEAT:
            for item in values.get(field.key) or [{}] * field.min_items:
                names += _fields(field.fields, item)
        else:
            names.append(field.label.get("nb"))
    return names


def tab_path(payload: dict[str, Any] | None = None) -> list[str]:
    """The inputs the form shows for ``payload`` (default: a new registration), in the form's
    order, by the labels the form gives them (bokmål): every field of every section and
    chosen module that its answers show, each diagnosis and genetic finding included."""
    payload = payload or {}
    form = load_form()
    names: list[str] = []
    for section in form.sections:
        value = payload.get(section.key)
        if section.repeat:
            for item in value or [{}] * max(section.min_items, 1):
                names += _fields(section.fields, item)
        else:
            names += _fields(section.fields, value)
    for module in form.active_modules(payload):
        names += _fields(module.fields, (payload.get("modules") or {}).get(module.id))
    return names
