"""FHIR R4 export: one Bundle of type ``collection`` with the register's records.

A collection, not a transaction: the receiving registry tool (or a FHIR server's import)
decides how to store the resources; a transaction would dictate create-or-update per
resource, which this export cannot know. Entries have ``urn:uuid`` full URLs and reference
each other by them; the ids are UUIDv5 of register keys (record id, diagnosis number, the
register's keyed pseudonym of the person for the Patient, ...), so exporting the same record
again, alone or with others, gives the same ids.

Per person (national id) one Patient, from the most recently registered record; per
diagnosis one Condition (ORPHA and ICD-10 codings); per genetic finding one Observation in
the HL7 genomics-reporting "variant" style; Organizations for the diagnosing institution
and the reporter's workplace (orgnr identifier), reached through PractitionerRoles because
R4's Condition.recorder/asserter cannot reference an Organization directly. Every
resource is validated before the file is written (``fhir_validation``).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from desktop.forms.payload import orpha_code, patient_name
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.errors import ExportError
from desktop.staff.export.fhir_validation import validate_resource
from desktop.staff.export.files import atomic_file, check_file_destination
from desktop.staff.export.records import (
    PID_MODULE,
    Person,
    current_revisions,
    diagnoses,
    findings,
    hgvs_coordinate,
    mapping,
    module,
    person,
    section,
    text,
)
from desktop.staff.export.result import ExportResult
from desktop.staff.model import RegisterRecord

# Identifier systems (Norwegian OIDs as used by HL7 Norway's no-basis profiles)
FNR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.1"
DNR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.2"
HPR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.4"
ORGNR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.101"
MUNICIPALITY_EXTENSION = "http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode"
# Code systems (ORPHA, ICD-10 and the kommunenummer OID come with their code lists). ICD-10
# is coded in the Norwegian edition's system (kodeverk 7110, codes written without the dot,
# as the Norwegian profiles use them) and again in WHO's (dotted), for receivers outside Norway.
WHO_ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10"
HGNC_SYSTEM = "http://www.genenames.org/geneId"
LOINC = "http://loinc.org"
HGVS_SYSTEM = "http://varnomen.hgvs.org"
ISCN_SYSTEM = "https://iscn.karger.com"
UCUM = "http://unitsofmeasure.org"
VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ROLE_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
ASSERTED_DATE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/condition-assertedDate"

# Fixed namespace for the UUIDv5 resource ids (never change it: ids would change).
ID_NAMESPACE = uuid.UUID("6f0e3c52-9d1b-4c1e-8a57-3f4b2f1d9e20")

GENDER = {"kvinne": "female", "mann": "male", "ubestemt": "other", "ukjent": "unknown"}
VERIFICATION = {
    "bekreftet": ("confirmed", "Confirmed"),
    "sannsynlig": ("provisional", "Provisional"),
    "udiagnostisert": ("unconfirmed", "Unconfirmed"),
}
ONSET_TEXT = {"prenatalt": "prenatal", "ved_fodsel": "at birth"}
ALLELIC_STATE = {
    "heterozygot": ("LA6706-1", "Heterozygous"),
    "sammensatt_heterozygot": ("LA6706-1", "Heterozygous"),  # the pair: a complex variant
    "homozygot": ("LA6705-3", "Homozygous"),
    "hemizygot": ("LA6707-9", "Hemizygous"),
}
CLINICAL_SIGNIFICANCE = {
    "patogen": ("LA6668-3", "Pathogenic"),
    "sannsynlig_patogen": ("LA26332-9", "Likely pathogenic"),
    "vus": ("LA26333-7", "Uncertain significance"),
    "sannsynlig_benign": ("LA26334-5", "Likely benign"),
    "benign": ("LA6675-8", "Benign"),
}
GUARDIAN_RELATION = {
    "mor": ("MTH", "mother"),
    "far": ("FTH", "father"),
    "annen_foresatt": ("GUARD", "other parent or guardian"),
    "verge": ("GUARD", "legal guardian"),
}
REPORTER_ROLE = {
    "fastlege": "General practitioner",
    "sykehuslege": "Hospital physician",
    "annen_spesialist": "Other specialist",
    "annet_helsepersonell": "Other health personnel",
}
IMMUNOGLOBULINS = (
    ("igg_at_diagnosis", "2465-3", "IgG [Mass/volume] in Serum or Plasma"),
    ("iga_at_diagnosis", "2458-8", "IgA [Mass/volume] in Serum or Plasma"),
    ("igm_at_diagnosis", "2472-9", "IgM [Mass/volume] in Serum or Plasma"),
)


def resource_id(*key: object) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(part) for part in key)))


def urn(resource: Mapping[str, Any]) -> str:
    return f"urn:uuid:{resource['id']}"


def ref(resource: Mapping[str, Any]) -> dict[str, str]:
    return {"reference": urn(resource)}


def coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    result = {"system": system, "code": code}
    if display:
        result["display"] = display
    return result


def loinc(code: str, display: str) -> dict[str, Any]:
    return {"coding": [coding(LOINC, code, display)]}


def write(records: Iterable[RegisterRecord], destination: Path, *, today: dt.date) -> ExportResult:
    check_file_destination(destination)
    builder = BundleBuilder(CodeNames(), today)
    count = 0
    for record in current_revisions(records):
        builder.add(record)
        count += 1
    bundle = builder.bundle()
    data = json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")
    with atomic_file(destination) as handle:
        handle.write(data)
    return ExportResult(count, (destination,))


class BundleBuilder:
    """Builds and validates the entries; shared resources (organisations, practitioners,
    one Patient per person) are added once."""

    def __init__(self, names: CodeNames, today: dt.date) -> None:
        self.names = names
        self.today = today
        self.entries: list[dict[str, Any]] = []
        self._shared: dict[str, dict[str, Any]] = {}
        self._patients: dict[str, tuple[Person, RegisterRecord, dict[str, Any]]] = {}

    def bundle(self) -> dict[str, Any]:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        bundle_id = str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "resourceType": "Bundle",
            "id": bundle_id,
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{bundle_id}"},
            "type": "collection",
            "timestamp": now.isoformat().replace("+00:00", "Z"),
        }
        validate_resource(envelope)  # the entries were validated one by one as built
        patients = [patient for _, _, patient in self._patients.values()]
        for patient in patients:
            validate_resource(patient)
        envelope["entry"] = [
            {"fullUrl": urn(resource), "resource": resource}
            for resource in [*patients, *self.entries]
        ]
        return envelope

    def _add(self, resource: dict[str, Any]) -> dict[str, Any]:
        validate_resource(resource)
        self.entries.append(resource)
        return resource

    def _shared_resource(self, key: str, build: dict[str, Any]) -> dict[str, Any]:
        held = self._shared.get(key)
        if held is None:
            held = self._shared[key] = self._add(build)
        return held

    def add(self, record: RegisterRecord) -> None:
        facts = person(record, self.today)
        patient = self._patient(record, facts)
        reporter_role = self._reporter_role(record)
        for number, diagnosis in enumerate(diagnoses(record), start=1):
            self._condition(record, number, diagnosis, patient, reporter_role, facts)
        pid = module(record, PID_MODULE)
        if pid:
            self._immunoglobulins(record, pid, patient)

    # -- Patient ---------------------------------------------------------------------------

    def _patient(self, record: RegisterRecord, facts: Person) -> dict[str, Any]:
        """The person's Patient; built from the most recently registered of their records."""
        held = self._patients.get(facts.national_id)
        newer = held is None or (facts.registration_date, record.accepted_at) > (
            held[0].registration_date,
            held[1].accepted_at,
        )
        # The register's pseudonym of the person keeps the id the same in every export;
        # records without one (built outside the register) fall back to their record id.
        person = record.person_ref or f"record/{record.record_id}"
        patient_id = held[2]["id"] if held else resource_id("patient", person)
        if newer:
            resource = build_patient(record, facts, patient_id, self.names)
            self._patients[facts.national_id] = (facts, record, resource)
            return resource
        assert held is not None
        return held[2]

    # -- organisations and roles ---------------------------------------------------------

    def _organization(self, name: str, orgnr: str) -> dict[str, Any]:
        key = f"organization/{orgnr}" if orgnr else f"organization-name/{name}"
        resource: dict[str, Any] = {"resourceType": "Organization", "id": resource_id(key)}
        if orgnr:
            resource["identifier"] = [{"system": ORGNR_SYSTEM, "value": orgnr}]
        if name:
            resource["name"] = name
        return self._shared_resource(key, resource)

    def _reporter_role(self, record: RegisterRecord) -> dict[str, Any]:
        reporter = section(record, "reporter")
        organization = self._organization(text(reporter, "workplace"), text(reporter, "orgnr"))
        hpr = text(reporter, "hpr_number")
        practitioner_key = f"practitioner/{hpr}" if hpr else f"practitioner/{record.record_id}"
        practitioner: dict[str, Any] = {
            "resourceType": "Practitioner",
            "id": resource_id(practitioner_key),
        }
        if hpr:
            practitioner["identifier"] = [{"system": HPR_SYSTEM, "value": hpr}]
        if text(reporter, "name"):
            practitioner["name"] = [{"text": text(reporter, "name")}]
        practitioner = self._shared_resource(practitioner_key, practitioner)
        role: dict[str, Any] = {
            "resourceType": "PractitionerRole",
            "id": resource_id("reporter-role", record.record_id),
            "practitioner": ref(practitioner),
            "organization": ref(organization),
        }
        role_code = text(reporter, "role")
        if role_code:
            role["code"] = [{"text": REPORTER_ROLE.get(role_code, role_code)}]
        telecom = _telecom(reporter, use="work")
        if telecom:
            role["telecom"] = telecom
        return self._add(role)

    def _institution(self, diagnosis: Mapping[str, Any]) -> dict[str, Any] | None:
        """The Organization of the institution that made the diagnosis, if one is named."""
        institution = mapping(diagnosis.get("institution"))
        name, orgnr = text(institution, "name"), text(institution, "orgnr")
        return self._organization(name, orgnr) if name or orgnr else None

    def _institution_role(self, organization: dict[str, Any]) -> dict[str, Any]:
        key = f"institution-role/{organization['id']}"
        role = {
            "resourceType": "PractitionerRole",
            "id": resource_id(key),
            "organization": ref(organization),
            "code": [{"text": "Institution that made the diagnosis"}],
        }
        return self._shared_resource(key, role)

    # -- Condition and variants ----------------------------------------------------------

    def _condition(
        self,
        record: RegisterRecord,
        number: int,
        diagnosis: Mapping[str, Any],
        patient: dict[str, Any],
        reporter_role: dict[str, Any],
        facts: Person,
    ) -> None:
        orpha = orpha_code(diagnosis) or ""
        icd10 = text(diagnosis, "icd10")
        codings = []
        if orpha:
            codings.append(
                coding(
                    self.names.system("orpha"),
                    orpha.removeprefix("ORPHA:"),
                    self.names.orpha_en(orpha),
                )
            )
        if icd10:
            display = self.names.icd10(icd10)
            codings.append(coding(self.names.system("icd10"), icd10.replace(".", ""), display))
            codings.append(coding(WHO_ICD10_SYSTEM, icd10, display))
        condition: dict[str, Any] = {
            "resourceType": "Condition",
            "id": resource_id("condition", record.record_id, number),
        }
        year = diagnosis.get("diagnosis_year")
        if isinstance(year, int):
            condition["extension"] = [{"url": ASSERTED_DATE_EXTENSION, "valueDateTime": str(year)}]
        assertion = VERIFICATION.get(text(diagnosis, "assertion"))
        if assertion:
            condition["verificationStatus"] = {
                "coding": [coding(VERIFICATION_SYSTEM, assertion[0], assertion[1])]
            }
        condition["code"] = {"coding": codings, "text": self.names.orpha(orpha) or icd10}
        condition["subject"] = ref(patient)
        condition.update(onset_element(diagnosis))
        condition["recordedDate"] = facts.registration_date.isoformat()
        condition["recorder"] = ref(reporter_role)
        institution = self._institution(diagnosis)
        if institution is not None:
            condition["asserter"] = ref(self._institution_role(institution))
        variants = self._variants(record, number, diagnosis, patient, institution)
        if variants:
            condition["evidence"] = [{"detail": [ref(v) for v in variants]}]
        self._add(condition)

    def _variants(
        self,
        record: RegisterRecord,
        number: int,
        diagnosis: Mapping[str, Any],
        patient: dict[str, Any],
        performer: dict[str, Any] | None,
    ) -> list[dict[str, Any]]:
        variants = []
        compound = []
        for index, finding in enumerate(findings(diagnosis), start=1):
            observation = variant_observation(
                resource_id("variant", record.record_id, number, index),
                finding,
                patient,
                self.names.hgnc_id(text(finding, "gene")),
            )
            if performer is not None:
                observation["performer"] = [ref(performer)]
            variants.append(self._add(observation))
            if finding.get("zygosity") == "sammensatt_heterozygot" and finding.get("hgvs"):
                compound.append(observation)
        if len(compound) >= 2:
            variants.append(
                self._add(
                    {
                        "resourceType": "Observation",
                        "id": resource_id("compound", record.record_id, number),
                        "status": "final",
                        "category": [_laboratory()],
                        "code": loinc("69548-6", "Genetic variant assessment"),
                        "subject": ref(patient),
                        "valueCodeableConcept": loinc("LA9633-4", "Present"),
                        "hasMember": [ref(v) for v in compound],
                        "component": [
                            {
                                "code": loinc("81263-6", "Complex variant type"),
                                "valueCodeableConcept": loinc("LA26217-2", "Compound heterozygous"),
                            }
                        ],
                    }
                )
            )
        return variants

    def _immunoglobulins(
        self, record: RegisterRecord, pid: Mapping[str, Any], patient: dict[str, Any]
    ) -> None:
        for field, code, display in IMMUNOGLOBULINS:
            value = pid.get(field)
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            self._add(
                {
                    "resourceType": "Observation",
                    "id": resource_id("immunoglobulin", record.record_id, field),
                    "status": "final",
                    "category": [_laboratory()],
                    "code": {**loinc(code, display), "text": f"{display} at diagnosis"},
                    "subject": ref(patient),
                    "valueQuantity": {"value": value, "unit": "g/L", "system": UCUM, "code": "g/L"},
                }
            )


