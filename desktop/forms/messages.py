"""User-facing validation messages in bokmål and English, keyed by stable issue code.

Every message names the field (``{label}``, the field's label path such as "Diagnose 1 ›
Genetisk funn 2 › Variant (HGVS)"), says what is wrong and what would be right. Parameters
are limits, ages, labels and codes of the shipped code lists (an ORPHA or ICD-10 code),
never free text the user typed: messages may end up in logs. ``_PARAMS`` lists them, and
``desktop.messages`` refuses a message that names any other.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.messages import Catalogue, Lang, Message

_MESSAGES: dict[str, Message] = {
    # --- structure and types -----------------------------------------------------------
    "record.not_object": Message(
        "Registreringen er ikke et JSON-objekt. Lever den som et JSON-objekt med feltene "
        "som er beskrevet i docs/record-format.md.",
        "The registration is not a JSON object. Provide a JSON object with the fields "
        "described in docs/record-format.md.",
    ),
    "record_id.invalid": Message(
        "{label} må være en UUID, for eksempel 3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c. "
        "Opprett registreringen på nytt i programmet.",
        "{label} must be a UUID, e.g. 3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c. Create the "
        "registration again in the application.",
    ),
    "revision.invalid": Message(
        "{label} må være et heltall fra og med 1.",
        "{label} must be a whole number of 1 or more.",
    ),
    "form.invalid": Message(
        '{label} må være et objekt {{"id": "{form}", "version": {version}}}. Rett '
        "skjemareferansen.",
        '{label} must be an object {{"id": "{form}", "version": {version}}}. Correct the form '
        "reference.",
    ),
    "form.unknown_version": Message(
        "{label}: denne versjonen av skjemaet finnes ikke i programmet (tilgjengelig: "
        "{versions}). Oppdater programmet eller bruk en tilgjengelig versjon.",
        "{label}: this version of the form is not installed (available: {versions}). Update "
        "the application or use an available version.",
    ),
    "field.unknown": Message(
        "{label} er ikke et felt i skjemaet. Fjern feltet eller rett navnet (se "
        "docs/record-format.md).",
        "{label} is not a field of the form. Remove it or correct its name (see "
        "docs/record-format.md).",
    ),
    "field.required": Message(
        "{label} mangler. Fyll ut feltet.",
        "{label} is missing. Fill in the field.",
    ),
    "field.not_applicable": Message(
        "{label} skal bare fylles ut når {dependency} tilsier det. Fjern verdien eller "
        "endre {dependency}.",
        "{label} only applies when {dependency} calls for it. Remove the value or change "
        "{dependency}.",
    ),
    "field.type_text": Message(
        "{label} må være tekst. Skriv inn en tekst.",
        "{label} must be text. Enter a text.",
    ),
    "field.type_date": Message(
        "{label} er ikke en gyldig dato. Skriv datoen som {format}, for eksempel {example}.",
        "{label} is not a valid date. Write the date as {format}, e.g. {example}.",
    ),
    "field.type_year": Message(
        "{label} er ikke et gyldig årstall. Skriv fire sifre, for eksempel 2019.",
        "{label} is not a valid year. Write four digits, e.g. 2019.",
    ),
    "field.type_integer": Message(
        "{label} må være et heltall. Skriv et tall uten desimaler.",
        "{label} must be a whole number. Enter a number without decimals.",
    ),
    "field.type_number": Message(
        "{label} må være et tall. Skriv et tall.",
        "{label} must be a number. Enter a number.",
    ),
    "field.type_group": Message(
        "{label} har feil format: forventet et objekt med underfelter. Rett formatet (se "
        "docs/record-format.md).",
        "{label} has the wrong format: expected an object with sub-fields. Correct the format "
        "(see docs/record-format.md).",
    ),
    "field.type_list": Message(
        "{label} har feil format: forventet en liste. Rett formatet (se docs/record-format.md).",
        "{label} has the wrong format: expected a list. Correct the format (see "
        "docs/record-format.md).",
    ),
    "field.too_long": Message(
        "{label} er for lang: høyst {max} tegn. Kort ned teksten.",
        "{label} is too long: at most {max} characters. Shorten the text.",
    ),
    "field.below_min": Message(
        "{label} er for lav: minst {min}{unit}. Rett verdien.",
        "{label} is too low: at least {min}{unit}. Correct the value.",
    ),
    "field.above_max": Message(
        "{label} er for høy: høyst {max}{unit}. Rett verdien.",
        "{label} is too high: at most {max}{unit}. Correct the value.",
    ),
    "enum.invalid": Message(
        "{label} har en verdi som ikke er et av alternativene. Velg ett av: {options}.",
        "{label} has a value that is not one of the choices. Choose one of: {options}.",
    ),
    "multi_enum.duplicate": Message(
        "{label} har samme valg flere ganger. Fjern duplikatet.",
        "{label} has the same choice more than once. Remove the duplicate.",
    ),
    "code.unknown": Message(
        "{label} finnes ikke i kodeverket ({codelist}). Søk opp koden på nytt og velg fra listen.",
        "{label} is not in the code list ({codelist}). Search for the code again and pick it "
        "from the list.",
    ),
    "code.not_canonical": Message(
        "{label} er ikke skrevet på standardformen i kodeverket ({codelist}). Velg koden fra "
        "listen, så skrives den riktig (for eksempel ORPHA:558 eller E84.0).",
        "{label} is not written in the code list's standard form ({codelist}). Pick the code "
        "from the list so it is written correctly (e.g. ORPHA:558 or E84.0).",
    ),
    "codelist.unavailable": Message(
        "{label} kan ikke kontrolleres fordi kodeverket ({codelist}) ikke kunne leses. "
        "Installer programmet på nytt.",
        "{label} cannot be checked because the code list ({codelist}) could not be read. "
        "Reinstall the application.",
    ),
    "repeat.too_few": Message(
        "{label}: minst {min} må fylles ut. Legg til det som mangler.",
        "{label}: at least {min} must be filled in. Add what is missing.",
    ),
    "repeat.too_many": Message(
        "{label}: høyst {max} er tillatt. Fjern de overflødige.",
        "{label}: at most {max} are allowed. Remove the extra ones.",
    ),
    "module.unknown": Message(
        "{label}: dette delregisteret er ukjent for programmet. Fjern opplysningene eller "
        "oppdater programmet.",
        "{label}: this sub-registry is unknown to the application. Remove the data or update "
        "the application.",
    ),
    "module.inactive": Message(
        "{label} er fylt ut, men ingen diagnose har valgt dette delregisteret. Velg "
        "delregisteret under Diagnose, eller fjern opplysningene.",
        "{label} is filled in, but no diagnosis selects this sub-registry. Select the "
        "sub-registry under Diagnosis, or remove the data.",
    ),
    # --- patient ---------------------------------------------------------------------
    "national_id.format": Message(
        "{label} må være 11 sifre. Skriv fødselsnummeret eller D-nummeret uten mellomrom.",
        "{label} must be 11 digits. Enter the national identity number or D number without spaces.",
    ),
    "national_id.checksum": Message(
        "{label}: kontrollsifrene stemmer ikke. Kontroller at alle 11 sifre er skrevet riktig.",
        "{label}: the check digits do not match. Check that all 11 digits are correct.",
    ),
    "national_id.h_number": Message(
        "{label} er et H-nummer (sykehusinternt). Registeret kobles mot Folkeregisteret og "
        "trenger fødselsnummer eller D-nummer. Bruk pasientens fødselsnummer eller D-nummer.",
        "{label} is an H number (hospital-internal). The register links to the National "
        "Population Register and needs a national identity number or D number. Use the "
        "patient's national identity number or D number.",
    ),
    "national_id.fh_number": Message(
        "{label} er et FH-nummer (felles hjelpenummer). Registeret kobles mot Folkeregisteret "
        "og trenger fødselsnummer eller D-nummer. Bruk pasientens fødselsnummer eller D-nummer.",
        "{label} is an FH number (common auxiliary number). The register links to the National "
        "Population Register and needs a national identity number or D number. Use the "
        "patient's national identity number or D number.",
    ),
    "national_id.synthetic": Message(
        "{label} er et syntetisk testnummer. Bruk pasientens ekte fødselsnummer eller D-nummer.",
        "{label} is a synthetic test number. Use the patient's real national identity number "
        "or D number.",
    ),
    "national_id.birth_date": Message(
        "{label} inneholder ingen gyldig fødselsdato. Kontroller de seks første sifrene.",
        "{label} holds no valid birth date. Check the first six digits.",
    ),
    "national_id.future": Message(
        "{label} gir en fødselsdato fram i tid. Kontroller nummeret.",
        "{label} gives a birth date in the future. Check the number.",
    ),
    "sex.differs_from_national_id": Message(
        "{label} stemmer ikke med kjønnet fødselsnummeret angir. Kontroller kjønn og "
        "fødselsnummer, eller bekreft at kjønnet er riktig.",
        "{label} differs from the sex implied by the national identity number. Check the sex "
        "and the number, or confirm that the sex is correct.",
    ),
    "municipality.not_valid_on_date": Message(
        "{label}: kommunenummeret gjaldt ikke på registreringsdatoen. Velg kommunen slik den "
        "var nummerert på registreringsdatoen.",
        "{label}: the municipality number was not in force on the registration date. Choose "
        "the municipality as numbered on the registration date.",
    ),
    "postal_code.format": Message(
        "{label} må være fire sifre, for eksempel 0424.",
        "{label} must be four digits, e.g. 0424.",
    ),
    "phone.format": Message(
        "{label} er ikke et gyldig telefonnummer. Skriv 8 sifre, eventuelt med landskode (+47).",
        "{label} is not a valid phone number. Enter 8 digits, optionally with a country code "
        "(+47).",
    ),
    "email.format": Message(
        "{label} er ikke en gyldig e-postadresse. Skriv den som navn@domene.no.",
        "{label} is not a valid e-mail address. Write it as name@domain.no.",
    ),
    "date.future": Message(
        "{label} er fram i tid. Skriv en dato som ikke er senere enn i dag.",
        "{label} is in the future. Enter a date no later than today.",
    ),
    "date.before_birth": Message(
        "{label} er før pasientens fødselsdato. Kontroller datoen og fødselsnummeret.",
        "{label} is before the patient's birth date. Check the date and the national "
        "identity number.",
    ),
    "date_of_death.before_birth": Message(
        "{label} er før fødselsdatoen. Kontroller dødsdatoen og fødselsnummeret.",
        "{label} is before the birth date. Check the date of death and the national identity "
        "number.",
    ),
    "date_of_death.future": Message(
        "{label} er fram i tid. Skriv en dato som ikke er senere enn i dag.",
        "{label} is in the future. Enter a date no later than today.",
    ),
    "guardian.suggested": Message(
        "{label}: pasienten er {age} år. Fyll ut foresatte eller verge, eller bekreft at det "
        "ikke skal fylles ut.",
        "{label}: the patient is {age} years old. Fill in a parent or guardian, or confirm "
        "that none is given.",
    ),
    # --- diagnosis -------------------------------------------------------------------
    "diagnosis.undiagnosed_assertion": Message(
        "{label}: ORPHA:616874 (udiagnostisert) krever diagnosesikkerheten «udiagnostisert "
        "etter full utredning». Velg den under Diagnosesikkerhet, eller velg en annen kode.",
        "{label}: ORPHA:616874 (undiagnosed) requires the assertion 'undiagnosed after full "
        "investigation'. Choose it under Diagnostic assertion, or choose another code.",
    ),
    "diagnosis.assertion_needs_undiagnosed_code": Message(
        "{label}: diagnosesikkerheten er «udiagnostisert», men koden er en bestemt diagnose. "
        "Bruk ORPHA:616874 for udiagnostiserte, endre diagnosesikkerheten, eller bekreft.",
        "{label}: the assertion is 'undiagnosed', but the code is a specific disorder. Use "
        "ORPHA:616874 for undiagnosed patients, change the assertion, or confirm.",
    ),
    "diagnosis.likely_duplicate": Message(
        "{label}: det finnes allerede en registrering med samme fødselsnummer og ORPHA-kode. "
        "Kontroller at dette ikke er en dobbeltregistrering, eller bekreft.",
        "{label}: a registration with the same national identity number and ORPHA code "
        "already exists. Check that this is not a duplicate, or confirm.",
    ),
    "orpha.inactive": Message(
        "{label}: {orpha} er ikke lenger aktiv i Orphanets nomenklatur og er erstattet av "
        "{successor} ({successor_name}). Velg {successor}, eller bekreft koden.",
        "{label}: {orpha} is no longer active in Orphanet's nomenclature; it was replaced by "
        "{successor} ({successor_name}). Choose {successor}, or confirm the code.",
    ),
    "orpha.inactive_no_successor": Message(
        "{label}: {orpha} er utgått i Orphanets nomenklatur og har ingen etterfølger. Søk opp "
        "diagnosen på nytt, eller bekreft koden.",
        "{label}: {orpha} is obsolete in Orphanet's nomenclature and has no successor. Search "
        "for the diagnosis again, or confirm the code.",
    ),
    "orpha.dropped": Message(
        "{label}: {orpha} finnes ikke i den nyeste utgaven av ORPHA-listen ({version}); "
        "Orphanet kan ha gjort koden inaktiv. Kontroller koden på orpha.net, eller bekreft den.",
        "{label}: {orpha} is not in the newest release of the ORPHA list ({version}); Orphanet "
        "may have made it inactive. Check the code at orpha.net, or confirm it.",
    ),
    "icd10.needs_subcategory": Message(
        "{label}: {icd10} er en kategori med underkategorier ({subcategories}). Velg "
        "underkategorien som passer, eller bekreft kategorien.",
        "{label}: {icd10} is a category with subcategories ({subcategories}). Choose the "
        "subcategory that fits, or confirm the category.",
    ),
    "icd10.not_aligned_with_orpha": Message(
        "{label}: {orpha} er knyttet til {aligned} i ICD-10, ikke til denne koden. "
        "Kontroller ICD-10-koden og ORPHA-koden, eller bekreft.",
        "{label}: {orpha} is aligned with {aligned} in ICD-10, not with this code. Check the "
        "ICD-10 code and the ORPHA code, or confirm.",
    ),
    "diagnosis_year.too_early": Message(
        "{label} er før {min}. Kontroller årstallet.",
        "{label} is before {min}. Check the year.",
    ),
    "diagnosis_year.before_birth": Message(
        "{label} er mer enn ett år før fødselsåret. Skriv {min} eller senere.",
        "{label} is more than one year before the birth year. Enter {min} or later.",
    ),
    "diagnosis_year.after_registration": Message(
        "{label} er etter registreringsåret. Skriv {max} eller tidligere.",
        "{label} is after the registration year. Enter {max} or earlier.",
    ),
    "onset_age.above_age": Message(
        "{label} er høyere enn pasientens alder ({age} år) på registreringsdatoen. Rett alderen.",
        "{label} is higher than the patient's age ({age}) on the registration date. Correct "
        "the age.",
    ),
    "omim.format": Message(
        "{label} må være seks sifre, for eksempel 219700.",
        "{label} must be six digits, e.g. 219700.",
    ),
    "gene.symbol": Message(
        "{label} er ikke et gyldig HGNC-gensymbol. Skriv det godkjente symbolet, for eksempel "
        "CFTR.",
        "{label} is not a valid HGNC gene symbol. Enter the approved symbol, e.g. CFTR.",
    ),
    "genetic_finding.empty": Message(
        "{label}: hvert genetisk funn må ha en variant (HGVS) eller en karyotype (ISCN). Fyll "
        "ut en av dem, eller fjern funnet.",
        "{label}: every genetic finding needs a variant (HGVS) or a karyotype (ISCN). Fill in "
        "one of them, or remove the finding.",
    ),
    "hgvs.reference": Message(
        "{label} mangler en gyldig referansesekvens med versjon. Start med for eksempel "
        "NM_000492.4: (RefSeq NM_, NR_, NC_, NG_, NT_, NW_, NP_, Ensembl ENST/ENSG/ENSP eller "
        "LRG_; en genomisk sekvens med transkript skrives NG_012232.1(NM_004006.2):). "
        "Predikerte sekvenser (XM_, XR_, XP_) kan ikke brukes.",
        "{label} lacks a valid reference sequence. Start with e.g. NM_000492.4: (RefSeq NM_, "
        "NR_, NC_, NG_, NT_, NW_, NP_, Ensembl ENST/ENSG/ENSP or LRG_; a genomic sequence "
        "with a transcript is written NG_012232.1(NM_004006.2):). Predicted sequences (XM_, "
        "XR_, XP_) cannot be used.",
    ),
    "hgvs.reference_version": Message(
        "{label}: referansesekvensen mangler versjonsnummer. Skriv den med versjon, for "
        "eksempel NM_000492.4.",
        "{label}: the reference sequence lacks its version. Write it with the version, e.g. "
        "NM_000492.4.",
    ),
    "hgvs.type_mismatch": Message(
        "{label}: koordinattypen passer ikke til referansesekvensen. Bruk c. eller r. med "
        "NM_/ENST, n. eller r. med NR_, g. med NC_/NG_/LRG_, m. med mitokondriets NC_012920.1 "
        "og p. med NP_/ENSP.",
        "{label}: the coordinate type does not fit the reference sequence. Use c. or r. with "
        "NM_/ENST, n. or r. with NR_, g. with NC_/NG_/LRG_, m. with the mitochondrial "
        "NC_012920.1 and p. with NP_/ENSP.",
    ),
    "hgvs.syntax": Message(
        "{label} følger ikke HGVS-notasjonen. Skriv for eksempel NM_000492.4:c.1521_1523del, "
        "NM_004006.2:c.[76A>C];[83G>C] eller NP_000483.3:p.(Arg117His).",
        "{label} does not follow the HGVS notation. Write e.g. NM_000492.4:c.1521_1523del, "
        "NM_004006.2:c.[76A>C];[83G>C] or NP_000483.3:p.(Arg117His).",
    ),
    "hgvs.range_order": Message(
        "{label}: intervallet går baklengs. Skriv laveste posisjon først: c.100_200del, ikke "
        "c.200_100del.",
        "{label}: the range runs backwards. Write the lowest position first: c.100_200del, "
        "not c.200_100del.",
    ),
    "hgvs.range_same": Message(
        "{label}: et intervall må ha to ulike posisjoner. Skriv én posisjon alene: c.123del, "
        "ikke c.123_123del.",
        "{label}: a range needs two different positions. Write a single position on its own: "
        "c.123del, not c.123_123del.",
    ),
    "hgvs.protein_one_letter": Message(
        "{label} bruker enbokstavskoder for aminosyrer. Det er tillatt, men HGVS anbefaler "
        "trebokstavskoder: skriv for eksempel p.Arg117His i stedet for p.R117H, eller bekreft.",
        "{label} uses one-letter amino-acid codes. That is allowed, but HGVS recommends "
        "three-letter codes: write e.g. p.Arg117His instead of p.R117H, or confirm.",
    ),
    "hgvs.unchanged": Message(
        "{label} beskriver en endring til det samme. Uendret skrives med «=»: p.Arg117= i "
        "stedet for p.Arg117Arg, c.76= i stedet for c.76A>A.",
        "{label} describes a change to the same residue. Unchanged is written with '=': "
        "p.Arg117= instead of p.Arg117Arg, c.76= instead of c.76A>A.",
    ),
    "hgvs.substitution_range": Message(
        "{label}: en substitusjon bytter ett nukleotid med ett annet. Flere nukleotider "
        "skrives som delins: c.76_77delinsTT i stedet for c.76_77AA>TT.",
        "{label}: a substitution replaces one nucleotide with one other. More nucleotides "
        "are written as delins: c.76_77delinsTT instead of c.76_77AA>TT.",
    ),
    "hgvs.insertion_flanks": Message(
        "{label}: en innsetting skrives mellom to naboposisjoner: c.76_77insG, ikke "
        "c.76_78insG eller c.76insG (p.Lys23_Leu24insAsp, ikke p.Lys23insAsp). Erstattes "
        "nukleotider, skriv delins.",
        "{label}: an insertion is written between two neighbouring positions: c.76_77insG, "
        "not c.76_78insG or c.76insG (p.Lys23_Leu24insAsp, not p.Lys23insAsp). If "
        "nucleotides are replaced, write delins.",
    ),
    "hgvs.conversion": Message(
        "{label}: «con» (konvertering) brukes ikke lenger i HGVS. Skriv det som delins: "
        "c.812_829delins908_925 i stedet for c.812_829con908_925.",
        "{label}: 'con' (conversion) is no longer used in HGVS. Write it as delins: "
        "c.812_829delins908_925 instead of c.812_829con908_925.",
    ),
    "hgvs.delins_form": Message(
        "{label}: skriv delesjon-innsetting som «delins» uten den slettede sekvensen: "
        "c.76_77delinsG i stedet for c.76_77delTTinsG.",
        "{label}: write a deletion-insertion as 'delins' without the deleted sequence: "
        "c.76_77delinsG instead of c.76_77delTTinsG.",
    ),
    "hgvs.unknown_offset": Message(
        "{label}: ukjente bruddpunkter i introner skrives som usikre intervaller: "
        "c.(649+1_650-1)_(1331+1_1332-1)del i stedet for c.650-?_1331+?del.",
        "{label}: unknown breakpoints in introns are written as uncertain ranges: "
        "c.(649+1_650-1)_(1331+1_1332-1)del instead of c.650-?_1331+?del.",
    ),
    "hgvs.repeat_frame": Message(
        "{label}: på c. brukes repetisjonsformen i den kodende sekvensen bare for enheter på "
        "tre nukleotider eller et multiplum av tre. Skriv dup, del eller ins: "
        "c.2692_2693dup i stedet for c.2686A[10].",
        "{label}: on c. the repeat form is used in the coding sequence only for units of "
        "three nucleotides or a multiple of three. Write dup, del or ins: c.2692_2693dup "
        "instead of c.2686A[10].",
    ),
    "hgvs.frameshift_nonsense": Message(
        "{label}: et stoppkodon direkte på posisjonen er en nonsensvariant, ikke en "
        "rammeskifting: p.Tyr4Ter i stedet for p.Tyr4TerfsTer1.",
        "{label}: a stop codon right at the position is a nonsense variant, not a frame "
        "shift: p.Tyr4Ter instead of p.Tyr4TerfsTer1.",
    ),
    "hgvs.protein_start": Message(
        "{label}: en endring i startkodonet (Met1) skrives ikke som en aminosyreendring. "
        "Skriv p.(Met1?) når konsekvensen er ukjent, p.0 når det ikke lages protein, eller "
        "en forlengelse (p.Met1ext-5).",
        "{label}: a change of the start codon (Met1) is not written as an amino-acid change. "
        "Write p.(Met1?) when the consequence is unknown, p.0 when no protein is made, or an "
        "extension (p.Met1ext-5).",
    ),
    "hgvs.protein_extension": Message(
        "{label}: en endring av stoppkodonet skrives som forlengelse: p.Ter110GlnextTer17 "
        "(eller p.Ter110GlnextTer? når det nye stoppkodonet er ukjent).",
        "{label}: a change of the stop codon is written as an extension: p.Ter110GlnextTer17 "
        "(or p.Ter110GlnextTer? when the new stop codon is not known).",
    ),
    "hgvs.allele_brackets": Message(
        "{label}: flere varianter skrives med allelklammer: på samme kromosom "
        "c.[76A>C;83G>C], på hvert sitt c.[76A>C];[83G>C], ukjent fase c.76A>C(;)83G>C.",
        "{label}: several variants are written with allele brackets: on one chromosome "
        "c.[76A>C;83G>C], on different ones c.[76A>C];[83G>C], phase unknown c.76A>C(;)83G>C.",
    ),
    "hgvs.allele_parentheses": Message(
        "{label}: parentesene for predikerte konsekvenser står innenfor allelklammene: "
        "p.[(Ser68Arg;Cys690Trp)], ikke p.([Ser68Arg;Cys690Trp]).",
        "{label}: the parentheses of predicted consequences go inside the allele brackets: "
        "p.[(Ser68Arg;Cys690Trp)], not p.([Ser68Arg;Cys690Trp]).",
    ),
    "hgvs.nucleotide_case": Message(
        "{label}: DNA (c., g., m., n., o.) skrives med store bokstaver og RNA (r.) med små: "
        "c.76A>G, r.76a>g.",
        "{label}: DNA (c., g., m., n., o.) is written in capitals and RNA (r.) in lower case: "
        "c.76A>G, r.76a>g.",
    ),
    "iscn.count": Message(
        "{label}: kromosomtallet stemmer ikke med kjønnskromosomene og de numeriske "
        "endringene. Skriv for eksempel 47,XY,+21 (ikke 46,XY,+21) eller 45,X.",
        "{label}: the chromosome count does not match the sex chromosomes and the numerical "
        "changes. Write e.g. 47,XY,+21 (not 46,XY,+21) or 45,X.",
    ),
    "iscn.syntax": Message(
        "{label} følger ikke ISCN-notasjonen. Skriv for eksempel 47,XY,+21, "
        "46,XX,t(9;22)(q34;q11.2), mos 45,X[15]/46,XX[5] eller "
        "arr[GRCh38] 22q11.21(18912231_21465672)x1.",
        "{label} does not follow the ISCN notation. Write e.g. 47,XY,+21, "
        "46,XX,t(9;22)(q34;q11.2), mos 45,X[15]/46,XX[5] or "
        "arr[GRCh38] 22q11.21(18912231_21465672)x1.",
    ),
    # --- information and reporter ------------------------------------------------------
    "information.letter_age": Message(
        "{label} passer ikke til pasientens alder ({age} år) på registreringsdatoen. Velg "
        "{options}, eller bekreft valget.",
        "{label} does not fit the patient's age ({age}) on the registration date. Choose "
        "{options}, or confirm the choice.",
    ),
    "orgnr.format": Message(
        "{label} må være ni sifre.",
        "{label} must be nine digits.",
    ),
    "orgnr.checksum": Message(
        "{label}: kontrollsifferet stemmer ikke. Kontroller nummeret i Enhetsregisteret.",
        "{label}: the check digit does not match. Check the number in the Central "
        "Coordinating Register for Legal Entities.",
    ),
    "hpr_number.format": Message(
        "{label} må være 4–9 sifre (bare tall). Finn nummeret i Helsepersonellregisteret.",
        "{label} must be 4–9 digits (digits only). Look the number up in the Health Personnel "
        "Register.",
    ),
    "reporter.contact_required": Message(
        "{label}: innmelder må ha telefon eller e-post. Fyll ut minst én av dem.",
        "{label}: the reporting clinician needs a phone number or an e-mail address. Fill in "
        "at least one.",
    ),
    "comment.personal_data": Message(
        "{label} ser ut til å inneholde personopplysninger (fødselsnummer, telefonnummer "
        "eller e-post). Fjern dem hvis de ikke er nødvendige, eller bekreft.",
        "{label} seems to contain personal data (national identity number, phone number or "
        "e-mail). Remove it unless it is needed, or confirm.",
    ),
}


# What each parameter holds. None is a value the user typed: a value that is wrong is named by
# its field's label, and the message says what a right one looks like.
_PARAMS = {
    "format": "how a date is written where it is typed (ÅÅÅÅ-MM-DD in a record, DD.MM.ÅÅÅÅ "
    "in the form)",
    "example": "an example date in that format",
    "label": "the field's label path in the form (Diagnose 1 › Genetisk funn 2 › Variant)",
    "dependency": "the label of the field another one depends on",
    "form": "the form's id",
    "version": "a form or code-list version",
    "versions": "the installed versions of the form",
    "min": "a limit of the form (length, value, count, year)",
    "max": "a limit of the form (length, value, count, year)",
    "unit": "the unit of a limit, from the form",
    "options": "labels of the field's choices, from the form",
    "codelist": "the name of a shipped code list",
    "age": "the patient's age in whole years, computed (not typed)",
    "orpha": "an ORPHA code that is in the shipped list",
    "successor": "the ORPHA code that replaced an inactive one",
    "successor_name": "its preferred name in the shipped list",
    "icd10": "an ICD-10 code that is in the shipped list",
    "subcategories": "ICD-10 subcategories from the shipped list",
    "aligned": "ICD-10 codes the shipped ORPHA list aligns a code with",
}

MESSAGES = Catalogue(
    "forms",
    _MESSAGES,
    params=_PARAMS,
    # a code this version has no text for still produces a usable sentence
    fallback=Message(
        "{label}: ugyldig verdi ({code}). Rett feltet.",
        "{label}: invalid value ({code}). Correct the field.",
    ),
)


def render(code: str, lang: Lang, label: str, params: Mapping[str, object] | None = None) -> str:
    """The message for ``code`` about the field labelled ``label``."""
    return MESSAGES.text(code, lang, **{**(params or {}), "label": label})
