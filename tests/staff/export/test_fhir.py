"""The FHIR export: every resource valid (fhir.resources, R4B models), golden mappings,
references that resolve inside the Bundle, stable ids, nothing written on an invalid one."""

from __future__ import annotations

import copy
import dataclasses
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from desktop.staff.export import ExportError, export
from desktop.staff.model import RegisterRecord
from tests.helpers.synthetic import MARKER_FAMILY_NAME
from tests.staff.export.conftest import leftovers
from tests.staff.export.synthetic import GOLDEN_ORGNR, REPORTER_ORGNR, TODAY, assert_valid, wrap

FNR = "urn:oid:2.16.578.1.12.4.1.4.1"
DNR = "urn:oid:2.16.578.1.12.4.1.4.2"
ORGNR = "urn:oid:2.16.578.1.12.4.1.4.101"


def exported(records: list[RegisterRecord], path: Path) -> dict[str, Any]:
    result = export("fhir", records, path, today=TODAY)
    assert result.files == (path,)
    bundle: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return bundle


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def by_url(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}


def component(observation: dict[str, Any], loinc: str) -> dict[str, Any]:
    (found,) = [c for c in observation["component"] if c["code"]["coding"][0]["code"] == loinc]
    return found


def test_every_resource_validates(demo_register: list[RegisterRecord], out_dir: Path) -> None:
    path = out_dir / "register.fhir.json"
    bundle = exported(demo_register, path)
    Bundle.model_validate(bundle)  # the whole file as one Bundle
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    assert bundle["type"] == "collection"
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert kinds == {
        "Patient",
        "Condition",
        "Observation",
        "Organization",
        "Practitioner",
        "PractitionerRole",
    }
    assert len(resources(bundle, "Condition")) == sum(
        len(r.payload["diagnoses"]) for r in demo_register
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(out_dir) == ["register.fhir.json"]


def test_every_reference_resolves_inside_the_bundle(
    demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    bundle = exported(demo_register, out_dir / "b.json")
    urls = by_url(bundle)
    assert len(urls) == len(bundle["entry"])  # no two entries share a full URL

    def references(value: Any) -> list[str]:
        if isinstance(value, dict):
            found = [value["reference"]] if isinstance(value.get("reference"), str) else []
            return found + [r for v in value.values() for r in references(v)]
        if isinstance(value, list):
            return [r for v in value for r in references(v)]
        return []

    every = references(bundle["entry"])
    assert every and all(reference in urls for reference in every)


def test_golden_patient_condition_and_organisations(golden: RegisterRecord, out_dir: Path) -> None:
    bundle = exported([golden], out_dir / "golden.json")
    urls = by_url(bundle)
    (patient,) = resources(bundle, "Patient")
    source = golden.payload["patient"]
    assert patient["identifier"] == [
        {"use": "official", "system": DNR, "value": source["national_id"]}
    ]
    assert patient["name"] == [
        {"use": "official", "family": MARKER_FAMILY_NAME, "given": ["Prøve", "Kari", "Anne"]}
    ]
    assert patient["gender"] == "female"
    assert patient["birthDate"] == "1990-05-17"
    assert patient["deceasedDateTime"] == "2024-11-02"
    (address,) = patient["address"]
    assert address["line"] == ["Zzyxveien 12"]
    assert (address["postalCode"], address["city"], address["country"]) == (
        "0424",
        "Prøvestad",
        "NO",
    )
    assert address["district"] == "Oslo"
    assert address["state"] == "Oslo"  # the county on the registration date
    (municipality,) = address["_district"]["extension"]
    assert municipality["url"] == "http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode"
    assert municipality["valueCoding"]["system"] == "urn:oid:2.16.578.1.12.4.1.1.3402"
    assert municipality["valueCoding"]["code"] == "0301"
    assert {t["system"] for t in patient["telecom"]} == {"phone", "email"}

    marfan, pid = resources(bundle, "Condition")
    assert marfan["code"]["coding"] == [
        {"system": "http://www.orpha.net", "code": "558", "display": "Marfan syndrome"},
        # the Norwegian edition's system (kodeverk 7110, no dot), then WHO's
        {
            "system": "urn:oid:2.16.578.1.12.4.1.1.7110",
            "code": "Q874",
            "display": "Marfan syndrome",
        },
        {"system": "http://hl7.org/fhir/sid/icd-10", "code": "Q87.4", "display": "Marfan syndrome"},
    ]
    assert marfan["verificationStatus"]["coding"][0]["code"] == "confirmed"
    assert pid["verificationStatus"]["coding"][0]["code"] == "provisional"
    assert marfan["onsetAge"] == {
        "value": 12,
        "unit": "years",
        "system": "http://unitsofmeasure.org",
        "code": "a",
    }
    assert pid["onsetString"] == "at birth"
    assert marfan["recordedDate"] == "2024-10-01"
    assert marfan["extension"][0]["valueDateTime"] == "2010"
    assert marfan["subject"]["reference"] == f"urn:uuid:{patient['id']}"

    asserter = urls[marfan["asserter"]["reference"]]
    institution = urls[asserter["organization"]["reference"]]
    assert institution["identifier"] == [{"system": ORGNR, "value": GOLDEN_ORGNR}]
    assert institution["name"] == "Testsykehuset HF"
    recorder = urls[marfan["recorder"]["reference"]]
    workplace = urls[recorder["organization"]["reference"]]
    assert workplace["identifier"] == [{"system": ORGNR, "value": REPORTER_ORGNR}]
    practitioner = urls[recorder["practitioner"]["reference"]]
    assert practitioner["identifier"] == [
        {"system": "urn:oid:2.16.578.1.12.4.1.4.4", "value": "7654321"}
    ]
    # an institution without orgnr is an Organization by name only
    other = urls[urls[pid["asserter"]["reference"]]["organization"]["reference"]]
    assert other == {
        "resourceType": "Organization",
        "id": other["id"],
        "name": "Demo universitetssykehus",
    }


def test_golden_genomics_observations(golden: RegisterRecord, out_dir: Path) -> None:
    bundle = exported([golden], out_dir / "golden.json")
    urls = by_url(bundle)
    marfan = resources(bundle, "Condition")[0]
    variant, karyotype = (urls[d["reference"]] for d in marfan["evidence"][0]["detail"])
    for observation in (variant, karyotype):
        assert observation["code"]["coding"][0]["code"] == "69548-6"
        assert observation["valueCodeableConcept"]["coding"][0]["code"] == "LA9633-4"
        assert observation["status"] == "final"
    assert component(variant, "48018-6")["valueCodeableConcept"] == {
        "coding": [
            {"system": "http://www.genenames.org/geneId", "code": "HGNC:3603", "display": "FBN1"}
        ],
        "text": "FBN1",
    }
    assert component(variant, "48004-6")["valueCodeableConcept"]["coding"] == [
        {"system": "http://varnomen.hgvs.org", "code": "NM_000138.5:c.3010T>A"}
    ]
    assert component(variant, "53034-5")["valueCodeableConcept"]["coding"][0]["code"] == (
        "LA6706-1"
    )
    assert component(variant, "53037-8")["valueCodeableConcept"]["coding"][0]["code"] == (
        "LA6668-3"
    )
    assert component(karyotype, "81291-7")["valueCodeableConcept"]["coding"][0]["code"] == (
        "46,XX,del(5)(p15.2)"
    )
    assert component(karyotype, "53037-8")["valueCodeableConcept"]["coding"][0]["code"] == (
        "LA26332-9"
    )
    immunoglobulins = {
        o["code"]["coding"][0]["code"]: o["valueQuantity"]["value"]
        for o in resources(bundle, "Observation")
        if "valueQuantity" in o
    }
    assert immunoglobulins == {"2465-3": 2.5, "2458-8": 0.05, "2472-9": 0.3}


def test_protein_genomic_and_compound_heterozygous_variants(
    golden: RegisterRecord, out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["diagnoses"][0]["genetic_findings"] = [
        {
            "gene": "FBN1",
            "hgvs": "NM_000138.5:c.3010T>A",
            "zygosity": "sammensatt_heterozygot",
            "classification": "patogen",
        },
        {
            "gene": "FBN1",
            "hgvs": "NP_000129.3:p.(Arg117His)",
            "zygosity": "sammensatt_heterozygot",
            "classification": "vus",
        },
        {"gene": "FBN1", "hgvs": "NC_000015.10:g.48408313C>T", "classification": "patogen"},
    ]
    bundle = exported([wrap(payload)], out_dir / "variants.json")
    urls = by_url(bundle)
    details = [
        urls[d["reference"]] for d in resources(bundle, "Condition")[0]["evidence"][0]["detail"]
    ]
    coding, protein, genomic, compound = details
    assert component(protein, "48005-3")["valueCodeableConcept"]["coding"][0]["code"] == (
        "NP_000129.3:p.(Arg117His)"
    )
    assert component(genomic, "81290-9")
    assert component(compound, "81263-6")["valueCodeableConcept"]["coding"][0]["code"] == (
        "LA26217-2"
    )
    assert [m["reference"] for m in compound["hasMember"]] == [
        f"urn:uuid:{coding['id']}",
        f"urn:uuid:{protein['id']}",
    ]


def test_one_patient_per_person_from_the_latest_registration(
    golden: RegisterRecord, out_dir: Path
) -> None:
    later = copy.deepcopy(golden.payload)
    later["record_id"] = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
    later["revision"] = 1
    later["patient"]["family_name"] = "Zzyxnyttnavn"
    later["reporter"]["registration_date"] = "2025-01-10"
    bundle = exported([golden, wrap(later)], out_dir / "people.json")
    (patient,) = resources(bundle, "Patient")
    assert patient["name"][0]["family"] == "Zzyxnyttnavn"
    conditions = resources(bundle, "Condition")
    assert len(conditions) == 4
    assert {c["subject"]["reference"] for c in conditions} == {f"urn:uuid:{patient['id']}"}


def test_fodselsnummer_and_alive_patient(
    demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    bundle = exported(demo_register, out_dir / "demo.json")
    systems = {p["identifier"][0]["system"] for p in resources(bundle, "Patient")}
    assert systems == {FNR, DNR}
    alive = [p for p in resources(bundle, "Patient") if p.get("deceasedBoolean") is False]
    assert alive and all("deceasedDateTime" not in p for p in alive)


def test_ids_are_stable_across_exports(golden: RegisterRecord, out_dir: Path) -> None:
    first = exported([golden], out_dir / "one.json")
    second = exported([golden], out_dir / "two.json")
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    assert first["id"] != second["id"]  # each export is its own Bundle


def test_an_invalid_resource_fails_the_export_and_writes_nothing(
    golden: RegisterRecord, out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["patient"]["date_of_death"] = "2024-13-45"  # a damaged store, not a valid record
    with pytest.raises(ExportError) as failure:
        export("fhir", [wrap(payload)], out_dir / "bad.json", today=TODAY)
    message = str(failure.value)
    assert "invalid Patient resource" in message and "deceasedDateTime" in message
    assert "2024-13-45" not in message and payload["patient"]["national_id"] not in message
    assert leftovers(out_dir) == []


def test_a_persons_patient_id_does_not_depend_on_what_else_is_exported(
    golden: RegisterRecord, out_dir: Path
) -> None:
    later = copy.deepcopy(golden.payload)
    later["record_id"] = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
    later["revision"] = 1
    ref = "ab" * 32  # the register's keyed pseudonym of the person, the same on both records
    first, second = dataclasses.replace(golden, person_ref=ref), wrap(later)
    second = dataclasses.replace(second, person_ref=ref)
    (both,) = resources(exported([first, second], out_dir / "both.json"), "Patient")
    (alone,) = resources(exported([second], out_dir / "alone.json"), "Patient")
    assert both["id"] == alone["id"]


def test_mitochondrial_and_rna_variants_are_labelled_by_their_coordinate_type(
    golden: RegisterRecord, out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["diagnoses"][0]["genetic_findings"] = [
        {"gene": "MT-TL1", "hgvs": "NC_012920.1:m.3243A>G", "classification": "patogen"},
        {"gene": "FBN1", "hgvs": "NM_000138.5:r.3010u>a", "classification": "vus"},
        {"gene": "RMRP", "hgvs": "NR_003051.3:n.71A>G", "classification": "patogen"},
    ]
    bundle = exported([wrap(assert_valid(payload))], out_dir / "m.json")
    urls = by_url(bundle)
    mito, rna, noncoding = (
        urls[d["reference"]] for d in resources(bundle, "Condition")[0]["evidence"][0]["detail"]
    )
    genomic = component(mito, "81290-9")
    assert genomic["code"]["coding"][0]["display"] == "Genomic DNA change (gHGVS)"
    assert genomic["valueCodeableConcept"]["coding"][0]["code"] == "NC_012920.1:m.3243A>G"
    assert not [c for c in mito["component"] if c["code"]["coding"][0]["code"] == "48004-6"]
    assert component(rna, "48004-6")["valueCodeableConcept"]["coding"][0]["code"] == (
        "NM_000138.5:r.3010u>a"
    )
    assert component(noncoding, "48004-6")


def _ages(value: Any) -> list[Any]:
    """Every FHIR Age (onsetAge) value anywhere in ``value``."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "onsetAge":
                found.append(item["value"])
            found.extend(_ages(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_ages(item))
    return found


def test_onset_in_the_first_year_is_a_range_not_age_zero(
    golden: RegisterRecord, demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["diagnoses"][0].update(onset="alder", onset_age=0)
    bundle = exported([wrap(assert_valid(payload))], out_dir / "zero.json")
    marfan = resources(bundle, "Condition")[0]
    assert "onsetAge" not in marfan
    years = {"unit": "years", "system": "http://unitsofmeasure.org", "code": "a"}
    assert marfan["onsetRange"] == {"low": {"value": 0, **years}, "high": {"value": 1, **years}}
    # R4 invariant age-1: an Age's value is positive. The demo register has onset age 0.
    demo = exported(demo_register, out_dir / "demo.json")
    assert any("onsetRange" in c for c in resources(demo, "Condition"))
    assert _ages(demo) and min(_ages(demo)) > 0


def test_a_2023_record_in_lillestrom_keeps_its_name_and_county_of_then(
    golden: RegisterRecord, out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["patient"]["municipality"] = "3030"
    payload["reporter"]["registration_date"] = "2023-05-02"
    bundle = exported([wrap(assert_valid(payload))], out_dir / "lillestrom.json")
    (patient,) = resources(bundle, "Patient")
    address = patient["address"][0]
    assert (address["district"], address["state"]) == ("Lillestrøm", "Viken")
    assert address["_district"]["extension"][0]["valueCoding"]["code"] == "3030"


def test_genes_carry_hgnc_ids_and_unknown_symbols_stay_text() -> None:
    from desktop.staff.export.codes import CodeNames
    from desktop.staff.export.fhir_bundle import variant_observation

    names = CodeNames()
    assert names.hgnc_id("CFTR") == "HGNC:1884"
    assert names.hgnc_id("NOTAGENE1") == ""
    observation = variant_observation("x", {"gene": "NOTAGENE1", "karyotype": "45,X"}, {"id": "p"})
    assert component(observation, "48018-6")["valueCodeableConcept"] == {"text": "NOTAGENE1"}