def _years(value: int) -> dict[str, Any]:
    return {"value": value, "unit": "years", "system": UCUM, "code": "a"}


def onset_element(diagnosis: Mapping[str, Any]) -> dict[str, Any]:
    """Condition.onset[x]. An age in whole years is ``onsetAge``, except age 0: R4's Age
    must be positive (invariant age-1), so onset before the first birthday is the range
    0-1 years (``onsetRange``, whose SimpleQuantity ends may be 0). Prenatal onset and onset
    at birth are ``onsetString``, as no age describes them."""
    onset = text(diagnosis, "onset")
    age = diagnosis.get("onset_age")
    if onset == "alder" and isinstance(age, int) and not isinstance(age, bool):
        if age > 0:
            return {"onsetAge": _years(age)}
        return {"onsetRange": {"low": _years(0), "high": _years(1)}}
    if onset in ONSET_TEXT:
        return {"onsetString": ONSET_TEXT[onset]}
    return {}


def build_patient(
    record: RegisterRecord, facts: Person, patient_id: str, names: CodeNames
) -> dict[str, Any]:
    patient = section(record, "patient")
    full_name = patient_name(record.payload)
    system = FNR_SYSTEM if facts.kind.value == "fnr" else DNR_SYSTEM
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": patient_id,
        "identifier": [{"use": "official", "system": system, "value": facts.national_id}],
    }
    name: dict[str, Any] = {"use": "official"}
    if full_name.family:
        name["family"] = full_name.family
    given = full_name.given.split()
    if given:
        name["given"] = given
    resource["name"] = [name]
    telecom = _telecom(patient, use="home")
    if telecom:
        resource["telecom"] = telecom
    resource["gender"] = GENDER.get(text(patient, "sex"), "unknown")
    resource["birthDate"] = facts.birth_date.isoformat()
    if patient.get("vital_status") == "dod":
        died = text(patient, "date_of_death")
        if died:
            resource["deceasedDateTime"] = died
        else:
            resource["deceasedBoolean"] = True
    else:
        resource["deceasedBoolean"] = False
    resource["address"] = [_address(patient, names, facts.registration_date)]
    guardian = mapping(patient.get("guardian"))
    if any(guardian.values()):
        resource["contact"] = [_contact(guardian)]
    return resource


