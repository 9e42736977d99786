"""Information letters and the registration summary as HTML (``desktop.forms.letters``).

All data are synthetic (``tests/forms/conftest.py`` and ``desktop.forms.demo``).
"""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
from typing import Any

import pytest

from desktop.forms import letters
from desktop.forms.definition import load_form
from desktop.forms.validate import validate
from tests.forms.conftest import ADULT_ID, TODAY, make_id, valid_record

HOSTILE = "<b>Test & Co</b>"
HOSTILE_ESCAPED = "&lt;b&gt;Test &amp; Co&lt;/b&gt;"


def record_born(birth: dt.date, registered: dt.date, letter: str | None = None) -> dict[str, Any]:
    record = valid_record()
    record["patient"]["national_id"] = make_id(birth, "kvinne")
    record["reporter"]["registration_date"] = registered.isoformat()
    if letter is None:
        record["information"].pop("letter", None)
    else:
        record["information"]["letter"] = letter
    return record


def years_before(day: dt.date, years: int, days: int = 0) -> dt.date:
    return day.replace(year=day.year - years) - dt.timedelta(days=days)


# --- the variants and their templates --------------------------------------------------------


def test_variants_are_the_definitions_enumeration_codes() -> None:
    assert letters.letter_variants(load_form()) == letters.LETTER_VARIANTS


@pytest.mark.parametrize("variant", letters.LETTER_VARIANTS)
def test_every_variant_has_a_bokmal_template_with_known_placeholders(variant: str) -> None:
    path = letters.template_path(variant, "nb")
    assert path.is_file(), path
    text = path.read_text(encoding="utf-8")
    assert letters.template_placeholders(text) <= letters.PLACEHOLDERS
    assert "{{patient_name}}" in text
    assert "{{letter_date}}" in text


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(letters.LetterError):
        letters.render_letter(valid_record(), "tenåringer")


def test_unknown_placeholder_is_a_template_error(tmp_path, monkeypatch) -> None:
    (tmp_path / "voksne.nb.html").write_text("<p>{{favourite_colour}}</p>", encoding="utf-8")
    monkeypatch.setattr(letters, "letters_dir", lambda: tmp_path)
    with pytest.raises(letters.LetterError, match="favourite_colour"):
        letters.letter_template("voksne")


# --- the age rule ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "days", "expected"),
    [
        (0, 30, ["foresatte"]),
        (6, 300, ["foresatte"]),
        (7, 0, ["barn_7_11", "foresatte"]),
        (11, 300, ["barn_7_11", "foresatte"]),
        (12, 0, ["barn_12_16", "foresatte"]),
        (15, 364, ["barn_12_16", "foresatte"]),
        (16, 0, ["voksne"]),
        (45, 10, ["voksne"]),
    ],
)
def test_suggestion_follows_the_age_on_the_registration_date(
    years: int, days: int, expected: list[str]
) -> None:
    registered = dt.date(2025, 6, 1)
    record = record_born(years_before(registered, years, days), registered)
    assert letters.suggested_letters(record, today=TODAY) == expected
    assert letters.choose_letter(record, today=TODAY) == expected[0]
    for variant in letters.LETTER_VARIANTS:
        assert letters.letter_fits_age(record, variant, today=TODAY) is (variant in expected)


def test_age_counts_on_the_registration_date_not_today() -> None:
    # 15 on the registration date, 16 today: still the 12-16 letter.
    registered = dt.date(2025, 1, 10)
    record = record_born(dt.date(2009, 3, 1), registered)
    assert letters.choose_letter(record, today=dt.date(2025, 6, 1)) == "barn_12_16"


def test_a_future_registration_date_counts_as_today_like_the_validator() -> None:
    # 16 on the (future, invalid) registration date, 15 today: the validator judges the
    # letter by today's age, so the printout must suggest the same letters.
    record = record_born(dt.date(2009, 7, 1), dt.date(2025, 8, 1))
    assert letters.suggested_letters(record, today=TODAY) == ["barn_12_16", "foresatte"]
    record["information"]["letter"] = "voksne"
    codes = {i.code for i in validate(record, today=TODAY).for_field("information.letter")}
    assert codes == {"information.letter_age"}


def test_the_clinicians_choice_wins_over_the_suggestion() -> None:
    registered = dt.date(2025, 6, 1)
    record = record_born(dt.date(2016, 1, 1), registered, letter="foresatte")
    assert letters.choose_letter(record, today=TODAY) == "foresatte"
    assert letters.render_letter(record, today=TODAY).title.endswith("Foresatte / pårørende")


