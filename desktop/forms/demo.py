"""Synthetic, valid and varied registrations for demos, tests and benchmarks.

Everything is made up: national ids are built with the check-digit functions (fødselsnummer
and D-numbers), names are obviously fake, e-mail addresses use example.no. Diagnoses are
real ORPHA codes from the shipped code list so the records look like the real thing. The
same seed gives the same records, so benchmarks and bug reports are reproducible.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from stdnum.no import orgnr

from desktop.forms import national_id
from desktop.forms.rules import age_on
from desktop.forms.rules.diagnosis import UNDIAGNOSED_ORPHA
from desktop.forms.rules.information import suggest_information_letters

FAMILY_NAMES = ("Testesen", "Prøvesen", "Demodal", "Fiktivsen", "Eksempelstad", "Dummyvik")
GIVEN_NAMES_F = ("Test Kari", "Demo Ingrid", "Fiktiv Nora", "Prøve Sofie", "Eksempel Emma")
GIVEN_NAMES_M = ("Test Ola", "Demo Per", "Fiktiv Jakob", "Prøve Lars", "Eksempel Noah")
INSTITUTIONS = ("Testsykehuset HF", "Demo universitetssykehus", "Fiktiv barneklinikk")

# (ORPHA code, ICD-10 code, gene, transcript) for a few well-known disorders; the rest of the
# ORPHA list is sampled without an ICD-10 code.
KNOWN = (
    ("ORPHA:586", "E84.9", "CFTR", "NM_000492.4"),
    ("ORPHA:558", "Q87.4", "FBN1", "NM_000138.5"),
    ("ORPHA:98896", "G71.0", "DMD", "NM_004006.3"),
    ("ORPHA:70", "G12.1", "SMN1", "NM_000344.4"),
    ("ORPHA:399", "G10", "HTT", "NM_002111.8"),
)
PID_DISORDERS = ("ORPHA:47", "ORPHA:277", "ORPHA:276")
KARYOTYPES = (
    "47,XY,+21",
    "47,XX,+21",
    "45,X",
    "46,XX,del(5)(p15.2)",
    "47,XXY",
    "46,XY,t(11;22)(q23;q11.2)",
)
BASES = ("klinisk", "biokjemisk", "histologi", "bildediagnostikk")
NUCLEOTIDES = "ACGT"
# The primary immunodeficiency sub-registry's module id (forms/modules/); the staff exports
# import it from here, since forms must not depend on staff.
PID_MODULE = "primaer-immunsvikt"


def orgnr_with_check_digit(base: str) -> str | None:
    """The eight digits ``base`` with the mod-11 check digit that makes an organisation
    number, or None when no digit does (some bases have none)."""
    return next((base + d for d in "0123456789" if orgnr.is_valid(base + d)), None)


def _orgnr(rng: random.Random) -> str:
    """A synthetic organisation number with a valid mod-11 check digit."""
    while True:
        number = orgnr_with_check_digit(str(rng.randrange(80_000_000, 99_999_999)))
        if number is not None:
            return number


def _variant(rng: random.Random, transcript: str) -> str:
    pos = rng.randrange(10, 4000)
    kind = rng.randrange(6)
    ref = rng.choice(NUCLEOTIDES)
    alt = rng.choice(NUCLEOTIDES.replace(ref, ""))
    if kind == 0:
        change = f"c.{pos}{ref}>{alt}"
    elif kind == 1:
        change = f"c.{pos}_{pos + rng.randrange(1, 5)}del"
    elif kind == 2:
        change = f"c.{pos}dup"
    elif kind == 3:
        change = f"c.{pos}+{rng.randrange(1, 6)}G>A"
    elif kind == 4:
        change = f"c.{pos}_{pos + 1}ins{ref}{alt}"
    else:
        change = f"c.-{rng.randrange(1, 60)}{ref}>{alt}"
    return f"{transcript}:{change}"


def _random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max((end - start).days, 0) + 1))


class DemoGenerator:
    """Draws records from seeded randomness; code lists are loaded once per generator."""

    def __init__(self, seed: int | None = None, today: dt.date | None = None) -> None:
        from desktop.forms.codelists import get_codelist, municipality_valid_on

        self.rng = random.Random(seed)  # noqa: S311 - demo data, not security
        self.today = today or dt.date.today()
        self.registered_from = max(self.today - dt.timedelta(days=365), dt.date(2024, 1, 1))
        orpha = get_codelist("orpha")
        # Only codes in force: an inactive or dropped code would draw a warning.
        codes = {
            concept.code
            for version in orpha.versions
            for concept in version
            if not concept.attributes.get("status")
        }
        self.orpha_codes = sorted(codes - {UNDIAGNOSED_ORPHA})
        kommuner = get_codelist("kommuner")
        self.municipalities = sorted(
            code
            for code in {concept.code for version in kommuner.versions for concept in version}
            if municipality_valid_on(code, self.registered_from)
            and municipality_valid_on(code, self.today)
        )

    def record(self) -> dict[str, Any]:
        rng = self.rng
        registered = _random_day(rng, self.registered_from, self.today)
        child = rng.random() < 0.35
        age = rng.randrange(0, 16) if child else rng.randrange(16, 96)
        birth = registered - dt.timedelta(days=age * 365 + rng.randrange(0, 360))
        birth = min(birth, registered)
        roll = rng.random()
        sex = (
            "kvinne"
            if roll < 0.48
            else "mann"
            if roll < 0.96
            else rng.choice(("ubestemt", "ukjent"))
        )
        id_sex: national_id.Sex = rng.choice(("kvinne", "mann"))
        if sex == "kvinne":
            id_sex = "kvinne"
        elif sex == "mann":
            id_sex = "mann"
        kind: Literal["fnr", "dnr"] = "dnr" if rng.random() < 0.15 else "fnr"
        given = rng.choice(GIVEN_NAMES_F if id_sex == "kvinne" else GIVEN_NAMES_M)
        patient: dict[str, Any] = {
            "national_id": national_id.generate(birth, id_sex, kind, rng),
            "family_name": rng.choice(FAMILY_NAMES),
            "given_names": given,
            "sex": sex,
            "municipality": rng.choice(self.municipalities),
            "vital_status": "levende",
        }
        if rng.random() < 0.5:
            patient["address"] = {
                "street": f"Testveien {rng.randrange(1, 200)}",
                "postal_code": f"{rng.randrange(0, 10000):04d}",
                "postal_place": "Prøvestad",
            }
        if rng.random() < 0.6:
            patient["phone"] = f"9{rng.randrange(0, 10**7):07d}"
        if rng.random() < 0.3:
            patient["email"] = f"pasient{rng.randrange(10**6)}@example.no"
        if rng.random() < 0.1:
            patient["vital_status"] = "dod"
            patient["date_of_death"] = _random_day(rng, birth, registered).isoformat()
        if age < 16:
            patient["guardian"] = {
                "name": f"Foresatt {patient['family_name']}",
                "relation": rng.choice(("mor", "far", "annen_foresatt", "verge")),
                "phone": f"4{rng.randrange(0, 10**7):07d}",
            }
        diagnoses = [
            self._diagnosis(birth, registered) for _ in range(1 if rng.random() < 0.85 else 2)
        ]
        modules: dict[str, Any] = {}
        if rng.random() < 0.15:
            diagnoses[0]["orpha_code"] = rng.choice(PID_DISORDERS)
            diagnoses[0]["assertion"] = "bekreftet"
            diagnoses[0].pop("icd10", None)
            diagnoses[0]["sub_registry"] = PID_MODULE
            modules[PID_MODULE] = self._pid_module(birth, registered)
        letters = suggest_information_letters(birth, registered)
        information: dict[str, Any] = {
            "letter": rng.choice(letters),
            "research_contact": rng.choice(("ja", "nei", "ikke_spurt")),
        }
        if rng.random() < 0.7:
            information["letter_given_date"] = registered.isoformat()
            information["letter_recipient"] = "pasient" if age >= 16 else "foresatte"
        reporter: dict[str, Any] = {
            "name": f"Lege {rng.choice(FAMILY_NAMES)}",
            "hpr_number": str(rng.randrange(1000, 999_999_999)),
            "role": rng.choice(
                ("fastlege", "sykehuslege", "annen_spesialist", "annet_helsepersonell")
            ),
            "workplace": rng.choice(INSTITUTIONS),
            "registration_date": registered.isoformat(),
        }
        if rng.random() < 0.5:
            reporter["department"] = "Barneavdelingen" if child else "Medisinsk avdeling"
            reporter["orgnr"] = _orgnr(rng)
        contact = rng.randrange(3)
        if contact != 1:
            reporter["phone"] = f"2{rng.randrange(0, 10**7):07d}"
        if contact != 0:
            reporter["email"] = f"lege{rng.randrange(10**4)}@example.no"
        if rng.random() < 0.1:
            reporter["comment"] = "Syntetisk demoregistrering."
        return {
            "record_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "revision": 1 if rng.random() < 0.9 else 2,
            "form": {"id": "sjeldenregisteret", "version": 1},
            "patient": patient,
            "diagnoses": diagnoses,
            "information": information,
            "reporter": reporter,
            "modules": modules,
        }

    def _diagnosis(self, birth: dt.date, registered: dt.date) -> dict[str, Any]:
        rng = self.rng
        diagnosis: dict[str, Any] = {}
        gene = transcript = None
        if rng.random() < 0.05:
            diagnosis["orpha_code"] = UNDIAGNOSED_ORPHA
            diagnosis["assertion"] = "udiagnostisert"
        elif rng.random() < 0.5:
            code, icd, gene, transcript = rng.choice(KNOWN)
            diagnosis["orpha_code"] = code
            diagnosis["icd10"] = icd
            diagnosis["assertion"] = rng.choice(("bekreftet", "bekreftet", "sannsynlig"))
        else:
            diagnosis["orpha_code"] = rng.choice(self.orpha_codes)
            diagnosis["assertion"] = rng.choice(("bekreftet", "sannsynlig"))
        if rng.random() < 0.2:
            diagnosis["omim"] = f"{rng.randrange(100000, 700000)}"
        diagnosis["diagnosis_year"] = rng.randrange(birth.year, registered.year + 1)
        onset = rng.choice(("prenatalt", "ved_fodsel", "alder", "ukjent"))
        diagnosis["onset"] = onset
        if onset == "alder":
            diagnosis["onset_age"] = rng.randrange(0, (registered.year - birth.year) or 1)
            diagnosis["onset_age"] = min(diagnosis["onset_age"], age_on(birth, registered))
        basis = set(rng.sample(BASES, rng.randrange(1, 3)))
        findings: list[dict[str, Any]] = []
        if transcript is not None or rng.random() < 0.3:
            basis.add("molekylaergenetisk")
            findings.append(
                {
                    "gene": gene or "CFTR",
                    "hgvs": _variant(rng, transcript or "NM_000492.4"),
                    "zygosity": rng.choice(("heterozygot", "homozygot", "sammensatt_heterozygot")),
                    "inheritance": rng.choice(("de_novo", "arvet_mor", "arvet_far", "ukjent")),
                    "classification": rng.choice(("patogen", "sannsynlig_patogen")),
                }
            )
        if rng.random() < 0.1:
            basis.add("cytogenetisk")
            findings.append({"karyotype": rng.choice(KARYOTYPES), "classification": "patogen"})
        if rng.random() < 0.05:
            basis.add("annet")
            diagnosis["basis_other"] = "Familieanamnese"
        diagnosis["basis"] = sorted(basis)
        if findings:
            diagnosis["genetic_findings"] = findings
        diagnosis["institution"] = {"name": rng.choice(INSTITUTIONS)}
        if rng.random() < 0.5:
            diagnosis["institution"]["orgnr"] = _orgnr(rng)
        return diagnosis

    def _pid_module(self, birth: dt.date, registered: dt.date) -> dict[str, Any]:
        rng = self.rng
        module: dict[str, Any] = {
            "iuis_category": rng.choice(("antistoffsvikt", "kombinert", "fagocytt", "komplement")),
            "igg_at_diagnosis": round(rng.uniform(0.5, 12.0), 1),
            "iga_at_diagnosis": round(rng.uniform(0.0, 3.0), 2),
            "igm_at_diagnosis": round(rng.uniform(0.0, 2.0), 2),
            "recurrent_infections": rng.choice(("ja", "nei", "ukjent")),
            "ig_replacement": rng.choice(("ja", "nei")),
            "hsct": "nei",
        }
        if module["ig_replacement"] == "ja":
            module["ig_replacement_route"] = rng.choice(("iv", "sc"))
            module["ig_replacement_start"] = _random_day(rng, birth, registered).isoformat()
        if rng.random() < 0.2:
            module["hsct"] = "ja"
            module["hsct_date"] = _random_day(rng, birth, registered).isoformat()
        return module


def demo_records(
    count: int, seed: int | None = None, today: dt.date | None = None
) -> Iterator[dict[str, Any]]:
    generator = DemoGenerator(seed, today)
    for _ in range(count):
        yield generator.record()
