"""GA4GH Phenopacket v2 export: a folder with one phenopacket (JSON) per record.

Pseudonymous, not anonymous: the phenopacket and subject ids are the register's record id
(a random UUID that only the register can link to a person), never the national id; the
subject carries sex, age at registration, vital status (age at death) and a karyotypic sex
when the karyotypes say it, but no name, birth date or address. The genetic findings stay,
which is the point of the format and why the folder is still personal data.

Each diagnosis is a Disease with its ORPHA term (and, as separate Disease elements for
the same diagnosis, its ICD-10 and OMIM codes when given) and an Interpretation whose
genomic interpretations hold a VariationDescriptor per finding: HGVS expressions (syntax
``hgvs.c``, ``hgvs.n``, ``hgvs.r``, ``hgvs.g``, ``hgvs.m`` or ``hgvs.p``, the coordinate
type as the validator's parser reads it, see ``records.COORDINATES``) or the ISCN
karyotype (syntax ``iscn``).
Every phenopacket is parsed into ``phenopackets.schema.v2.Phenopacket`` (refusing unknown
fields and bad enum values) and written from the parsed message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# protobuf and phenopackets ship no type information (types-protobuf is not a dependency)
from google.protobuf.json_format import (  # type: ignore[import-untyped]
    MessageToJson,
    ParseDict,
    ParseError,
)
from phenopackets.schema.v2 import Phenopacket  # type: ignore[import-untyped]

from desktop import __version__
from desktop.forms.codelists import get_codelist
from desktop.forms.payload import orpha_code
from desktop.forms.rules import age_on
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.errors import ExportError
from desktop.staff.export.files import atomic_directory, check_directory_destination
from desktop.staff.export.records import (
    Person,
    current_revisions,
    date_of,
    diagnoses,
    findings,
    hgvs_coordinate,
    person,
    section,
    text,
)
from desktop.staff.export.result import ExportResult
from desktop.staff.model import RegisterRecord

SCHEMA_VERSION = "2.0"
CREATED_BY = f"Sjeldenregisteret staff export (sjelden {__version__})"

SEX = {"kvinne": "FEMALE", "mann": "MALE", "ubestemt": "OTHER_SEX", "ukjent": "UNKNOWN_SEX"}
PROGRESS = {"bekreftet": "SOLVED", "sannsynlig": "IN_PROGRESS", "udiagnostisert": "UNSOLVED"}
ONSET_TERMS = {
    "prenatalt": ("HP:0030674", "Antenatal onset"),
    "ved_fodsel": ("HP:0003577", "Congenital onset"),
}
ALLELIC_STATE = {
    "heterozygot": ("GENO:0000135", "heterozygous"),
    "homozygot": ("GENO:0000136", "homozygous"),
    "hemizygot": ("GENO:0000134", "hemizygous"),
    "sammensatt_heterozygot": ("GENO:0000402", "compound heterozygous"),
}
ACMG = {
    "patogen": "PATHOGENIC",
    "sannsynlig_patogen": "LIKELY_PATHOGENIC",
    "vus": "UNCERTAIN_SIGNIFICANCE",
    "sannsynlig_benign": "LIKELY_BENIGN",
    "benign": "BENIGN",
}
INTERPRETATION_STATUS = {
    "patogen": "CAUSATIVE",
    "sannsynlig_patogen": "CAUSATIVE",
    "vus": "CANDIDATE",
    "sannsynlig_benign": "REJECTED",
    "benign": "REJECTED",
}
INHERITANCE = {"de_novo": "de novo", "arvet_mor": "maternal", "arvet_far": "paternal"}
KARYOTYPIC_SEX = {
    "XX": "XX",
    "XY": "XY",
    "X": "XO",
    "XXY": "XXY",
    "XXX": "XXX",
    "XXYY": "XXYY",
    "XXXY": "XXXY",
    "XXXX": "XXXX",
    "XYY": "XYY",
}
_SEX_CHROMOSOMES = re.compile(r"^\d{2},([XY]+)(?:,|$)")


def _resources() -> dict[str, dict[str, str]]:
    """The ontologies a phenopacket may cite (only those it uses are listed in it)."""
    orpha_version = get_codelist("orpha").versions[-1].version
    icd_version = get_codelist("icd10").versions[-1].version
    omim_version = get_codelist("omim").versions[-1].version
    hgnc_version = get_codelist("hgnc").versions[-1].version
    return {
        "ORPHA": {
            "id": "ordo",
            "name": "Orphanet Rare Disease Ontology",
            "url": "https://www.orphadata.com/ordo/",
            "version": orpha_version,
            "namespacePrefix": "ORPHA",
            "iriPrefix": "http://www.orpha.net/ORDO/Orphanet_",
        },
        "ICD10": {
            "id": "icd10",
            "name": "WHO International Classification of Diseases, 10th revision",
            "url": "https://icd.who.int/browse10/2019/en",
            "version": icd_version,
            "namespacePrefix": "ICD10",
            "iriPrefix": "https://icd.who.int/browse10/2019/en#/",
        },
        "OMIM": {
            "id": "omim",
            "name": "Online Mendelian Inheritance in Man",
            "url": "https://www.omim.org",
            "version": omim_version,
            "namespacePrefix": "OMIM",
            "iriPrefix": "https://www.omim.org/entry/",
        },
        "HP": {
            "id": "hp",
            "name": "Human Phenotype Ontology",
            "url": "http://purl.obolibrary.org/obo/hp.owl",
            "version": "2025-11-24",
            "namespacePrefix": "HP",
            "iriPrefix": "http://purl.obolibrary.org/obo/HP_",
        },
        "GENO": {
            "id": "geno",
            "name": "Genotype Ontology",
            "url": "http://purl.obolibrary.org/obo/geno.owl",
            "version": "unversioned",
            "namespacePrefix": "GENO",
            "iriPrefix": "http://purl.obolibrary.org/obo/GENO_",
        },
        "HGNC": {
            "id": "hgnc",
            "name": "HUGO Gene Nomenclature Committee",
            "url": "https://www.genenames.org",
            "version": hgnc_version,
            "namespacePrefix": "HGNC",
            "iriPrefix": "https://identifiers.org/hgnc:",
        },
        "hgnc.symbol": {
            "id": "hgnc",
            "name": "HUGO Gene Nomenclature Committee approved symbols",
            "url": "https://www.genenames.org",
            "version": "as reported",
            "namespacePrefix": "hgnc.symbol",
            "iriPrefix": "https://identifiers.org/hgnc.symbol:",
        },
    }


def write(records: Iterable[RegisterRecord], destination: Path, *, today: dt.date) -> ExportResult:
    check_directory_destination(destination)
    names = CodeNames()
    resources = _resources()
    created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    written = []
    # Each phenopacket is written as it is built: a failure removes the temporary folder.
    with atomic_directory(destination) as folder:
        for record in current_revisions(records):
            packet = build(record, names, resources, created=created, today=today)
            name = f"{record.record_id}.json"
            folder.write(name, to_json(packet, record))
            written.append(destination / name)
    return ExportResult(len(written), tuple(written))


def to_json(packet: dict[str, Any], record: RegisterRecord) -> bytes:
    """Parse into the v2 protobuf (the schema check) and serialise the parsed message."""
    try:
        message = ParseDict(packet, Phenopacket())
    except ParseError as exc:
        raise ExportError(
            f"The phenopacket built for record {record.record_id} is not valid Phenopacket "
            f"v2 ({_problem(str(exc))}). Nothing was written. This is a bug in the export: "
            "report it with this message."
        ) from None
    serialised = str(MessageToJson(message, indent=2, ensure_ascii=False))
    return (serialised + "\n").encode("utf-8")


def _problem(message: str) -> str:
    """The kind and place of a ParseError without the value it quotes."""
    where = re.findall(r' at "?([A-Za-z0-9_.]+?)"?\.*(?:\s|$)', message)
    place = where[-1] if where else "?"
    if "has no field named" in message:
        return f"unknown field at {place}"
    if "Invalid enum value" in message:
        return f"invalid enum value at {place}"
    return f"invalid value at {place}"


def build(
    record: RegisterRecord,
    names: CodeNames,
    resources: Mapping[str, Mapping[str, str]],
    *,
    created: str,
    today: dt.date,
) -> dict[str, Any]:
    """The phenopacket of one record as a JSON-shaped dict (before the schema check)."""
    facts = person(record, today)
    used: set[str] = set()
    subject_id = record.record_id
    diseases: list[dict[str, Any]] = []
    interpretations: list[dict[str, Any]] = []
    karyotypes: list[str] = []
    for number, diagnosis in enumerate(diagnoses(record), start=1):
        onset = _onset(diagnosis, used)
        orpha = orpha_code(diagnosis) or ""
        term = {"id": orpha, "label": names.orpha_en(orpha)}
        used.add("ORPHA")
        codes = [term]
        icd10 = text(diagnosis, "icd10")
        if icd10:
            codes.append({"id": f"ICD10:{icd10}", "label": names.icd10(icd10)})
            used.add("ICD10")
        omim = text(diagnosis, "omim")
        if omim:
            # The label HPO's annotations give the number; a number they do not list is
            # labelled with its id, since OntologyClass.label is required.
            codes.append({"id": f"OMIM:{omim}", "label": names.omim(omim) or f"OMIM:{omim}"})
            used.add("OMIM")
        for code in codes:
            disease: dict[str, Any] = {"term": code}
            if onset:
                disease["onset"] = onset
            diseases.append(disease)
        genomic = []
        for index, finding in enumerate(findings(diagnosis), start=1):
            genomic.append(
                _genomic_interpretation(
                    f"{record.record_id}-{number}-{index}", subject_id, finding, used, names
                )
            )
            if text(finding, "karyotype"):
                karyotypes.append(text(finding, "karyotype"))
        diagnosis_block: dict[str, Any] = {"disease": term}
        if genomic:
            diagnosis_block["genomicInterpretations"] = genomic
        interpretations.append(
            {
                "id": f"{record.record_id}-{number}",
                "progressStatus": PROGRESS.get(text(diagnosis, "assertion"), "UNKNOWN_PROGRESS"),
                "diagnosis": diagnosis_block,
            }
        )
    return {
        "id": record.record_id,
        "subject": _subject(record, subject_id, facts, karyotypes),
        "diseases": diseases,
        "interpretations": interpretations,
        "metaData": {
            "created": created,
            "createdBy": CREATED_BY,
            "resources": [dict(resources[key]) for key in sorted(used)],
            "phenopacketSchemaVersion": SCHEMA_VERSION,
        },
    }


def _subject(
    record: RegisterRecord, subject_id: str, facts: Person, karyotypes: list[str]
) -> dict[str, Any]:
    patient = section(record, "patient")
    subject: dict[str, Any] = {
        "id": subject_id,
        "timeAtLastEncounter": {"age": {"iso8601duration": f"P{facts.age_at_registration}Y"}},
    }
    if patient.get("vital_status") == "dod":
        vital: dict[str, Any] = {"status": "DECEASED"}
        died = text(patient, "date_of_death")
        if died:
            age = age_on(facts.birth_date, date_of(record, died, "date of death"))
            vital["timeOfDeath"] = {"age": {"iso8601duration": f"P{age}Y"}}
        subject["vitalStatus"] = vital
    else:
        subject["vitalStatus"] = {"status": "ALIVE"}
    subject["sex"] = SEX.get(text(patient, "sex"), "UNKNOWN_SEX")
    sexes = {karyotypic_sex(k) for k in karyotypes}
    if len(sexes) == 1 and None not in sexes:
        subject["karyotypicSex"] = sexes.pop()
    return subject


def karyotypic_sex(karyotype: str) -> str | None:
    """The sex-chromosome complement of an ISCN karyotype ("47,XXY" -> "XXY"), if plain."""
    match = _SEX_CHROMOSOMES.match(karyotype)
    return KARYOTYPIC_SEX.get(match.group(1)) if match else None


def _onset(diagnosis: Mapping[str, Any], used: set[str]) -> dict[str, Any] | None:
    onset = text(diagnosis, "onset")
    if onset == "alder" and isinstance(diagnosis.get("onset_age"), int):
        return {"age": {"iso8601duration": f"P{diagnosis['onset_age']}Y"}}
    if onset in ONSET_TERMS:
        used.add("HP")
        term_id, label = ONSET_TERMS[onset]
        return {"ontologyClass": {"id": term_id, "label": label}}
    return None


def _genomic_interpretation(
    descriptor_id: str,
    subject_id: str,
    finding: Mapping[str, Any],
    used: set[str],
    names: CodeNames,
) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": descriptor_id}
    gene = text(finding, "gene")
    if gene:
        hgnc_id = names.hgnc_id(gene)
        if hgnc_id:  # "HGNC:1884", the id the phenopacket schema recommends
            descriptor["geneContext"] = {"valueId": hgnc_id, "symbol": gene}
            used.add("HGNC")
        else:
            descriptor["geneContext"] = {"valueId": f"hgnc.symbol:{gene}", "symbol": gene}
            used.add("hgnc.symbol")
    expressions = []
    hgvs = text(finding, "hgvs")
    context = "genomic"
    if hgvs:
        letter, coordinate = hgvs_coordinate(hgvs)
        context = coordinate.molecule_context
        expressions.append({"syntax": f"hgvs.{letter}", "value": hgvs})
    karyotype = text(finding, "karyotype")
    if karyotype:
        expressions.append({"syntax": "iscn", "value": karyotype})
    descriptor["expressions"] = expressions
    descriptor["moleculeContext"] = context
    zygosity = ALLELIC_STATE.get(text(finding, "zygosity"))
    if zygosity:
        descriptor["allelicState"] = {"id": zygosity[0], "label": zygosity[1]}
        used.add("GENO")
    inheritance = INHERITANCE.get(text(finding, "inheritance"))
    if inheritance:
        descriptor["extensions"] = [{"name": "inheritance", "value": inheritance}]
    classification = text(finding, "classification")
    return {
        "subjectOrBiosampleId": subject_id,
        "interpretationStatus": INTERPRETATION_STATUS.get(classification, "UNKNOWN_STATUS"),
        "variantInterpretation": {
            "acmgPathogenicityClassification": ACMG.get(classification, "NOT_PROVIDED"),
            "therapeuticActionability": "UNKNOWN_ACTIONABILITY",
            "variationDescriptor": descriptor,
        },
    }