def _address(patient: Mapping[str, Any], names: CodeNames, on: dt.date) -> dict[str, Any]:
    postal = mapping(patient.get("address"))
    address: dict[str, Any] = {"use": "home"}
    if text(postal, "street"):
        address["line"] = [text(postal, "street")]
    if text(postal, "postal_place"):
        address["city"] = text(postal, "postal_place")
    municipality = text(patient, "municipality")
    if municipality:
        # The municipality and its county as they were on the registration date.
        name = names.municipality(municipality, on)
        address["district"] = name
        address["_district"] = {
            "extension": [
                {
                    "url": MUNICIPALITY_EXTENSION,
                    "valueCoding": coding(names.system("kommuner"), municipality, name),
                }
            ]
        }
        county = names.county(municipality, on)[1]
        if county:
            address["state"] = county
    if text(postal, "postal_code"):
        address["postalCode"] = text(postal, "postal_code")
    address["country"] = "NO"
    return address


def _contact(guardian: Mapping[str, Any]) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    relation = GUARDIAN_RELATION.get(text(guardian, "relation"))
    if relation:
        contact["relationship"] = [
            {"coding": [coding(ROLE_CODE_SYSTEM, relation[0])], "text": relation[1]}
        ]
    if text(guardian, "name"):
        contact["name"] = {"text": text(guardian, "name")}
    if text(guardian, "phone"):
        contact["telecom"] = [{"system": "phone", "value": text(guardian, "phone")}]
    if text(guardian, "address"):
        contact["address"] = {"text": text(guardian, "address")}
    return contact


