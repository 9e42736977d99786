"""What the ``sjelden`` command says besides the core's own errors, by stable code.

The errors of the store, sync and staff mode come with their own messages
(``user_message``); this catalogue holds the command's reports and prompts. Parameters are
counts, paths the user gave or the profile's directory, key ids, fingerprints, batch ids and
installation labels, never a field value.
"""

from __future__ import annotations

from desktop.messages import Catalogue, Message

CLI = Catalogue(
    "cli",
    {
        # -- profile ------------------------------------------------------------------------
        "passphrases_differ": Message(
            "Passordfrasene er ulike.",
            "The passphrases differ.",
        ),
        "init.done": Message(
            "Profilen er satt opp i {directory}.",
            "The profile is set up in {directory}.",
        ),
        "init.recovery_key": Message(
            "Gjenopprettingsnøkkel (vises bare nå; skriv den ut og oppbevar den trygt):",
            "Recovery key (shown only now; print it and keep it safe):",
        ),
        "unlock_check.ok": Message(
            "OK: profilen er låst opp ({records} {records:registrering|registreringer}).",
            "OK: the profile unlocked ({records} {records:registration|registrations}).",
        ),
        "unlock_check.integrity_failed": Message(
            "Databasen åpnet, men integritetskontrollen feilet. Kontakt brukerstøtte.",
            "The database opened but failed its integrity check. Contact support.",
        ),
        "passphrase_changed": Message(
            "Passordfrasen er endret.",
            "The passphrase was changed.",
        ),
        "recovered": Message(
            "Profilen er låst opp, og den nye passordfrasen gjelder fra nå.",
            "The profile is unlocked and the new passphrase applies from now on.",
        ),
        "error_report": Message(
            "Feilrapport: {report}",
            "Error report: {report}",
        ),
        # -- sync ---------------------------------------------------------------------------
        "enroll.read_fingerprints": Message(
            "Les opp denne PC-ens fingeravtrykk for registeret, og sammenlign registerets:",
            "Read this PC's fingerprint to the register, and compare the register's:",
        ),
        "enroll.approved": Message("PC-en er godkjent.", "The PC is approved."),
        "manifest.accepted": Message(
            "Registerets nøkkelliste nr. {sequence} er kontrollert mot rotnøkkelen og tatt i bruk.",
            "The register's key manifest no. {sequence} was checked against the root key and "
            "is now in use.",
        ),
        "manifest.unchanged": Message(
            "Nøkkelliste nr. {sequence} var allerede i bruk.",
            "Key manifest no. {sequence} was already in use.",
        ),
        "manifest.root_rotated": Message(
            "Registeret har byttet rotnøkkel; den nye er signert av den gamle og brukes nå.",
            "The register has rotated its root key; the new one is signed by the old one and "
            "is now in use.",
        ),
        "sync.report": Message(
            "Sendt: {records} {records:registrering|registreringer} i {batches} "
            "{batches:forsendelse|forsendelser}. Tilbakemeldinger: "
            "{accepted} godkjent, {rejected} avvist. Må rettes før sending: {set_aside}.",
            "Sent: {records} {records:registration|registrations} in {batches} "
            "{batches:batch|batches}. Feedback: {accepted} "
            "accepted, {rejected} rejected. Needs correction before sending: {set_aside}.",
        ),
        "sync.purged": Message(
            "{purged} {purged:registrering|registreringer} er slettet fra denne PC-en fordi "
            "personen har reservert seg mot registeret.",
            "{purged} {purged:registration was|registrations were} deleted from this PC because "
            "the person has reserved themselves against the register.",
        ),
        "sync.purged_revisions": Message(
            "{revisions} tidligere {revisions:versjon|versjoner} av registreringer er slettet fra "
            "denne PC-en fordi personen i dem har reservert seg mot registeret. Registreringene "
            "selv gjelder nå en annen person og er beholdt.",
            "{revisions} earlier {revisions:revision was|revisions were} deleted from this PC "
            "because the person in them has reserved themselves against the register. The "
            "registrations themselves now concern another person and are kept.",
        ),
        "sync.resealed": Message(
            "{resealed} {resealed:forsendelse|forsendelser} ble pakket om med registerets nye "
            "nøkkel.",
            "{resealed} {resealed:batch was|batches were} re-packed under the register's new key.",
        ),
        "status.server": Message("Server:", "Server:"),
        "status.last_sync": Message("Sist synkronisert: {at}", "Last sync: {at}"),
        "status.never": Message("aldri", "never"),
        "status.last_error": Message("Siste feil: {message}", "Last error: {message}"),
        "export.done": Message(
            "{files} {files:kryptert forsendelse|krypterte forsendelser} skrevet. Send til "
            "registeret; importer "
            "kvitteringen med 'sjelden import-receipt'.",
            "{files} encrypted {files:batch|batches} written. Send to the register; import the "
            "receipt "
            "with 'sjelden import-receipt'.",
        ),
        "export.not_sealed": Message(
            "{records} {records:ferdigstilt registrering|ferdigstilte registreringer} kunne ikke "
            "pakkes fordi profilen er "
            "skrivebeskyttet; de sendes neste gang profilen kan skrives til.",
            "{records} completed {records:registration|registrations} could not be packed because "
            "the profile is "
            "read-only; they go next time the profile can be written.",
        ),
        "import.done": Message(
            "Kvitteringer: {receipts}, tilbakemeldinger: {feedback} ({accepted} godkjent, "
            "{rejected} avvist).",
            "Receipts: {receipts}, feedback: {feedback} ({accepted} accepted, {rejected} "
            "rejected).",
        ),
        # -- staff --------------------------------------------------------------------------
        "staff.init.done": Message(
            "Registerprofilen er satt opp i {directory}.",
            "The staff profile is set up in {directory}.",
        ),
        "staff.init.send_keys": Message(
            "Legg register.pub og staff.pub ved registreringsbrevet. Registrer staff.pub i "
            "innboksen: sjelden-inbox staff add staff.pub",
            "Send register.pub and staff.pub with the enrollment letter. Register staff.pub at "
            "the inbox: sjelden-inbox staff add staff.pub",
        ),
        "staff.init.recovery_key": Message(
            "Gjenopprettingsnøkkel (vises bare nå):",
            "Recovery key (shown only now):",
        ),
        "staff.saved": Message("Lagret.", "Saved."),
        "staff.rotated": Message(
            "Ny registernøkkel {key_id}: {path}. De gamle beholdes, så eldre forsendelser kan "
            "fortsatt åpnes. Send den nye til klinikkene.",
            "New register key {key_id}: {path}. The old ones are kept, so older batches still "
            "open. Send the new one to the clinics.",
        ),
        "staff.approved": Message(
            "Godkjent og festet: {key_id}  {fingerprint}  {label}",
            "Approved and pinned: {key_id}  {fingerprint}  {label}",
        ),
        "staff.pulled": Message(
            "Importert: {imported} {imported:forsendelse|forsendelser} med {records} "
            "{records:registrering|registreringer}; kvittert på nytt: "
            "{again}; i karantene: {quarantined}; avvist (hentes igjen): {refused}.",
            "Imported: {imported} {imported:batch|batches} with {records} "
            "{records:registration|registrations}; acknowledged again: "
            "{again}; quarantined: {quarantined}; refused (fetched again): {refused}.",
        ),
        "staff.quarantine.waiting": Message(
            "{quarantined} {quarantined:forsendelse venter|forsendelser venter} i karantene: se "
            "'sjelden staff quarantine list'.",
            "{quarantined} {quarantined:batch waits|batches wait} in quarantine: see "
            "'sjelden staff quarantine list'.",
        ),
        "staff.quarantine.listed": Message(
            "{quarantined} {quarantined:forsendelse|forsendelser} i karantene.",
            "{quarantined} {quarantined:batch|batches} in quarantine.",
        ),
        "staff.quarantine.retried": Message(
            "Importert på nytt: {imported}; fortsatt i karantene: {left}.",
            "Imported on retry: {imported}; still quarantined: {left}.",
        ),
        "staff.quarantine.discarded": Message(
            "Forkastet fra karantenen: {quarantine_id}. Be klinikken sende registreringene på "
            "nytt om de trengs.",
            "Discarded from quarantine: {quarantine_id}. Ask the clinic to send the "
            "registrations again if they are needed.",
        ),
        "staff.pending": Message("{pending} venter.", "{pending} pending."),
        "staff.accepted_clean": Message(
            "Godkjent: {accepted}. Trenger avgjørelse: {left}.",
            "Accepted: {accepted}. Need a decision: {left}.",
        ),
        "staff.feedback_written": Message(
            "{made} {made:ny tilbakemelding|nye tilbakemeldinger}; {files} {files:fil|filer} "
            "skrevet (klinikken importerer dem med "
            "'sjelden import-receipt FIL').",
            "{made} new feedback {made:document|documents}; {files} {files:file|files} written "
            "(the clinic imports them "
            "with 'sjelden import-receipt FILE').",
        ),
        "staff.feedback_sent": Message(
            "Sendt: {sent} (allerede levert: {already}, feilet: {failed}).",
            "Sent: {sent} (already delivered: {already}, failed: {failed}).",
        ),
        "staff.reserved": Message(
            "Reservasjon {reservation_id} registrert. Slettet: {records} "
            "{records:registrering|registreringer}, {history} {history:eldre revisjon|eldre "
            "revisjoner}; {closed} ventende avvist (reservert).",
            "Reservation {reservation_id} recorded. Deleted: {records} {records:record|records}, "
            "{history} earlier {history:revision|revisions}; {closed} pending rejected "
            "(reservert).",
        ),
        "staff.reserved_before": Message(
            "Reservasjon {reservation_id} fantes fra før. Slettet: {records} "
            "{records:registrering|registreringer}, {history} {history:eldre revisjon|eldre "
            "revisjoner}; {closed} ventende avvist (reservert).",
            "Reservation {reservation_id} already held. Deleted: {records} "
            "{records:record|records}, {history} earlier {history:revision|revisions}; {closed} "
            "pending rejected (reservert).",
        ),
        "staff.reserved_quarantined": Message(
            "Også slettet: {quarantined} {quarantined:forsendelse|forsendelser} i karantene "
            "med en registrering av personen.",
            "Also deleted: {quarantined} quarantined {quarantined:batch|batches} holding a "
            "record of the person.",
        ),
        "staff.installation_revoked": Message(
            "Trukket tilbake: {key_id} fra {at}. Forsendelser innboksen mottar fra da av "
            "avvises, også som fil; forsendelser mottatt før importeres.",
            "Revoked: {key_id} from {at}. Batches the inbox receives from then on are refused, "
            "also as files; batches received before are imported.",
        ),
        "staff.imported_before_revocation": Message(
            "Forsendelse {batch_id} ble mottatt før installasjonen {key_id} ble trukket "
            "tilbake ({at}), og er importert.",
            "Batch {batch_id} was received before installation {key_id} was revoked ({at}), "
            "and is imported.",
        ),
        "staff.manifest.root": Message(
            "Registerets rotnøkkel: nøkkel-id {key_id}, fingeravtrykk {fingerprint}. Legg "
            "root.pub og fingeravtrykket ved registreringsbrevet; klinikken sammenligner det "
            "ved registrering.",
            "The register's root key: key id {key_id}, fingerprint {fingerprint}. Send root.pub "
            "and the fingerprint with the enrollment letter; the clinic compares it when it "
            "enrolls.",
        ),
        "staff.manifest.newest": Message(
            "Nyeste signerte nøkkelmanifest: {sequence} (0: ingen ennå).",
            "Newest key manifest signed: {sequence} (0: none yet).",
        ),
        "staff.manifest.key_added": Message(
            "Lagt til i neste nøkkelmanifest: {role} {key_id}. Signer og publiser det med "
            "'sjelden staff manifest sign --publish'.",
            "Added to the next key manifest: {role} {key_id}. Sign and publish it with "
            "'sjelden staff manifest sign --publish'.",
        ),
        "staff.manifest.revoked": Message(
            "Trukket tilbake: {key_id} ({roles}). Klinikkene slutter å stole på den når de får "
            "det nye manifestet.",
            "Revoked: {key_id} ({roles}). Clinics stop trusting it once they have the new "
            "manifest.",
        ),
        "staff.manifest.signed": Message(
            "Nøkkelmanifest {sequence} er signert med rotnøkkelen {key_id}.",
            "Key manifest {sequence} is signed with the root key {key_id}.",
        ),
        "staff.manifest.written": Message(
            "Skrevet til {path} (klinikker med filoverføring: sjelden manifest import FIL).",
            "Written to {path} (clinics on file transfer: sjelden manifest import FILE).",
        ),
        "staff.manifest.published": Message(
            "Manifest {sequence} er publisert i innboksen; klinikkene henter det ved neste "
            "synkronisering.",
            "Manifest {sequence} is published at the inbox; clinics fetch it at their next sync.",
        ),
        "staff.manifest.held": Message(
            "Innboksen hadde allerede manifest {sequence}.",
            "The inbox already held manifest {sequence}.",
        ),
        "staff.manifest.undelivered": Message(
            "Manifestet er signert og lagret, men verken publisert eller skrevet til fil: kjør "
            "'sjelden staff manifest sign --publish' eller '--out FIL'.",
            "The manifest is signed and kept, but neither published nor written to a file: run "
            "'sjelden staff manifest sign --publish' or '--out FILE'.",
        ),
        "staff.exported": Message(
            "Eksportert: {count} {count:registrering|registreringer}.",
            "Exported: {count} {count:record|records}.",
        ),
        # -- staff diff ---------------------------------------------------------------------
        "staff.diff.added": Message("lagt til {field}", "added    {field}"),
        "staff.diff.removed": Message("fjernet  {field}", "removed  {field}"),
        "staff.diff.changed": Message("endret   {field}", "changed  {field}"),
        # -- prompts (on a terminal, without echo) -------------------------------------------
        "prompt.passphrase": Message("Passordfrase: ", "Passphrase: "),
        "prompt.new_passphrase": Message("Ny passordfrase: ", "New passphrase: "),
        "prompt.repeat_passphrase": Message("Gjenta passordfrasen: ", "Repeat the passphrase: "),
        "prompt.current_passphrase": Message("Nåværende passordfrase: ", "Current passphrase: "),
        "prompt.recovery_key": Message("Gjenopprettingsnøkkel: ", "Recovery key: "),
        "prompt.national_id": Message("Fødselsnummer: ", "National id: "),
        # -- option values argparse refuses --------------------------------------------------
        "arg.not_a_date": Message(
            "må være en dato ÅÅÅÅ-MM-DD, ikke {value}",
            "must be a date YYYY-MM-DD, not {value}",
        ),
        "arg.not_positive": Message(
            "må være et positivt heltall, ikke {value}",
            "must be a positive whole number, not {value}",
        ),
        "arg.unknown_variant": Message(
            "ukjent variant {value} (velg blant {choices})",
            "unknown variant {value} (choose from {choices})",
        ),
        # -- doctor -------------------------------------------------------------------------
        "doctor.python": Message("python: {version}", "python: {version}"),
        "doctor.sqlcipher": Message("sqlcipher: {version}", "sqlcipher: {version}"),
        "doctor.keyring": Message(
            "nøkkelring: {backend} ({verdict})", "keyring backend: {backend} ({verdict})"
        ),
        "doctor.secure": Message("sikker", "secure"),
        "doctor.not_secure": Message("IKKE sikker", "NOT secure"),
        "doctor.keyring_hint": Message(
            "  -> installer og start en nøkkelring for operativsystemet (Linux: gnome-keyring "
            "eller KWallet), eller bruk 'sjelden init --key-file'",
            "  -> install and start an OS keyring (Linux: gnome-keyring or KWallet), or use "
            "'sjelden init --key-file'",
        ),
        "doctor.data_dir": Message("datamappe: {directory}", "data dir: {directory}"),
        "doctor.data_dir_from_env": Message(
            "datamappe: {directory} (fra ${variable})", "data dir: {directory} (from ${variable})"
        ),
        "doctor.profiles": Message("profiler: {profiles}", "profiles: {profiles}"),
        "doctor.no_profiles": Message("(ingen)", "(none)"),
        "doctor.gui_available": Message(
            "grafisk grensesnitt (PySide6): tilgjengelig", "gui (PySide6): available"
        ),
        "doctor.gui_missing": Message(
            "grafisk grensesnitt (PySide6): ikke installert", "gui (PySide6): not installed"
        ),
        # -- code lists ---------------------------------------------------------------------
        "codes.source": Message("    kilde:   {source}", "    source:  {source}"),
        "codes.licence": Message("    lisens:  {licence}", "    licence: {licence}"),
        # -- key fingerprints ---------------------------------------------------------------
        "enroll.installation": Message(
            "  PC / installasjon:        {fingerprint}  (nøkkel-ID {key_id})",
            "  PC / installation:     {fingerprint}  (key id {key_id})",
        ),
        "enroll.server": Message(
            "  server (kvitteringer):    {fingerprint}", "  server (receipts):     {fingerprint}"
        ),
        "enroll.register": Message(
            "  register (kryptering):    {fingerprint}", "  register (encryption): {fingerprint}"
        ),
        "enroll.staff": Message(
            "  saksbehandler (svar):     {fingerprint}", "  staff (feedback):      {fingerprint}"
        ),
        "enroll.root": Message(
            "  registerets rotnøkkel:    {fingerprint}", "  register root:         {fingerprint}"
        ),
        # -- staff listings -----------------------------------------------------------------
        "staff.key": Message(
            "  {role} nøkkel-ID {key_id}  fingeravtrykk {fingerprint}",
            "  {role} key id {key_id}  fingerprint {fingerprint}",
        ),
        "staff.key_newest": Message(
            "  {role} nøkkel-ID {key_id}  fingeravtrykk {fingerprint} (nyest)",
            "  {role} key id {key_id}  fingerprint {fingerprint} (newest)",
        ),
        "staff.pinned": Message("festet", "pinned"),
        "staff.clean": Message("uten funn", "clean"),
        "staff.imported_file": Message(
            "{path}: forsendelse {batch_id}: registreringer: {records} ({findings})",
            "{path}: batch {batch_id}: {records} records ({findings})",
        ),
        "staff.quarantine.item": Message(
            "{quarantine_id}  forsendelse {batch_id}  fra {key_id}  {reason}  siden {at}  "
            "forsøk {attempts}",
            "{quarantine_id}  batch {batch_id}  from {key_id}  {reason}  since {at}  "
            "attempts {attempts}",
        ),
        "staff.queue.item": Message(
            "{record_id}  rev {revision}  {findings}  forsendelse {batch_id}  fra {key_id}",
            "{record_id}  rev {revision}  {findings}  batch {batch_id}  from {key_id}",
        ),
        "staff.queue.duplicate_of": Message(
            "  duplikat av {record_id}", "  duplicate_of {record_id}"
        ),
        "staff.queue.issues": Message("  problemer {issues}", "  issues {issues}"),
        "staff.status": Message(
            "register ({backend}): registreringer: {records}, eldre revisjoner: {history}; "
            "kø: venter: {pending}, avgjort, venter på tilbakemelding: {unsent}; "
            "forsendelser importert: {batches}; reservasjoner: {reservations}; "
            "tilbakemeldinger ikke sendt: {feedback}; forsendelser i karantene: {quarantined}",
            "register ({backend}): {records} records, {history} earlier revisions; "
            "queue: {pending} pending, {unsent} decided awaiting feedback; "
            "batches imported: {batches}; reservations: {reservations}; "
            "feedback unsent: {feedback}; quarantined batches: {quarantined}",
        ),
        # -- demo ---------------------------------------------------------------------------
        "demo.folder": Message(
            "Demomappe (slettes til slutt): {directory}",
            "Demo folder (deleted at the end): {directory}",
        ),
        "demo.inbox": Message("Lokal innboks kjører på {url}", "Local inbox running on {url}"),
        "demo.profile": Message(
            "Demoprofilen 'demo' med syntetiske registreringer: {records}.",
            "Demo profile 'demo' with {records} synthetic registrations.",
        ),
        "demo.passphrase": Message(
            "Passordfrase (bare for demo): {passphrase}", "Passphrase (demo only): {passphrase}"
        ),
        "demo.starting": Message(
            "Starter programmet; lås opp profilen 'demo' med passordfrasen over.",
            "Starting the app; unlock the 'demo' profile with the passphrase above.",
        ),
        "demo.headless": Message(
            "Ingen vinduer kan åpnes her (se 'sjelden' for hvorfor); demoen kjører uten skjerm.",
            "No window can open here (see 'sjelden' for why); the demo runs headless.",
        ),
        "demo.keeps_running": Message(
            "Innboksen kjører til Ctrl+C. I en annen terminal:\n  {command}",
            "The inbox keeps running until Ctrl+C. In another terminal:\n  {command}",
        ),
        "demo.stopped": Message("Demoen er stoppet.", "Demo stopped."),
        # -- validate -----------------------------------------------------------------------
        "validate.error": Message("FEIL", "ERROR"),
        "validate.warning": Message("ADVARSEL", "WARNING"),
        "validate.summary": Message(
            "{valid} av {total} registreringer er gyldige.",
            "{valid} of {total} records are valid.",
        ),
        "interrupted": Message("Avbrutt.", "Interrupted."),
        # -- reading input files --------------------------------------------------------------
        "input.not_found": Message("Finner ikke filen {name}.", "File not found: {name}."),
        "input.directory": Message(
            "{name} er en mappe, ikke en fil.", "{name} is a directory, not a file."
        ),
        "input.not_utf8": Message(
            "{name} er ikke UTF-8-tekst. Lagre filen som UTF-8.",
            "{name} is not UTF-8 text. Save the file as UTF-8.",
        ),
        "input.unreadable": Message(
            "Kan ikke lese {name} ({reason}).", "Cannot read {name} ({reason})."
        ),
        "input.empty": Message("{name} er tom.", "{name} is empty."),
        "input.not_json": Message(
            "{name} er ikke gyldig JSON (linje {line}). Rett filen, eller lever én "
            "registrering per linje (JSON lines).",
            "{name} is not valid JSON (line {line}). Fix the file, or give one record per "
            "line (JSON lines).",
        ),
        "input.too_deep": Message(
            "{name} er nøstet for dypt til å være en registrering. Rett filen.",
            "{name} is nested too deeply to be a record. Fix the file.",
        ),
        "input.not_unicode": Message(
            "{name} inneholder tekst som ikke er gyldig Unicode (en enslig \\ud800-escape). "
            "Rett filen.",
            "{name} holds text that is not valid Unicode (a lone \\ud800 escape). Fix the file.",
        ),
        "input.not_one_record": Message(
            "{name} må inneholde én registrering (et JSON-objekt).",
            "{name} must hold one record (a JSON object).",
        ),
        "output.not_written": Message("Kunne ikke skrive {name}.", "Could not write {name}."),
        "pdf.needs_qt": Message(
            "PDF krever Qt (PySide6): {reason}", "PDF output needs Qt (PySide6): {reason}"
        ),
        "codes.no_matches": Message("Ingen treff.", "No matches."),
        "codes.unreadable": Message(
            "Kodeverket kan ikke leses: {reason}", "The code lists cannot be read: {reason}"
        ),
        # -- self-test and the window -------------------------------------------------------
        "selftest.ok": Message("OK    {check}: {detail}", "OK    {check}: {detail}"),
        "selftest.check_failed": Message("FEIL  {check}: {detail}", "FAIL  {check}: {detail}"),
        "selftest_failed": Message(
            "{failed} {failed:kontroll|kontroller} feilet: installer appen på nytt (se README).",
            "{failed} {failed:check|checks} failed: reinstall the application (see the README).",
        ),
        "no_display": Message(
            "Ingen skjerm: DISPLAY er ikke satt. Start appen fra et skrivebord (eller med "
            "'xvfb-run sjelden'); alt annet går på kommandolinjen: sjelden --help.",
            "No display: DISPLAY is not set. Start the app from a desktop session (or with "
            "'xvfb-run sjelden'); everything else works on the command line: sjelden --help.",
        ),
        "no_display.libraries": Message(
            "Qt mangler systembiblioteker for X11. Installer dem: sudo apt install {packages}",
            "Qt is missing system libraries for X11. Install them: sudo apt install {packages}",
        ),
        "no_display.unreachable": Message(
            "Får ikke kontakt med skjermen {display} (DISPLAY). Kontroller at skrivebordet "
            "kjører og at du har tilgang til det.",
            "Cannot connect to the display {display} (DISPLAY). Check that the desktop session "
            "is running and that you may use it.",
        ),
        # -- information letters (sjelden staff letters, issue 17 point 4) ---------------------
        "letters.printed": Message(
            "Brevutsendelse {run_id}: {letters} {letters:brev|brev}, {pages} "
            "{pages:side|sider}, skrevet til {path}. Filen inneholder personopplysninger "
            "(navn og adresser, lesbar bare for deg): skriv den ut, og slett den etterpå. Når "
            "brevene er postlagt: sjelden staff letters mark-sent {run_id}",
            "Letter run {run_id}: {letters} {letters:letter|letters}, {pages} "
            "{pages:page|pages}, written to {path}. The file holds patient data (names and "
            "addresses, readable only by you): print it, then delete it. Once the letters are "
            "posted: sjelden staff letters mark-sent {run_id}",
        ),
        "letters.nothing": Message(
            "Ingen brev å skrive ut. Ingen fil er skrevet.",
            "No letters to print. No file was written.",
        ),
        "letters.needs_address": Message(
            "{letters} {letters:person|personer} mangler postadresse og er ikke skrevet ut "
            "(registeret slår opp adressen); registrerings-id:",
            "{letters} {letters:person lacks|persons lack} a postal address and "
            "{letters:was|were} not printed (the register looks the address up); registration "
            "ids:",
        ),
        "letters.sent": Message(
            "Brevutsendelse {run_id} er merket som sendt: {letters} {letters:brev|brev}, "
            "brevdatoen er lagret hos hver person.",
            "Letter run {run_id} marked as sent: {letters} {letters:letter|letters}, the letter "
            "date kept with each person.",
        ),
        "letters.sent_before": Message(
            "Brevutsendelse {run_id} var allerede merket som sendt. Ingenting er endret.",
            "Letter run {run_id} was marked as sent already. Nothing was changed.",
        ),
        "letters.counts": Message(
            "Informasjonsskriv: venter: {pending}, skrevet ut (ikke sendt): {printed}, sendt: "
            "{letters}, gitt av klinikken: {clinic}; reservasjoner etter brev: {reservations} "
            "(med returnert slipp: {returned}); utsendelser ikke merket sendt: {runs}",
            "Information letters: pending: {pending}, printed (not sent): {printed}, sent: "
            "{letters}, given by the clinic: {clinic}; reservations after a letter: "
            "{reservations} (by returned slip: {returned}); runs not marked sent: {runs}",
        ),
        "letters.run": Message(
            "{run_id}  {at}  {letters} {letters:brev|brev}  {state}",
            "{run_id}  {at}  {letters} {letters:letter|letters}  {state}",
        ),
        "letters.confirm_returned": Message(
            "Slippen gjelder {person} (brevutsendelse {run_id}). Registrere reservasjon og "
            "slette alle registreringer av personen? Skriv ja for å bekrefte: ",
            "The slip names {person} (letter run {run_id}). Record a reservation and delete "
            "every registration of the person? Type yes to confirm: ",
        ),
        "letters.not_confirmed": Message(
            "Ikke bekreftet. Ingenting er endret.",
            "Not confirmed. Nothing was changed.",
        ),
        "letters.returned": Message(
            "Returnert slipp registrert som reservasjon {reservation_id}. Slettet: {records} "
            "{records:registrering|registreringer}, {history} {history:eldre revisjon|eldre "
            "revisjoner}; {closed} ventende avvist (reservert).",
            "Returned slip recorded as reservation {reservation_id}. Deleted: {records} "
            "{records:record|records}, {history} earlier {history:revision|revisions}; {closed} "
            "pending rejected (reservert).",
        ),
        # -- the audit trail (sjelden staff audit, issue 17 point 3) -------------------------
        "audit.intact": Message(
            "Revisjonsloggen er intakt: {entries} {entries:oppføring|oppføringer}, "
            "nøkkelbeskyttet og signert fra nr. {keyed_from}, {checkpoints} "
            "{checkpoints:sjekkpunkt|sjekkpunkter} kontrollert.",
            "The audit log is intact: {entries} {entries:entry|entries}, keyed and signed from "
            "no. {keyed_from}, {checkpoints} {checkpoints:checkpoint|checkpoints} checked.",
        ),
        "audit.broken": Message(
            "Første feil i revisjonsloggen: oppføring nr. {seq} ({problem}).",
            "First fault in the audit log: entry no. {seq} ({problem}).",
        ),
        "audit.checkpoint": Message(
            "Sjekkpunkt signert for oppføring nr. {seq}.",
            "Checkpoint signed for entry no. {seq}.",
        ),
        "audit.witnessed": Message(
            "Innboksens {checkpoints} {checkpoints:kopi|kopier} av sjekkpunktene stemmer med "
            "revisjonsloggen og er signert av registerets medarbeidere.",
            "The inbox's {checkpoints} {checkpoints:copy|copies} of the checkpoints match the "
            "audit log and are signed by the register's members.",
        ),
        "audit.sent": Message(
            "{sent} {sent:sjekkpunkt|sjekkpunkter} sendt til innboksen; {held} hadde den fra før.",
            "{sent} {sent:checkpoint|checkpoints} sent to the inbox; it held {held} already.",
        ),
        "audit.empty": Message(
            "Revisjonsloggen er tom; ingen sjekkpunkt er laget.",
            "The audit log is empty; no checkpoint was made.",
        ),
        "audit.report_header": Message(
            "måned  medarbeider (nøkkel-id)  handling  antall",
            "month  staff member (key id)  action  count",
        ),
        "audit.report_empty": Message(
            "Ingen oppføringer i revisjonsloggen for perioden.",
            "No audit log entries for the period.",
        ),
        "staff.register_key_retired": Message(
            "Registernøkkel {key_id} er slettet for godt ({wraps} {wraps:kopi|kopier} hos "
            "medlemmene). Forsendelser kryptert til den kan ikke åpnes mer, heller ikke kopier "
            "noen har tatt vare på. Andre administratorers profiler sletter sin kopi ved neste "
            "opplåsing.",
            "Register key {key_id} was deleted for good ({wraps} {wraps:copy|copies} held by "
            "the members). Batches sealed to it can no longer be opened, nor any copy someone "
            "kept. Other administrators' profiles delete their copy at their next unlock.",
        ),
        "staff.join.done": Message(
            "Medlemsforespørselen er skrevet til {path} (medlems-ID {key_id}). Send den til en "
            "administrator for registeret, og les dette fingeravtrykket for dem på telefon "
            "eller ansikt til ansikt: {fingerprint}. Profilen åpner registeret når du er lagt "
            "til.",
            "The join request was written to {path} (member id {key_id}). Send it to an "
            "administrator of the register, and read this fingerprint to them by phone or in "
            "person: {fingerprint}. The profile opens the register once you are added.",
        ),
        "staff.member.line": Message(
            "{key_id}  {member_role}  {member_label}  (lagt til {at})",
            "{key_id}  {member_role}  {member_label}  (added {at})",
        ),
        "staff.member.removed_line": Message(
            "{key_id}  {member_role}  {member_label}  (fjernet {at})",
            "{key_id}  {member_role}  {member_label}  (removed {at})",
        ),
        "staff.member.added": Message(
            "{member_label} ({key_id}) er lagt til som {member_role}. Registerets nøkler er "
            "forseglet til medlemmet, som nå kan åpne registeret.",
            "{member_label} ({key_id}) was added as {member_role}. The register's keys are "
            "sealed to the member, who can now open the register.",
        ),
        "staff.member.removed": Message(
            "Medlem {key_id} er fjernet. Ny datanøkkel: {payloads} forseglede "
            "{payloads:innhold|innhold} forseglet på nytt. Ny registernøkkel {register_key_id}; "
            "de eldre er trukket tilbake i neste nøkkelmanifest, som må ut til klinikkene.",
            "Member {key_id} was removed. New data key: {payloads} sealed "
            "{payloads:payload|payloads} sealed again. New register key {register_key_id}; the "
            "older ones are revoked in the next key manifest, which must reach the clinics.",
        ),
        "staff.member.root_rotated": Message(
            "Medlemmet var administrator og hadde rotnøkkelen: ny rotnøkkel {key_id}, "
            "fingeravtrykk {fingerprint}. Neste nøkkelmanifest er signert av både den gamle og "
            "den nye, så klinikkene følger med; nye klinikker får det nye fingeravtrykket i "
            "innmeldingsbrevet.",
            "The member was an administrator and held the root key: new root key {key_id}, "
            "fingerprint {fingerprint}. The next key manifest is signed by the old and the new "
            "one, so the clinics follow; new clinics get the new fingerprint in the enrollment "
            "letter.",
        ),
    },
    params={
        "held": "a count of audit checkpoints the inbox held already",
        "member_role": "a staff member's role (reviewer, registrar, administrator)",
        "member_label": "the label a staff member gave in their join request (their name)",
        "payloads": "a count of sealed payloads",
        "wraps": "a count of members' sealed copies of a key",
        "register_key_id": "a register key's id",
        "version": "a version number of Python or SQLCipher",
        "run_id": "a letter run's random id",
        "letters": "a count of information letters or of persons owed one",
        "pages": "a count of PDF pages",
        "printed": "a count of letters printed and not yet sent",
        "clinic": "a count of persons the clinic gave the letter",
        "returned": "a count of reservations by returned slip",
        "runs": "a count of letter runs",
        "state": "a letter run's state word (printed, sent)",
        "person": (
            "the name and birth date a returned slip names, shown only in the confirmation "
            "the registrar answers (sjelden staff letters returned without --yes)"
        ),
        "backend": "the keyring backend's name, or the register database's dialect",
        "verdict": "the word for whether the keyring is secure",
        "variable": "the name of an environment variable",
        "profiles": "the profile names, separated by commas, or the word for none",
        "source": "a code list's source (shipped metadata)",
        "licence": "a code list's licence (shipped metadata)",
        "role": "a key's role (register, signing; a manifest's recipient, staff, receipt, tls)",
        "batch_id": "a batch's random id",
        "findings": "finding codes with their counts, or the word for clean",
        "attempts": "a count of import attempts",
        "record_id": "a record's random id",
        "revision": "a revision number",
        "issues": "validation issue keys (codes of the form, no values)",
        "unsent": "a count of decisions",
        "reservations": "a count of reservations",
        "url": "the local demo inbox's address",
        "passphrase": "the fixed, public passphrase of the synthetic demo profile",
        "command": "the shell command to run the demo's sync",
        "directory": "the profile's directory",
        "records": "a count of registrations",
        "report": "a BugReport's text: operation, exception type, SQLite error name",
        "stale": "a count of batches",
        "removed": "a count of keys",
        "batches": "a count of batches",
        "accepted": "a count of decisions",
        "rejected": "a count of decisions",
        "quarantined": "a count of quarantined batches",
        "set_aside": "a count of registrations set aside before sending",
        "quarantine_id": "a quarantined batch's random id",
        "resealed": "a count of batches",
        "purged": "a count of registrations deleted by purge notices",
        "revisions": "a count of earlier revisions deleted by revision purges",
        "at": "a time stamp, or the word for never",
        "message": "a sync error's own message (from the sync catalogue)",
        "files": "a count of files",
        "receipts": "a count of receipts",
        "feedback": "a count of feedback documents",
        "key_id": "a key id",
        "path": "a file the command read or wrote",
        "value": "an option's value the command refused (typed on its command line)",
        "choices": "the values an option accepts",
        "field": "a form field's path (a label of the form, never its value)",
        "fingerprint": "a key fingerprint",
        "label": "an installation's label, given at enrollment (a PC's name)",
        "imported": "a count of batches",
        "again": "a count of batches",
        "refused": "a count of batches",
        "pending": "a count of queue items",
        "left": "a count of queue items or of quarantined batches",
        "made": "a count of feedback documents",
        "sent": "a count of feedback documents",
        "already": "a count of feedback documents",
        "failed": "a count of failures",
        "reservation_id": "a reservation's random id",
        "history": "a count of revisions",
        "closed": "a count of queue items",
        "count": "a count of records",
        "valid": "a count of records",
        "total": "a count of records",
        "check": "the name of a self-test check",
        "detail": "what a self-test check did or the exception it raised (synthetic data)",
        "packages": "Debian package names",
        "display": "the DISPLAY variable's value",
        "name": "a file name the user gave",
        "reason": "why the system refused: an OS error or a missing module, never file content",
        "line": "a line number",
        "sequence": "a key manifest's sequence number",
        "roles": "key manifest roles, separated by commas",
        "seq": "an audit entry's sequence number",
        "problem": "an audit verification problem code (desktop.storage.audit.PROBLEMS)",
        "entries": "a count of audit entries",
        "keyed_from": "the sequence number the keyed audit entries start at",
        "checkpoints": "a count of audit checkpoints",
    },
)
