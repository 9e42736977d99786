"""Exports of accepted register records: pure functions from records to files (no Qt).

``export(fmt, records, destination)`` writes one format to the path the user chose:

- ``csv``: the hospital registry tool's CSV, one row per diagnosis (personal data);
- ``fhir``: one FHIR Bundle (JSON) with Patient, Condition, Organization and genomics
  Observation resources (personal data);
- ``phenopacket``: a folder with one GA4GH Phenopacket v2 (JSON) per record (pseudonymous);
- ``research``: a de-identified CSV extract for research.

Every format takes the current revision of each record, validates what it builds against
its standard before anything is written, and writes atomically (see ``files``): a failed
export raises ``ExportError`` and leaves nothing behind. docs/staff-exports.md describes
the formats, columns and mappings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.staff.export.errors import ExportError
from desktop.staff.export.result import ExportResult
from desktop.staff.model import RegisterRecord

FORMATS = ("csv", "fhir", "phenopacket", "research")

__all__ = ["FORMATS", "ExportError", "ExportResult", "export"]

Writer = Callable[..., ExportResult]


def _writer(fmt: str) -> Writer:
    # Imported on use: FHIR and protobuf models are heavy and each export needs one.
    if fmt == "csv":
        from desktop.staff.export import registry_csv

        return registry_csv.write
    if fmt == "fhir":
        from desktop.staff.export import fhir_bundle

        return fhir_bundle.write
    if fmt == "phenopacket":
        from desktop.staff.export import phenopacket

        return phenopacket.write
    if fmt == "research":
        from desktop.staff.export import research

        return research.write
    raise ExportError(f"Unknown export format {fmt!r}. Choose one of: {', '.join(FORMATS)}.")


def export(
    fmt: str,
    records: Iterable[RegisterRecord],
    destination: Path,
    *,
    today: dt.date | None = None,
) -> ExportResult:
    """Write ``records`` (accepted revisions) as ``fmt`` to ``destination``.

    ``destination`` is a file for ``csv``, ``fhir`` and ``research``, and a folder (new or
    empty) for ``phenopacket``. ``today`` bounds the national-id check (default: today).
    """
    writer = _writer(fmt)
    return writer(records, Path(destination), today=today or dt.date.today())
