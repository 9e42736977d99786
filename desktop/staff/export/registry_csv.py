"""CSV for the hospital's registry tool: one row per diagnosis of each record's current
revision, every field of the form, codes with their names from the shipped code lists.

One row per diagnosis because the diagnosis is what the register counts and what a
registry tool imports as a line; the patient, information, reporter and origin fields are
repeated on each of a record's rows (``diagnosis_number`` of ``diagnosis_count`` tells
them apart). A diagnosis's genetic findings share a row: the ``finding_*`` columns hold
one item per finding, in the same order, separated by `` | `` (an absent item is empty).
The primary immunodeficiency module's fields (``pid_*``) fill the row of the diagnosis
that selects the sub-registry. The column order and names are a contract: new columns
are added at the end. See docs/staff-exports.md for the list and the dialect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from desktop.forms.payload import orpha_code, patient_name
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.errors import ExportError
from desktop.staff.export.files import atomic_file
from desktop.staff.export.records import (
    PID_MODULE,
    current_revisions,
    diagnoses,
    findings,
    mapping,
    module,
    person,
    section,
    text,
)
from desktop.staff.export.result import ExportResult
from desktop.staff.export.tabular import LIST_SEPARATOR, decimal, write_csv
from desktop.staff.model import RegisterRecord

PATIENT_COLUMNS = (
    "record_id",
    "revision",
    "diagnosis_number",
    "diagnosis_count",
    "national_id",
    "national_id_type",
    "family_name",
    "given_names",
    "sex",
    "birth_date",
    "age_at_registration",
    "vital_status",
    "date_of_death",
    "municipality",
    "municipality_name",
    "county",
    "county_name",
    "street",
    "postal_code",
    "postal_place",
    "phone",
    "email",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "guardian_address",
)
DIAGNOSIS_COLUMNS = (
    "orpha_code",
    "orpha_name",
    "icd10",
    "icd10_name",
    "omim",
    "assertion",
    "diagnosis_year",
    "onset",
    "onset_age",
    "basis",
    "basis_other",
    "finding_count",
    "finding_genes",
    "finding_hgvs",
    "finding_karyotypes",
    "finding_zygosity",
    "finding_inheritance",
    "finding_classification",
    "institution_name",
    "institution_orgnr",
    "sub_registry",
)
PID_FIELDS = (  # the module's fields, in its order (a test holds them to the definition)
    "iuis_category",
    "igg_at_diagnosis",
    "iga_at_diagnosis",
    "igm_at_diagnosis",
    "recurrent_infections",
    "ig_replacement",
    "ig_replacement_route",
    "ig_replacement_start",
    "hsct",
    "hsct_date",
)
PID_COLUMNS = tuple(f"pid_{name}" for name in PID_FIELDS)
TRAILING_COLUMNS = (
    "information_letter",
    "letter_given_date",
    "letter_recipient",
    "research_contact",
    "reporter_name",
    "reporter_hpr_number",
    "reporter_role",
    "reporter_workplace",
    "reporter_department",
    "reporter_orgnr",
    "reporter_phone",
    "reporter_email",
    "registration_date",
    "reporter_comment",
    "batch_id",
    "installation_key_id",
    "received_at",
    "accepted_at",
    "accepted_by",
    # added after the first release, so at the end: the HGNC id of each finding's gene
    "finding_hgnc_ids",
)
COLUMNS = PATIENT_COLUMNS + DIAGNOSIS_COLUMNS + PID_COLUMNS + TRAILING_COLUMNS


def write(records: Iterable[RegisterRecord], destination: Path, *, today: dt.date) -> ExportResult:
    names = CodeNames()
    exported = [0]  # records written, counted as they stream past
    with atomic_file(destination) as handle:
        write_csv(handle, COLUMNS, _rows(current_revisions(records), names, today, exported))
    return ExportResult(exported[0], (destination,))


def _rows(
    records: Iterable[RegisterRecord], names: CodeNames, today: dt.date, exported: list[int]
) -> Iterator[list[str]]:
    for record in records:
        for row in _record_rows(record, names, today):
            yield [row[column] for column in COLUMNS]
        exported[0] += 1


def _record_rows(record: RegisterRecord, names: CodeNames, today: dt.date) -> list[dict[str, str]]:
    """The rows of one record, as column -> cell."""
    facts = person(record, today)
    patient_names = patient_name(record.payload)
    patient = section(record, "patient")
    address = mapping(patient.get("address"))
    guardian = mapping(patient.get("guardian"))
    information = section(record, "information")
    reporter = section(record, "reporter")
    municipality = text(patient, "municipality")
    county, county_name = names.county(municipality, facts.registration_date)
    common = {
        "record_id": record.record_id,
        "revision": str(record.revision),
        "national_id": facts.national_id,
        "national_id_type": facts.kind.value,
        "family_name": patient_names.family,
        "given_names": patient_names.given,
        "sex": text(patient, "sex"),
        "birth_date": facts.birth_date.isoformat(),
        "age_at_registration": str(facts.age_at_registration),
        "vital_status": text(patient, "vital_status"),
        "date_of_death": text(patient, "date_of_death"),
        "municipality": municipality,
        "municipality_name": names.municipality(municipality, facts.registration_date),
        "county": county,
        "county_name": county_name,
        "street": text(address, "street"),
        "postal_code": text(address, "postal_code"),
        "postal_place": text(address, "postal_place"),
        "phone": text(patient, "phone"),
        "email": text(patient, "email"),
        "guardian_name": text(guardian, "name"),
        "guardian_relation": text(guardian, "relation"),
        "guardian_phone": text(guardian, "phone"),
        "guardian_address": text(guardian, "address"),
        "information_letter": text(information, "letter"),
        "letter_given_date": text(information, "letter_given_date"),
        "letter_recipient": text(information, "letter_recipient"),
        "research_contact": text(information, "research_contact"),
        "reporter_name": text(reporter, "name"),
        "reporter_hpr_number": text(reporter, "hpr_number"),
        "reporter_role": text(reporter, "role"),
        "reporter_workplace": text(reporter, "workplace"),
        "reporter_department": text(reporter, "department"),
        "reporter_orgnr": text(reporter, "orgnr"),
        "reporter_phone": text(reporter, "phone"),
        "reporter_email": text(reporter, "email"),
        "registration_date": facts.registration_date.isoformat(),
        "reporter_comment": text(reporter, "comment"),
        "batch_id": record.origin.batch_id,
        "installation_key_id": record.origin.installation_key_id,
        "received_at": record.origin.received_at,
        "accepted_at": record.accepted_at,
        "accepted_by": record.accepted_by,
    }
    pid = module(record, PID_MODULE)
    listed = diagnoses(record)
    if not listed:
        raise ExportError(
            f"Record {record.record_id} (revision {record.revision}) has no diagnosis, which "
            "the validator requires. Nothing was exported; report this as a bug."
        )
    rows = []
    for number, diagnosis in enumerate(listed, start=1):
        row = dict(common)
        row["diagnosis_number"] = str(number)
        row["diagnosis_count"] = str(len(listed))
        row.update(diagnosis_cells(diagnosis, names))
        selects_pid = diagnosis.get("sub_registry") == PID_MODULE
        for name, column in zip(PID_FIELDS, PID_COLUMNS, strict=True):
            row[column] = decimal(pid.get(name)) if selects_pid else ""
        rows.append(row)
    return rows


def diagnosis_cells(diagnosis: Mapping[str, Any], names: CodeNames) -> dict[str, str]:
    """The diagnosis columns (shared with the research extract)."""
    orpha = orpha_code(diagnosis) or ""
    icd10 = text(diagnosis, "icd10")
    institution = mapping(diagnosis.get("institution"))
    items = findings(diagnosis)
    basis = diagnosis.get("basis")
    return {
        "orpha_code": orpha,
        "orpha_name": names.orpha(orpha),
        "icd10": icd10,
        "icd10_name": names.icd10(icd10),
        "omim": text(diagnosis, "omim"),
        "assertion": text(diagnosis, "assertion"),
        "diagnosis_year": text(diagnosis, "diagnosis_year"),
        "onset": text(diagnosis, "onset"),
        "onset_age": text(diagnosis, "onset_age"),
        "basis": LIST_SEPARATOR.join(str(b) for b in basis) if isinstance(basis, list) else "",
        "basis_other": text(diagnosis, "basis_other"),
        "finding_count": str(len(items)),
        "finding_genes": _joined(items, "gene"),
        "finding_hgnc_ids": _hgnc_ids(items, names),
        "finding_hgvs": _joined(items, "hgvs"),
        "finding_karyotypes": _joined(items, "karyotype"),
        "finding_zygosity": _joined(items, "zygosity"),
        "finding_inheritance": _joined(items, "inheritance"),
        "finding_classification": _joined(items, "classification"),
        "institution_name": text(institution, "name"),
        "institution_orgnr": text(institution, "orgnr"),
        "sub_registry": text(diagnosis, "sub_registry"),
    }


def _hgnc_ids(items: list[Mapping[str, Any]], names: CodeNames) -> str:
    """``HGNC:1884`` for CFTR, one item per finding like the other ``finding_*`` columns; an
    item is empty where the finding names no gene or HGNC does not list its symbol."""
    ids = [names.hgnc_id(text(item, "gene")) for item in items]
    return LIST_SEPARATOR.join(ids) if any(ids) else ""


def _joined(items: list[Mapping[str, Any]], key: str) -> str:
    if not any(item.get(key) for item in items):
        return ""
    return LIST_SEPARATOR.join(text(item, key) for item in items)
