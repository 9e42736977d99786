<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>BarChart</name>
    <message>
        <source>Report chart</source>
        <translation>Rapportdiagram</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s). Largest: %1</source>
        <translation>
            <numerusform>%n gruppe. Størst: %1</numerusform>
            <numerusform>%n grupper. Størst: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Ingen data</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Registrations concerned</source>
        <translation>Registreringer det gjelder</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel, change nothing</source>
        <translation>Avbryt uten å endre noe</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Changes in this revision</source>
        <translation>Endringer i denne revisjonen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>In the register</source>
        <translation>I registeret</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Innkommende</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Endret: %1</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>Validation errors</source>
        <translation>Valideringsfeil</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Ny revisjon</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mulig duplikat</translation>
    </message>
    <message>
        <source>Reserved person</source>
        <translation>Reservert person</translation>
    </message>
    <message>
        <source>Older revision</source>
        <translation>Eldre revisjon</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Ingen funn</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Registration under review</source>
        <translation>Registrering til gjennomgang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Selected registration</source>
        <translation>Valgt registrering</translation>
    </message>
    <message>
        <source>Only changed fields</source>
        <translation>Bare endrede felt</translation>
    </message>
    <message>
        <source>Show only the changed fields</source>
        <translation>Vis bare feltene som er endret</translation>
    </message>
    <message>
        <source>Compared with the register</source>
        <translation>Sammenlignet med registeret</translation>
    </message>
    <message>
        <source>Checks: %1</source>
        <translation>Kontroller: %1</translation>
    </message>
    <message>
        <source>From the clinic: %1</source>
        <translation>Fra klinikken: %1</translation>
    </message>
    <message>
        <source>an installation not pinned here (%1)</source>
        <translation>en installasjon som ikke er godkjent her (%1)</translation>
    </message>
    <message>
        <source>Received %1, revision %2, batch %3</source>
        <translation>Mottatt %1, revisjon %2, forsendelse %3</translation>
    </message>
    <message>
        <source>in the register</source>
        <translation>i registeret</translation>
    </message>
    <message>
        <source>waiting in the queue</source>
        <translation>som venter i køen</translation>
    </message>
    <message>
        <source>Possible duplicate: %1, registration %2 %3, has the same person and diagnosis.</source>
        <translation>Mulig duplikat: %1, registrering %2 %3, har samme person og diagnose.</translation>
    </message>
    <message>
        <source>Possible duplicate of registration %1.</source>
        <translation>Mulig duplikat av registrering %1.</translation>
    </message>
    <message>
        <source>Validation errors:</source>
        <translation>Valideringsfeil:</translation>
    </message>
    <message>
        <source>Warnings the clinician confirmed at completion:</source>
        <translation>Advarsler klinikeren bekreftet ved ferdigstilling:</translation>
    </message>
    <message>
        <source>The clinician confirmed no warnings.</source>
        <translation>Klinikeren bekreftet ingen advarsler.</translation>
    </message>
    <message>
        <source>Register, rev. %1</source>
        <translation>Registeret, rev. %1</translation>
    </message>
    <message>
        <source>The other one (%1)</source>
        <translation>Den andre (%1)</translation>
    </message>
    <message>
        <source>Incoming, rev. %1</source>
        <translation>Innkommende, rev. %1</translation>
    </message>
    <message>
        <source>Changes from the register&apos;s revision</source>
        <translation>Endringer fra registerets revisjon</translation>
    </message>
    <message>
        <source>Compared with the possible duplicate</source>
        <translation>Sammenlignet med det mulige duplikatet</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>Count by</source>
        <translation>Tell etter</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Reporting institution</source>
        <translation>Innmeldende institusjon</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Fylke</translation>
    </message>
    <message>
        <source>Count &amp;by:</source>
        <translation>Tell &amp;etter:</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Lagre som &amp;CSV …</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antall</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n gruppe</numerusform>
            <numerusform>%n grupper</numerusform>
        </translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lagre rapport</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Rapporten er lagret: %1</translation>
    </message>
