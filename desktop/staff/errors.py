"""Staff-mode errors with stable codes and plain messages (bokmål and English).

Every message says what happened and what to do, and never holds a field value, a national
id or payload bytes: at most a batch id, a key id or a record id (random uuids). A refused
batch carries the protocol's own reason code (docs/protocol.md), so staff and clinic speak of
the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.messages import DEFAULT_LANG, Catalogue, CodedError, Lang, Message

_RESEND = Message(
    "Forsendelsen er skadet eller endret underveis. Ingenting av den er importert. Be klinikken "
    "sende den på nytt (sjelden sync eller sjelden export-batch).",
    "The batch is damaged or was altered on the way. Nothing of it was imported. Ask the clinic "
    "to send it again (sjelden sync or sjelden export-batch).",
    gui=Message(
        "Forsendelsen er skadet eller endret underveis. Ingenting av den er importert. "
        "Be klinikken sende den på nytt (Synkronisering > Synkroniser nå, eller "
        "Eksporter forsendelser til en mappe).",
        "The batch is damaged or was altered on the way. Nothing of it was imported. "
        "Ask the clinic to send it again (Sync > Sync now, or Export batches to a "
        "folder).",
    ),
)
_UPDATE = Message(
    "Forsendelsen er laget med en nyere versjon av protokollen. Ingenting er importert. Oppdater "
    "Sjelden og importer igjen.",
    "The batch was made with a newer protocol version. Nothing was imported. Update Sjelden and "
    "import it again.",
)

# Why a whole batch was refused: the protocol's codes plus the register's own.
BATCH_MESSAGES = Catalogue(
    "staff.batch",
    {
        "truncated": Message(
            "Forsendelsen er ufullstendig (avkortet). Ingenting er importert. Kopier filen på nytt "
            "eller hent den igjen.",
            "The batch is incomplete (cut short). Nothing was imported. Copy the file again or "
            "pull "
            "it again.",
        ),
        "bad_magic": Message(
            "Filen er ikke en Sjelden-forsendelse (.sjbt). Ingenting er importert. Velg riktig "
            "fil.",
            "The file is not a Sjelden batch (.sjbt). Nothing was imported. Choose the right file.",
        ),
        "trailing_data": _RESEND,
        "not_canonical": _RESEND,
        "malformed": _RESEND,
        "length_mismatch": _RESEND,
        "count_mismatch": _RESEND,
        "invalid_record": _RESEND,
        "decryption_failed": _RESEND,
        "unsupported_version": _UPDATE,
        "too_large": Message(
            "Forsendelsen er større enn protokollen tillater. Ingenting er importert. Be klinikken "
            "sende mindre forsendelser.",
            "The batch is larger than the protocol allows. Nothing was imported. Ask the clinic to "
            "send smaller batches.",
        ),
        "unknown_key": Message(
            "Forsendelsen er signert av en installasjon som ikke er godkjent her. Ingenting er "
            "importert. Sammenlign fingeravtrykket med klinikken og godkjenn den (sjelden staff "
            "approve KEY_ID --fingerprint ...), og importer igjen.",
            "The batch is signed by an installation that is not approved here. Nothing was "
            "imported. Compare the fingerprint with the clinic and approve it (sjelden staff "
            "approve "
            "KEY_ID --fingerprint ...), then import again.",
            gui=Message(
                "Forsendelsen er signert av en installasjon som ikke er godkjent her. Ingenting "
                "er importert. Sammenlign fingeravtrykket med klinikken og få installasjonen "
                "godkjent (det gjøres på kommandolinjen, se brukerveiledningen for registeret); "
                "velg så Innboks > Forsendelser i karantene > Prøv igjen, eller importer filen "
                "igjen.",
                "The batch is signed by an installation that is not approved here. Nothing was "
                "imported. Compare the fingerprint with the clinic and have the installation "
                "approved (done on the command line, see the staff guide); then choose Inbox > "
                "Quarantined batches > Retry, or import the file again.",
            ),
        ),
        "bad_signature": Message(
            "Signaturen stemmer ikke: forsendelsen er endret eller ikke laget av installasjonen "
            "den "
            "oppgir. Ingenting er importert. Be klinikken sende den på nytt; skjer det igjen, "
            "kontakt sikkerhetsansvarlig.",
            "The signature does not verify: the batch was altered or not made by the installation "
            "it names. Nothing was imported. Ask the clinic to send it again; if it happens again, "
            "contact the security officer.",
        ),
        "wrong_recipient": Message(
            "Forsendelsen er kryptert til en registernøkkel denne profilen ikke har. Ingenting er "
            "importert. Importer med profilen som har den nøkkelen, eller be klinikken oppdatere "
            "registernøkkelen (sjelden enroll) og sende på nytt.",
            "The batch is encrypted to a register key this profile does not hold. Nothing was "
            "imported. Import it with the profile that holds that key, or ask the clinic to update "
            "the register key (sjelden enroll) and send again.",
            gui=Message(
                "Forsendelsen er kryptert til en registernøkkel denne profilen ikke har. "
                "Ingenting er importert. Importer med profilen som har den nøkkelen, eller be "
                "klinikken velge Synkronisering > Synkroniser nå (som henter registerets "
                "nøkler) og sende på nytt.",
                "The batch is encrypted to a register key this profile does not hold. Nothing "
                "was imported. Import it with the profile that holds that key, or ask the "
                "clinic to choose Sync > Sync now (which fetches the register's keys) and send "
                "again.",
            ),
        ),
        "record_owned_elsewhere": Message(
            "Forsendelsen inneholder registrerings-id-er som tilhører en annen installasjon (den "
            "som sendte dem først). Ingenting av den er importert, og avsenderen får beskjed "
            "med neste tilbakemelding. En klinikk kan ikke endre en annen klinikks "
            "registreringer; skjer det igjen, kontakt sikkerhetsansvarlig.",
            "The batch holds record ids that belong to another installation (the one that sent "
            "them first). Nothing of it was imported, and the sender is told with the next "
            "feedback. A clinic cannot change another clinic's registrations; if it happens "
            "again, contact the security officer.",
        ),
        "installation_revoked": Message(
            "Forsendelsen kommer fra en installasjon som var trukket tilbake da den ble mottatt. "
            "Ingenting er importert. Er tilbaketrekkingen riktig, be klinikken registrere PC-en "
            "på nytt og sende registreringene igjen; ellers kontakt sikkerhetsansvarlig.",
            "The batch comes from an installation that was revoked when the batch was received. "
            "Nothing was imported. If the revocation is right, ask the clinic to enroll the PC "
            "again and send the registrations again; otherwise contact the security officer.",
        ),
        "already_imported": Message(
            "Forsendelsen er allerede importert. Ingenting nytt er lagret.",
            "The batch was already imported. Nothing new was stored.",
        ),
        "batch_conflict": Message(
            "En annen forsendelse med samme id er allerede importert. Ingenting er importert. "
            "Kontakt klinikken; forsendelser skal aldri gjenbruke en id.",
            "A different batch with the same id was already imported. Nothing was imported. "
            "Contact "
            "the clinic; batches must never reuse an id.",
        ),
        "batch_id_mismatch": Message(
            "Innboksen leverte en annen forsendelse enn den oppga. Ingenting er importert eller "
            "kvittert. Kontakt driftsansvarlig for innboksen.",
            "The inbox delivered another batch than it listed. Nothing was imported or "
            "acknowledged. Contact whoever runs the inbox.",
        ),
        "import_failed": Message(
            "Forsendelsen kunne ikke importeres (en uventet feil i denne forsendelsen). Ingenting "
            "av den er importert; den er satt i karantene, og andre forsendelser importeres "
            "som vanlig. Send feilkoden til brukerstøtte, og prøv igjen etter en oppdatering "
            "(sjelden staff quarantine retry).",
            "The batch could not be imported (an unexpected failure in this batch). Nothing of "
            "it was imported; it is quarantined, and other batches are imported as usual. Send "
            "the error code to support, and retry after an update (sjelden staff quarantine "
            "retry).",
            gui=Message(
                "Forsendelsen kunne ikke importeres (en uventet feil i denne forsendelsen). "
                "Ingenting av den er importert; den er satt i karantene, og andre forsendelser "
                "importeres som vanlig. Send feilkoden til brukerstøtte, og prøv igjen etter en "
                "oppdatering (Innboks > Forsendelser i karantene > Prøv igjen).",
                "The batch could not be imported (an unexpected failure in this batch). Nothing "
                "of it was imported; it is quarantined, and other batches are imported as "
                "usual. Send the error code to support, and retry after an update (Inbox > "
                "Quarantined batches > Retry).",
            ),
        ),
        "unreadable_file": Message(
            "Filen kan ikke leses. Ingenting er importert. Sjekk stien og filrettighetene.",
            "The file cannot be read. Nothing was imported. Check the path and file permissions.",
        ),
    },
    # a protocol code this version does not know yet
    fallback=Message(
        "Forsendelsen ble avvist; ingenting er importert. ({code})",
        "The batch was refused; nothing was imported. ({code})",
    ),
)

# Everything else staff can be told about.
MESSAGES = Catalogue(
    "staff",
    {
        "not_staff_profile": Message(
            "Profilen er en klinikerprofil. Opprett en egen registerprofil med 'sjelden --profile "
            "NAVN staff init'.",
            "This is a clinician profile. Create a separate staff profile with 'sjelden --profile "
            "NAME staff init'.",
            gui=Message(
                "Profilen er en klinikerprofil. Registerarbeid krever en egen registerprofil; "
                "den opprettes på kommandolinjen (se brukerveiledningen for registeret).",
                "This is a clinician profile. Registry work needs a separate staff profile; it "
                "is created on the command line (see the staff guide).",
            ),
        ),
        "staff_profile_incomplete": Message(
            "Registerprofilen mangler nøkler (oppsettet ble avbrutt). Opprett den på nytt med "
            "'sjelden staff init'.",
            "The staff profile has no keys (set-up was interrupted). Create it again with 'sjelden "
            "staff init'.",
            gui=Message(
                "Registerprofilen mangler nøkler (oppsettet ble avbrutt). Den må opprettes på "
                "nytt på kommandolinjen (se brukerveiledningen for registeret).",
                "The staff profile has no keys (set-up was interrupted). It must be created "
                "again on the command line (see the staff guide).",
            ),
        ),
        "no_inbox": Message(
            "Ingen innboks er satt opp. Oppgi adressen med 'sjelden staff configure --inbox URL'.",
            "No inbox is configured. Set its address with 'sjelden staff configure --inbox URL'.",
            gui=Message(
                "Ingen innboks er satt opp for denne registerprofilen. Adressen settes på "
                "kommandolinjen (se brukerveiledningen for registeret); Fil > Importer "
                "forsendelsesfiler virker uten innboks.",
                "No inbox is configured for this staff profile. Its address is set on the "
                "command line (see the staff guide); File > Import batch files works without an "
                "inbox.",
            ),
        ),
        "register_db_unavailable": Message(
            "Registerdatabasen svarer ikke. Sjekk at PostgreSQL kjører og at adressen stemmer "
            "('sjelden staff configure --register-db URL'), og prøv igjen.",
            "The register database does not answer. Check that PostgreSQL runs and the address is "
            "right ('sjelden staff configure --register-db URL'), and try again.",
            gui=Message(
                "Registerdatabasen svarer ikke. Sjekk at PostgreSQL kjører og at adressen i "
                "registerprofilen stemmer, og prøv igjen.",
                "The register database does not answer. Check that PostgreSQL runs and the "
                "address in the staff profile is right, and try again.",
            ),
        ),
        "register_db_not_postgres": Message(
            "Registerdatabasen må være en postgresql://-adresse (eller '' for registeret i "
            "profilen). Ingenting er endret; prøv igjen med riktig --register-db.",
            "The register database must be a postgresql:// address (or '' for the register in "
            "this profile). Nothing was changed; try again with the right --register-db.",
            gui=Message(
                "Registerdatabasen må være en postgresql://-adresse (eller tom for registeret i "
                "profilen). Ingenting er endret.",
                "The register database must be a postgresql:// address (or empty for the "
                "register in this profile). Nothing was changed.",
            ),
        ),
        "postgres_driver_missing": Message(
            "PostgreSQL-driveren (psycopg) er ikke installert. Installer med "
            "'pip install sjelden[server]', eller bruk registeret i profilen.",
            "The PostgreSQL driver (psycopg) is not installed. Install it with "
            "'pip install sjelden[server]', or keep the register in the profile.",
        ),
        "register_db_error": Message(
            "Registerdatabasen meldte en feil; ingenting er endret av operasjonen. Send "
            "feilkoden til brukerstøtte.",
            "The register database reported an error; the operation changed nothing. Send the "
            "error code to support.",
        ),
        "register_key_mismatch": Message(
            "Registerdatabasen er satt opp med andre registernøkler enn denne profilen har. "
            "Ingenting er endret. Bruk profilen som hører til databasen.",
            "The register database was set up with other register keys than this profile holds. "
            "Nothing was changed. Use the profile that belongs to that database.",
        ),
        "register_schema_too_new": Message(
            "Registerdatabasen er laget av en nyere versjon av Sjelden. Oppdater programmet.",
            "The register database was written by a newer version of Sjelden. Update the program.",
        ),
        "unknown_item": Message(
            "Ingen ventende registrering har den id-en. Se 'sjelden staff queue'.",
            "No pending registration has that id. See 'sjelden staff queue'.",
            gui=Message(
                "Ingen ventende registrering har den id-en. Oppdater køen (Gjennomgang > "
                "Oppdater).",
                "No pending registration has that id. Reload the queue (Review > Reload).",
            ),
        ),
        "ambiguous_item": Message(
            "Flere revisjoner av registreringen venter. Oppgi hvilken med --revision.",
            "Several revisions of the registration are pending. Choose one with --revision.",
            gui=Message(
                "Flere revisjoner av registreringen venter. Velg én av dem i køen.",
                "Several revisions of the registration are pending. Choose one of them in the "
                "queue.",
            ),
        ),
        "not_pending": Message(
            "Registreringen er allerede avgjort.",
            "The registration has already been decided.",
        ),
        "undo_not_decided": Message(
            "Registreringen venter fortsatt på en avgjørelse; det er ingenting å angre.",
            "The registration is still waiting for a decision; there is nothing to undo.",
        ),
        "undo_feedback_sent": Message(
            "Avgjørelsen kan ikke angres: tilbakemeldingen til klinikken er allerede laget og "
            "signert. Ta kontakt med klinikken og be om en ny revisjon om noe må rettes.",
            "The decision cannot be undone: the feedback to the clinic has already been made and "
            "signed. Contact the clinic and ask for a new revision if something must be "
            "corrected.",
        ),
        "undo_superseded": Message(
            "Avgjørelsen kan ikke angres: registeret har godtatt en nyere revisjon av "
            "registreringen siden. Angre den nyeste avgjørelsen først.",
            "The decision cannot be undone: the register has accepted a newer revision of the "
            "registration since. Undo the newest decision first.",
        ),
        "undo_reserved": Message(
            "Avgjørelsen kan ikke angres: personen har reservert seg, og opplysningene er slettet.",
            "The decision cannot be undone: the person has a reservation, and the data are "
            "deleted.",
        ),
        "duplicate_refused": Message(
            "Registeret har allerede denne personen med samme diagnose under en annen id. Den kan "
            "ikke godkjennes; avgjør den som duplikat (decide ... duplicate).",
            "The register already holds this person with the same diagnosis under another id. It "
            "cannot be accepted; decide it as a duplicate (decide ... duplicate).",
        ),
        "invalid_refused": Message(
            "Registreringen har valideringsfeil og kan ikke godkjennes. Avvis den med en "
            "begrunnelse, så retter klinikken den.",
            "The registration has validation errors and cannot be accepted. Reject it with a "
            "reason, and the clinic corrects it.",
        ),
        "stale_refused": Message(
            "Registeret har allerede en like ny eller nyere revisjon. Avvis den (f.eks. --reason "
            "stale) eller avgjør den som duplikat.",
            "The register already holds an equal or newer revision. Reject it (e.g. --reason "
            "stale) "
            "or decide it as a duplicate.",
            gui=Message(
                "Registeret har allerede en like ny eller nyere revisjon. Avvis den (med en "
                "begrunnelse) eller merk den som duplikat.",
                "The register already holds an equal or newer revision. Reject it (with a "
                "reason) or mark it as a duplicate.",
            ),
        ),
        "bad_reason_code": Message(
            "Begrunnelseskoden må være små bokstaver, sifre og _ (f.eks. "
            "diagnosis_not_confirmed), høyst 64 tegn, og kreves for avvisning.",
            "The reason code must be lower-case letters, digits and _ (e.g. "
            "diagnosis_not_confirmed), at most 64 characters, and is required to reject.",
        ),
        "personal_data_in_text": Message(
            "Begrunnelsesteksten ser ut til å inneholde personopplysninger (fødselsnummer, "
            "telefon, e-post, eller navn, fødselsdato eller sted fra selve registreringen). "
            "Skriv hva som må rettes uten å gjengi opplysningene; klinikken har registreringen.",
            "The reason text seems to hold personal data (a national id, phone or e-mail, or a "
            "name, birth date or place from the registration itself). Say what must be "
            "corrected without repeating them; the clinic has the registration.",
        ),
        "installation_not_pinned": Message(
            "En installasjon som har avgjørelser å få, er ikke festet i denne profilen, så "
            "begrunnelsene til den kan ikke krypteres. Fest den (sjelden staff pin KEY_ID "
            "--fingerprint …) og send på nytt; ingenting er sendt.",
            "An installation with decisions waiting is not pinned in this profile, so reasons "
            "for it cannot be encrypted. Pin it (sjelden staff pin KEY_ID --fingerprint …) and "
            "send again; nothing was sent.",
            gui=Message(
                "En installasjon som har avgjørelser å få, er ikke festet i denne profilen, så "
                "begrunnelsene til den kan ikke krypteres. Få den festet (det gjøres på "
                "kommandolinjen, se brukerveiledningen for registeret) og velg Innboks > Send "
                "avgjørelser igjen; ingenting er sendt.",
                "An installation with decisions waiting is not pinned in this profile, so "
                "reasons for it cannot be encrypted. Have it pinned (done on the command line, "
                "see the staff guide) and choose Inbox > Send decisions again; nothing was "
                "sent.",
            ),
        ),
        "text_too_long": Message(
            "Begrunnelsesteksten kan være høyst 500 tegn.",
            "The reason text may be at most 500 characters.",
        ),
        "bad_national_id": Message(
            "Det er ikke et gyldig fødselsnummer eller D-nummer. Ingenting er endret. Sjekk "
            "sifrene.",
            "That is not a valid national id or D number. Nothing was changed. Check the digits.",
        ),
        "unknown_quarantined": Message(
            "Ingen forsendelse i karantene har den id-en. Se 'sjelden staff quarantine list'.",
            "No quarantined batch has that id. See 'sjelden staff quarantine list'.",
            gui=Message(
                "Ingen forsendelse i karantene har den id-en (den kan være prøvd igjen eller "
                "forkastet i mellomtiden). Se listen under Innboks > Forsendelser i karantene.",
                "No quarantined batch has that id (it may have been retried or discarded "
                "meanwhile). See the list under Inbox > Quarantined batches.",
            ),
        ),
        "unknown_installation": Message(
            "Innboksen kjenner ingen installasjon med den nøkkel-id-en. Se 'sjelden staff "
            "installations'.",
            "The inbox knows no installation with that key id. See 'sjelden staff installations'.",
            gui=Message(
                "Innboksen kjenner ingen installasjon med den nøkkel-id-en. Sjekk nøkkel-id-en "
                "med klinikken.",
                "The inbox knows no installation with that key id. Check the key id with the "
                "clinic.",
            ),
        ),
        "fingerprint_mismatch": Message(
            "Fingeravtrykket stemmer ikke med installasjonens nøkkel. Ikke godkjenn; kontakt "
            "klinikken og sikkerhetsansvarlig.",
            "The fingerprint does not match the installation's key. Do not approve; contact the "
            "clinic and the security officer.",
        ),
        "installation_not_approved": Message(
            "Installasjonen er ikke godkjent i innboksen. Godkjenn den med 'sjelden staff approve "
            "KEY_ID --fingerprint ...'.",
            "The installation is not approved at the inbox. Approve it with 'sjelden staff approve "
            "KEY_ID --fingerprint ...'.",
            gui=Message(
                "Installasjonen er ikke godkjent i innboksen. Sammenlign fingeravtrykket med "
                "klinikken og få den godkjent (det gjøres på kommandolinjen, se "
                "brukerveiledningen for registeret).",
                "The installation is not approved at the inbox. Compare the fingerprint with "
                "the clinic and have it approved (done on the command line, see the staff "
                "guide).",
            ),
        ),
        "installation_key_mismatch": Message(
            "Innboksen oppgir en nøkkel som ikke hører til nøkkel-id-en. Ikke stol på den; kontakt "
            "sikkerhetsansvarlig.",
            "The inbox gives a key that does not belong to the key id. Do not trust it; contact "
            "the "
            "security officer.",
        ),
        "root_key_missing": Message(
            "Registerprofilen har ingen rotnøkkel ennå, så den kan ikke byttes. Lag den med "
            "'sjelden staff manifest root'. Ingenting er endret.",
            "The staff profile has no root key yet, so it cannot be rotated. Make it with "
            "'sjelden staff manifest root'. Nothing was changed.",
            gui=Message(
                "Registerprofilen har ingen rotnøkkel ennå, så den kan ikke byttes. Rotnøkkelen "
                "lages på kommandolinjen (se brukerveiledningen for registeret). Ingenting er "
                "endret.",
                "The staff profile has no root key yet, so it cannot be rotated. The root key "
                "is made on the command line (see the staff guide). Nothing was changed.",
            ),
        ),
        "fingerprint_required": Message(
            "Oppgi nøkkelens fingeravtrykk med --fingerprint, slik det vises der nøkkelen ble "
            "laget ('sjelden-inbox server-key', 'sjelden staff keys'). Ingenting er endret.",
            "Give the key's fingerprint with --fingerprint, as shown where the key was made "
            "('sjelden-inbox server-key', 'sjelden staff keys'). Nothing was changed.",
            gui=Message(
                "Oppgi nøkkelens fingeravtrykk, slik det vises der nøkkelen ble laget (ved "
                "innboksen eller i registerprofilen). Ingenting er endret.",
                "Give the key's fingerprint, as shown where the key was made (at the inbox or "
                "in the staff profile). Nothing was changed.",
            ),
        ),
        "manifest_key_invalid": Message(
            "Nøkkelen kan ikke leses eller er ikke en gyldig nøkkel for den rollen. Ingenting er "
            "endret. Sjekk filen (PEM) og rollen.",
            "The key cannot be read or is not a valid key for that role. Nothing was changed. "
            "Check the file (PEM) and the role.",
        ),
        "certificate_unreadable": Message(
            "Sertifikatfilen kan ikke leses som et PEM-sertifikat. Ingenting er endret. Oppgi "
            "innboksens sertifikat (det samme som --ssl-certfile).",
            "The certificate file cannot be read as a PEM certificate. Nothing was changed. Give "
            "the inbox's certificate (the same as its --ssl-certfile).",
            gui=Message(
                "Sertifikatfilen kan ikke leses som et PEM-sertifikat. Ingenting er endret. "
                "Oppgi innboksens sertifikat (det samme som innboksen bruker for TLS).",
                "The certificate file cannot be read as a PEM certificate. Nothing was changed. "
                "Give the inbox's certificate (the same one the inbox uses for TLS).",
            ),
        ),
        "manifest_key_exists": Message(
            "Nøkkelen står allerede i manifestet med den rollen. Ingenting er endret.",
            "The key is already in the manifest in that role. Nothing was changed.",
        ),
        "unknown_manifest_key": Message(
            "Ingen gjeldende nøkkel i manifestet har den nøkkel-id-en. Se 'sjelden staff "
            "manifest show'.",
            "No key in the manifest that is not revoked has that key id. See 'sjelden staff "
            "manifest show'.",
            gui=Message(
                "Ingen gjeldende nøkkel i manifestet har den nøkkel-id-en. Sjekk nøkkel-id-en "
                "mot manifestet (se brukerveiledningen for registeret).",
                "No key in the manifest that is not revoked has that key id. Check the key id "
                "against the manifest (see the staff guide).",
            ),
        ),
        "manifest_no_recipient": Message(
            "Manifestet ville ikke ha noen gyldig registernøkkel, og klinikkene ville avvise det. "
            "Ingenting er signert. Lag en ny registernøkkel først (sjelden staff "
            "rotate-register-key).",
            "The manifest would name no usable register key, and clinics would refuse it. "
            "Nothing was signed. Make a new register key first (sjelden staff "
            "rotate-register-key).",
            gui=Message(
                "Manifestet ville ikke ha noen gyldig registernøkkel, og klinikkene ville "
                "avvise det. Ingenting er signert. Lag en ny registernøkkel først (se "
                "brukerveiledningen for registeret).",
                "The manifest would name no usable register key, and clinics would refuse it. "
                "Nothing was signed. Make a new register key first (see the staff guide).",
            ),
        ),
        "manifest_not_written": Message(
            "Manifestfilen kunne ikke skrives. Manifestet er signert og lagret; sjekk mappen og "
            "kjør 'sjelden staff manifest sign --out FIL' igjen.",
            "The manifest file could not be written. The manifest is signed and kept; check the "
            "folder and run 'sjelden staff manifest sign --out FILE' again.",
            gui=Message(
                "Manifestfilen kunne ikke skrives. Manifestet er signert og lagret; sjekk "
                "mappen og skriv filen på nytt.",
                "The manifest file could not be written. The manifest is signed and kept; check "
                "the folder and write the file again.",
            ),
        ),
        "manifest_stale": Message(
            "Innboksen har et nyere manifest enn dette. Det er ikke publisert. Bruk "
            "registerprofilen som signerte det nyeste, eller kontakt sikkerhetsansvarlig.",
            "The inbox holds a newer manifest than this one. It was not published. Use the "
            "staff profile that signed the newest, or contact the security officer.",
        ),
        "manifest_conflict": Message(
            "Innboksen har et annet manifest med samme nummer. Det er ikke publisert; kontakt "
            "sikkerhetsansvarlig (to profiler signerer manifester).",
            "The inbox holds another manifest under the same number. It was not published; "
            "contact the security officer (two profiles sign manifests).",
        ),
        "bad_time": Message(
            "Tidspunktet må skrives som 2027-01-31T00:00:00Z (UTC). Ingenting er endret.",
            "The time must be written as 2027-01-31T00:00:00Z (UTC). Nothing was changed.",
        ),
        # -- information letters (issue 17 point 4, desktop/staff/letters.py) --------------
        "bad_letter_limit": Message(
            "Antall brev (--limit) må være minst 1. Ingenting er skrevet ut.",
            "The number of letters (--limit) must be at least 1. Nothing was printed.",
            gui=Message(
                "Antall brev i utsendelsen må være minst 1 (eller «alle»). Ingenting er skrevet "
                "ut.",
                "The number of letters in the run must be at least 1 (or “all”). Nothing was "
                "printed.",
            ),
        ),
        "unknown_letter_run": Message(
            "Registeret har ingen brevutsendelse med den id-en. Se 'sjelden staff letters list'.",
            "The register has no letter run with that id. See 'sjelden staff letters list'.",
            gui=Message(
                "Registeret har ingen brevutsendelse med den id-en. Se listen over utsendelser "
                "under Brev og slipper.",
                "The register has no letter run with that id. See the list of runs under Letter "
                "mailing.",
            ),
        ),
        "letter_run_changed": Message(
            "Noen av brevene ble skrevet ut av en annen saksbehandler i mellomtiden. Ingen "
            "PDF er lagret og ingenting er endret; skriv ut på nytt.",
            "Some of the letters were printed by another staff member meanwhile. No PDF was "
            "saved and nothing changed; print again.",
        ),
        "letter_pdf_not_written": Message(
            "PDF-filen med brevene kunne ikke skrives (mappen finnes ikke, er skrivebeskyttet "
            "eller full). Ingenting er registrert som skrevet ut; velg en annen mappe og prøv "
            "igjen.",
            "The PDF file with the letters could not be written (the folder is missing, "
            "read-only or full). Nothing was recorded as printed; choose another folder and "
            "try again.",
        ),
        "bad_letter_reference": Message(
            "Referansen på slippen er 10 tegn (for eksempel ABCD-EFGH-JK). Sjekk at den er "
            "skrevet av riktig; ingenting er endret.",
            "The slip's reference is 10 characters (for example ABCD-EFGH-JK). Check that it "
            "was copied correctly; nothing was changed.",
        ),
        "unknown_letter_reference": Message(
            "Ingen utsendt brev har den referansen. Sjekk referansen på slippen; ingenting er "
            "endret. Uten referanse: registrer reservasjonen med fødselsnummeret (sjelden staff "
            "reserve).",
            "No letter sent has that reference. Check the reference on the slip; nothing was "
            "changed. Without a reference: record the reservation by national id (sjelden "
            "staff reserve).",
            gui=Message(
                "Ingen utsendt brev har den referansen. Sjekk referansen på slippen; ingenting "
                "er endret. Uten referanse: registrer reservasjonen med fødselsnummeret under "
                "Reservasjoner.",
                "No letter sent has that reference. Check the reference on the slip; nothing "
                "was changed. Without a reference: record the reservation by national id under "
                "Reservations.",
            ),
        ),
        "letter_slip_recorded": Message(
            "Personen denne slippen gjelder, er allerede reservert og slettet fra registeret. "
            "Ingenting mer å gjøre.",
            "The person this slip names has a reservation already and was deleted from the "
            "register. Nothing more to do.",
        ),
        "member_not_enrolled": Message(
            "Denne profilen er ikke medlem av registeret. Ingenting er endret. Send "
            "medlemsforespørselen (sjelden staff join-request) til en administrator, som legger "
            "deg til med sjelden staff member add.",
            "This profile is not a member of the register. Nothing was changed. Send your join "
            "request (sjelden staff join-request) to an administrator, who adds you with "
            "sjelden staff member add.",
            gui=Message(
                "Denne profilen er ikke medlem av registeret. Ingenting er endret. Be en "
                "administrator for registeret legge deg til fra medlemsforespørselen din.",
                "This profile is not a member of the register. Nothing was changed. Ask an "
                "administrator of the register to add you from your join request.",
            ),
        ),
        "member_removed": Message(
            "Denne profilen er fjernet fra registeret og kan ikke lenger åpne det. Ingenting er "
            "endret. Be en administrator om å legge deg til på nytt om det er feil.",
            "This profile was removed from the register and can no longer open it. Nothing was "
            "changed. Ask an administrator to add you again if that is a mistake.",
        ),
        "member_wrap_invalid": Message(
            "Registerets nøkler for denne profilen kan ikke åpnes (endret i databasen?). "
            "Ingenting er endret. Be en administrator fjerne og legge deg til på nytt.",
            "The register's keys for this profile do not open (altered in the database?). "
            "Nothing was changed. Ask an administrator to remove you and add you again.",
        ),
        "join_needs_register_db": Message(
            "Å bli med i et register krever registerdatabasen (--register-db "
            "postgresql://...). Ingenting er opprettet.",
            "Joining a register needs its database (--register-db postgresql://...). Nothing "
            "was created.",
            gui=Message(
                "Å bli med i et register krever adressen til registerdatabasen (PostgreSQL). "
                "Ingenting er opprettet.",
                "Joining a register needs the address of its database (PostgreSQL). Nothing was "
                "created.",
            ),
        ),
        "join_request_invalid": Message(
            "Filen er ikke en gyldig medlemsforespørsel. Ingenting er endret. Be den nye "
            "medlemmet sende filen fra sjelden staff init --join på nytt.",
            "The file is not a valid join request. Nothing was changed. Ask the new member to "
            "send the file from sjelden staff init --join again.",
            gui=Message(
                "Filen er ikke en gyldig medlemsforespørsel. Ingenting er endret. Be det nye "
                "medlemmet lage og sende den på nytt.",
                "The file is not a valid join request. Nothing was changed. Ask the new member to"
                " make and send it again.",
            ),
        ),
        "join_request_not_written": Message(
            "Medlemsforespørselen kunne ikke skrives, og ingen profil er laget. Velg en mappe "
            "du kan skrive til, og kjør kommandoen igjen.",
            "The join request could not be written, and no profile was made. Choose a folder "
            "you can write to and run the command again.",
            gui=Message(
                "Medlemsforespørselen kunne ikke skrives, og ingen profil er laget. Velg en mappe"
                " du kan skrive til, og prøv igjen.",
                "The join request could not be written, and no profile was made. Choose a folder "
                "you can write to and try again.",
            ),
        ),
        "member_fingerprint_mismatch": Message(
            "Fingeravtrykket stemmer ikke med medlemsforespørselen. Ingen er lagt til. "
            "Sammenlign fingeravtrykket med det nye medlemmet på nytt (telefon eller ansikt "
            "til ansikt).",
            "The fingerprint does not match the join request. Nobody was added. Compare the "
            "fingerprint with the new member again (by phone or in person).",
        ),
        "member_role_unknown": Message(
            "Ukjent rolle. Ingen er lagt til. Velg reviewer, registrar eller administrator.",
            "Unknown role. Nobody was added. Choose reviewer, registrar or administrator.",
        ),
        "member_exists": Message(
            "Dette medlemmet er lagt til allerede (eller fjernet: en fjernet profil legges ikke "
            "til igjen; det nye medlemmet lager en ny profil). Ingenting er endret.",
            "This member was added already (or removed: a removed profile is not added again; "
            "the member makes a new profile). Nothing was changed.",
        ),
        "unknown_member": Message(
            "Intet medlem har den nøkkel-IDen. Ingenting er endret. Se sjelden staff member list.",
            "No member has that key id. Nothing was changed. See sjelden staff member list.",
            gui=Message(
                "Intet medlem har den nøkkel-IDen. Ingenting er endret. Se listen over medlemmer.",
                "No member has that key id. Nothing was changed. See the list of members.",
            ),
        ),
        "member_remove_self": Message(
            "Du kan ikke fjerne deg selv. Ingenting er endret. En annen administrator må gjøre "
            "det.",
            "You cannot remove yourself. Nothing was changed. Another administrator must do it.",
        ),
        "role_required": Message(
            "Dette krever rollen {role} (reviewer = vurderer, registrar = registerfører, "
            "administrator = administrator). Ingenting er endret. Be en administrator om "
            "rollen, eller be noen med den om å gjøre det.",
            "This needs the role {role}. Nothing was changed. Ask an administrator for the "
            "role, or ask someone who has it to do this.",
        ),
        "register_key_rotated": Message(
            "En administrator har byttet registerets datanøkkel (et medlem ble fjernet) etter at "
            "du låste opp. Ingenting er endret. Lås og lås opp igjen (eller kjør kommandoen på "
            "nytt), og gjør det igjen.",
            "An administrator changed the register's data key (a member was removed) after "
            "you unlocked. Nothing was changed. Lock and unlock again (or run the command "
            "again), and do it once more.",
        ),
        "already_decided": Message(
            "Registreringen ble avgjort av {decided_by} ({decided_at}) mens du hadde den åpen. "
            "Din avgjørelse er ikke lagret, og ingenting er endret. Oppdater køen (Last inn på "
            "nytt eller 'sjelden staff queue') og se avgjørelsen før du gjør noe mer.",
            "The registration was decided by {decided_by} at {decided_at} while you had it "
            "open. Your decision was not saved and nothing was changed. Refresh the queue "
            "(Reload, or 'sjelden staff queue') and look at that decision before doing more.",
            gui=Message(
                "Registreringen ble avgjort av {decided_by} ({decided_at}) mens du hadde den "
                "åpen. Din avgjørelse er ikke lagret, og ingenting er endret. Køen er lastet inn "
                "på nytt; se avgjørelsen før du gjør noe mer.",
                "The registration was decided by {decided_by} at {decided_at} while you had it "
                "open. Your decision was not saved and nothing was changed. The queue has been "
                "reloaded; look at that decision before doing more.",
            ),
        ),
        "reserved": Message(
            "Personen har reservert seg mot registrering, og registreringen er slettet. Din "
            "avgjørelse er ikke lagret, og ingenting er endret. Oppdater køen; reservasjonen "
            "gjelder.",
            "The person has a reservation against registration, and the registration is "
            "deleted. Your decision was not saved and nothing was changed. Refresh the queue; "
            "the reservation stands.",
        ),
        "register_key_in_use": Message(
            "Dette er registerets nyeste nøkkel, som klinikkene krypterer til nå. Den kan ikke "
            "slettes; lag en ny registernøkkel og kunngjør den først.",
            "This is the register's newest key, which the clinics seal to now. It cannot be "
            "retired; make a new register key and announce it first.",
        ),
        "unknown_register_key": Message(
            "Registeret har ingen registernøkkel med denne ID-en (eller den er slettet "
            "allerede). Sjekk ID-en i nøkkellisten.",
            "The register holds no register key with this id (or it was retired already). "
            "Check the id in the list of keys.",
        ),
        "register_key_announced": Message(
            "Det nyeste nøkkelmanifestet kunngjør fortsatt denne nøkkelen til klinikkene. "
            "Ingenting er slettet. Publiser et manifest som trekker den tilbake, gi klinikkene "
            "tid til å synkronisere (de pakker om ventende forsendelser selv), og prøv igjen.",
            "The newest key manifest still announces this key to the clinics. Nothing was "
            "deleted. Publish a manifest that revokes it, give the clinics time to sync (they "
            "re-seal pending batches themselves), and try again.",
        ),
        "register_key_still_needed": Message(
            "Forsendelser i karantene er kryptert til denne nøkkelen. Ingenting er slettet. "
            "Prøv dem igjen eller forkast dem først, og prøv igjen.",
            "Quarantined batches are sealed to this key. Nothing was deleted. Retry or "
            "discard them first, and try again.",
        ),
        "export_reason_missing": Message(
            "En eksport med personopplysninger krever en begrunnelse, som lagres i "
            'revisjonsloggen. Ingenting er eksportert; oppgi formålet (--reason "..." eller '
            "feltet Begrunnelse) og eksporter igjen.",
            "An export holding personal data needs a reason, which is kept in the audit log. "
            'Nothing was exported; give the purpose (--reason "..." or the Reason field) and '
            "export again.",
            gui=Message(
                "En eksport med personopplysninger krever en begrunnelse, som lagres i "
                "revisjonsloggen. Ingenting er eksportert; skriv formålet i feltet Begrunnelse "
                "og eksporter igjen.",
                "An export holding personal data needs a reason, which is kept in the audit log. "
                "Nothing was exported; write the purpose in the Reason field and export again.",
            ),
        ),
        "export_reason_too_long": Message(
            "Begrunnelsen er lengre enn 200 tegn. Ingenting er eksportert; skriv formålet kort "
            "og eksporter igjen.",
            "The reason is longer than 200 characters. Nothing was exported; state the purpose "
            "briefly and export again.",
        ),
        "audit_broken": Message(
            "Revisjonsloggen er ikke intakt: en oppføring er endret, slettet eller satt inn "
            "uten registerets nøkkel, signert med en nøkkel som ikke tilhører et medlem av "
            "registeret (eller et medlem som alt var fjernet), eller et sjekkpunkt stemmer "
            "ikke. Ikke rett på databasen; meld fra til personvernombudet med sekvensnummeret "
            "og feilkoden.",
            "The audit log is not intact: an entry was changed, deleted or inserted without "
            "the register's key, signed with a key that belongs to no member of the register "
            "(or to a member already removed), or a checkpoint does not match. Do not repair "
            "the database; report it to the data protection officer with the sequence number "
            "and the code.",
        ),
        "bad_audit_month": Message(
            "Måneden skrives ÅÅÅÅ-MM, for eksempel 2026-03.",
            "Write the month as YYYY-MM, for example 2026-03.",
        ),
        "witness_unreadable": Message(
            "Innboksen svarte med sjekkpunkter som ikke kan leses. Ingenting er sammenlignet; "
            "meld fra til den som driver innboksen, med feilkoden.",
            "The inbox answered with checkpoints that cannot be read. Nothing was compared; "
            "report it to whoever runs the inbox, with the code.",
        ),
        "root_not_held": Message(
            "Registerets rotnøkkel er ikke forseglet til deg, så du kan ikke signere "
            "nøkkelmanifester. Ingenting er endret. Be en annen administrator om å signere, "
            "eller om å legge deg til på nytt som administrator.",
            "The register's root key is not sealed to you, so you cannot sign key manifests. "
            "Nothing was changed. Ask another administrator to sign, or to add you again as "
            "an administrator.",
        ),
    },
    params={
        "decided_by": "the key id of the staff member whose decision closed the item",
        "decided_at": "when that decision was committed (UTC, ISO 8601)",
        "role": "the staff role an action needs (reviewer, registrar or administrator)",
    },
    fallback=Message(
        "Registerdelen meldte en feil ({code}). Send feilkoden til brukerstøtte.",
        "Staff mode reported an error ({code}). Send the error code to support.",
    ),
)


class StaffError(CodedError):
    """A failure staff are told about; ``code`` keys ``MESSAGES`` (or ``BATCH_MESSAGES``)."""

    catalogue = MESSAGES

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail

    def user_message(self, lang: Lang = DEFAULT_LANG, *, gui: bool = False) -> str:
        # staff's own codes first; a batch's code raised as a plain StaffError still reads well
        in_batch = self.code not in MESSAGES and self.code in BATCH_MESSAGES
        catalogue = BATCH_MESSAGES if in_batch else MESSAGES
        return catalogue.render(self.code, lang, self.message_params(), gui=gui)


class AlreadyDecided(StaffError):
    """Another decision on the item was committed first (another reviewer, another PC).

    Carries who and when, from the item's own row, so the loser knows whose decision to
    look at instead of retrying blindly; never a field value."""

    def __init__(self, record_id: str, decided_by: str, decided_at: str) -> None:
        super().__init__("already_decided", record_id)
        self.decided_by = decided_by
        self.decided_at = decided_at

    def message_params(self) -> Mapping[str, object]:
        return {"decided_by": self.decided_by, "decided_at": self.decided_at}


class BatchRefused(StaffError):
    """A whole batch was refused; nothing of it is stored. ``code`` is the protocol's."""

    catalogue = BATCH_MESSAGES

    def __init__(
        self,
        code: str,
        detail: str = "",
        *,
        batch_id: str | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(code, detail)
        self.batch_id = batch_id
        self.source = source  # the file it came from, when imported from a file

    def user_message(self, lang: Lang = DEFAULT_LANG, *, gui: bool = False) -> str:
        return self.catalogue.render(self.code, lang, self.message_params(), gui=gui)