def _telecom(container: Mapping[str, Any], *, use: str) -> list[dict[str, str]]:
    telecom = []
    if text(container, "phone"):
        telecom.append({"system": "phone", "value": text(container, "phone"), "use": use})
    if text(container, "email"):
        telecom.append({"system": "email", "value": text(container, "email"), "use": use})
    return telecom


def _laboratory() -> dict[str, Any]:
    return {"coding": [coding(OBSERVATION_CATEGORY, "laboratory", "Laboratory")]}


def variant_observation(
    observation_id: str,
    finding: Mapping[str, Any],
    patient: Mapping[str, Any],
    hgnc_id: str = "",
) -> dict[str, Any]:
    """One genetic finding as a "Genetic variant assessment" Observation (69548-6)."""
    components: list[dict[str, Any]] = []
    gene = text(finding, "gene")
    if gene:
        # An approved symbol is coded with its HGNC id (HGNC's complete set ships with the
        # app); a symbol HGNC does not list stays text.
        concept: dict[str, Any] = {"text": gene}
        if hgnc_id:
            concept = {"coding": [coding(HGNC_SYSTEM, hgnc_id, gene)], "text": gene}
        components.append(
            {"code": loinc("48018-6", "Gene studied [ID]"), "valueCodeableConcept": concept}
        )
    hgvs = text(finding, "hgvs")
    if hgvs:
        _, coordinate = hgvs_coordinate(hgvs)
        components.append(
            {
                "code": loinc(coordinate.loinc, coordinate.loinc_display),
                "valueCodeableConcept": {"coding": [coding(HGVS_SYSTEM, hgvs)]},
            }
        )
    karyotype = text(finding, "karyotype")
    if karyotype:
        components.append(
            {
                "code": loinc("81291-7", "Variant ISCN"),
                "valueCodeableConcept": {"coding": [coding(ISCN_SYSTEM, karyotype)]},
            }
        )
    zygosity = ALLELIC_STATE.get(text(finding, "zygosity"))
    if zygosity:
        components.append(
            {
                "code": loinc("53034-5", "Allelic state"),
                "valueCodeableConcept": loinc(*zygosity),
            }
        )
    significance = CLINICAL_SIGNIFICANCE.get(text(finding, "classification"))
    if significance:
        components.append(
            {
                "code": loinc("53037-8", "Genetic variation clinical significance [Imp]"),
                "valueCodeableConcept": loinc(*significance),
            }
        )
    if not components:
        raise ExportError(
            "A genetic finding has neither a variant nor a karyotype, which the validator "
            "refuses. Nothing was exported; report this as a bug."
        )
    return {
        "resourceType": "Observation",
        "id": observation_id,
        "status": "final",
        "category": [_laboratory()],
        "code": loinc("69548-6", "Genetic variant assessment"),
        "subject": {"reference": urn(patient)},
        "valueCodeableConcept": loinc("LA9633-4", "Present"),
        "component": components,
    }
