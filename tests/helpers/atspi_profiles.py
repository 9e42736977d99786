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


def _fields(fields: tuple[Field, ...]) -> list[str]:
    names: list[str] = []
    for field in fields:
        if field.visible_when is not None:
            continue  # hidden until another answer shows it; a new registration has none
        if field.type is FieldType.GROUP:
            names += _fields(field.fields)
        elif field.type is not FieldType.REPEAT:
            names.append(field.label.get("nb"))
    return names


def tab_path() -> list[str]:
    """The inputs of a new registration in the form's order, by the labels the form gives
    them (bokmål): every field of every section that is shown before any answer, the one
    diagnosis a new registration starts with included."""
    names: list[str] = []
    for section in load_form().sections:
        names += _fields(section.fields)
    return names