@pytest.mark.parametrize("nid", [None, "", "123", "01010112345", 42])
def test_unknown_age_falls_back_to_the_adult_letter(nid: Any) -> None:
    record = valid_record()
    record["patient"]["national_id"] = nid
    del record["information"]["letter"]
    assert letters.suggested_letters(record, today=TODAY) == []
    assert letters.choose_letter(record, today=TODAY) == "voksne"
    assert letters.letter_fits_age(record, "barn_7_11", today=TODAY) is None


# --- letter content ---------------------------------------------------------------------------


@pytest.mark.parametrize("variant", letters.LETTER_VARIANTS)
def test_letter_holds_the_patient_the_clinician_and_how_to_reserve(variant: str) -> None:
    doc = letters.render_letter(valid_record(), variant, today=TODAY)
    body = doc.html
    assert doc.kind == "letter"
    assert "{{" not in body and "}}" not in body
    assert "Prøve Kari Testesen" in body
    assert "01.06.2025" in body  # the date the letter was given
    assert "Sjeldenregisteret" in body
    # The right to reserve, and how: sign the slip and post it; everything is deleted.
    assert "Reservasjon mot registrering i Sjeldenregisteret" in body
    assert "Postboks 4956 Nydalen" in body
    assert "0424 OSLO" in body
    assert "slett" in body
    assert "Underskrift" in body
    assert doc.page_text(1, 2) == "Side 1 av 2"


@pytest.mark.parametrize("variant", ["voksne", "foresatte", "barn_12_16"])
def test_letters_name_the_registering_clinician(variant: str) -> None:
    body = letters.render_letter(valid_record(), variant, today=TODAY).html
    assert "Lege Testesen" in body
    assert "Testsykehuset HF" in body


@pytest.mark.parametrize("variant", ["voksne", "foresatte"])
def test_adult_letters_cover_purpose_content_sources_and_rights(variant: str) -> None:
    body = letters.render_letter(valid_record(), variant, today=TODAY).html
    for phrase in (
        "oversikt over sjeldne diagnoser",  # purpose
        "kliniske studier",
        "fødselsnummer, kjønn og bosted",  # what is recorded
        "pasientjournalen",  # where data come from
        "samtykke",  # no consent needed
        "taushetsplikt",  # who can see
        "REK",
        "Innsyn og retting",
        "Du trenger ikke å si hvorfor" if variant == "voksne" else "Dere trenger ikke å si hvorfor",
        "Sjeldentelefonen 800 41 710",
        "sjeldne-diagnoser@ous-hf.no",
        "forskrift om medisinske kvalitetsregistre",
    ):
        assert phrase in body, phrase


def test_guardian_letter_is_addressed_to_the_guardian() -> None:
    record = valid_record()
    record["patient"]["guardian"] = {"name": "Foresatt Testesen", "relation": "mor"}
    body = letters.render_letter(record, "foresatte", today=TODAY).html
    assert "Til: Foresatt Testesen" in body
    assert "Gjelder: Prøve Kari Testesen" in body
    del record["patient"]["guardian"]
    assert "Til: foresatte / pårørende" in letters.render_letter(record, "foresatte").html


def test_missing_values_leave_a_line_to_write_on() -> None:
    doc = letters.render_letter({"patient": {}, "reporter": {}}, "voksne", today=TODAY)
    assert letters.BLANK in doc.html
    assert letters.format_date(TODAY) in doc.html


@pytest.mark.parametrize("variant", letters.LETTER_VARIANTS)
def test_letter_escapes_every_value(variant: str) -> None:
    record = valid_record()
    record["patient"]["given_names"] = HOSTILE
    record["patient"]["family_name"] = "<script>x</script>"
    record["reporter"]["name"] = HOSTILE
    record["reporter"]["workplace"] = '"Sykehus" & <i>'
    record["patient"]["guardian"] = {"name": HOSTILE}
    body = letters.render_letter(record, variant, today=TODAY).html
    assert HOSTILE not in body
    assert "<script>" not in body
    assert "<i>" not in body
    assert HOSTILE_ESCAPED in body
    assert "&lt;script&gt;" in body


def test_title_and_file_name_hold_no_personal_data() -> None:
    record = valid_record()
    for doc in (
        letters.render_letter(record, today=TODAY),
        letters.render_summary(record, today=TODAY),
    ):
        for text in (doc.title, doc.file_name):
            assert "Testesen" not in text and "Kari" not in text and ADULT_ID not in text
        assert doc.file_name.endswith(".pdf")


