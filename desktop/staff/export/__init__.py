"""Exports of accepted register records: pure functions from records to files (no Qt).

``export(fmt, records, destination)`` writes one format to the path the user chose:

- ``csv``: the hospital registry tool's CSV, one row per diagnosis (personal data);
- ``fhir``: one FHIR Bundle (JSON) with Patient, Condition, Organization and genomics
  Observation resources (personal data);
- ``phenopacket``: a folder with one GA4GH Phenopacket v2 (JSON) per record (pseudonymous);
- ``research``: a k-anonymous CSV extract for research, with its report (JSON, text);
- ``aggregate``: counts by diagnosis, county, year and sex, small counts suppressed.

Every format takes the current revision of each record, validates what it builds against
its standard before anything is written, and writes atomically (see ``files``): a failed
export raises ``ExportError`` and leaves nothing behind. docs/staff-exports.md describes
the formats, columns and mappings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.staff.export.errors import AnonymityRefused, ExportError
from desktop.staff.export.result import ExportResult
from desktop.staff.model import RegisterRecord

if TYPE_CHECKING:
    from desktop.staff.export.research import ResearchRequest

FORMATS = ("csv", "fhir", "phenopacket", "research", "aggregate")

__all__ = ["FORMATS", "AnonymityRefused", "ExportError", "ExportResult", "export"]

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
    if fmt == "aggregate":
        from desktop.staff.export import aggregate

        return aggregate.write
    raise ExportError(f"Unknown export format {fmt!r}. Choose one of: {', '.join(FORMATS)}.")


def export(
    fmt: str,
    records: Iterable[RegisterRecord],
    destination: Path,
    *,
    today: dt.date | None = None,
    research: ResearchRequest | None = None,
) -> ExportResult:
    """Write ``records`` (accepted revisions) as ``fmt`` to ``destination``.

    ``destination`` is a file for ``csv``, ``fhir``, ``research`` and ``aggregate``, and a
    folder (new or empty) for ``phenopacket``. ``today`` bounds the national-id check
    (default: today). ``research`` is the research extract's request (k, quasi-identifiers,
    suppression budget; default: the policy's), refused for any other format.
    """
    writer = _writer(fmt)
    day = today or dt.date.today()
    if research is not None:
        if fmt != "research":
            raise ValueError("only the research extract takes a request")  # a caller's bug
        return writer(records, Path(destination), today=day, request=research)
    return writer(records, Path(destination), today=day)
