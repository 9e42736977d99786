"""The Phenopacket v2 export: one valid phenopacket per record (parsed by the
``phenopackets`` protobuf classes, unknown fields refused), golden mappings, pseudonymous
subject, a folder written whole or not at all."""

from __future__ import annotations

import copy
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.json_format import ParseDict
from phenopackets.schema.v2 import Phenopacket

from desktop.staff.export import ExportError, export
from desktop.staff.export.phenopacket import karyotypic_sex, to_json
from desktop.staff.model import RegisterRecord
from tests.staff.export.conftest import leftovers
from tests.staff.export.synthetic import TODAY, assert_valid, identifiers, wrap


def packets(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.iterdir()}


def test_one_valid_phenopacket_per_record(
    demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    folder = out_dir / "phenopackets"
    result = export("phenopacket", demo_register, folder, today=TODAY)
    assert result.count == len(demo_register)
    assert sorted(p.name for p in result.files) == sorted(
        f"{r.record_id}.json" for r in demo_register
    )
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert leftovers(out_dir) == ["phenopackets"]
    for name, packet in packets(folder).items():
        ParseDict(packet, Phenopacket())  # raises on unknown fields and bad enum values
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
        assert packet["metaData"]["phenopacketSchemaVersion"] == "2.0"
        assert packet["subject"]["id"] == name.removesuffix(".json")
    syntaxes = {
        expression["syntax"]
        for packet in packets(folder).values()
        for interpretation in packet["interpretations"]
        for genomic in interpretation["diagnosis"].get("genomicInterpretations", [])
        for expression in genomic["variantInterpretation"]["variationDescriptor"]["expressions"]
    }
    assert syntaxes == {"hgvs.c", "iscn"}


def test_no_direct_identifier_in_any_phenopacket(
    demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    folder = out_dir / "pp"
    export("phenopacket", demo_register, folder, today=TODAY)
    found = identifiers(demo_register)
    text = "\n".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    record_ids = {r.record_id for r in demo_register}
    for value in found["text"] - record_ids:  # the record id is the pseudonym, by design
        assert value not in text
    for record in demo_register:
        birth = record.payload["patient"]["national_id"][:6]
        assert f'"{birth}' not in text
    assert "dateOfBirth" not in text


def test_golden_phenopacket(golden: RegisterRecord, out_dir: Path) -> None:
    folder = out_dir / "golden"
    export("phenopacket", [golden], folder, today=TODAY)
    (packet,) = packets(folder).values()
    assert packet["id"] == golden.record_id
    subject = packet["subject"]
    assert subject == {
        "id": golden.record_id,
        "timeAtLastEncounter": {"age": {"iso8601duration": "P34Y"}},
        "vitalStatus": {"status": "DECEASED", "timeOfDeath": {"age": {"iso8601duration": "P34Y"}}},
        "sex": "FEMALE",
        "karyotypicSex": "XX",
    }
    terms = [d["term"]["id"] for d in packet["diseases"]]
    assert terms == ["ORPHA:558", "ICD10:Q87.4", "OMIM:154700", "ORPHA:47"]
    labels = {d["term"]["id"]: d["term"].get("label") for d in packet["diseases"]}
    assert labels["OMIM:154700"] == "Marfan syndrome"  # from HPO's OMIM annotations
    marfan = packet["diseases"][0]
    assert marfan["term"]["label"] == "Marfan syndrome"
    assert marfan["onset"] == {"age": {"iso8601duration": "P12Y"}}
    assert packet["diseases"][3]["onset"] == {
        "ontologyClass": {"id": "HP:0003577", "label": "Congenital onset"}
    }
    first, second = packet["interpretations"]
    assert (first["progressStatus"], second["progressStatus"]) == ("SOLVED", "IN_PROGRESS")
    assert first["diagnosis"]["disease"]["id"] == "ORPHA:558"
    variant, karyotype = first["diagnosis"]["genomicInterpretations"]
    assert variant["subjectOrBiosampleId"] == golden.record_id
    assert variant["interpretationStatus"] == "CAUSATIVE"
    interpretation = variant["variantInterpretation"]
    assert interpretation["acmgPathogenicityClassification"] == "PATHOGENIC"
    descriptor = interpretation["variationDescriptor"]
    assert descriptor["geneContext"] == {"valueId": "HGNC:3603", "symbol": "FBN1"}
    assert descriptor["expressions"] == [{"syntax": "hgvs.c", "value": "NM_000138.5:c.3010T>A"}]
    assert descriptor["moleculeContext"] == "transcript"
    assert descriptor["allelicState"] == {"id": "GENO:0000135", "label": "heterozygous"}
    assert descriptor["extensions"] == [{"name": "inheritance", "value": "de novo"}]
    karyotype_descriptor = karyotype["variantInterpretation"]["variationDescriptor"]
    assert karyotype_descriptor["expressions"] == [
        {"syntax": "iscn", "value": "46,XX,del(5)(p15.2)"}
    ]
    assert karyotype["variantInterpretation"]["acmgPathogenicityClassification"] == (
        "LIKELY_PATHOGENIC"
    )
    meta = packet["metaData"]
    assert meta["createdBy"].startswith("Sjeldenregisteret staff export")
    prefixes = {r["namespacePrefix"] for r in meta["resources"]}
    assert prefixes == {"ORPHA", "ICD10", "OMIM", "HP", "GENO", "HGNC"}
    assert all(r["version"] for r in meta["resources"])


@pytest.mark.parametrize(
    ("karyotype", "expected"),
    [
        ("47,XXY", "XXY"),
        ("45,X", "XO"),
        ("46,XX,del(5)(p15.2)", "XX"),
        ("47,XY,+21", "XY"),
        ("46,XY,t(11;22)(q23;q11.2)", "XY"),
        ("mos 45,X/46,XX", None),
    ],
)
def test_karyotypic_sex(karyotype: str, expected: str | None) -> None:
    assert karyotypic_sex(karyotype) == expected


def test_conflicting_karyotypes_give_no_karyotypic_sex(
    golden: RegisterRecord, out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["diagnoses"][0]["genetic_findings"].append(
        {"karyotype": "47,XXY", "classification": "patogen"}
    )
    export("phenopacket", [wrap(payload)], out_dir / "pp", today=TODAY)
    (packet,) = packets(out_dir / "pp").values()
    assert "karyotypicSex" not in packet["subject"]


def test_invalid_phenopacket_message_names_the_place_not_the_value(
    golden: RegisterRecord,
) -> None:
    with pytest.raises(ExportError) as unknown:
        to_json({"id": "x", "subject": {"id": "x", "nationalId": "Zzyx"}}, golden)
    assert "unknown field at Phenopacket.subject" in str(unknown.value)
    assert "Zzyx" not in str(unknown.value)
    with pytest.raises(ExportError) as enum:
        to_json({"id": "x", "subject": {"id": "x", "sex": "ZZYX"}}, golden)
    assert "invalid enum value at Phenopacket.subject.sex" in str(enum.value)
    assert "ZZYX" not in str(enum.value)


def test_failed_export_leaves_no_folder(
    golden: RegisterRecord, demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["patient"]["date_of_death"] = "2024-13-45"  # a damaged store
    with pytest.raises(ExportError, match="date of death"):
        export("phenopacket", [*demo_register, wrap(payload)], out_dir / "pp", today=TODAY)
    assert leftovers(out_dir) == []


def test_destination_folder_rules(golden: RegisterRecord, out_dir: Path) -> None:
    empty = out_dir / "empty"
    empty.mkdir()
    assert export("phenopacket", [golden], empty, today=TODAY).count == 1
    with pytest.raises(ExportError, match="not an empty folder"):
        export("phenopacket", [golden], empty, today=TODAY)  # now holds a phenopacket
    (out_dir / "file").write_bytes(b"x")
    with pytest.raises(ExportError, match="not an empty folder"):
        export("phenopacket", [golden], out_dir / "file", today=TODAY)
    assert leftovers(out_dir) == ["empty", "file"]
    assert leftovers(empty) == [f"{golden.record_id}.json"]


def test_molecule_context_and_syntax_follow_the_coordinate_type(
    golden: RegisterRecord, out_dir: Path
) -> None:
    payload = copy.deepcopy(golden.payload)
    payload["diagnoses"][0]["genetic_findings"] = [
        {"gene": "MT-TL1", "hgvs": "NC_012920.1:m.3243A>G", "classification": "patogen"},
        {"gene": "FBN1", "hgvs": "NM_000138.5:r.3010u>a", "classification": "vus"},
        {"gene": "FBN1", "hgvs": "NC_000015.10:g.48408313C>T", "classification": "patogen"},
        {"gene": "FBN1", "hgvs": "NP_000129.3:p.(Arg117His)", "classification": "vus"},
    ]
    folder = out_dir / "pp"
    export("phenopacket", [wrap(assert_valid(payload))], folder, today=TODAY)
    (packet,) = packets(folder).values()
    descriptors = [
        genomic["variantInterpretation"]["variationDescriptor"]
        for genomic in packet["interpretations"][0]["diagnosis"]["genomicInterpretations"]
    ]
    assert [(d["expressions"][0]["syntax"], d["moleculeContext"]) for d in descriptors] == [
        ("hgvs.m", "genomic"),
        ("hgvs.r", "transcript"),
        ("hgvs.g", "genomic"),
        ("hgvs.p", "protein"),
    ]


def test_every_omim_term_has_a_label(demo_register: list[RegisterRecord], out_dir: Path) -> None:
    folder = out_dir / "demo"
    export("phenopacket", demo_register, folder, today=TODAY)
    terms = [
        disease["term"]
        for packet in packets(folder).values()
        for disease in packet["diseases"]
        if disease["term"]["id"].startswith("OMIM:")
    ]
    assert terms and all(term.get("label") for term in terms)