def test_english_falls_back_to_bokmal_when_no_english_letter_is_shipped(monkeypatch) -> None:
    doc = letters.render_letter(valid_record(), "voksne", lang="en", today=TODAY)
    expected = "en" if (letters.letters_dir() / "voksne.en.html").is_file() else "nb"
    assert doc.lang == expected


# --- the registration summary -----------------------------------------------------------------


def test_summary_holds_labels_and_values_from_the_definition() -> None:
    body = letters.render_summary(valid_record(), status="completed", today=TODAY).html
    for text in (
        "Registreringssammendrag",
        "Kopi til pasientjournalen",
        # meta
        "3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c",
        "Revisjon",
        "Ferdigstilt",
        "Registreringsdato",
        "01.06.2025",
        "Lege Testesen, Sykehuslege, Testsykehuset HF",
        # patient section: labels and values, enum values as labels
        "Pasient",
        "Fødselsnummer / D-nummer",
        ADULT_ID,
        "Etternavn",
        "Testesen",
        "Fornavn og mellomnavn",
        "Prøve Kari",
        "Kjønn",
        "Kvinne",
        "Bostedskommune",
        "0301 – Oslo",
        "Postadresse",
        "Gateadresse",
        "Testveien 1",
        "Vitalstatus",
        "Levende",
        # diagnosis with the ORPHA name, genetic finding
        "Sjelden diagnose (ORPHA-kode)",
        "ORPHA:586 – Cystisk fibrose",
        "ICD-10-kode",
        "E84.0 – ",
        "Diagnosesikkerhet",
        "Bekreftet",
        "Diagnoseår",
        "1982",
        "Alder ved symptomdebut (år)",
        "1 år",
        "Klinisk undersøkelse, Molekylærgenetisk undersøkelse",
        "Genetisk funn 1",
        "CFTR",
        "NM_000492.4:c.1521_1523del",
        "Homozygot",
        "Patogen",
        "Institusjon som stilte diagnosen",
        "974589095",
        # information and reporter
        "Informasjon og reservasjon",
        "Informasjonsskriv",
        "Voksne",
        "Kan kontaktes om kliniske studier",
        "Innmelder",
        "HPR-nummer",
        "1234567",
    ):
        assert text in body, text


def test_summary_hides_what_is_not_visible_and_skips_empty_optional_fields() -> None:
    body = letters.render_summary(valid_record(), today=TODAY).html
    assert "Dødsdato" not in body  # only visible when deceased
    assert "Annet diagnosegrunnlag" not in body
    assert "Foresatte / verge" not in body  # optional and empty
    assert "Status" not in body  # no status given


def test_summary_in_english() -> None:
    body = letters.render_summary(valid_record(), lang="en", status="sent", today=TODAY).html
    for text in ("Registration summary", "Copy for the patient record", "Family name",
                 "Female", "Cystic fibrosis", "Sent", "1 June 2025"):  # fmt: skip
        assert text in body, text


def test_summary_of_a_draft_marks_missing_required_fields() -> None:
    draft = {
        "record_id": "00000000-0000-4000-8000-000000000000",
        "revision": 1,
        "patient": {"family_name": "Testesen"},
        "diagnoses": [{}],
        "information": {},
        "reporter": {"registration_date": "2025-06-01"},
    }
    body = letters.render_summary(draft, status="draft", today=TODAY).html
    assert "Utkast" in body
    assert "ikke utfylt" in body
    assert "Testesen" in body


def test_summary_shows_the_chosen_sub_registry_module() -> None:
    from desktop.forms.demo import PID_MODULE, DemoGenerator

    generator = DemoGenerator(seed=5, today=TODAY)
    for _ in range(200):
        record = generator.record()
        if record["modules"].get(PID_MODULE):
            break
    else:  # pragma: no cover
        pytest.fail("no demo record with the sub-registry module")
    body = letters.render_summary(record, today=TODAY).html
    assert "Primær immunsvikt-registeret" in body
    assert "Kategori (IUIS-klassifikasjon)" in body
    assert "g/L" in body


def test_summary_escapes_every_value() -> None:
    record = valid_record()
    record["patient"]["given_names"] = HOSTILE
    record["reporter"]["comment"] = "linje 1 <img src=x>\nlinje 2 & mer"
    record["diagnoses"][0]["institution"]["name"] = HOSTILE
    record["record_id"] = "<b>id</b>"
    doc = letters.render_summary(record, status="<i>x</i>", today=TODAY)
    assert HOSTILE not in doc.html
    assert "<img" not in doc.html and "<i>x" not in doc.html and "<b>id" not in doc.html
    assert HOSTILE_ESCAPED in doc.html
    assert "linje 1 &lt;img src=x&gt;<br>linje 2 &amp; mer" in doc.html
    assert doc.file_name == "registrering-bidb-rev1.pdf"


