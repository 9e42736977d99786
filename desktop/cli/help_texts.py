"""The help of ``sjelden`` and its commands, in bokmål and English, by stable code.

``--help`` is what a user reads first, so it speaks the language the rest of the command
speaks (``desktop.cli.output.current``: ``--language``, then ``SJELDEN_LANGUAGE``, then the
profile's, else bokmål). The parsers are built after ``desktop.cli.main`` has chosen it, and
each ``help=``/``description=`` is ``h(code)``; a code is the module, the command and the
option (``profile.init.key_file``). argparse's own words come from
``desktop.cli.argparse_words``.
"""

from __future__ import annotations

from desktop.cli.output import current
from desktop.messages import Catalogue, Message

HELP = Catalogue(
    "cli.help",
    {
        "cli.about": Message(
            "Frakoblet registreringsklient for Norsk register for sjeldne diagnoser. Kjør uten "
            "argumenter for å starte programmet.",
            "Offline registration client for the Norwegian Register for Rare Diagnoses. Run "
            "without arguments to start the application.",
        ),
        "cli.language": Message(
            "språket programmet bruker (standard: profilens, ellers bokmål)",
            "UI language of the app (default: the profile's, else bokmål)",
        ),
        "cli.profile": Message(
            "profilnavn (standard: 'default'); profilene ligger under $SJELDEN_HOME",
            "profile name (default: 'default'); profiles live under $SJELDEN_HOME",
        ),
        "cli.version": Message(
            "vis programmets versjonsnummer og avslutt",
            "show program's version number and exit",
        ),
        "codes.codes": Message(
            "kodeverk og diagnosesøk",
            "code lists and diagnosis search",
        ),
        "codes.codes.about": Message(
            "Vis kodeverkene som følger med, eller søk i ORPHA- og ICD-10-diagnoser og "
            "kommuner (alle offisielle navneformer: norsk, samisk, kvensk).",
            "Show the shipped code lists, or search ORPHA and ICD-10 diagnoses and "
            "municipalities (every official name form: Norwegian, Sami, Kven).",
        ),
        "codes.lists": Message(
            "vis kodeverkene med versjon, kilde og lisens",
            "list the code lists with version, source, licence",
        ),
        "codes.lists.json": Message(
            "maskinlesbar utskrift",
            "machine-readable output",
        ),
        "codes.search": Message(
            "søk i diagnoser og kommuner etter kode, navn eller synonym",
            "search diagnoses and municipalities by code, name or synonym",
        ),
        "codes.search.json": Message(
            "maskinlesbar utskrift",
            "machine-readable output",
        ),
        "codes.search.lang": Message(
            "språk for betegnelsene (standard: kommandoens språk)",
            "label language (default: the command's language)",
        ),
        "codes.search.limit": Message(
            "høyst så mange treff",
            "at most this many hits",
        ),
        "codes.search.list": Message(
            "søk bare i denne listen (kan gjentas; standard: alle tre)",
            "search only this list (repeatable; default: all three)",
        ),
        "codes.search.on": Message(
            "kommuner slik de var nummerert denne dagen, ÅÅÅÅ-MM-DD (standard: i dag)",
            "municipalities as numbered on this day, YYYY-MM-DD (default: today)",
        ),
        "codes.search.query": Message(
            "en kode, et navn eller starten på ord",
            "a code, a name, or the start of words",
        ),
        "forms.demo_data": Message(
            "skriv ut syntetiske, gyldige registreringer som JSON lines",
            "print synthetic, valid registrations as JSON lines",
        ),
        "forms.demo_data.count": Message(
            "hvor mange registreringer (standard 10)",
            "how many records (default 10)",
        ),
        "forms.demo_data.seed": Message(
            "frø for gjentakbar utskrift",
            "seed for reproducible output",
        ),
        "forms.schema": Message(
            "skriv ut JSON Schema for registreringsformatet",
            "print the JSON Schema of the record format",
        ),
        "forms.validate": Message(
            "kontroller registreringer (JSON eller JSON lines) uten det grafiske programmet",
            "validate registration records (JSON or JSON lines) without the GUI",
        ),
        "forms.validate.about": Message(
            "Kontroller én registrering (et JSON-objekt) eller flere (en JSON-liste eller JSON "
            "lines, ett objekt per linje). Avslutningskode 0: alle er gyldige; 1: noen er "
            "ugyldige; 2: filen kan ikke leses.",
            "Validate one record (a JSON object), several (a JSON list or JSON lines, one "
            "object per line). Exit code 0: all valid; 1: some invalid; 2: unreadable input.",
        ),
        "forms.validate.draft": Message(
            "kontroller som utkast: bare syntaks, ingenting er påkrevd",
            "check as a draft: syntax only, nothing required",
        ),
        "forms.validate.file": Message(
            "JSON-filen, eller '-' for å lese standard inn",
            "the JSON file, or '-' to read standard input",
        ),
        "forms.validate.json": Message(
            "skriv problemene som JSON",
            "print issues as JSON",
        ),
        "forms.validate.lang": Message(
            "språk for meldingene (standard: kommandoens språk)",
            "message language (default: the command's language)",
        ),
        "letters.letter": Message(
            "skriv informasjonsbrevet for en registrering som PDF (eller HTML)",
            "write the information letter for a record as PDF (or HTML)",
        ),
        "letters.letter.about": Message(
            "Skriv informasjonsbrevet for én registrering (et JSON-objekt). Varianten er den "
            "som er valgt i registreringen, ellers den pasientens alder tilsier, med mindre "
            "--variant er gitt.",
            "Write the information letter for one record (a JSON object). The variant is the "
            "one chosen in the record, else the one the patient's age suggests, unless "
            "--variant is given.",
        ),
        "letters.letter.html": Message(
            "skriv en HTML-fil hit (trenger ikke Qt)",
            "write an HTML file here (no Qt needed)",
        ),
        "letters.letter.lang": Message(
            "brevets språk (standard nb)",
            "letter language (default nb)",
        ),
        "letters.letter.pdf": Message(
            "skriv en PDF-fil hit",
            "write a PDF file here",
        ),
        "letters.letter.record": Message(
            "registreringen som JSON-fil",
            "the record as a JSON file",
        ),
        "letters.letter.variant": Message(
            "varianten: en kode fra skjemaets felt information.letter (standard: se over)",
            "the variant: a code of the form's information.letter field (default: see above)",
        ),
        "letters.summary_pdf": Message(
            "skriv registreringssammendraget til pasientjournalen som PDF",
            "write the registration summary for the patient record as PDF",
        ),
        "letters.summary_pdf.pdf": Message(
            "PDF-filen som skal skrives",
            "the PDF file to write",
        ),
        "letters.summary_pdf.record": Message(
            "registreringen som JSON-fil",
            "the record as a JSON file",
        ),
        "letters.summary_pdf.status": Message(
            "registreringsstatus som skal skrives ut",
            "record status to print",
        ),
        "profile.change_passphrase": Message(
            "bytt passordfrase (gammel og ny fra SJELDEN_PASSPHRASE og SJELDEN_NEW_PASSPHRASE, "
            "eller to linjer på standard inn)",
            "change the passphrase (old and new from SJELDEN_PASSPHRASE and "
            "SJELDEN_NEW_PASSPHRASE, or two lines of standard input)",
        ),
        "profile.doctor": Message(
            "vis nøkkelring, SQLCipher-versjon og datamappe (ingen hemmeligheter)",
            "report the keyring backend, SQLCipher version and data dir (no secrets)",
        ),
        "profile.init": Message(
            "sett opp en ny kryptert profil (skriver ut gjenopprettingsnøkkelen én gang)",
            "set up a new encrypted profile (prints the one-time recovery key)",
        ),
        "profile.init.about": Message(
            "Sett opp en ny kryptert profil. Passordfrasen leses fra SJELDEN_PASSPHRASE eller "
            "standard inn.",
            "Set up a new encrypted profile. The passphrase is read from SJELDEN_PASSPHRASE or "
            "standard input.",
        ),
        "profile.init.key_file": Message(
            "oppbevar den forseglede nøkkelen i en fil i profilen i stedet for i "
            "operativsystemets nøkkelring (bare om denne PC-en ikke har nøkkelring; svakere "
            "beskyttet)",
            "keep the sealed key in a file in the profile instead of the OS keyring (only if "
            "this PC has no keyring; less protected)",
        ),
        "profile.init.language": Message(
            "språket programmet bruker",
            "UI language",
        ),
        "profile.recover": Message(
            "lås opp med den utskrevne gjenopprettingsnøkkelen og velg en ny passordfrase "
            "(gjenopprettingsnøkkel og ny passordfrase som to linjer på standard inn)",
            "unlock with the printed recovery key and set a new passphrase (recovery key and "
            "new passphrase as two lines of standard input)",
        ),
        "profile.unlock_check": Message(
            "kontroller at passordfrasen låser opp profilen og databasen",
            "check that the passphrase unlocks the profile and the database",
        ),
        "profile.unlock_check.accept_data_loss": Message(
            "åpne en database som er eldre enn sist kjente tilstand (store.older_than_known) "
            "som den er, og godta at endringene som mangler, er tapt",
            "open a database that is older than its last known state (store.older_than_known) "
            "as it is, accepting that the missing changes are gone",
        ),
        "selftest.gui": Message(
            "åpne også hovedvinduet og skjemaet (uten skjerm)",
            "also open the main window and the form (offscreen)",
        ),
        "selftest.selftest": Message(
            "kontroller at denne installasjonen virker (ressurser, SQLCipher, validering, PDF)",
            "check that this installation works (resources, SQLCipher, validation, PDF)",
        ),
        "staff.accept_clean": Message(
            "godkjenn alle ventende registreringer uten funn",
            "accept every pending registration without findings",
        ),
        "staff.approve": Message(
            "sammenlign fingeravtrykket, godkjenn i innboksen og fest installasjonen her",
            "compare the fingerprint, approve at the inbox and pin the installation here",
        ),
        "staff.approve.fingerprint": Message(
            'slik klinikken leste det opp, f.eks. "D5PF IWTS …"',
            'as read out by the clinic, e.g. "D5PF IWTS …"',
        ),
        "staff.configure": Message(
            "angi innboksens adresse, CA-pakke, proxy og registerdatabase",
            "set the inbox address, CA bundle, proxy, register database",
        ),
        "staff.decide": Message(
            "godkjenn eller avvis en ventende registrering, eller merk den som duplikat",
            "accept, reject or mark a pending registration as duplicate",
        ),
        "staff.decide.reason": Message(
            "årsakskode, f.eks. diagnosis_not_confirmed (påkrevd ved avvisning)",
            "reason code, e.g. diagnosis_not_confirmed (required to reject)",
        ),
        "staff.decide.revision": Message(
            "når flere revisjoner venter",
            "when several revisions are pending",
        ),
        "staff.decide.text": Message(
            "begrunnelse til klinikken, uten personopplysninger",
            "reason text for the clinic, without personal data",
        ),
        "staff.diff": Message(
            "hvilke felt en ventende revisjon endrer (bare feltstier)",
            "which fields a pending revision changes (paths only)",
        ),
        "staff.enroll_code": Message(
            "en engangskode for å koble en klinikk til registeret",
            "a one-time enrollment code for a clinic",
        ),
        "staff.export": Message(
            "eksporter registerets gjeldende registreringer",
            "export the register's current records",
        ),
        "staff.export.aggregate": Message(
            "antall etter diagnose, fylke, år og kjønn, små tall undertrykt",
            "counts by diagnosis, county, year and sex, small counts suppressed",
        ),
        "staff.export.csv": Message(
            "sykehusregisterets CSV (personopplysninger)",
            "the hospital registry CSV (personal data)",
        ),
        "staff.export.fhir": Message(
            "én FHIR R4-Bundle (personopplysninger)",
            "one FHIR R4 Bundle (personal data)",
        ),
        "staff.export.out_file": Message(
            "fil",
            "file",
        ),
        "staff.export.out_folder": Message(
            "mappe",
            "folder",
        ),
        "staff.export.phenopacket": Message(
            "en mappe med GA4GH Phenopackets (pseudonyme)",
            "a folder of GA4GH Phenopackets (pseudonymous)",
        ),
        "staff.export.research": Message(
            "et k-anonymt forskningsuttrekk med rapport",
            "a k-anonymous research extract with its report",
        ),
        "staff.export.research.columns": Message(
            "et kolonnesett (standard, institution, genetics, all) eller kvasi-identifikatorer "
            "atskilt med komma "
            "(age,sex,geography,diagnosis,diagnosis_year,institution,genetics); standard: "
            "standard",
            "a column set (standard, institution, genetics, all) or quasi-identifiers "
            "separated by commas "
            "(age,sex,geography,diagnosis,diagnosis_year,institution,genetics); default "
            "standard",
        ),
        "staff.export.research.k": Message(
            "minste gruppe, i personer (standard 5, minst 3)",
            "smallest class, in persons (default 5, at least 3)",
        ),
        "staff.export.research.max_suppression": Message(
            "høyeste andel rader som utelates eller har en undertrykt celle (standard 10)",
            "largest share of rows left out or with a suppressed cell (default 10)",
        ),
        "staff.import": Message(
            "importer forsendelsesfiler (.sjbt) fra sjelden export-batch",
            "import batch files (.sjbt) from sjelden export-batch",
        ),
        "staff.init": Message(
            "sett opp en registerprofil med nye register- og saksbehandlernøkler",
            "set up a staff profile with fresh register and staff keys",
        ),
        "staff.init.key_file": Message(
            "oppbevar den forseglede nøkkelen i en fil (uten nøkkelring)",
            "keep the sealed key in a file (no OS keyring)",
        ),
        "staff.init.out": Message(
            "mappe for register.pub og staff.pub",
            "folder for register.pub and staff.pub",
        ),
        "staff.installations": Message(
            "installasjonene i innboksen, med fingeravtrykk",
            "installations at the inbox, with fingerprints",
        ),
        "staff.keys": Message(
            "nøkkel-ID-er og fingeravtrykk for register- og saksbehandlernøklene",
            "key ids and fingerprints of the register and staff keys",
        ),
        "staff.keys.out": Message(
            "skriv også register.pub og staff.pub hit",
            "also write register.pub and staff.pub here",
        ),
        "staff.pin": Message(
            "fest en installasjon som alt er godkjent i innboksen (etter å ha sammenlignet "
            "fingeravtrykk)",
            "pin an installation already approved at the inbox (after comparing fingerprints)",
        ),
        "staff.pull": Message(
            "hent, kontroller og importer forsendelser som ikke er kvittert, fra innboksen",
            "fetch, verify and import unacknowledged batches from the inbox",
        ),
        "staff.quarantine": Message(
            "forsendelser satt til side fordi de ikke kunne importeres",
            "batches set aside because they could not be imported",
        ),
        "staff.quarantine.discard": Message(
            "forkast en forsendelse i karantene for godt",
            "drop a quarantined batch for good",
        ),
        "staff.quarantine.list": Message(
            "ID, forsendelse, avsender og årsak for hver",
            "id, batch, sender and reason of each",
        ),
        "staff.quarantine.retry": Message(
            "importer forsendelser i karantene på nytt (etter en retting)",
            "import quarantined batches again (after a fix)",
        ),
        "staff.quarantine.retry.all": Message(
            "alle forsendelser i karantene",
            "every quarantined batch",
        ),
        "staff.queue": Message(
            "ventende registreringer med funnene sine (ingen feltverdier)",
            "pending registrations with their findings (no field values)",
        ),
        "staff.reserve": Message(
            "registrer en reservasjon (fødselsnummer fra standard inn, aldri som argument)",
            "record a reservation (national id from standard input, never an argument)",
        ),
        "staff.rotate_register_key": Message(
            "legg til en ny registernøkkel (de gamle beholdes)",
            "add a new register key (old ones are kept)",
        ),
        "staff.rotate_register_key.out": Message(
            "mappe for den nye register.pub",
            "folder for the new register.pub",
        ),
        "staff.send_feedback": Message(
            "signer og send avgjørelsene (eller skriv dem til filer)",
            "sign and send decisions (or write them to files)",
        ),
        "staff.send_feedback.out": Message(
            "skriv tilbakemeldingsfiler hit i stedet for å sende dem",
            "write feedback files here instead of sending",
        ),
        "staff.staff": Message(
            "registermodus: hent og gå gjennom forsendelser, avgjørelser, reservasjoner, eksport",
            "registry-staff mode: pull and review batches, decide, reservations, exports",
        ),
        "staff.staff.about": Message(
            "Registermodus. Bruker profilen gitt med --profile (standard 'staff'), som må være "
            "en registerprofil (sjelden staff init).",
            "Registry-staff mode. Uses the profile given with --profile (default 'staff'), "
            "which must be a staff profile (sjelden staff init).",
        ),
        "staff.status": Message(
            "antall: kø, register, forsendelser, reservasjoner, tilbakemeldinger",
            "counts: queue, register, batches, reservations, feedback",
        ),
        "staff.transport.ca_bundle": Message(
            "CA-pakke (PEM) for helsenettet",
            "CA bundle (PEM) of the health network",
        ),
        "staff.transport.inbox": Message(
            "innboksens adresse, f.eks. https://inbox.example",
            "inbox address, e.g. https://inbox.example",
        ),
        "staff.transport.proxy": Message(
            "adresse til HTTP(S)-proxy",
            "HTTP(S) proxy URL",
        ),
        "staff.transport.register_db": Message(
            "postgresql://… for å holde registeret i PostgreSQL ('' for profilens egen fil)",
            "postgresql://… to keep the register in PostgreSQL ('' for this profile's file)",
        ),
        "sync.demo": Message(
            "en omvisning på én PC: lokal innboks, demoprofil med syntetiske data, og programmet",
            "a one-PC tour: local inbox, demo profile with synthetic data, and the app",
        ),
        "sync.demo.no_gui": Message(
            "ikke start programmet",
            "do not start the app",
        ),
        "sync.demo.once": Message(
            "kjør én synkronisering fram og tilbake og avslutt (for skript)",
            "run one sync round trip and exit (for scripts)",
        ),
        "sync.demo.records": Message(
            "syntetiske registreringer (standard 25)",
            "synthetic registrations (default 25)",
        ),
        "sync.enroll": Message(
            "koble denne PC-en til registerets innboks (skriver ut fingeravtrykk til "
            "sammenligning)",
            "enroll this PC with the register's inbox (prints fingerprints to compare)",
        ),
        "sync.enroll.ca_bundle": Message(
            "CA-pakke (PEM) for helsenettet, om det har sin egen",
            "CA bundle (PEM) of the health network, if it has its own",
        ),
        "sync.enroll.code": Message(
            "engangskode fra registeret",
            "one-time enrollment code from the register",
        ),
        "sync.enroll.label": Message(
            "navn på klinikk og PC",
            "clinic and PC name",
        ),
        "sync.enroll.manifest": Message(
            "registerets nøkkellistefil (når innboksen ikke har en)",
            "the register's key manifest file (when the inbox does not serve one)",
        ),
        "sync.enroll.proxy": Message(
            "adresse til HTTP(S)-proxy, f.eks. http://proxy.helsenett:8080",
            "HTTP(S) proxy URL, e.g. http://proxy.helsenett:8080",
        ),
        "sync.enroll.register_key": Message(
            "registerets offentlige krypteringsnøkkel (PEM; bare før registeret publiserer "
            "nøkkellister)",
            "the register's encryption public key (PEM; only before the register publishes "
            "manifests)",
        ),
        "sync.enroll.root_fingerprint": Message(
            "rotnøkkelens fingeravtrykk slik det står i brevet (stanser ved avvik)",
            "the root key's fingerprint as printed in the letter (a mismatch stops)",
        ),
        "sync.enroll.root_key": Message(
            "registerets offentlige rotnøkkel (PEM, fra tilkoblingsbrevet)",
            "the register's root public key (PEM, from the enrollment letter)",
        ),
        "sync.enroll.server": Message(
            "innboksens adresse, f.eks. https://inbox.example",
            "inbox address, e.g. https://inbox.example",
        ),
        "sync.enroll.server_fingerprint": Message(
            "fingeravtrykket til kvitteringsnøkkelen registeret har publisert",
            "the receipt key fingerprint the register published",
        ),
        "sync.enroll.staff_key": Message(
            "en offentlig saksbehandlernøkkel hvis tilbakemeldinger stoles på (PEM; kan gjentas)",
            "a registry staff public key whose feedback is trusted (PEM; repeatable)",
        ),
        "sync.export_batch": Message(
            "skriv de forseglede forsendelsene til en mappe (minnepenn, sikker e-post)",
            "write the sealed batches to a folder (USB stick, secure mail)",
        ),
        "sync.export_batch.out": Message(
            "mappe som filene sjelden-<forsendelses-ID>.sjbt skrives til",
            "folder to write sjelden-<batch id>.sjbt files to",
        ),
        "sync.import_receipt": Message(
            "importer en kvittering eller tilbakemelding fra registeret fra fil",
            "import a receipt or feedback file from the register",
        ),
        "sync.manifest": Message(
            "registerets nøkkelliste, signert med rotnøkkelen",
            "the register's key manifest, signed by its root key",
        ),
        "sync.manifest.import": Message(
            "kontroller FILE mot den festede rotnøkkelen og ta nøklene i bruk",
            "check FILE against the pinned root key and take its keys into use",
        ),
        "sync.manifest.import.file": Message(
            "nøkkellisten (JSON) fra registeret",
            "the key manifest (JSON) from the register",
        ),
        "sync.register_key": Message(
            "installerer ikke lenger nøkkelfiler: registernøklene kommer i den signerte "
            "nøkkellisten",
            "no longer installs key files: register keys come in the signed key manifest",
        ),
        "sync.register_key.add": Message(
            "avvist: bruk 'sjelden manifest import'",
            "refused: use 'sjelden manifest import'",
        ),
        "sync.sync": Message(
            "send ferdigstilte registreringer og hent tilbakemeldinger",
            "send completed registrations and fetch feedback",
        ),
        "sync.sync_status": Message(
            "siste synkronisering, antall per tilstand, siste feil",
            "last sync, counts per state, last error",
        ),
        "letters.summary_pdf.lang": Message(
            "sammendragets språk (standard nb)",
            "summary language (default nb)",
        ),
        "sync.import_receipt.file": Message(
            "kvitterings- eller tilbakemeldingsfilen (JSON) fra registeret",
            "the receipt or feedback file (JSON) from the register",
        ),
        "staff.approve.key_id": Message(
            "installasjonens nøkkel-ID (fra 'sjelden staff installations')",
            "the installation's key id (from 'sjelden staff installations')",
        ),
        "staff.quarantine.ids": Message(
            "ID-er fra 'sjelden staff quarantine list'",
            "ids from 'sjelden staff quarantine list'",
        ),
        "staff.import.files": Message(
            "forsendelsesfiler (.sjbt)",
            "batch files (.sjbt)",
        ),
        "staff.queue.limit": Message(
            "vis høyst så mange",
            "show at most this many",
        ),
        "staff.record_id": Message(
            "registreringens ID (fra 'sjelden staff queue')",
            "the registration's id (from 'sjelden staff queue')",
        ),
        "staff.revoke": Message(
            "trekk tilbake en installasjon i innboksen og her: forsendelser som mottas fra nå "
            "av, avvises",
            "revoke an installation at the inbox and here: its batches received from now on "
            "are refused",
        ),
        "staff.revoke.here_only": Message(
            "bare i denne profilen (ingen innboks, filoverføring)",
            "only in this profile (no inbox, file transport)",
        ),
        "staff.manifest": Message(
            "registerets nøkkelliste: rotnøkkel, nøkler, tilbaketrekninger, signering, publisering",
            "the register's key manifest: root key, keys, revocations, signing, publishing",
        ),
        "staff.manifest.root": Message(
            "rotnøkkelens ID og fingeravtrykk (lages første gang) til registreringsbrevet",
            "the root key's id and fingerprint (made on first use) for the letter",
        ),
        "staff.manifest.root.out": Message(
            "skriv også root.pub hit",
            "also write root.pub here",
        ),
        "staff.manifest.show": Message(
            "nøklene den neste nøkkellisten nevner, og det høyeste nummeret som er signert",
            "the keys the next manifest names and the newest sequence signed",
        ),
        "staff.manifest.add_key": Message(
            "legg til en nøkkel til en ansatt, innboksens kvitteringsnøkkel eller dens TLS-nøkkel",
            "name another staff key, the inbox's receipt key or its TLS key",
        ),
        "staff.manifest.add_key.role": Message(
            "hva nøkkelen brukes til: staff (ansatt), receipt (kvittering) eller tls",
            "what the key is for: staff, receipt or tls",
        ),
        "staff.manifest.add_key.file": Message(
            "en offentlig nøkkelfil (PEM), for eksempel staff.pub",
            "a public key file (PEM), e.g. staff.pub",
        ),
        "staff.manifest.add_key.from_inbox": Message(
            "innboksens kvitteringsnøkkel (GET /v1/server-key)",
            "the inbox's receipt key (GET /v1/server-key)",
        ),
        "staff.manifest.add_key.cert": Message(
            "innboksens TLS-sertifikat (PEM): den offentlige nøkkelen festes",
            "the inbox's TLS certificate (PEM): its public key is pinned",
        ),
        "staff.manifest.add_key.fingerprint": Message(
            "nøkkelens fingeravtrykk slik det vises der den ble laget (kreves for --file og "
            "--from-inbox: 'sjelden-inbox server-key', 'sjelden staff keys')",
            "the key's fingerprint as shown where it was made (required for --file and "
            "--from-inbox: 'sjelden-inbox server-key', 'sjelden staff keys')",
        ),
        "staff.manifest.add_key.valid_until": Message(
            "for eksempel 2027-01-31T00:00:00Z (standard: uten sluttdato)",
            "e.g. 2027-01-31T00:00:00Z (default: no end)",
        ),
        "staff.manifest.sign": Message(
            "signer den neste nøkkellisten med rotnøkkelen",
            "sign the next manifest with the root key",
        ),
        "staff.manifest.revoke": Message(
            "trekk tilbake en nøkkel (ansatt, kvittering, register eller TLS) og signer den "
            "neste nøkkellisten",
            "revoke a key (staff, receipt, register or TLS) and sign the next manifest",
        ),
        "staff.manifest.revoke.key_id": Message(
            "ID-en til nøkkelen som trekkes tilbake",
            "the id of the key to revoke",
        ),
        "staff.manifest.rotate_root": Message(
            "en ny rotnøkkel; den neste nøkkellisten signeres av både den gamle og den nye",
            "a new root key; the next manifest is signed by the old and the new",
        ),
        "staff.manifest.rotate_root.letter": Message(
            "skriv den nye root.pub hit",
            "write the new root.pub here",
        ),
        "staff.manifest.out": Message(
            "skriv nøkkellisten til denne filen",
            "write the manifest to this file",
        ),
        "staff.manifest.publish": Message(
            "last den opp til innboksen (PUT /v1/staff/manifest)",
            "upload it to the inbox (PUT /v1/staff/manifest)",
        ),
        "staff.decide.decision": Message(
            "accept: godkjenn, reject: avvis (med --reason), duplicate: merk som duplikat",
            "accept, reject (with --reason) or mark as duplicate",
        ),
        "staff.letters": Message(
            "informasjonsskriv fra registeret: skriv ut, merk som sendt, returnerte slipper",
            "information letters from the register: print, mark as sent, returned slips",
        ),
        "staff.letters.print": Message(
            "skriv ut neste brevutsendelse til én PDF (0600; den inneholder personopplysninger)",
            "print the next letter run to one PDF (0600; it holds patient data)",
        ),
        "staff.letters.print.out": Message(
            "PDF-filen som skal skrives",
            "the PDF file to write",
        ),
        "staff.letters.print.limit": Message(
            "høyst så mange brev (standard: alle som venter)",
            "at most this many letters (default: every one waiting)",
        ),
        "staff.letters.print.reprint": Message(
            "skriv ut en registrert utsendelse på nytt (samme referanser), for eksempel etter "
            "papirstopp",
            "print a recorded run again (the same references), e.g. after a paper jam",
        ),
        "staff.letters.mark_sent": Message(
            "merk en utsendelse som postlagt; brevdatoen lagres hos hver person",
            "mark a run as posted; the letter date is kept with each person",
        ),
        "staff.letters.run_id": Message(
            "utsendelsens id (se 'sjelden staff letters list')",
            "the run's id (see 'sjelden staff letters list')",
        ),
        "staff.letters.list": Message(
            "antall brev som venter, er skrevet ut og er sendt, og utsendelsene",
            "counts of letters pending, printed and sent, and the runs",
        ),
        "staff.letters.returned": Message(
            "registrer en returnert reservasjonsslipp som reservasjon, med referansen på slippen",
            "record a returned reservation slip as a reservation, by the slip's reference",
        ),
        "staff.letters.returned.reference": Message(
            "referansen på slippen (10 tegn, for eksempel ABCD-EFGH-JK)",
            "the reference on the slip (10 characters, e.g. ABCD-EFGH-JK)",
        ),
        "staff.letters.returned.yes": Message(
            "ikke spør om bekreftelse (for skript)",
            "do not ask for a confirmation (for scripts)",
        ),
        "staff.export.reason": Message(
            "hvorfor registeret eksporteres (påkrevd for csv, fhir, phenopacket og research; "
            "lagres i revisjonsloggen, skriv formål, ikke navn)",
            "why the register is exported (required for csv, fhir, phenopacket and research; "
            "kept in the audit log, write a purpose, not names)",
        ),
        "staff.audit": Message(
            "revisjonsloggen: kontroller kjeden og se hvem som gjorde hva",
            "the audit log: verify the chain and see who did what",
        ),
        "staff.audit.verify": Message(
            "kontroller hele revisjonsloggen (nøkkel, signaturer, sjekkpunkter); avslutter med "
            "0 når den er intakt",
            "verify the whole audit log (key, signatures, checkpoints); exits 0 when intact",
        ),
        "staff.audit.checkpoint": Message(
            "signer et sjekkpunkt for nyeste oppføring nå",
            "sign a checkpoint of the newest entry now",
        ),
        "staff.audit.checkpoint.send": Message(
            "send også sjekkpunktene innboksen ikke har, som vitne utenfor registerdatabasen",
            "also send the checkpoints the inbox does not hold, as a witness outside the "
            "register database",
        ),
        "staff.audit.verify.inbox": Message(
            "sammenlign også med innboksens kopier av sjekkpunktene (finner en avkortet logg)",
            "also compare with the inbox's copies of the checkpoints (finds a cut-off log)",
        ),
        "staff.audit.report": Message(
            "antall oppføringer per medarbeider og handling, per måned",
            "counts of entries per staff member and action, per month",
        ),
        "staff.audit.report.month": Message(
            "bare denne måneden (ÅÅÅÅ-MM)",
            "only this month (YYYY-MM)",
        ),
        "staff.retire_register_key": Message(
            "slett en eldre registernøkkel for godt, så kopier av forsendelser kryptert til "
            "den ikke kan åpnes mer (administrator)",
            "delete an older register key for good, so copies of batches sealed to it can no "
            "longer be opened (administrator)",
        ),
        "staff.retire_register_key.key_id": Message(
            "nøkkelens ID (sjelden staff keys)",
            "the key's id (sjelden staff keys)",
        ),
        "staff.join_request": Message(
            "lag en profil for å bli med i et register på PostgreSQL, og en "
            "medlemsforespørsel til en administrator",
            "make a profile to join a register on PostgreSQL, and a join request for an "
            "administrator",
        ),
        "staff.join_request.label": Message(
            "navnet ditt slik administratorer og revisjonsloggen viser det",
            "your name as administrators and the audit log show it",
        ),
        "staff.join_request.out": Message(
            "filen medlemsforespørselen skrives til (bare offentlige nøkler)",
            "the file the join request is written to (public keys only)",
        ),
        "staff.member": Message(
            "registerets medlemmer: list, legg til, fjern",
            "the register's members: list, add, remove",
        ),
        "staff.member.list": Message(
            "vis medlemmene med rolle og når de ble lagt til eller fjernet",
            "show the members with role and when they were added or removed",
        ),
        "staff.member.add": Message(
            "legg til et medlem fra medlemsforespørselen (administrator)",
            "add a member from their join request (administrator)",
        ),
        "staff.member.add.file": Message(
            "medlemsforespørselen fra sjelden staff join-request",
            "the join request from sjelden staff join-request",
        ),
        "staff.member.add.fingerprint": Message(
            "fingeravtrykket det nye medlemmet leste for deg",
            "the fingerprint the new member read to you",
        ),
        "staff.member.role": Message(
            "reviewer (vurderer), registrar (også reservasjoner, uttrekk, brev) eller "
            "administrator (også medlemmer og nøkler)",
            "reviewer (decides), registrar (also reservations, exports, letters) or "
            "administrator (also members and keys)",
        ),
        "staff.member.remove": Message(
            "fjern et medlem og bytt nøklene det kan ha beholdt (administrator)",
            "remove a member and rotate the keys they may have kept (administrator)",
        ),
        "staff.member.remove.key_id": Message(
            "medlemmets ID (sjelden staff member list)",
            "the member's id (sjelden staff member list)",
        ),
    },
)


def h(code: str) -> str:
    """The help text ``code`` in the command's language (argparse formats it with ``%``)."""
    return HELP.text(code, current()).replace("%", "%%")
