"""The de-identified research extract: no direct identifier anywhere, ages, counties and
years instead of dates, per-export pseudonyms shared by a person's records."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from desktop.staff.export import ExportError, export
from desktop.staff.export.research import COLUMNS
from desktop.staff.model import RegisterRecord
from tests.staff.export.conftest import leftovers, read_csv
from tests.staff.export.synthetic import TODAY, assert_valid, golden_payload, identifiers, wrap


def read(path: Path) -> tuple[str, list[dict[str, str]]]:
    header, rows = read_csv(path)
    assert header == list(COLUMNS)
    return path.read_text(encoding="utf-8-sig"), rows


def test_no_direct_identifier_appears_anywhere(
    demo_register: list[RegisterRecord], golden: RegisterRecord, out_dir: Path
) -> None:
    records = [*demo_register, golden]
    path = out_dir / "research.csv"
    result = export("research", records, path, today=TODAY)
    assert result.count == len(records)
    text, rows = read(path)
    found = identifiers(records)
    assert len(found["text"]) > 3 * len(records)  # the scan covers real values
    for value in found["text"]:
        assert value not in text
    cells = {cell for row in rows for cell in row.values()}
    tokens = {token for cell in cells for token in re.split(r"[\s|;,:()]+", cell) if token}
    for value in found["token"]:
        assert value not in cells and value not in tokens
    for record in records:
        for value in (record.origin.batch_id, record.origin.installation_key_id):
            assert value not in text
    # no full dates, no municipality numbers, no free text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    municipalities = {r.payload["patient"]["municipality"] for r in records}
    assert not municipalities & cells
    assert "Syntetisk demoregistrering" not in text and "Familieanamnese" not in text
    assert leftovers(out_dir) == ["research.csv"]


def test_golden_row(golden: RegisterRecord, out_dir: Path) -> None:
    path = out_dir / "golden.csv"
    export("research", [golden], path, today=TODAY)
    _, (first, second) = read(path)
    assert re.fullmatch(r"P[0-9a-f]{16}", first["patient_pseudonym"])
    assert first["patient_pseudonym"] == second["patient_pseudonym"]
    assert first["age_at_registration"] == "34"
    assert (first["county"], first["county_name"]) == ("03", "Oslo")
    assert (first["vital_status"], first["year_of_death"]) == ("dod", "2024")
    assert first["registration_year"] == "2024"
    assert (first["orpha_code"], first["orpha_name"]) == ("ORPHA:558", "Marfans syndrom")
    assert first["finding_hgvs"] == "NM_000138.5:c.3010T>A | "
    assert first["finding_karyotypes"] == " | 46,XX,del(5)(p15.2)"
    assert first["diagnosis_year"] == "2010"
    assert second["pid_ig_replacement_start_year"] == "2016"
    assert second["pid_igg_at_diagnosis"] == "2,5"
    assert first["pid_iuis_category"] == ""


def test_pseudonyms_are_per_person_and_per_export(
    golden: RegisterRecord, demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    same_person = copy.deepcopy(golden.payload)
    same_person["record_id"] = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
    same_person["reporter"]["registration_date"] = "2025-02-01"
    records = [*demo_register, golden, wrap(same_person)]
    export("research", records, out_dir / "one.csv", today=TODAY)
    export("research", records, out_dir / "two.csv", today=TODAY)
    _, one = read(out_dir / "one.csv")
    _, two = read(out_dir / "two.csv")
    people = {r.payload["patient"]["national_id"] for r in records}
    assert len({row["patient_pseudonym"] for row in one}) == len(people)
    ours = [row for row in one if row["orpha_code"] == "ORPHA:558" and row["county"] == "03"]
    golden_rows = [row for row in ours if row["age_at_registration"] == "34"]
    assert {row["registration_number"] for row in golden_rows} == {"1", "2"}
    assert len({row["patient_pseudonym"] for row in golden_rows}) == 1
    assert not {row["patient_pseudonym"] for row in one} & {row["patient_pseudonym"] for row in two}
    keys = [
        (row["patient_pseudonym"], int(row["registration_number"]), int(row["diagnosis_number"]))
        for row in one
    ]
    assert keys == sorted(keys)  # ordered by pseudonym: the register's order does not show


def test_a_damaged_record_fails_the_extract_and_writes_nothing(
    golden: RegisterRecord, out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["reporter"]["registration_date"] = "01.10.2024"
    with pytest.raises(ExportError, match="no valid registration date"):
        export("research", [wrap(payload)], out_dir / "r.csv", today=TODAY)
    assert leftovers(out_dir) == []


def test_formula_cells_are_neutralised(out_dir: Path) -> None:
    payload = golden_payload()
    payload["diagnoses"][0]["institution"]["name"] = '=HYPERLINK("http://x/","Klikk")'
    payload["diagnoses"][1]["institution"]["name"] = "-1+2"
    path = out_dir / "injection.csv"
    export("research", [wrap(assert_valid(payload))], path, today=TODAY)
    _, rows = read(path)
    assert [row["institution_name"] for row in rows] == [
        '\'=HYPERLINK("http://x/","Klikk")',
        "'-1+2",
    ]
    assert rows[1]["pid_igg_at_diagnosis"] == "2,5"


EXPECTED_COLUMNS = (
    "patient_pseudonym",
    "registration_number",
    "diagnosis_number",
    "diagnosis_count",
    "age_at_registration",
    "sex",
    "county",
    "county_name",
    "vital_status",
    "year_of_death",
    "registration_year",
    "research_contact",
    "reporter_role",
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
    "pid_iuis_category",
    "pid_igg_at_diagnosis",
    "pid_iga_at_diagnosis",
    "pid_igm_at_diagnosis",
    "pid_recurrent_infections",
    "pid_ig_replacement",
    "pid_ig_replacement_route",
    "pid_ig_replacement_start_year",
    "pid_hsct",
    "pid_hsct_year",
)


def test_columns_are_the_documented_contract() -> None:
    """Derived from the registry CSV's lists; the order and names must not drift."""
    assert COLUMNS == EXPECTED_COLUMNS