</context>
<context>
    <name>ReservationsPanel</name>
    <message>
        <source>A reservation deletes every registration of the person from the register and from batches not yet decided, and rejects later registrations of the person automatically with the reason “reservert”. Only a keyed hash of the national identity number is kept. This cannot be undone.</source>
        <translation>En reservasjon sletter alle registreringer av personen fra registeret og fra forsendelser som ikke er avgjort, og avviser senere registreringer av personen automatisk med begrunnelsen «reservert». Bare en nøkkelbasert hash av fødselsnummeret beholdes. Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>National identity number to reserve</source>
        <translation>Fødselsnummer som skal reserveres</translation>
    </message>
    <message>
        <source>National identity number check</source>
        <translation>Kontroll av fødselsnummer</translation>
    </message>
    <message>
        <source>&amp;Record reservation…</source>
        <translation>&amp;Registrer reservasjon …</translation>
    </message>
    <message>
        <source>Reservation result</source>
        <translation>Resultat av reservasjonen</translation>
    </message>
    <message>
        <source>&amp;National identity number:</source>
        <translation>&amp;Fødselsnummer:</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 sifre</translation>
    </message>
    <message>
        <source>Not a valid national identity number or D number: check the digits.</source>
        <translation>Ikke et gyldig fødselsnummer eller D-nummer: kontroller sifrene.</translation>
    </message>
    <message>
        <source>Valid number.</source>
        <translation>Gyldig nummer.</translation>
    </message>
    <message>
        <source>%1, born %2</source>
        <translation>%1, født %2</translation>
    </message>
    <message>
        <source>The person born %1</source>
        <translation>Personen født %1</translation>
    </message>
    <message numerus="yes">
        <source>Record a reservation for %1? This deletes the %n registration(s) listed below from the register and the queue, and blocks new ones. This cannot be undone.</source>
        <translation>
            <numerusform>Registrere reservasjon for %1? Da slettes registreringen under fra registeret og køen, og nye sperres. Dette kan ikke angres.</numerusform>
            <numerusform>Registrere reservasjon for %1? Da slettes de %n registreringene under fra registeret og køen, og nye sperres. Dette kan ikke angres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Record a reservation for %1? The register holds no registration of this person; new ones will be rejected automatically. This cannot be undone.</source>
        <translation>Registrere reservasjon for %1? Registeret har ingen registrering av personen; nye blir avvist automatisk. Dette kan ikke angres.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier revision(s) of these registrations are deleted too.</source>
        <translation>
            <numerusform>%n tidligere revisjon av registreringene slettes også.</numerusform>
            <numerusform>%n tidligere revisjoner av registreringene slettes også.</numerusform>
        </translation>
    </message>
    <message>
        <source>The person already has a reservation.</source>
        <translation>Personen har allerede en reservasjon.</translation>
    </message>
    <message>
        <source>Record reservation</source>
        <translation>Registrer reservasjon</translation>
    </message>
    <message>
        <source>&amp;Delete and record reservation</source>
        <translation>&amp;Slett og registrer reservasjon</translation>
    </message>
    <message>
        <source>Confirm reservation</source>
        <translation>Bekreft reservasjon</translation>
    </message>
    <message>
        <source>in the register</source>
        <translation>i registeret</translation>
    </message>
    <message>
        <source>waiting in the queue</source>
        <translation>venter i køen</translation>
    </message>
    <message>
        <source>no diagnosis</source>
        <translation>ingen diagnose</translation>
    </message>
    <message>
        <source>%1 – %2 – %3 (registration %4, revision %5)</source>
        <translation>%1 – %2 – %3 (registrering %4, revisjon %5)</translation>
    </message>
    <message>
        <source>Reservation recorded.</source>
        <translation>Reservasjonen er registrert.</translation>
    </message>
    <message>
        <source>The person already had a reservation; anything that arrived since was deleted.</source>
        <translation>Personen var allerede reservert; det som har kommet inn siden, er slettet.</translation>
    </message>
    <message>
        <source>Deleted: %1 registration(s), %2 earlier revision(s), %3 waiting in the queue.</source>
        <translation>Slettet: %1 registrering(er), %2 tidligere revisjon(er), %3 som ventet i køen.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Show items with</source>
        <translation>Vis registreringer med</translation>
    </message>
    <message>
        <source>All pending</source>
        <translation>Alle som venter</translation>
    </message>
    <message>
        <source>Clean only</source>
        <translation>Bare uten funn</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>Accept all &amp;clean</source>
        <translation>Godta alle &amp;uten funn</translation>
    </message>
    <message>
        <source>Accept all clean registrations</source>
        <translation>Godta alle registreringer uten funn</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Gjennomgangskø</translation>
    </message>
    <message>
        <source>Double-click a row, or press Enter, to open the registration</source>
        <translation>Dobbeltklikk på en rad, eller trykk Enter, for å åpne registreringen</translation>
    </message>
    <message>
        <source>Choose or type a code (needed to reject)</source>
        <translation>Velg eller skriv en kode (kreves for avvisning)</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Årsakskode</translation>
    </message>
    <message>
        <source>Reason text</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Sent to the clinic unencrypted: no names, numbers or other personal data</source>
        <translation>Sendes ukryptert til klinikken: ingen navn, numre eller andre personopplysninger</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Godta</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;Avvis</translation>
    </message>
    <message>
        <source>Mark as d&amp;uplicate</source>
        <translation>Merk som &amp;duplikat</translation>
    </message>
    <message>
        <source>Undo last decisi&amp;on</source>
        <translation>A&amp;ngre siste avgjørelse</translation>
    </message>
    <message>
        <source>Undo the last decision</source>
        <translation>Angre den siste avgjørelsen</translation>
    </message>
    <message>
        <source>Decision message</source>
        <translation>Melding om beslutningen</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>Køstatus</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Avgjørelse</translation>
    </message>
    <message>
        <source>Reason &amp;code:</source>
        <translation>Års&amp;akskode:</translation>
    </message>
    <message>
        <source>Reason &amp;text:</source>
        <translation>&amp;Begrunnelse:</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) awaiting review</source>
        <translation>
            <numerusform>%n registrering venter på gjennomgang</numerusform>
            <numerusform>%n registreringer venter på gjennomgang</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clean</source>
        <translation>
            <numerusform>%n uten funn</numerusform>
            <numerusform>%n uten funn</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose or type a reason code to reject.</source>
        <translation>Velg eller skriv en årsakskode for å avvise.</translation>
    </message>
    <message>
        <source>Undo the decision on %1</source>
        <translation>Angre avgjørelsen for %1</translation>
    </message>
    <message>
        <source>The decision on %1 is undone; the registration waits for review again.</source>
        <translation>Avgjørelsen for %1 er angret; registreringen venter på gjennomgang igjen.</translation>
    </message>
    <message>
        <source>Accept all clean</source>
        <translation>Godta alle uten funn</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n registration(s) without findings? They go into the register, and the clinics are told when the decisions are sent.</source>
        <translation>
            <numerusform>Godta %n registrering uten funn? Den legges inn i registeret, og klinikken får beskjed når avgjørelsene sendes.</numerusform>
            <numerusform>Godta %n registreringer uten funn? De legges inn i registeret, og klinikkene får beskjed når avgjørelsene sendes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Accept %n registration(s)</source>
        <translation>
            <numerusform>&amp;Godta %n registrering</numerusform>
            <numerusform>&amp;Godta %n registreringer</numerusform>
        </translation>
    </message>
    <message>
        <source>Accepting clean registrations…</source>
        <translation>Godtar registreringer uten funn …</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) accepted.</source>
        <translation>
            <numerusform>%n registrering er godtatt.</numerusform>
            <numerusform>%n registreringer er godtatt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need a decision of their own (the register changed meanwhile).</source>
        <translation>
            <numerusform>%n trenger en egen avgjørelse (registeret er endret i mellomtiden).</numerusform>
            <numerusform>%n trenger en egen avgjørelse (registeret er endret i mellomtiden).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Checks</source>
        <translation>Kontroller</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoser</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrering</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>Sjeldenregisteret: registry staff</source>
        <translation>Sjeldenregisteret: registerets saksbehandlere</translation>
    </message>
    <message>
        <source>Registry staff window</source>
        <translation>Vindu for registerets saksbehandlere</translation>
    </message>
    <message>
        <source>Work area</source>
        <translation>Arbeidsområde</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Gjennomgang</translation>
    </message>
    <message>
        <source>Re&amp;servations</source>
        <translation>&amp;Reservasjoner</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>Ra&amp;pporter</translation>
    </message>
    <message>
        <source>Registrations awaiting review</source>
        <translation>Registreringer som venter på gjennomgang</translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting review</source>
        <translation>
            <numerusform>%n venter på gjennomgang</numerusform>
            <numerusform>%n venter på gjennomgang</numerusform>
        </translation>
    </message>
    <message>
        <source>Batches in quarantine</source>
        <translation>Forsendelser i karantene</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Import batch files…</source>
        <translation>&amp;Importer forsendelsesfiler …</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>I&amp;nbox</source>
        <translation>&amp;Innboks</translation>
    </message>
    <message>
        <source>&amp;Fetch new batches</source>
        <translation>&amp;Hent nye forsendelser</translation>
    </message>
    <message>
        <source>&amp;Send decisions</source>
        <translation>&amp;Send avgjørelser</translation>
    </message>
    <message>
        <source>Save decisions as &amp;files…</source>
        <translation>Lagre avgjørelser som &amp;filer …</translation>
    </message>
    <message>
        <source>&amp;Quarantined batches…</source>
        <translation>Forsendelser i &amp;karantene…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksport</translation>
    </message>
    <message>
        <source>Hospital registry &amp;CSV…</source>
        <translation>CSV til sykehusets &amp;registerverktøy …</translation>
    </message>
    <message>
        <source>&amp;FHIR R4 bundle…</source>
        <translation>&amp;FHIR R4-bunt …</translation>
    </message>
    <message>
        <source>&amp;Phenopackets (folder)…</source>
        <translation>&amp;Phenopackets (mappe) …</translation>
    </message>
    <message>
        <source>k-anonymous &amp;research extract…</source>
        <translation>k-anonymt &amp;forskningsuttrekk …</translation>
    </message>
    <message>
        <source>&amp;Aggregate counts (small counts suppressed)…</source>
        <translation>&amp;Aggregerte tall (små tall skjult) …</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Innstillinger</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>&amp;Endre passordfrase …</translation>
    </message>
    <message>
        <source>&amp;Automatic locking…</source>
        <translation>&amp;Automatisk låsing …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <source>Import batch files</source>
        <translation>Importer forsendelsesfiler</translation>
    </message>
    <message>
        <source>Sjelden batches (*.sjbt)</source>
        <translation>Sjelden-forsendelser (*.sjbt)</translation>
    </message>
    <message>
        <source>Importing batches…</source>
        <translation>Importerer forsendelser …</translation>
    </message>
    <message>
        <source>Fetching batches from the inbox…</source>
        <translation>Henter forsendelser fra innboksen …</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) imported</source>
        <translation>
            <numerusform>%n forsendelse importert</numerusform>
            <numerusform>%n forsendelser importert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) to review</source>
        <translation>
            <numerusform>%n registrering til gjennomgang</numerusform>
            <numerusform>%n registreringer til gjennomgang</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused batch %1: %2</source>
        <translation>Avvist forsendelse %1: %2</translation>
    </message>
    <message>
        <source>Quarantined batch %1: %2</source>
        <translation>Forsendelse i karantene %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) in quarantine</source>
        <translation>
            <numerusform>%n forsendelse i karantene</numerusform>
            <numerusform>%n forsendelser i karantene</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry or discard with: sjelden staff quarantine</source>
        <translation>Prøv igjen eller forkast med: sjelden staff quarantine</translation>
    </message>
    <message>
        <source>Sending decisions…</source>
        <translation>Sender avgjørelser …</translation>
    </message>
    <message numerus="yes">
        <source>%n decision document(s) sent.</source>
        <translation>
            <numerusform>%n avgjørelsesdokument er sendt.</numerusform>
            <numerusform>%n avgjørelsesdokumenter er sendt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the inbox (%1).</source>
        <translation>
            <numerusform>%n avvist av innboksen (%1).</numerusform>
            <numerusform>%n avvist av innboksen (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Save decisions to folder</source>
        <translation>Lagre avgjørelser i mappe</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>%n fil er skrevet.</numerusform>
            <numerusform>%n filer er skrevet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to an empty folder</source>
        <translation>Eksporter til en tom mappe</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <source>Research extract</source>
        <translation>Forskningsuttrekk</translation>
    </message>
    <message>
        <source>Quasi-identifiers to release:</source>
        <translation>Kjennetegn som skal utgis:</translation>
    </message>
    <message>
        <source>Each combination must hold at least k persons. k:</source>
        <translation>Hver kombinasjon må gjelde minst k personer. k:</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer …</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) exported.</source>
        <translation>
            <numerusform>%n registrering er eksportert.</numerusform>
            <numerusform>%n registreringer er eksportert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Filer: %1</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Ingenting ble eksportert: %1</translation>
    </message>
    <message>
        <source>Sjeldenregisteret %1, registry-staff mode.</source>
        <translation>Sjeldenregisteret %1, modus for registerets saksbehandlere.</translation>
    </message>
</context>
</TS>
