"""Every rule of the form specification, each with a passing and a failing case.

Each case changes one thing in a complete, valid synthetic record and checks the exact issue
(field path, code, severity) the validator reports, or that it reports nothing at all.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest

from desktop.forms.validate import validate
from tests.forms.conftest import ADULT_ID, CHILD_ID, TODAY, make_id, valid_record

Change = Callable[[dict[str, Any]], None]
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    return [int(index) if index else key for key, index in _STEP.findall(path)]


def put(path: str, value: Any) -> Change:
    def change(record: dict[str, Any]) -> None:
        *parents, last = _steps(path)
        target: Any = record
        for step in parents:
            target = target[step]
        target[last] = value

    return change


def drop(path: str) -> Change:
    def change(record: dict[str, Any]) -> None:
        *parents, last = _steps(path)
        target: Any = record
        for step in parents:
            target = target[step]
        del target[last]

    return change


def both(*changes: Change) -> Change:
    def change(record: dict[str, Any]) -> None:
        for each in changes:
            each(record)

    return change


def child(record: dict[str, Any]) -> None:
    """The patient becomes a 9-year-old boy (born 2016-03-02) with a guardian."""
    record["patient"]["national_id"] = CHILD_ID
    record["patient"]["sex"] = "mann"
    record["patient"]["guardian"] = {"name": "Foresatt Testesen", "relation": "mor"}
    record["diagnoses"][0]["diagnosis_year"] = 2017
    record["information"]["letter"] = "barn_7_11"


PID = "primaer-immunsvikt"
PID_DATA = {"iuis_category": "antistoffsvikt", "ig_replacement": "nei"}


def _with_checks(stem: str) -> str:
    """``stem`` (6 digits) plus the first individual number giving valid check digits."""
    from stdnum.no import fodselsnummer

    for individual in range(100, 500):
        base = f"{stem}{individual}"
        k1 = fodselsnummer.calc_check_digit1(base)
        k2 = fodselsnummer.calc_check_digit2(base + k1) if len(k1) == 1 else "10"
        if len(k2) == 1:
            return base + k1 + k2
    raise AssertionError("no valid number")


H_NUMBER = _with_checks("174580")  # 17.05.80 with month + 40
FH_NUMBER = _with_checks("812345")


def issues(change: Change, **kwargs: Any) -> set[tuple[str, str, str]]:
    record = copy.deepcopy(valid_record())
    change(record)
    kwargs.setdefault("today", TODAY)
    return {(i.field, i.code, i.severity) for i in validate(record, **kwargs).issues}


# (id, change, expected issues) -- each failing case is paired with a passing one nearby.
CASES: list[tuple[str, Change, set[tuple[str, str, str]]]] = [
    ("valid record", lambda r: None, set()),
    # --- national id
    (
        "fnr missing",
        drop("patient.national_id"),
        {("patient.national_id", "field.required", "error")},
    ),
    (
        "fnr not 11 digits",
        put("patient.national_id", "1234567890"),
        {("patient.national_id", "national_id.format", "error")},
    ),
    (
        "fnr with letters",
        put("patient.national_id", "1234567890a"),
        {("patient.national_id", "national_id.format", "error")},
    ),
    (
        "fnr bad check digit",
        put("patient.national_id", ADULT_ID[:10] + str((int(ADULT_ID[10]) + 1) % 10)),
        {("patient.national_id", "national_id.checksum", "error")},
    ),
    (
        "D-number accepted",
        put("patient.national_id", make_id(dt.date(1980, 5, 17), "kvinne", "dnr")),
        set(),
    ),
    (
        "H-number refused",
        put("patient.national_id", H_NUMBER),
        {("patient.national_id", "national_id.h_number", "error")},
    ),
    (
        "FH-number refused",
        put("patient.national_id", FH_NUMBER),
        {("patient.national_id", "national_id.fh_number", "error")},
    ),
    # --- names, sex
    (
        "family name missing",
        put("patient.family_name", "  "),
        {("patient.family_name", "field.required", "error")},
    ),
    (
        "given names missing",
        drop("patient.given_names"),
        {("patient.given_names", "field.required", "error")},
    ),
    ("sex not an option", put("patient.sex", "female"), {("patient.sex", "enum.invalid", "error")}),
    (
        "sex differs from id: warning",
        put("patient.sex", "mann"),
        {("patient.sex", "sex.differs_from_national_id", "warning")},
    ),
    ("sex undetermined: no warning", put("patient.sex", "ubestemt"), set()),
    # --- residence
    (
        "municipality missing",
        drop("patient.municipality"),
        {("patient.municipality", "field.required", "error")},
    ),
    (
        "municipality unknown",
        put("patient.municipality", "9999"),
        {("patient.municipality", "code.unknown", "error")},
    ),
    ("municipality valid 2024 number", put("patient.municipality", "1103"), set()),
    # --- address, phone, e-mail
    (
        "postal code 3 digits",
        put("patient.address.postal_code", "424"),
        {("patient.address.postal_code", "postal_code.format", "error")},
    ),
    ("address optional", drop("patient.address"), set()),
    (
        "phone with letters",
        put("patient.phone", "tlf 12345678"),
        {("patient.phone", "phone.format", "error")},
    ),
    ("phone 8 digits", put("patient.phone", "91234567"), set()),
    (
        "e-mail without @",
        put("patient.email", "kari.example.no"),
        {("patient.email", "email.format", "error")},
    ),
    # --- vital status, death
    (
        "vital status missing",
        drop("patient.vital_status"),
        {("patient.vital_status", "field.required", "error")},
    ),
    (
        "dead without date",
        put("patient.vital_status", "dod"),
        {("patient.date_of_death", "field.required", "error")},
    ),
    (
        "dead with date",
        both(put("patient.vital_status", "dod"), put("patient.date_of_death", "2020-01-01")),
        set(),
    ),
    (
        "death before birth",
        both(put("patient.vital_status", "dod"), put("patient.date_of_death", "1970-01-01")),
        {("patient.date_of_death", "date_of_death.before_birth", "error")},
    ),
    (
        "death in the future",
        both(put("patient.vital_status", "dod"), put("patient.date_of_death", "2025-06-16")),
        {("patient.date_of_death", "date_of_death.future", "error")},
    ),
    (
        "death date when alive",
        put("patient.date_of_death", "2020-01-01"),
        {("patient.date_of_death", "field.not_applicable", "error")},
    ),
    (
        "death date not a date",
        both(put("patient.vital_status", "dod"), put("patient.date_of_death", "01.01.2020")),
        {("patient.date_of_death", "field.type_date", "error")},
    ),
    # --- guardian
    (
        "child without guardian: warning",
        both(child, drop("patient.guardian")),
        {("patient.guardian", "guardian.suggested", "warning")},
    ),
    ("child with guardian", child, set()),
    # --- diagnosis
    ("no diagnosis", put("diagnoses", []), {("diagnoses", "repeat.too_few", "error")}),
    (
        "ORPHA code missing",
        drop("diagnoses[0].orpha_code"),
        {("diagnoses[0].orpha_code", "field.required", "error")},
    ),
    (
        "ORPHA code unknown",
        put("diagnoses[0].orpha_code", "ORPHA:999999999"),
        {("diagnoses[0].orpha_code", "code.unknown", "error")},
    ),
    (
        "ORPHA code lower case",
        put("diagnoses[0].orpha_code", "orpha:586"),
        {("diagnoses[0].orpha_code", "code.not_canonical", "error")},
    ),
    (
        "undiagnosed code with wrong assertion",
        put("diagnoses[0].orpha_code", "ORPHA:616874"),
        {("diagnoses[0].orpha_code", "diagnosis.undiagnosed_assertion", "error")},
    ),
    (
        "undiagnosed code with its assertion",
        both(
            put("diagnoses[0].orpha_code", "ORPHA:616874"),
            put("diagnoses[0].assertion", "udiagnostisert"),
            drop("diagnoses[0].icd10"),
        ),
        set(),
    ),
    (
        "undiagnosed assertion on a specific code: warning",
        put("diagnoses[0].assertion", "udiagnostisert"),
        {("diagnoses[0].orpha_code", "diagnosis.assertion_needs_undiagnosed_code", "warning")},
    ),
    (
        "ICD-10 unknown",
        put("diagnoses[0].icd10", "X99.99"),
        {("diagnoses[0].icd10", "code.unknown", "error")},
    ),
    ("ICD-10 optional", drop("diagnoses[0].icd10"), set()),
    (
        "OMIM 5 digits",
        put("diagnoses[0].omim", "21970"),
        {("diagnoses[0].omim", "omim.format", "error")},
    ),
    (
        "assertion missing",
        drop("diagnoses[0].assertion"),
        {("diagnoses[0].assertion", "field.required", "error")},
    ),
    (
        "diagnosis year as text",
        put("diagnoses[0].diagnosis_year", "1982"),
        {("diagnoses[0].diagnosis_year", "field.type_year", "error")},
    ),
    ("diagnosis year prenatal (birth year - 1)", put("diagnoses[0].diagnosis_year", 1979), set()),
    (
        "diagnosis year 2 years before birth",
        put("diagnoses[0].diagnosis_year", 1978),
        {("diagnoses[0].diagnosis_year", "diagnosis_year.before_birth", "error")},
    ),
    (
        "diagnosis year after registration",
        put("diagnoses[0].diagnosis_year", 2026),
        {("diagnoses[0].diagnosis_year", "diagnosis_year.after_registration", "error")},
    ),
    ("diagnosis year in registration year", put("diagnoses[0].diagnosis_year", 2025), set()),
    (
        "onset age missing",
        drop("diagnoses[0].onset_age"),
        {("diagnoses[0].onset_age", "field.required", "error")},
    ),
    (
        "onset age 121",
        put("diagnoses[0].onset_age", 121),
        {("diagnoses[0].onset_age", "field.above_max", "error")},
    ),
    (
        "onset age above the patient's age",
        put("diagnoses[0].onset_age", 60),
        {("diagnoses[0].onset_age", "onset_age.above_age", "error")},
    ),
    (
        "onset unknown, no age",
        both(put("diagnoses[0].onset", "ukjent"), drop("diagnoses[0].onset_age")),
        set(),
    ),
    (
        "basis empty",
        put("diagnoses[0].basis", []),
        {
            ("diagnoses[0].basis", "field.required", "error"),
            ("diagnoses[0].genetic_findings", "field.not_applicable", "error"),
        },
    ),
    (
        "basis twice the same",
        put("diagnoses[0].basis", ["klinisk", "klinisk", "molekylaergenetisk"]),
        {("diagnoses[0].basis", "multi_enum.duplicate", "error")},
    ),
    (
        "basis 'annet' without text",
        put("diagnoses[0].basis", ["klinisk", "molekylaergenetisk", "annet"]),
        {("diagnoses[0].basis_other", "field.required", "error")},
    ),
    (
        "basis 'annet' with text",
        both(
            put("diagnoses[0].basis", ["molekylaergenetisk", "annet"]),
            put("diagnoses[0].basis_other", "Familieanamnese"),
        ),
        set(),
    ),
    (
        "molecular basis without findings",
        drop("diagnoses[0].genetic_findings"),
        {("diagnoses[0].genetic_findings", "field.required", "error")},
    ),
    (
        "cytogenetic basis without findings",
        both(put("diagnoses[0].basis", ["cytogenetisk"]), drop("diagnoses[0].genetic_findings")),
        {("diagnoses[0].genetic_findings", "field.required", "error")},
    ),
    (
        "clinical basis, no findings",
        both(put("diagnoses[0].basis", ["klinisk"]), drop("diagnoses[0].genetic_findings")),
        set(),
    ),
    (
        "finding without variant or karyotype",
        both(
            drop("diagnoses[0].genetic_findings[0].hgvs"),
            drop("diagnoses[0].genetic_findings[0].gene"),
        ),
        {("diagnoses[0].genetic_findings", "genetic_finding.empty", "error")},
    ),
    (
        "HGVS without version",
        put("diagnoses[0].genetic_findings[0].hgvs", "NM_000492:c.1521_1523del"),
        {("diagnoses[0].genetic_findings[0].hgvs", "hgvs.reference_version", "error")},
    ),
    (
        "HGVS protein one-letter",
        put("diagnoses[0].genetic_findings[0].hgvs", "NP_000483.3:p.R117H"),
        {("diagnoses[0].genetic_findings[0].hgvs", "hgvs.protein_one_letter", "warning")},
    ),
    (
        "HGVS synonymous written as a change",
        put("diagnoses[0].genetic_findings[0].hgvs", "NP_000483.3:p.Arg117Arg"),
        {("diagnoses[0].genetic_findings[0].hgvs", "hgvs.unchanged", "error")},
    ),
    (
        "HGVS alleles in trans",
        put("diagnoses[0].genetic_findings[0].hgvs", "NM_000492.4:c.[1521_1523del];[350G>A]"),
        set(),
    ),
    (
        "HGVS intronic",
        put("diagnoses[0].genetic_findings[0].hgvs", "NM_000492.4:c.1521+1G>A"),
        set(),
    ),
    (
        "gene lower case",
        put("diagnoses[0].genetic_findings[0].gene", "cftr"),
        {("diagnoses[0].genetic_findings[0].gene", "gene.symbol", "error")},
    ),
    (
        "gene missing with a variant",
        drop("diagnoses[0].genetic_findings[0].gene"),
        {("diagnoses[0].genetic_findings[0].gene", "field.required", "error")},
    ),
    (
        "karyotype valid",
        put(
            "diagnoses[0].genetic_findings",
            [{"karyotype": "47,XY,+21", "classification": "patogen"}],
        ),
        set(),
    ),
    (
        "karyotype invalid",
        put(
            "diagnoses[0].genetic_findings",
            [{"karyotype": "trisomy 21", "classification": "patogen"}],
        ),
        {("diagnoses[0].genetic_findings[0].karyotype", "iscn.syntax", "error")},
    ),
    (
        "zygosity not an option",
        put("diagnoses[0].genetic_findings[0].zygosity", "homo"),
        {("diagnoses[0].genetic_findings[0].zygosity", "enum.invalid", "error")},
    ),
    (
        "classification missing",
        drop("diagnoses[0].genetic_findings[0].classification"),
        {("diagnoses[0].genetic_findings[0].classification", "field.required", "error")},
    ),
    (
        "institution missing",
        drop("diagnoses[0].institution"),
        {("diagnoses[0].institution", "field.required", "error")},
    ),
    (
        "institution name missing",
        put("diagnoses[0].institution", {"orgnr": "974589095"}),
        {("diagnoses[0].institution.name", "field.required", "error")},
    ),
    (
        "institution orgnr bad check digit",
        put("diagnoses[0].institution.orgnr", "974589096"),
        {("diagnoses[0].institution.orgnr", "orgnr.checksum", "error")},
    ),
    (
        "institution orgnr 8 digits",
        put("diagnoses[0].institution.orgnr", "97458909"),
        {("diagnoses[0].institution.orgnr", "orgnr.format", "error")},
    ),
    (
        "sub-registry unknown",
        put("diagnoses[0].sub_registry", "muskelregisteret"),
        {("diagnoses[0].sub_registry", "enum.invalid", "error")},
    ),
    # --- information
    (
        "letter missing",
        drop("information.letter"),
        {("information.letter", "field.required", "error")},
    ),
    (
        "adult given the children's letter: warning",
        put("information.letter", "barn_7_11"),
        {("information.letter", "information.letter_age", "warning")},
    ),
    (
        "child (9) given the parents' letter",
        both(child, put("information.letter", "foresatte")),
        set(),
    ),
    (
        "child (9) given the adults' letter: warning",
        both(child, put("information.letter", "voksne")),
        {("information.letter", "information.letter_age", "warning")},
    ),
    (
        "letter given in the future",
        put("information.letter_given_date", "2025-07-01"),
        {("information.letter_given_date", "date.future", "error")},
    ),
    (
        "research contact not an option",
        put("information.research_contact", "kanskje"),
        {("information.research_contact", "enum.invalid", "error")},
    ),
    # --- reporter
    (
        "reporter name missing",
        drop("reporter.name"),
        {("reporter.name", "field.required", "error")},
    ),
    (
        "HPR 3 digits",
        put("reporter.hpr_number", "123"),
        {("reporter.hpr_number", "hpr_number.format", "error")},
    ),
    (
        "HPR 10 digits",
        put("reporter.hpr_number", "1234567890"),
        {("reporter.hpr_number", "field.too_long", "error")},
    ),
    ("HPR 4 digits", put("reporter.hpr_number", "1234"), set()),
    ("role missing", drop("reporter.role"), {("reporter.role", "field.required", "error")}),
    (
        "workplace missing",
        drop("reporter.workplace"),
        {("reporter.workplace", "field.required", "error")},
    ),
    (
        "no phone and no e-mail",
        drop("reporter.phone"),
        {("reporter.phone", "reporter.contact_required", "error")},
    ),
    ("e-mail only", both(drop("reporter.phone"), put("reporter.email", "lege@example.no")), set()),
    (
        "reporter orgnr invalid",
        put("reporter.orgnr", "123456789"),
        {("reporter.orgnr", "orgnr.checksum", "error")},
    ),
    (
        "registration date in the future",
        put("reporter.registration_date", "2025-06-16"),
        {("reporter.registration_date", "date.future", "error")},
    ),
    (
        "registration date before birth",
        put("reporter.registration_date", "1979-01-01"),
        {
            ("reporter.registration_date", "date.before_birth", "error"),
            ("diagnoses[0].diagnosis_year", "diagnosis_year.after_registration", "error"),
            ("diagnoses[0].onset_age", "onset_age.above_age", "error"),
            ("information.letter", "information.letter_age", "warning"),
            ("patient.guardian", "guardian.suggested", "warning"),
        },
    ),
    ("comment of 2000 characters", put("reporter.comment", "x" * 2000), set()),
    (
        "comment of 2001 characters",
        put("reporter.comment", "x" * 2001),
        {("reporter.comment", "field.too_long", "error")},
    ),
    (
        "comment with a national id: warning",
        put("reporter.comment", f"Se også {CHILD_ID}."),
        {("reporter.comment", "comment.personal_data", "warning")},
    ),
    # --- structure
    ("unknown top-level key", put("extra", 1), {("extra", "field.unknown", "error")}),
    (
        "unknown patient key",
        put("patient.nickname", "x"),
        {("patient.nickname", "field.unknown", "error")},
    ),
    (
        "record id not a UUID",
        put("record_id", "abc"),
        {("record_id", "record_id.invalid", "error")},
    ),
    ("revision 0", put("revision", 0), {("revision", "revision.invalid", "error")}),
    (
        "unknown form version",
        put("form", {"id": "sjeldenregisteret", "version": 99}),
        {("form", "form.unknown_version", "error")},
    ),
    # --- the sub-registry module
    (
        "module selected, its data valid",
        both(put("diagnoses[0].sub_registry", PID), put("modules", {PID: dict(PID_DATA)})),
        set(),
    ),
    (
        "module selected, required field missing",
        both(
            put("diagnoses[0].sub_registry", PID), put("modules", {PID: {"ig_replacement": "nei"}})
        ),
        {(f"modules.{PID}.iuis_category", "field.required", "error")},
    ),
    (
        "module selected, conditional date missing",
        both(
            put("diagnoses[0].sub_registry", PID),
            put("modules", {PID: {**PID_DATA, "ig_replacement": "ja"}}),
        ),
        {(f"modules.{PID}.ig_replacement_start", "field.required", "error")},
    ),
    (
        "module IgG out of range",
        both(
            put("diagnoses[0].sub_registry", PID),
            put("modules", {PID: {**PID_DATA, "igg_at_diagnosis": 150}}),
        ),
        {(f"modules.{PID}.igg_at_diagnosis", "field.above_max", "error")},
    ),
    (
        "module data without selection",
        put("modules", {PID: dict(PID_DATA)}),
        {(f"modules.{PID}", "module.inactive", "error")},
    ),
    ("module not selected, its fields not validated", put("modules", {PID: {}}), set()),
    (
        "unknown module",
        put("modules", {"muskel": {"x": 1}}),
        {("modules.muskel", "module.unknown", "error")},
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(change: Change, expected: set[tuple[str, str, str]]) -> None:
    assert issues(change) == expected


def test_likely_duplicate_is_a_warning_only_when_the_store_has_one() -> None:
    seen: list[tuple[str, str]] = []

    def lookup(nid: str, orpha: str) -> bool:
        seen.append((nid, orpha))
        return orpha == "ORPHA:586"

    assert issues(lambda r: None, duplicate_lookup=lookup) == {
        ("diagnoses[0].orpha_code", "diagnosis.likely_duplicate", "warning")
    }
    assert seen == [(ADULT_ID, "ORPHA:586")]

    def marfan(record: dict[str, Any]) -> None:
        record["diagnoses"][0].update(orpha_code="ORPHA:558", icd10="Q87.4")

    assert issues(marfan, duplicate_lookup=lookup) == set()


def test_2032_scheme_ids_are_accepted_from_2032_only() -> None:
    from desktop.forms import national_id as nid

    candidates = (
        full
        for i in range(100, 500)
        for k1 in "0123456789"
        if (full := _with_k2(f"170580{i}{k1}")) is not None
    )
    number = next(
        n
        for n in candidates
        if not nid.is_valid(n, today=TODAY) and nid.is_valid(n, today=dt.date(2032, 1, 1))
    )
    parsed = nid.parse(number, today=dt.date(2032, 1, 1))
    assert parsed.new_scheme and parsed.sex is None
    assert issues(put("patient.national_id", number)) == {
        ("patient.national_id", "national_id.checksum", "error")
    }


def _with_k2(ten: str) -> str | None:
    from stdnum.no import fodselsnummer

    k2 = fodselsnummer.calc_check_digit2(ten)
    return ten + k2 if len(k2) == 1 else None


# --- the code lists' own knowledge (issue 12) -----------------------------------------------


def diagnosis(**values: Any) -> Change:
    def change(record: dict[str, Any]) -> None:
        record["diagnoses"][0].update(values)
        for key in [k for k, v in values.items() if v is None]:
            del record["diagnoses"][0][key]

    return change


def messages(change: Change, lang: str = "en") -> list[str]:
    record = copy.deepcopy(valid_record())
    change(record)
    return [i.message for i in validate(record, today=TODAY, lang=lang).warnings]  # type: ignore[arg-type]


ICD10 = "diagnoses[0].icd10"
ORPHA = "diagnoses[0].orpha_code"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # Cystic fibrosis is aligned with E84.0-E84.9; cholera is not one of them.
        (diagnosis(icd10="A00.0"), {(ICD10, "icd10.not_aligned_with_orpha", "warning")}),
        (diagnosis(icd10="E84.9"), set()),
        # A category with subcategories asks for one (and is not also "not aligned").
        (diagnosis(icd10="E84"), {(ICD10, "icd10.needs_subcategory", "warning")}),
        (diagnosis(orpha_code="ORPHA:399", icd10="G10"), set()),  # G10 has no subcategories
        (
            diagnosis(orpha_code="ORPHA:399", icd10="G11.0"),
            {(ICD10, "icd10.not_aligned_with_orpha", "warning")},
        ),
        # No alignments known for the code: nothing to compare with.
        (diagnosis(orpha_code="ORPHA:24", icd10="E88.8"), set()),
        # The U-codes in use (WHO's COVID-19 updates of 2020-2021) are codes.
        (diagnosis(orpha_code="ORPHA:24", icd10="U10.9"), set()),
        (diagnosis(orpha_code="ORPHA:24", icd10="U07.1"), set()),
        (diagnosis(orpha_code="ORPHA:24", icd10="U09.9"), set()),
        (diagnosis(orpha_code="ORPHA:24", icd10="U07.3"), {(ICD10, "code.unknown", "error")}),
        # ORPHA:1572 was in HPO's 2025-01-16 release and is not in 2025-11-24's.
        (diagnosis(orpha_code="ORPHA:1572", icd10=None), {(ORPHA, "orpha.dropped", "warning")}),
        (diagnosis(orpha_code="ORPHA:139", icd10=None), set()),  # CHILD syndrome, newly listed
    ],
    ids=[
        "cf-a00",
        "cf-e849",
        "cf-e84",
        "hd-g10",
        "hd-g11",
        "no-alignment",
        "u10",
        "u07.1",
        "u09.9",
        "u07.3-placeholder",
        "dropped",
        "new-code",
    ],
)
def test_code_list_knowledge(change: Change, expected: set[tuple[str, str, str]]) -> None:
    assert issues(change) == expected


def test_alignment_and_subcategory_messages_name_the_codes() -> None:
    assert messages(diagnosis(icd10="A00.0")) == [
        "Diagnosis 1 › ICD-10 code: ORPHA:586 is aligned with E84.0–E84.9 in ICD-10, not "
        "with this code. Check the ICD-10 code and the ORPHA code, or confirm."
    ]
    (nb,) = messages(diagnosis(icd10="A00.0"), "nb")
    assert "ORPHA:586 er knyttet til E84.0–E84.9" in nb
    (category,) = messages(diagnosis(icd10="E84"))
    assert "E84 is a category with subcategories (E84.0–E84.9)" in category
    (dropped,) = messages(diagnosis(orpha_code="ORPHA:1572", icd10=None))
    assert "ORPHA:1572 is not in the newest release of the ORPHA list (hpo-2025-11-24)" in dropped


def test_an_inactive_orpha_code_names_its_successor(monkeypatch: pytest.MonkeyPatch) -> None:
    """With Orphanet's pack as the source, an inactive entity carries its successor."""
    from desktop.forms.codelists import checks
    from desktop.forms.codelists.model import CodeList, Concept

    shipped = checks.get_codelist("orpha")
    concepts = dict(shipped.versions[-1].concepts)
    concepts["ORPHA:2950"] = Concept(
        "ORPHA:2950",
        {"en": "Triphalangeal thumb-polysyndactyly syndrome"},
        attributes={"status": "deprecated", "successor": "ORPHA:988"},
    )
    concepts["ORPHA:93552"] = Concept(
        "ORPHA:93552",
        {"en": "Pili torti-onychodysplasia syndrome"},
        attributes={"status": "obsolete"},
    )
    version = shipped.versions[-1]
    replaced = CodeList(
        version.id,
        version.version,
        version.title,
        version.source,
        version.licence,
        concepts,
        version.system,
    )
    checker = checks.CodeChecker("orpha", (replaced,))
    original = checks._checker
    monkeypatch.setattr(
        checks, "_checker", lambda name: checker if name == "orpha" else original(name)
    )
    (moved,) = messages(diagnosis(orpha_code="ORPHA:2950", icd10=None))
    assert moved == (
        "Diagnosis 1 › Rare diagnosis (ORPHA code): ORPHA:2950 is no longer active in "
        "Orphanet's nomenclature; it was replaced by ORPHA:988 (Tibial "
        "hemimelia-polysyndactyly-triphalangeal thumb syndrome). Choose ORPHA:988, or "
        "confirm the code."
    )
    assert issues(diagnosis(orpha_code="ORPHA:93552", icd10=None)) == {
        (ORPHA, "orpha.inactive_no_successor", "warning")
    }


@pytest.mark.parametrize(
    ("municipality", "day", "expected"),
    [
        ("3030", "2023-05-02", set()),  # Lillestrøm, Viken, valid then
        (
            "3205",
            "2023-05-02",
            {("patient.municipality", "municipality.not_valid_on_date", "error")},
        ),
        ("3205", "2024-01-01", set()),
        (
            "3030",
            "2024-01-01",
            {("patient.municipality", "municipality.not_valid_on_date", "error")},
        ),
        ("5430", "2021-03-01", set()),  # Guovdageaidnu-Kautokeino before the 2024 reform
    ],
)
def test_municipality_is_judged_by_the_list_of_the_registration_date(
    municipality: str, day: str, expected: set[tuple[str, str, str]]
) -> None:
    def change(record: dict[str, Any]) -> None:
        record["patient"]["municipality"] = municipality
        record["reporter"]["registration_date"] = day

    assert {i for i in issues(change) if i[0] == "patient.municipality"} == expected