@pytest.mark.parametrize(
    "payload",
    [
        None,
        [],
        "text",
        {},
        {"patient": "x", "diagnoses": "y", "information": 3, "reporter": [], "modules": 1},
        {"patient": {"sex": ["kvinne"], "address": "Testveien"}, "diagnoses": [None, 3, {}]},
        {"diagnoses": [{"basis": "klinisk", "genetic_findings": {"gene": 1}, "omim": 1.5}]},
        {"patient": {"national_id": 12345678901, "given_names": 7}, "revision": "x"},
    ],
)
def test_malformed_payloads_still_render(payload: Any) -> None:
    summary = letters.render_summary(copy.deepcopy(payload), today=TODAY)
    letter = letters.render_letter(copy.deepcopy(payload), today=TODAY)
    assert summary.html.startswith("<!DOCTYPE html>")
    assert letter.html.startswith("<!DOCTYPE html>")


def test_demo_records_render() -> None:
    from desktop.forms.demo import demo_records

    for record in demo_records(30, seed=11, today=TODAY):
        letters.render_summary(record, status="completed", today=TODAY)
        for variant in letters.suggested_letters(record, today=TODAY):
            letters.render_letter(record, variant, today=TODAY)


def test_the_core_never_imports_qt() -> None:
    code = (
        "import sys, desktop.forms.letters as l\n"
        "l.render_summary({}); l.render_letter({})\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the envelope window's address block (issue 16 point 7) --------------------------------


def test_the_window_block_addresses_the_patient_with_the_return_line() -> None:
    doc = letters.render_letter(valid_record(), "voksne", today=TODAY)
    values = letters.letter_values(valid_record(), today=TODAY, variant="voksne")
    assert values["recipient_name"] == "Prøve Kari Testesen"
    assert values["recipient_address"] == "Testveien 1\n0424 OSLO"  # the place in capitals
    assert values["return_address"] == (
        "Norsk register for sjeldne diagnoser, Postboks 4956 Nydalen, 0424 OSLO"
    )
    assert all(
        part in letters.REGISTER_POSTAL_ADDRESS for part in values["return_address"].split(", ")
    )
    assert 'class="return">Norsk register' in doc.window_html
    assert "Prøve Kari Testesen<br>\nTestveien 1<br>\n0424 OSLO" in doc.window_html
    assert "{{" not in doc.window_html


def test_the_parents_letter_is_addressed_to_the_guardian_and_never_guesses() -> None:
    record = valid_record()
    record["patient"]["guardian"] = {
        "name": "Foresatt Prøvesen",
        "address": " Prøvegata 2 \n\n0150 OSLO",
    }
    values = letters.letter_values(record, today=TODAY, variant="foresatte")
    assert values["recipient_name"] == "Foresatt Prøvesen"
    assert values["recipient_address"] == "Prøvegata 2\n0150 OSLO"
    del record["patient"]["guardian"]
    values = letters.letter_values(record, today=TODAY, variant="foresatte")
    # no guardian in the record: lines to write on, not the child's name or address
    assert values["recipient_name"] == letters.BLANK
    assert values["recipient_address"] == f"{letters.BLANK}\n{letters.BLANK}"


def test_a_missing_address_part_is_a_line_to_write_on() -> None:
    record = valid_record()
    record["patient"]["address"] = {"street": "", "postal_code": "0424"}
    values = letters.letter_values(record, today=TODAY, variant="voksne")
    assert values["recipient_address"] == f"{letters.BLANK}\n0424"
    del record["patient"]["address"]
    del record["patient"]["given_names"], record["patient"]["family_name"]
    values = letters.letter_values(record, today=TODAY, variant="barn_7_11")
    assert values["recipient_name"] == letters.BLANK
    assert values["recipient_address"] == f"{letters.BLANK}\n{letters.BLANK}"


def test_the_address_block_is_escaped() -> None:
    record = valid_record()
    record["patient"]["address"]["street"] = HOSTILE
    doc = letters.render_letter(record, "voksne", today=TODAY)
    assert HOSTILE_ESCAPED in doc.window_html
    assert HOSTILE not in doc.window_html


def test_the_window_template_uses_the_address_slots_only() -> None:
    text = letters.template_path(letters.WINDOW_TEMPLATE).read_text(encoding="utf-8")
    assert letters.template_placeholders(text) == {
        "return_address",
        "recipient_name",
        "recipient_address",
    }
    assert {"return_address", "recipient_name", "recipient_address"} <= letters.PLACEHOLDERS
