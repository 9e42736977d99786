<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add member</source>
        <translation>Legg til medarbeider</translation>
    </message>
    <message>
        <source>Ask the new member to read you the fingerprint their profile showed when they made the request (by phone or in person), and type or paste what they read. It is compared with the request&apos;s; if the two differ, nobody is added (the file may have been changed on its way).</source>
        <translation>Be den nye medarbeideren lese opp fingeravtrykket profilen viste da forespørselen ble laget (på telefon eller ansikt til ansikt), og skriv inn eller lim inn det du hører. Det sammenlignes med forespørselens eget; er de ulike, legges ingen til (filen kan være endret underveis).</translation>
    </message>
    <message>
        <source>Name in the request</source>
        <translation>Navn i forespørselen</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Nøkkel-id</translation>
    </message>
    <message>
        <source>Fingerprint of the request</source>
        <translation>Forespørselens fingeravtrykk</translation>
    </message>
    <message>
        <source>Fingerprint read to you</source>
        <translation>Fingeravtrykket du fikk lest opp</translation>
    </message>
    <message>
        <source>As the new member reads it to you</source>
        <translation>Slik den nye medarbeideren leser det opp for deg</translation>
    </message>
    <message>
        <source>&amp;Fingerprint read to you:</source>
        <translation>&amp;Fingeravtrykket du fikk lest opp:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Name in the request:</source>
        <translation>Navn i forespørselen:</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>Nøkkel-id:</translation>
    </message>
    <message>
        <source>Fingerprint of the request:</source>
        <translation>Forespørselens fingeravtrykk:</translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>&amp;Legg til</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Ver&amp;ify the audit log</source>
        <translation>&amp;Kontroller revisjonsloggen</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Resultat av kontrollen</translation>
    </message>
    <message>
        <source>Send checkpoints to the inbox</source>
        <translation>Send sjekkpunkter til innboksen</translation>
    </message>
    <message>
        <source>Compare with the inbox</source>
        <translation>Sammenlign med innboksen</translation>
    </message>
    <message>
        <source>Comparison with the inbox</source>
        <translation>Sammenligning med innboksen</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>YYYY-MM (empty: every month)</source>
        <translation>ÅÅÅÅ-MM (tomt: alle måneder)</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Måned:</translation>
    </message>
    <message>
        <source>Show repor&amp;t</source>
        <translation>Vis rappor&amp;t</translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation>Revisjonsrapport</translation>
    </message>
    <message>
        <source>Staff member (key id)</source>
        <translation>Medarbeider (nøkkel-id)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antall</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Kontrollerer …</translation>
    </message>
    <message>
        <source>Intact: %1 entries, keyed and signed from no. %2, %3 checkpoint(s) checked.</source>
        <translation>Intakt: %1 oppføringer, nøkkelbeskyttet og signert fra nr. %2, %3 sjekkpunkt(er) kontrollert.</translation>
    </message>
    <message>
        <source>NOT intact: the first fault is entry no. %1 (%2). Do not repair the database; report it to the data protection officer.</source>
        <translation>IKKE intakt: første feil er oppføring nr. %1 (%2). Ikke rett på databasen; meld fra til personvernombudet.</translation>
    </message>
    <message>
        <source>Asking the inbox…</source>
        <translation>Spør innboksen …</translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s) sent to the inbox; it held %1 already.</source>
        <translation>
            <numerusform>%n sjekkpunkt sendt til innboksen; den hadde %1 fra før.</numerusform>
            <numerusform>%n sjekkpunkter sendt til innboksen; den hadde %1 fra før.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The inbox&apos;s %n checkpoint copy(ies) match the audit log and are signed by the register&apos;s members.</source>
        <translation>
            <numerusform>Innboksens %n kopi av sjekkpunktene stemmer med revisjonsloggen og er signert av registerets medarbeidere.</numerusform>
            <numerusform>Innboksens %n kopier av sjekkpunktene stemmer med revisjonsloggen og er signert av registerets medarbeidere.</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT intact: the inbox&apos;s copy of entry no. %1 does not match the audit log (%2). Do not repair the database; report it to the data protection officer.</source>
        <translation>IKKE intakt: innboksens kopi for oppføring nr. %1 stemmer ikke med revisjonsloggen (%2). Ikke rett på databasen; meld fra til personvernombudet.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n oppføring</numerusform>
            <numerusform>%n oppføringer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoLockDialog</name>
    <message>
        <source>Automatic locking</source>
        <translation>Automatisk låsing</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes without activity before locking</source>
        <translation>Minutter uten aktivitet før låsing</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>Lås &amp;etter:</translation>
    </message>
    <message>
        <source>The program locks itself when nobody has used the keyboard or mouse for this long, so nobody else can read the registrations.</source>
        <translation>Programmet låser seg selv når ingen har brukt tastaturet eller musen så lenge, slik at ingen andre kan lese registreringene.</translation>
    </message>
    <message>
        <source>About automatic locking</source>
        <translation>Om automatisk låsing</translation>
    </message>
</context>
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
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Endre passordfrase</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Nåværende passordfrase</translation>
    </message>
    <message>
        <source>Change passphrase problem</source>
        <translation>Problem med endring av passordfrase</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>&amp;Endre passordfrase</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>&amp;Nåværende passordfrase:</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Skriv inn den nåværende passordfrasen din.</translation>
    </message>
    <message>
        <source>The passphrase has been changed.</source>
        <translation>Passordfrasen er endret.</translation>
    </message>
</context>
<context>
    <name>CodeField</name>
    <message>
        <source>Search results for %1</source>
        <translation>Søkeresultater for %1</translation>
    </message>
    <message>
        <source>Chosen %1</source>
        <translation>Valgt %1</translation>
    </message>
    <message>
        <source>Nothing chosen</source>
        <translation>Ingenting valgt</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Valgt: %1</translation>
    </message>
    <message>
        <source>Name or number</source>
        <translation>Navn eller nummer</translation>
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
    <name>DiagnosisPicker</name>
    <message>
        <source>Search by code, name or synonym</source>
        <translation>Søk på kode, navn eller synonym</translation>
    </message>
    <message>
        <source>Search for a diagnosis</source>
        <translation>Søk etter diagnose</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Søkeresultater</translation>
    </message>
    <message>
        <source>Number of matches</source>
        <translation>Antall treff</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n treff</numerusform>
            <numerusform>%n treff</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Ingen treff</translation>
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
    <name>EnrollDialog</name>
    <message>
        <source>Connect to the register</source>
        <translation>Koble til registeret</translation>
    </message>
    <message>
        <source>Connect this PC to the register</source>
        <translation>Koble denne PC-en til registeret</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Registreringskode</translation>
    </message>
    <message>
        <source>Server fingerprint (optional)</source>
        <translation>Serverens fingeravtrykk (valgfritt)</translation>
    </message>
    <message>
        <source>as printed in the letter</source>
        <translation>slik det står i brevet</translation>
    </message>
    <message>
        <source>Fill in the details from the register&apos;s enrollment letter. The letter comes with the register&apos;s root key file; type the root key&apos;s fingerprint as it is printed in the letter, so the file is checked against it.</source>
        <translation>Fyll inn opplysningene fra registreringsbrevet fra registeret. Med brevet følger registerets rotnøkkelfil; skriv inn rotnøkkelens fingeravtrykk slik det står i brevet, så blir filen kontrollert mot det.</translation>
    </message>
    <message>
        <source>The register&apos;s root key file</source>
        <translation>Registerets rotnøkkelfil</translation>
    </message>
    <message>
        <source>The root key&apos;s fingerprint from the letter</source>
        <translation>Rotnøkkelens fingeravtrykk fra brevet</translation>
    </message>
    <message>
        <source>Key list file (optional)</source>
        <translation>Nøkkellistefil (valgfritt)</translation>
    </message>
    <message>
        <source>CA bundle (optional)</source>
        <translation>CA-fil (valgfritt)</translation>
    </message>
    <message>
        <source>Proxy (optional)</source>
        <translation>Proxy (valgfritt)</translation>
    </message>
    <message>
        <source>Name of this PC</source>
        <translation>Navn på denne PC-en</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <source>Enrollment co&amp;de:</source>
        <translation>Registrerings&amp;kode:</translation>
    </message>
    <message>
        <source>&amp;Root key file:</source>
        <translation>&amp;Rotnøkkelfil:</translation>
    </message>
    <message>
        <source>Choose the register&apos;s root key file</source>
        <translation>Velg registerets rotnøkkelfil</translation>
    </message>
    <message>
        <source>Root key fin&amp;gerprint:</source>
        <translation>Rotnøkkelens fin&amp;geravtrykk:</translation>
    </message>
    <message>
        <source>&amp;Key list file:</source>
        <translation>Nøkkel&amp;listefil:</translation>
    </message>
    <message>
        <source>Choose the key list file</source>
        <translation>Velg nøkkellistefilen</translation>
    </message>
    <message>
        <source>Server &amp;fingerprint:</source>
        <translation>Serverens &amp;fingeravtrykk:</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>&amp;CA-fil:</translation>
    </message>
    <message>
        <source>Choose the CA bundle</source>
        <translation>Velg CA-filen</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>&amp;Name of this PC:</source>
        <translation>&amp;Navn på denne PC-en:</translation>
    </message>
    <message>
        <source>Enrollment message</source>
        <translation>Melding om tilkoblingen</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Kobler til</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>K&amp;oble til</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Enrollment result</source>
        <translation>Resultat av tilkoblingen</translation>
    </message>
    <message>
        <source>Approval status</source>
        <translation>Godkjenningsstatus</translation>
    </message>
    <message>
        <source>Read this PC&apos;s fingerprint to the register:</source>
        <translation>Les opp denne PC-ens fingeravtrykk for registeret:</translation>
    </message>
    <message>
        <source>This PC&apos;s fingerprint</source>
        <translation>Denne PC-ens fingeravtrykk</translation>
    </message>
    <message>
        <source>This PC&apos;s fingerprint, spelled</source>
        <translation>Denne PC-ens fingeravtrykk, stavet</translation>
    </message>
    <message>
        <source>Compare these with the enrollment letter; if one differs, stop and phone the register:</source>
        <translation>Sammenlign disse med registreringsbrevet; er ett av dem forskjellig, stopp og ring registeret:</translation>
    </message>
    <message>
        <source>Fingerprints to compare</source>
        <translation>Fingeravtrykk som skal sammenlignes</translation>
    </message>
    <message>
        <source>Co&amp;py the fingerprints</source>
        <translation>K&amp;opier fingeravtrykkene</translation>
    </message>
    <message>
        <source>Copy the fingerprints</source>
        <translation>Kopier fingeravtrykkene</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Public keys (*.pub *.pem);;All (*)</source>
        <translation>Offentlige nøkler (*.pub *.pem);;Alle (*)</translation>
    </message>
    <message>
        <source>The register&apos;s key list file</source>
        <translation>Registerets nøkkellistefil</translation>
    </message>
    <message>
        <source>Key lists (*.json);;All (*)</source>
        <translation>Nøkkellister (*.json);;Alle (*)</translation>
    </message>
    <message>
        <source>Choose the register&apos;s root key file that came with the letter.</source>
        <translation>Velg registerets rotnøkkelfil som fulgte med brevet.</translation>
    </message>
    <message>
        <source>Type the root key&apos;s fingerprint exactly as the letter prints it: it is how this PC knows the key file really comes from the register.</source>
        <translation>Skriv inn rotnøkkelens fingeravtrykk nøyaktig slik brevet viser det: slik vet PC-en at nøkkelfilen virkelig kommer fra registeret.</translation>
    </message>
    <message>
        <source>The health network&apos;s CA bundle</source>
        <translation>Helsenettets CA-fil</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All (*)</source>
        <translation>Sertifikater (*.pem *.crt);;Alle (*)</translation>
    </message>
    <message>
        <source>Write the server address from the letter, starting with https:// (for example https://innboks.sjeldenregisteret.no).</source>
        <translation>Skriv serveradressen fra brevet, med https:// først (for eksempel https://innboks.sjeldenregisteret.no).</translation>
    </message>
    <message>
        <source>The enrollment code has 16 letters and digits (XXXX-XXXX-XXXX-XXXX); check it against the letter.</source>
        <translation>Registreringskoden har 16 bokstaver og tall (XXXX-XXXX-XXXX-XXXX); sjekk den mot brevet.</translation>
    </message>
    <message>
        <source>Enrollment codes never contain the letters I, L, O or U: you probably mean the digits 1 and 0.</source>
        <translation>Registreringskoder har aldri bokstavene I, L, O eller U: du mener trolig tallene 1 og 0.</translation>
    </message>
    <message>
        <source>Give this PC a name the register recognises, e.g. clinic and room.</source>
        <translation>Gi PC-en et navn registeret kjenner igjen, for eksempel klinikk og rom.</translation>
    </message>
    <message>
        <source>Connecting to the register…</source>
        <translation>Kobler til registeret …</translation>
    </message>
    <message>
        <source>Enrollment failed unexpectedly (%1). Try again, or contact support.</source>
        <translation>Tilkoblingen feilet uventet (%1). Prøv igjen, eller kontakt brukerstøtte.</translation>
    </message>
    <message>
        <source>This PC is connected to the register.</source>
        <translation>Denne PC-en er koblet til registeret.</translation>
    </message>
    <message>
        <source>The register has approved this PC; registrations can be sent.</source>
        <translation>Registeret har godkjent denne PC-en; registreringer kan sendes.</translation>
    </message>
    <message>
        <source>Server (receipts)</source>
        <translation>Server (kvitteringer)</translation>
    </message>
    <message>
        <source>Register (encryption)</source>
        <translation>Registeret (kryptering)</translation>
    </message>
    <message>
        <source>Staff (decisions)</source>
        <translation>Ansatte (avgjørelser)</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>Denne PC-en</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>Sjeldenregisteret</source>
        <translation>Sjeldenregisteret</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Feilmelding</translation>
    </message>
    <message>
        <source>An unexpected error occurred. The operation was not completed. Copy the error report and send it to support.</source>
        <translation>Det oppstod en uventet feil, og handlingen ble ikke fullført. Kopier feilrapporten og send den til brukerstøtte.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Copy error report</source>
        <translation>Kopier feilrapport</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informasjon</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <source>Message for %1</source>
        <translation>Melding for %1</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Påkrevd</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Forslag: %1</translation>
    </message>
    <message>
        <source>Use the suggestion %1</source>
        <translation>Bruk forslaget %1</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.ÅÅÅÅ</translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation>– velg –</translation>
    </message>
</context>
<context>
    <name>FileTransport</name>
    <message>
        <source>Folder for the batches (encrypted; for example a USB stick)</source>
        <translation>Mappe for forsendelsene (kryptert; for eksempel en minnepinne)</translation>
    </message>
    <message>
        <source>Export batches</source>
        <translation>Eksporter forsendelser</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) written to %1. Send the files to the register as agreed; the receipt comes back as a file to import.</source>
        <translation>
            <numerusform>%n forsendelse skrevet til %1. Send filen til registeret slik dere har avtalt; kvitteringen kommer tilbake som en fil du importerer.</numerusform>
            <numerusform>%n forsendelser skrevet til %1. Send filene til registeret slik dere har avtalt; kvitteringen kommer tilbake som en fil du importerer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send: no completed registrations are waiting.</source>
        <translation>Ingenting å sende: ingen ferdigstilte registreringer venter.</translation>
    </message>
    <message numerus="yes">
        <source>%n completed registration(s) could not be packed because the profile is read-only; they go next time the profile can be written.</source>
        <translation>
            <numerusform>%n ferdigstilt registrering kunne ikke pakkes fordi profilen er skrivebeskyttet; den sendes neste gang profilen kan skrives til.</numerusform>
            <numerusform>%n ferdigstilte registreringer kunne ikke pakkes fordi profilen er skrivebeskyttet; de sendes neste gang profilen kan skrives til.</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipts or feedback from the register</source>
        <translation>Kvitteringer eller tilbakemeldinger fra registeret</translation>
    </message>
    <message>
        <source>Files from the register (*.json);;All files (*)</source>
        <translation>Filer fra registeret (*.json);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Import from the register</source>
        <translation>Import fra registeret</translation>
    </message>
    <message numerus="yes">
        <source>Receipts: %n</source>
        <translation>
            <numerusform>Kvitteringer: %n</numerusform>
            <numerusform>Kvitteringer: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Feedback documents: %n</source>
        <translation>
            <numerusform>Tilbakemeldinger: %n</numerusform>
            <numerusform>Tilbakemeldinger: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted by the register: %n</source>
        <translation>
            <numerusform>Godkjent av registeret: %n</numerusform>
            <numerusform>Godkjent av registeret: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected by the register: %n</source>
        <translation>
            <numerusform>Avvist av registeret: %n</numerusform>
            <numerusform>Avvist av registeret: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted from this PC because the person has reserved themselves against the register: %n</source>
        <translation>
            <numerusform>Slettet fra denne PC-en fordi personen har reservert seg mot registeret: %n</numerusform>
            <numerusform>Slettet fra denne PC-en fordi personen har reservert seg mot registeret: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Earlier revisions deleted because the person in them has reserved themselves against the register (the registrations are kept): %n</source>
        <translation>
            <numerusform>Tidligere versjoner slettet fordi personen i dem har reservert seg mot registeret (registreringene er beholdt): %n</numerusform>
            <numerusform>Tidligere versjoner slettet fordi personen i dem har reservert seg mot registeret (registreringene er beholdt): %n</numerusform>
        </translation>
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
    <name>FormHost</name>
    <message>
        <source>New registration</source>
        <translation>Ny registrering</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>&amp;Tilbake til listen</translation>
    </message>
    <message>
        <source>Back to the list of registrations</source>
        <translation>Tilbake til listen over registreringer</translation>
    </message>
    <message>
        <source>Registration form</source>
        <translation>Registreringsskjema</translation>
    </message>
    <message>
        <source>The registration form is shown here.</source>
        <translation>Registreringsskjemaet vises her.</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrering</translation>
    </message>
</context>
<context>
    <name>GateWindow</name>
    <message>
        <source>Sjeldenregisteret</source>
        <translation>Sjeldenregisteret</translation>
    </message>
    <message>
        <source>Sjeldenregisteret: start</source>
        <translation>Sjeldenregisteret: oppstart</translation>
    </message>
    <message>
        <source>Sjeldenregisteret: set-up</source>
        <translation>Sjeldenregisteret: oppsett</translation>
    </message>
    <message>
        <source>Sjeldenregisteret: locked</source>
        <translation>Sjeldenregisteret: låst</translation>
    </message>
    <message>
        <source>Sjeldenregisteret: recovery</source>
        <translation>Sjeldenregisteret: gjenoppretting</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Language of the program</source>
        <translation>Programmets språk</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>The menus, the form and the messages change at once; what you have typed stays. The choice is saved for this profile.</source>
        <translation>Menyene, skjemaet og meldingene bytter språk med en gang; det du har skrevet, blir stående. Valget lagres for denne profilen.</translation>
    </message>
    <message>
        <source>About the language</source>
        <translation>Om språkvalget</translation>
    </message>
</context>
<context>
    <name>LetterAdvisor</name>
    <message>
        <source>Suggested information letter</source>
        <translation>Foreslått informasjonsskriv</translation>
    </message>
    <message>
        <source>Suggested for age %1 on the registration date: %2</source>
        <translation>Foreslått for alder %1 år på registreringsdatoen: %2</translation>
    </message>
    <message>
        <source>The chosen letter does not fit this age.</source>
        <translation>Skrivet som er valgt, passer ikke alderen.</translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message>
        <source>Everyone registered must be told about the registration and the right to reserve. People whose registration does not say the clinic gave the letter wait here for a letter from the register, chosen by their age on the day it is printed.</source>
        <translation>Alle som registreres, skal informeres om registreringen og retten til å reservere seg. Personer der registreringen ikke sier at klinikken har gitt informasjonsskrivet, venter her på et brev fra registeret, valgt etter alderen deres den dagen det skrives ut.</translation>
    </message>
    <message>
        <source>Letter counts</source>
        <translation>Antall brev</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Letters in the run</source>
        <translation>Antall brev i utsendelsen</translation>
    </message>
    <message>
        <source>Letter run result</source>
        <translation>Resultat av utsendelsen</translation>
    </message>
    <message>
        <source>Letter runs</source>
        <translation>Brevutsendelser</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Utsendelse</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrevet ut</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Mark run as sent</source>
        <translation>&amp;Merk utsendelsen som sendt</translation>
    </message>
    <message>
        <source>Returned reservation slip</source>
        <translation>Returnert reservasjonsslipp</translation>
    </message>
    <message>
        <source>Reference on the slip</source>
        <translation>Referansen på slippen</translation>
    </message>
    <message>
        <source>Letters in the r&amp;un:</source>
        <translation>Antall brev i u&amp;tsendelsen:</translation>
    </message>
    <message>
        <source>Print letters to P&amp;DF…</source>
        <translation>Skriv ut brev til P&amp;DF …</translation>
    </message>
    <message>
        <source>Record returned sl&amp;ip…</source>
        <translation>Registrer returnert &amp;slipp …</translation>
    </message>
    <message>
        <source>Referen&amp;ce on the slip:</source>
        <translation>Referanse på slippen (&amp;kode):</translation>
    </message>
    <message>
        <source>Waiting for a letter: %1. Printed, not sent: %2. Sent: %3. Given by the clinic: %4. Reservations after a letter: %5 (by returned slip: %6).</source>
        <translation>Venter på brev: %1. Skrevet ut, ikke sendt: %2. Sendt: %3. Gitt av klinikken: %4. Reservasjoner etter brev: %5 (med returnert slipp: %6).</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sendt</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>skrevet ut</translation>
    </message>
    <message>
        <source>Save the letters as PDF (the file holds patient data: names and addresses)</source>
        <translation>Lagre brevene som PDF (filen inneholder personopplysninger: navn og adresser)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Printing letters…</source>
        <translation>Skriver ut brev …</translation>
    </message>
    <message>
        <source>No letters to print. No file was written.</source>
        <translation>Ingen brev å skrive ut. Ingen fil er skrevet.</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) written to %1. The file holds patient data (names and addresses): print it, then delete it. Mark the run as sent once the letters are posted.</source>
        <translation>
            <numerusform>%n brev skrevet til %1. Filen inneholder personopplysninger (navn og adresser): skriv den ut, og slett den etterpå. Merk utsendelsen som sendt når brevet er postlagt.</numerusform>
            <numerusform>%n brev skrevet til %1. Filen inneholder personopplysninger (navn og adresser): skriv den ut, og slett den etterpå. Merk utsendelsen som sendt når brevene er postlagt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) have no postal address and were not printed (look the address up): %1.</source>
        <translation>
            <numerusform>%n person mangler postadresse og er ikke skrevet ut (slå opp adressen): %1.</numerusform>
            <numerusform>%n personer mangler postadresse og er ikke skrevet ut (slå opp adressene): %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) marked as sent; the letter date is kept.</source>
        <translation>
            <numerusform>%n brev merket som sendt; brevdatoen er lagret.</numerusform>
            <numerusform>%n brev merket som sendt; brevdatoen er lagret.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, born %2</source>
        <translation>%1, født %2</translation>
    </message>
    <message>
        <source>Record returned slip</source>
        <translation>Registrer returnert slipp</translation>
    </message>
    <message numerus="yes">
        <source>The slip %1 names %2. Record a reservation? This deletes the %n registration(s) listed below from the register and the queue, and blocks new ones. This cannot be undone.</source>
        <translation>
            <numerusform>Slippen %1 gjelder %2. Registrere reservasjon? Da slettes registreringen nedenfor fra registeret og køen, og nye blokkeres. Dette kan ikke angres.</numerusform>
            <numerusform>Slippen %1 gjelder %2. Registrere reservasjon? Da slettes de %n registreringene nedenfor fra registeret og køen, og nye blokkeres. Dette kan ikke angres.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete and record reservation</source>
        <translation>&amp;Slett og registrer reservasjon</translation>
    </message>
    <message>
        <source>Confirm returned slip</source>
        <translation>Bekreft returnert slipp</translation>
    </message>
    <message numerus="yes">
        <source>Reservation recorded from the returned slip. Deleted: %n registration(s).</source>
        <translation>
            <numerusform>Reservasjonen er registrert fra den returnerte slippen. Slettet: %n registrering.</numerusform>
            <numerusform>Reservasjonen er registrert fra den returnerte slippen. Slettet: %n registreringer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sjeldenregisteret</source>
        <translation>Sjeldenregisteret</translation>
    </message>
    <message>
        <source>Sjeldenregisteret main window</source>
        <translation>Sjeldenregisteret, hovedvindu</translation>
    </message>
    <message>
        <source>Work area</source>
        <translation>Arbeidsområde</translation>
    </message>
    <message>
        <source>Number of registrations</source>
        <translation>Antall registreringer</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statuslinje</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menylinje</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation>&amp;Ny registrering</translation>
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
        <source>Settin&amp;gs</source>
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
        <source>&amp;Language…</source>
        <translation>S&amp;pråk …</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynkronisering</translation>
    </message>
    <message>
        <source>&amp;Connect to the register…</source>
        <translation>&amp;Koble til registeret…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synkroniser nå</translation>
    </message>
    <message>
        <source>Sync s&amp;tatus…</source>
        <translation>&amp;Vis synkroniseringsstatus…</translation>
    </message>
    <message>
        <source>Import the register&apos;s key &amp;manifest…</source>
        <translation>Importer registerets &amp;nøkkelliste…</translation>
    </message>
    <message>
        <source>&amp;Export batches to a folder…</source>
        <translation>&amp;Eksporter forsendelser til en mappe…</translation>
    </message>
    <message>
        <source>Import &amp;receipts or feedback from a file…</source>
        <translation>Importer kvitteringer eller &amp;tilbakemeldinger fra fil…</translation>
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
        <source>New registration</source>
        <translation>Ny registrering</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n registrering</numerusform>
            <numerusform>%n registreringer</numerusform>
        </translation>
    </message>
    <message>
        <source>Open one and choose New revision to correct it.</source>
        <translation>Åpne registreringen og velg Ny revisjon for å rette den.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>not connected to the register</source>
        <translation>ikke koblet til registeret</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Sist synkronisert: %1</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Siste forsøk: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1; batches in the outbox: %2</source>
        <translation>Venter på å bli sendt: %1; forsendelser i utboksen: %2</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Siste feil: %1</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
    <message>
        <source>About Sjeldenregisteret</source>
        <translation>Om Sjeldenregisteret</translation>
    </message>
    <message>
        <source>Sjeldenregisteret %1

Registration client for the Norwegian Register for Rare Diagnoses. Registrations are kept encrypted on this PC until they are sent to the register.</source>
        <translation>Sjeldenregisteret %1

Registreringsklient for Norsk register for sjeldne diagnoser. Registreringene lagres kryptert på denne PC-en til de er sendt til registeret.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Staff members</source>
        <translation>Medarbeidere i registeret</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Nøkkel-id</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Lagt til</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Fjernet</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>Legg &amp;til medarbeider …</translation>
    </message>
    <message>
        <source>Re&amp;move member…</source>
        <translation>F&amp;jern medarbeider …</translation>
    </message>
    <message>
        <source>Save the key manifes&amp;t…</source>
        <translation>Lagre nøkkel&amp;manifestet …</translation>
    </message>
    <message>
        <source>Why the members cannot be changed here</source>
        <translation>Hvorfor medarbeiderne ikke kan endres her</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>You can see the members but not change them. %1</source>
        <translation>Du kan se medarbeiderne, men ikke endre dem. %1</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (deg)</translation>
    </message>
    <message>
        <source>not removed</source>
        <translation>ikke fjernet</translation>
    </message>
    <message>
        <source>Removed: no longer has access to the register</source>
        <translation>Fjernet: har ikke lenger tilgang til registeret</translation>
    </message>
    <message>
        <source>Choose the join request</source>
        <translation>Velg medlemsforespørselen</translation>
    </message>
    <message>
        <source>Join requests (*.json);;All files (*)</source>
        <translation>Medlemsforespørsler (*.json);;Alle filer (*)</translation>
    </message>
    <message>
        <source>%1 (%2, key id %3)</source>
        <translation>%1 (%2, nøkkel-id %3)</translation>
    </message>
    <message>
        <source>Remove %1 from the register?

Their access ends at once: their profile can no longer open the register. The register&apos;s data key is replaced and every sealed payload sealed again under the new one, and a new register key is made; other members&apos; work waits while this runs. A new key manifest naming only the new register key is signed: it must reach the clinics (published to the inbox, or saved as a file for clinics on file transfer), or they keep sealing to the old register key.

This cannot be undone: a removed profile is not added again.</source>
        <translation>Fjerne %1 fra registeret?

Tilgangen opphører straks: profilen kan ikke lenger åpne registeret. Registerets datanøkkel byttes, alt forseglet innhold forsegles på nytt under den nye, og en ny registernøkkel lages; de andre medarbeidernes arbeid venter mens dette pågår. Et nytt nøkkelmanifest som bare nevner den nye registernøkkelen, signeres: det må ut til klinikkene (publisert i innboksen, eller lagret som fil for klinikker med filoverføring), ellers fortsetter de å forsegle til den gamle registernøkkelen.

Dette kan ikke angres: en fjernet profil legges ikke til igjen.</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Fjern medarbeider</translation>
    </message>
    <message>
        <source>&amp;Remove and rotate the keys</source>
        <translation>&amp;Fjern og bytt nøklene</translation>
    </message>
    <message>
        <source>What they saw, exported or copied before the removal cannot be taken back.</source>
        <translation>Det medarbeideren så, eksporterte eller kopierte før fjerningen, kan ikke tas tilbake.</translation>
    </message>
    <message>
        <source>Confirm removal</source>
        <translation>Bekreft fjerning</translation>
    </message>
    <message>
        <source>Removing the member and rotating the keys…</source>
        <translation>Fjerner medarbeideren og bytter nøklene …</translation>
    </message>
    <message>
        <source>Save the key manifest</source>
        <translation>Lagre nøkkelmanifestet</translation>
    </message>
    <message>
        <source>Key manifest (*.json)</source>
        <translation>Nøkkelmanifest (*.json)</translation>
    </message>
    <message>
        <source>%1 (key id %2) was added as %3. The register&apos;s keys are sealed to them; their profile opens the register at its next unlock.</source>
        <translation>%1 (nøkkel-id %2) er lagt til som %3. Registerets nøkler er forseglet til medarbeideren; profilen åpner registeret neste gang den låses opp.</translation>
    </message>
    <message>
        <source>Key manifest no. %1 names their signing key, so the clinics take the decisions they send.</source>
        <translation>Nøkkelmanifest nr. %1 navngir signeringsnøkkelen deres, så klinikkene tar imot avgjørelsene de sender.</translation>
    </message>
    <message>
        <source>%1 (key id %2) was removed: their access has ended.</source>
        <translation>%1 (nøkkel-id %2) er fjernet: tilgangen er opphørt.</translation>
    </message>
    <message numerus="yes">
        <source>New data key: %n sealed payload(s) sealed again under it. New register key %1.</source>
        <translation>
            <numerusform>Ny datanøkkel: %n forseglet innhold er forseglet på nytt under den. Ny registernøkkel %1.</numerusform>
            <numerusform>Ny datanøkkel: %n forseglede innhold er forseglet på nytt under den. Ny registernøkkel %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key manifest no. %1 names only the new register key.</source>
        <translation>Nøkkelmanifest nr. %1 nevner bare den nye registernøkkelen.</translation>
    </message>
    <message>
        <source>They were an administrator: the root key was replaced too, and the manifest is signed by the old and the new root, so the clinics follow. Revoke their staff key at the inbox as well (see the staff guide).</source>
        <translation>Medarbeideren var administrator: rotnøkkelen er også byttet, og manifestet er signert av både den gamle og den nye rotnøkkelen, så klinikkene følger med. Trekk også tilbake medarbeiderens signeringsnøkkel i innboksen (se brukerveiledningen for registeret).</translation>
    </message>
    <message>
        <source>It is published at the inbox; the clinics fetch it at their next sync.</source>
        <translation>Det er publisert i innboksen; klinikkene henter det ved neste synkronisering.</translation>
    </message>
    <message>
        <source>The inbox held it already.</source>
        <translation>Innboksen hadde det allerede.</translation>
    </message>
    <message>
        <source>It could not be published at the inbox: %1</source>
        <translation>Det kunne ikke publiseres i innboksen: %1</translation>
    </message>
    <message>
        <source>Saved to %1: clinics on file transfer take it with “Import the register&apos;s key manifest” in their window.</source>
        <translation>Lagret i %1: klinikker med filoverføring tar det inn med «Importer registerets nøkkelliste» i sitt vindu.</translation>
    </message>
    <message>
        <source>It is signed and kept, but neither published nor saved: until the clinics have it they do not know the change. Save it with “Save the key manifest”.</source>
        <translation>Det er signert og tatt vare på, men verken publisert eller lagret som fil: til klinikkene har det, vet de ikke om endringen. Lagre det med «Lagre nøkkelmanifestet».</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Working</source>
        <translation>Arbeider</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fremdrift</translation>
    </message>
</context>
<context>
    <name>PassphrasePair</name>
    <message>
        <source>New passphrase</source>
        <translation>Ny passordfrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Gjenta passordfrasen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Passordfrasens styrke</translation>
    </message>
    <message>
        <source>Passphrase strength hint</source>
        <translation>Råd om passordfrasens styrke</translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation>Problem med passordfrasen</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passordfrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Gjenta passordfrasen:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Styrke:</translation>
    </message>
    <message>
        <source>Not yet accepted: at least %1 is needed.</source>
        <translation>Ikke godtatt ennå: minst %1 kreves.</translation>
    </message>
    <message numerus="yes">
        <source>Too short: add %n more character(s).</source>
        <translation>
            <numerusform>For kort: legg til %n tegn til.</numerusform>
            <numerusform>For kort: legg til %n tegn til.</numerusform>
        </translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Svært svak</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Svak</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Middels</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>God</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message>
        <source>This is a good passphrase.</source>
        <translation>Dette er en god passordfrase.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters.</source>
        <translation>Passordfrasen er for kort: bruk minst %1 tegn.</translation>
    </message>
    <message>
        <source>The passphrase is too easy to guess.</source>
        <translation>Passordfrasen er for lett å gjette.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De to passordfrasene er ikke like.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Print &amp;summary</source>
        <translation>Skriv ut &amp;sammendrag</translation>
    </message>
    <message>
        <source>Print the registration summary for the patient record</source>
        <translation>Skriv ut registreringssammendraget til pasientjournalen</translation>
    </message>
    <message>
        <source>Save summary as &amp;PDF…</source>
        <translation>Lagre sammendrag som &amp;PDF …</translation>
    </message>
    <message>
        <source>Save the registration summary as a PDF file</source>
        <translation>Lagre registreringssammendraget som PDF-fil</translation>
    </message>
    <message>
        <source>Print &amp;information letter</source>
        <translation>Skriv ut &amp;informasjonsskriv</translation>
    </message>
    <message>
        <source>Print the information letter (for a child, also the guardians&apos; letter)</source>
        <translation>Skriv ut informasjonsskrivet (for barn også skrivet til foresatte)</translation>
    </message>
    <message>
        <source>Print and PDF</source>
        <translation>Skriv ut og lagre som PDF</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>Skriv &amp;ut</translation>
    </message>
    <message>
        <source>Summary (Ctrl+P), summary as PDF (Ctrl+Shift+P), letter (Ctrl+Shift+I)</source>
        <translation>Sammendrag (Ctrl+P), sammendrag som PDF (Ctrl+Shift+P), informasjonsskriv (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Summary saved as %1</source>
        <translation>Sammendraget er lagret som %1</translation>
    </message>
    <message>
        <source>Could not print: %1</source>
        <translation>Kunne ikke skrive ut: %1</translation>
    </message>
    <message>
        <source>Sent to the printer: %1</source>
        <translation>Sendt til skriveren: %1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer or PDF file could not be opened for writing.</source>
        <translation>Skriveren eller PDF-filen kunne ikke åpnes for skriving.</translation>
    </message>
    <message>
        <source>A new page could not be started.</source>
        <translation>En ny side kunne ikke påbegynnes.</translation>
    </message>
    <message>
        <source>The PDF file could not be written: %1</source>
        <translation>PDF-filen kunne ikke skrives: %1</translation>
    </message>
    <message>
        <source>Print: %1</source>
        <translation>Skriv ut: %1</translation>
    </message>
    <message>
        <source>Print preview: %1</source>
        <translation>Forhåndsvisning av utskrift: %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Quarantined batches</source>
        <translation>Forsendelser i karantene</translation>
    </message>
    <message>
        <source>Batches that could not be imported are kept aside, encrypted. Fix the cause (for example, have the installation approved) and choose Retry; or discard a batch, and the clinic must send those registrations again.</source>
        <translation>Forsendelser som ikke kunne importeres, holdes til side, kryptert. Rett årsaken (for eksempel ved å få installasjonen godkjent) og velg Prøv igjen; eller forkast en forsendelse, så må klinikken sende de registreringene på nytt.</translation>
    </message>
    <message>
        <source>In quarantine since</source>
        <translation>I karantene siden</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Forsendelse</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Quarantine result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Prøv igjen</translation>
    </message>
    <message>
        <source>Retry the selected batches</source>
        <translation>Prøv de valgte forsendelsene igjen</translation>
    </message>
    <message>
        <source>Retry &amp;all</source>
        <translation>Prøv &amp;alle igjen</translation>
    </message>
    <message>
        <source>Retry all quarantined batches</source>
        <translation>Prøv alle forsendelser i karantene igjen</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Forkast …</translation>
    </message>
    <message>
        <source>Discard the selected batches</source>
        <translation>Forkast de valgte forsendelsene</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>Importing the batches again…</source>
        <translation>Importerer forsendelsene på nytt …</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) imported.</source>
        <translation>
            <numerusform>%n forsendelse importert.</numerusform>
            <numerusform>%n forsendelser importert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused again and still in quarantine (the reason is in the list).</source>
        <translation>
            <numerusform>%n ble avvist igjen og er fortsatt i karantene (årsaken står i listen).</numerusform>
            <numerusform>%n ble avvist igjen og er fortsatt i karantene (årsakene står i listen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard quarantined batches</source>
        <translation>Forkast forsendelser i karantene</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n batch(es) for good? Their registrations are not imported; the clinic must send them again. This cannot be undone.</source>
        <translation>
            <numerusform>Forkaste %n forsendelse for godt? Registreringene i den importeres ikke; klinikken må sende dem på nytt. Dette kan ikke angres.</numerusform>
            <numerusform>Forkaste %n forsendelser for godt? Registreringene i dem importeres ikke; klinikken må sende dem på nytt. Dette kan ikke angres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Discard %n batch(es)</source>
        <translation>
            <numerusform>&amp;Forkast %n forsendelse</numerusform>
            <numerusform>&amp;Forkast %n forsendelser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) discarded.</source>
        <translation>
            <numerusform>%n forsendelse er forkastet.</numerusform>
            <numerusform>%n forsendelser er forkastet.</numerusform>
        </translation>
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
    <name>RecordListPanel</name>
    <message>
        <source>Search name, national id or ORPHA code</source>
        <translation>Søk på navn, fødselsnummer eller ORPHA-kode</translation>
    </message>
    <message>
        <source>Search registrations</source>
        <translation>Søk i registreringer</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>Show registrations with status</source>
        <translation>Vis registreringer med status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation>&amp;Ny registrering</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Ny registrering</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Registreringer</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Sho&amp;w them</source>
        <translation>&amp;Vis dem</translation>
    </message>
    <message>
        <source>Show the registrations the notice is about</source>
        <translation>Vis registreringene meldingen gjelder</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Lukk meldingen</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Lukk meldingen</translation>
    </message>
    <message>
        <source>List status</source>
        <translation>Listestatus</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter …</translation>
    </message>
    <message>
        <source>No registrations match the search.</source>
        <translation>Ingen registreringer passer til søket.</translation>
    </message>
    <message>
        <source>No registrations yet. Choose New registration to start one.</source>
        <translation>Ingen registreringer ennå. Velg Ny registrering for å begynne.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Registreringsdato</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Note from the register</source>
        <translation>Merknad fra registeret</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>(personal data deleted)</source>
        <translation>(personopplysninger slettet)</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(uten navn ennå)</translation>
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
        <source>Changes from the register&apos;s revision</source>
        <translation>Endringer fra registerets revisjon</translation>
    </message>
    <message>
        <source>The other one (%1)</source>
        <translation>Den andre (%1)</translation>
    </message>
    <message>
        <source>Compared with the possible duplicate</source>
        <translation>Sammenlignet med det mulige duplikatet</translation>
    </message>
    <message>
        <source>Incoming, rev. %1</source>
        <translation>Innkommende, rev. %1</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery key</source>
        <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>Recovery problem</source>
        <translation>Problem med gjenopprettingen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tilbake</translation>
    </message>
    <message>
        <source>Back to unlocking with the passphrase</source>
        <translation>Tilbake til opplåsing med passordfrase</translation>
    </message>
    <message>
        <source>Unlock and set &amp;new passphrase</source>
        <translation>&amp;Lås opp og velg ny passordfrase</translation>
    </message>
    <message>
        <source>Unlock and set new passphrase</source>
        <translation>Lås opp og velg ny passordfrase</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>Gjenopprettings&amp;nøkkel:</translation>
    </message>
    <message>
        <source>Unlock with the recovery key</source>
        <translation>Lås opp med gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>Type the recovery key from the sheet you printed at set-up (dashes and spaces do not matter), then choose a new passphrase.</source>
        <translation>Skriv inn gjenopprettingsnøkkelen fra arket du skrev ut ved oppsettet (bindestreker og mellomrom spiller ingen rolle), og velg deretter en ny passordfrase.</translation>
    </message>
    <message>
        <source>How to recover</source>
        <translation>Slik gjenoppretter du</translation>
    </message>
    <message>
        <source>Type the recovery key first.</source>
        <translation>Skriv inn gjenopprettingsnøkkelen først.</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Sjeldenregisteret: recovery key</source>
        <translation>Sjeldenregisteret: gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrevet ut</translation>
    </message>
    <message>
        <source>Use this key if you forget your passphrase or the key is lost from this PC. Keep the sheet locked away, not beside the PC: anyone who has both the sheet and this PC can read the registrations.</source>
        <translation>Bruk denne nøkkelen hvis du glemmer passordfrasen, eller hvis nøkkelen forsvinner fra denne PC-en. Oppbevar arket innelåst, ikke ved siden av PC-en: den som har både arket og denne PC-en, kan lese registreringene.</translation>
    </message>
</context>
<context>
    <name>RegisterKeyDialog</name>
    <message>
        <source>Import the register&apos;s key manifest</source>
        <translation>Importer registerets nøkkelliste</translation>
    </message>
    <message>
        <source>Install the register&apos;s new encryption key</source>
        <translation>Installer registerets nye krypteringsnøkkel</translation>
    </message>
    <message>
        <source>Choose the key manifest file the register sent. It is checked against the register&apos;s root key; registrations waiting in the outbox are re-packed with a new key it names at the next sync.</source>
        <translation>Velg nøkkellistefilen registeret har sendt. Den kontrolleres mot registerets rotnøkkel; registreringer som venter i utboksen, pakkes om med en ny nøkkel den nevner ved neste synkronisering.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Nøkkelfil</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Velg …</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Nøkkelfil:</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Installer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>The register&apos;s key manifest</source>
        <translation>Registerets nøkkelliste</translation>
    </message>
    <message>
        <source>Key manifest (*.json)</source>
        <translation>Nøkkelliste (*.json)</translation>
    </message>
    <message>
        <source>Choose the key manifest file the register sent.</source>
        <translation>Velg nøkkellistefilen registeret har sendt.</translation>
    </message>
    <message>
        <source>Installed. Fingerprint: %1.</source>
        <translation>Installert. Fingeravtrykk: %1.</translation>
    </message>
    <message>
        <source>This key was already the one in use.</source>
        <translation>Denne nøkkelen var allerede i bruk.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting batch(es) will be re-packed with the new key at the next sync.</source>
        <translation>
            <numerusform>%n ventende forsendelse pakkes om med den nye nøkkelen ved neste synkronisering.</numerusform>
            <numerusform>%n ventende forsendelser pakkes om med den nye nøkkelen ved neste synkronisering.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrationEditor</name>
    <message>
        <source>Registration form</source>
        <translation>Registreringsskjema</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>Status for registreringen</translation>
    </message>
    <message>
        <source>Personal data deleted</source>
        <translation>Personopplysninger slettet</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Lagre utkast</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>Lagre utkast (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>Fer&amp;digstill</translation>
    </message>
    <message>
        <source>Complete the registration (Ctrl+Enter)</source>
        <translation>Ferdigstill registreringen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New &amp;revision</source>
        <translation>Ny &amp;revisjon</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Ny revisjon</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>&amp;Slett utkast</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Slett utkast</translation>
    </message>
    <message>
        <source>Sections of the form</source>
        <translation>Skjemaets deler</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Skjemafelter</translation>
    </message>
    <message>
        <source>Help for the field</source>
        <translation>Hjelp til feltet</translation>
    </message>
    <message>
        <source>New draft, not saved yet</source>
        <translation>Nytt utkast, ikke lagret ennå</translation>
    </message>
    <message>
        <source>The registration no longer exists.</source>
        <translation>Registreringen finnes ikke lenger.</translation>
    </message>
    <message>
        <source>The registration has been accepted by the register, and its personal data have been deleted from this PC.</source>
        <translation>Registreringen er godkjent av registeret, og personopplysningene er slettet fra denne PC-en.</translation>
    </message>
    <message numerus="yes">
        <source>The registration has been accepted by the register, and its personal data were deleted from this PC after %n day(s).</source>
        <translation>
            <numerusform>Registreringen er godkjent av registeret, og personopplysningene er slettet fra denne PC-en etter %n dag.</numerusform>
            <numerusform>Registreringen er godkjent av registeret, og personopplysningene er slettet fra denne PC-en etter %n dager.</numerusform>
        </translation>
    </message>
    <message>
        <source>The register keeps the registration; there is nothing to edit.</source>
        <translation>Registeret har registreringen; her er det ingenting å redigere.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Completed: read only. Make a new revision to change it.</source>
        <translation>Ferdigstilt: kan bare leses. Lag en ny revisjon for å endre den.</translation>
    </message>
    <message>
        <source>Queued for sending: read only.</source>
        <translation>I kø for sending: kan bare leses.</translation>
    </message>
    <message>
        <source>Sent: read only.</source>
        <translation>Sendt: kan bare leses.</translation>
    </message>
    <message>
        <source>Accepted by the register: read only.</source>
        <translation>Godkjent av registeret: kan bare leses.</translation>
    </message>
    <message>
        <source>Rejected by the register: make a new revision.</source>
        <translation>Avvist av registeret: lag en ny revisjon.</translation>
    </message>
    <message>
        <source>Needs correction before sending: make a new revision.</source>
        <translation>Må rettes før sending: lag en ny revisjon.</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Utkast lagret kl. %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Utkastet kunne ikke lagres: %1</translation>
    </message>
    <message numerus="yes">
        <source>Cannot complete: correct %n error(s) first.</source>
        <translation>
            <numerusform>Kan ikke ferdigstille: rett først %n feil.</numerusform>
            <numerusform>Kan ikke ferdigstille: rett først %n feil.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n warning(s) in the list (Space), then complete.</source>
        <translation>
            <numerusform>Bekreft %n advarsel i listen (mellomrom), og ferdigstill deretter.</numerusform>
            <numerusform>Bekreft %n advarsler i listen (mellomrom), og ferdigstill deretter.</numerusform>
        </translation>
    </message>
    <message>
        <source>New revision %1: a draft</source>
        <translation>Ny revisjon %1: et utkast</translation>
    </message>
    <message>
        <source>Delete this draft for good? It is overwritten on disk and cannot be restored.</source>
        <translation>Slette dette utkastet for godt? Det overskrives på disken og kan ikke gjenopprettes.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slett</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behold</translation>
    </message>
    <message>
        <source>Delete the draft</source>
        <translation>Slett utkastet</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Behold utkastet</translation>
    </message>
    <message>
        <source>Draft deleted; the previous revision is shown.</source>
        <translation>Utkastet er slettet; forrige revisjon vises.</translation>
    </message>
    <message>
        <source>Draft deleted.</source>
        <translation>Utkastet er slettet.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>RepeatView</name>
    <message>
        <source>Add %1</source>
        <translation>Legg til %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Fjern %1</translation>
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
        <source>Information letters</source>
        <translation>Informasjonsskriv</translation>
    </message>
    <message>
        <source>Count &amp;by:</source>
        <translation>&amp;Tell etter:</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
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
    <message>
        <source>Number of groups</source>
        <translation>Antall grupper</translation>
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
        <source>Reservation result</source>
        <translation>Resultat av reservasjonen</translation>
    </message>
    <message>
        <source>Rec&amp;ord reservation…</source>
        <translation>Registrer re&amp;servasjon …</translation>
    </message>
    <message>
        <source>National &amp;identity number:</source>
        <translation>Fø&amp;dselsnummer:</translation>
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
    <message numerus="yes">
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n registrering</numerusform>
            <numerusform>%n registreringer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier revision(s)</source>
        <translation>
            <numerusform>%n tidligere revisjon</numerusform>
            <numerusform>%n tidligere revisjoner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the queue</source>
        <translation>
            <numerusform>%n som ventet i køen</numerusform>
            <numerusform>%n som ventet i køen</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted: %1, %2, %3.</source>
        <translation>Slettet: %1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>Also deleted: %n quarantined batch(es) holding a record of the person.</source>
        <translation>
            <numerusform>Også slettet: %n forsendelse i karantene med en registrering av personen.</numerusform>
            <numerusform>Også slettet: %n forsendelser i karantene med en registrering av personen.</numerusform>
        </translation>
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
        <source>Sho&amp;w:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>Accept all &amp;clean</source>
        <translation>Godkjenn alle &amp;uten funn</translation>
    </message>
    <message>
        <source>Accept all clean registrations</source>
        <translation>Godkjenn alle registreringer uten funn</translation>
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
        <translation>Godk&amp;jenn</translation>
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
        <translation>Angre siste avgj&amp;ørelse</translation>
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
        <source>Reason co&amp;de:</source>
        <translation>Årsa&amp;kskode:</translation>
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
        <translation>Godkjenner registreringer uten funn …</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) accepted.</source>
        <translation>
            <numerusform>%n registrering er godkjent.</numerusform>
            <numerusform>%n registreringer er godkjent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need a decision of their own (the register changed meanwhile).</source>
        <translation>
            <numerusform>%n trenger en egen avgjørelse (registeret er endret i mellomtiden).</numerusform>
            <numerusform>%n trenger en egen avgjørelse (registeret er endret i mellomtiden).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were decided by another staff member meanwhile; nothing to do for them.</source>
        <translation>
            <numerusform>%n ble avgjort av en annen i staben i mellomtiden; ingenting å gjøre for den.</numerusform>
            <numerusform>%n ble avgjort av andre i staben i mellomtiden; ingenting å gjøre for dem.</numerusform>
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
    <name>SetupPage</name>
    <message>
        <source>The registrations you make are kept encrypted on this PC. Choose a passphrase that only you know: you will type it every time you open the program and after it has locked itself. Several ordinary words in a row are easy to remember and hard to guess. The strength meter knows common passwords, names, keyboard rows, repeats and dates, and the program accepts a passphrase only from Good (3 of 4) up.</source>
        <translation>Registreringene du gjør, lagres kryptert på denne PC-en. Velg en passordfrase som bare du kjenner: du skriver den hver gang du åpner programmet, og etter at det har låst seg selv. Flere vanlige ord etter hverandre er lette å huske og vanskelige å gjette. Styrkemåleren kjenner vanlige passord, navn, tasterader, gjentakelser og datoer, og programmet godtar bare en passordfrase fra God (3 av 4) og opp.</translation>
    </message>
    <message>
        <source>About the passphrase</source>
        <translation>Om passordfrasen</translation>
    </message>
    <message>
        <source>No secure keyring on this PC</source>
        <translation>Ingen sikker nøkkelring på denne PC-en</translation>
    </message>
    <message>
        <source>Keyring problem</source>
        <translation>Problem med nøkkelringen</translation>
    </message>
    <message>
        <source>Keep the encrypted key in a file in the profile folder instead</source>
        <translation>Lagre den krypterte nøkkelen i en fil i profilmappen i stedet</translation>
    </message>
    <message>
        <source>Keep the encrypted key in a file</source>
        <translation>Lagre den krypterte nøkkelen i en fil</translation>
    </message>
    <message>
        <source>Warning: the file is protected only by your passphrase. Anyone who copies the profile folder can try to guess it without the operating system stopping them. Choose a long passphrase, and prefer installing a keyring.</source>
        <translation>Advarsel: filen er bare beskyttet av passordfrasen din. Den som kopierer profilmappen, kan prøve å gjette den uten at operativsystemet stopper dem. Velg en lang passordfrase, og installer heller en nøkkelring om du kan.</translation>
    </message>
    <message>
        <source>Warning about keeping the key in a file</source>
        <translation>Advarsel om å lagre nøkkelen i en fil</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>&amp;Opprett profil</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Opprett profil</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fremdrift</translation>
    </message>
    <message>
        <source>Welcome to Sjeldenregisteret</source>
        <translation>Velkommen til Sjeldenregisteret</translation>
    </message>
    <message>
        <source>Creating the encrypted profile…</source>
        <translation>Oppretter den krypterte profilen …</translation>
    </message>
    <message>
        <source>This is your recovery key. It is shown only now. If you forget the passphrase, or the key disappears from this PC, the recovery key is the only way to open the registrations again. Print it or write it down, and keep it locked away, not beside the PC.</source>
        <translation>Dette er gjenopprettingsnøkkelen din. Den vises bare nå. Hvis du glemmer passordfrasen, eller nøkkelen forsvinner fra denne PC-en, er gjenopprettingsnøkkelen den eneste måten å åpne registreringene på igjen. Skriv den ut eller skriv den ned, og oppbevar den innelåst, ikke ved siden av PC-en.</translation>
    </message>
    <message>
        <source>About the recovery key</source>
        <translation>Om gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>Skriv &amp;ut</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Skriv ut gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Kopier gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>I have &amp;kept the recovery key safe</source>
        <translation>&amp;Jeg har tatt vare på gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>I have kept the recovery key safe</source>
        <translation>Jeg har tatt vare på gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Fortsett</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsett</translation>
    </message>
    <message>
        <source>Keep your recovery key</source>
        <translation>Ta vare på gjenopprettingsnøkkelen</translation>
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
        <source>Re&amp;ports</source>
        <translation>Ra&amp;pporter</translation>
    </message>
    <message>
        <source>Letter mailin&amp;g</source>
        <translation>Brev og s&amp;lipper</translation>
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
        <translation>I&amp;nnboks</translation>
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
        <source>Reser&amp;vations</source>
        <translation>&amp;Reservasjoner</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>vurderer</translation>
    </message>
    <message>
        <source>registrar</source>
        <translation>registerfører</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Needs the role %1; yours is %2. Ask an administrator.</source>
        <translation>Krever rollen %1; din er %2. Spør en administrator.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Revisjonslogg</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medarbeidere</translation>
    </message>
    <message>
        <source>Your role in the register</source>
        <translation>Din rolle i registeret</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statuslinje</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menylinje</translation>
    </message>
    <message>
        <source>Save decisions as fi&amp;les…</source>
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
        <translation>&amp;k-anonymt forskningsuttrekk …</translation>
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
        <source>&amp;Language…</source>
        <translation>S&amp;pråk …</translation>
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
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
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
        <source>Reason for the export</source>
        <translation>Begrunnelse for eksporten</translation>
    </message>
    <message>
        <source>Why is the register exported? Kept in the audit log; write the purpose, not names (at most %1 characters):</source>
        <translation>Hvorfor eksporteres registeret? Lagres i revisjonsloggen; skriv formålet, ikke navn (høyst %1 tegn):</translation>
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
<context>
    <name>SyncNote</name>
    <message>
        <source>Accepted as a duplicate: the register already holds this person with this diagnosis. Nothing more to do.</source>
        <translation>Godkjent som duplikat: registeret har allerede denne personen med denne diagnosen. Du trenger ikke gjøre mer.</translation>
    </message>
    <message>
        <source>Accepted; the personal data have been deleted from this PC.</source>
        <translation>Godkjent; personopplysningene er slettet fra denne PC-en.</translation>
    </message>
    <message>
        <source>Needs correction before sending: the form has errors (%1). Open it and choose New revision to correct it.</source>
        <translation>Må rettes før sending: skjemaet har feil (%1). Åpne registreringen og velg Ny revisjon for å rette den.</translation>
    </message>
    <message>
        <source>Needs correction before sending: the server refused the batch (%1). Open it and choose New revision, or contact the register.</source>
        <translation>Må rettes før sending: serveren avviste forsendelsen (%1). Åpne registreringen og velg Ny revisjon, eller kontakt registeret.</translation>
    </message>
    <message>
        <source>Rejected by the register: %1 Open it and choose New revision to correct it.</source>
        <translation>Avvist av registeret: %1 Åpne registreringen og velg Ny revisjon for å rette den.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Synchronisation with the register</source>
        <translation>Synkronisering med registeret</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel the synchronisation</source>
        <translation>Avbryt synkroniseringen</translation>
    </message>
    <message>
        <source>Connect to the register…</source>
        <translation>Koble til registeret…</translation>
    </message>
    <message>
        <source>Connect this PC to the register</source>
        <translation>Koble denne PC-en til registeret</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synkroniseringsfremdrift</translation>
    </message>
    <message>
        <source>Last synchronisation</source>
        <translation>Siste synkronisering</translation>
    </message>
    <message>
        <source>Last sync error</source>
        <translation>Siste synkroniseringsfeil</translation>
    </message>
    <message>
        <source>Sync notice</source>
        <translation>Synkroniseringsmelding</translation>
    </message>
    <message>
        <source>Completed, not sent</source>
        <translation>Ferdigstilt, ikke sendt</translation>
    </message>
    <message>
        <source>In the outbox</source>
        <translation>I utboksen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Needs correction before sending</source>
        <translation>Må rettes før sending</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) need correction before sending – see the list.</source>
        <translation>
            <numerusform>%n registrering må rettes før sending – se listen.</numerusform>
            <numerusform>%n registreringer må rettes før sending – se listen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending %v of %m</source>
        <translation>Sender %v av %m</translation>
    </message>
    <message>
        <source>Sync failed unexpectedly (%1). Try again; if it persists, contact support.</source>
        <translation>Synkroniseringen feilet uventet (%1). Prøv igjen; kontakt brukerstøtte hvis det vedvarer.</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) rejected by the register – see the list.</source>
        <translation>
            <numerusform>%n registrering avvist av registeret – se listen.</numerusform>
            <numerusform>%n registreringer avvist av registeret – se listen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) accepted by the register.</source>
        <translation>
            <numerusform>%n registrering godkjent av registeret.</numerusform>
            <numerusform>%n registreringer godkjent av registeret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) were deleted from this PC because the person has reserved themselves against the register.</source>
        <translation>
            <numerusform>%n registrering er slettet fra denne PC-en fordi personen har reservert seg mot registeret.</numerusform>
            <numerusform>%n registreringer er slettet fra denne PC-en fordi personen har reservert seg mot registeret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier revision(s) were deleted from this PC because the person in them has reserved themselves against the register; the registrations are kept.</source>
        <translation>
            <numerusform>%n tidligere versjon er slettet fra denne PC-en fordi personen i den har reservert seg mot registeret; registreringen er beholdt.</numerusform>
            <numerusform>%n tidligere versjoner er slettet fra denne PC-en fordi personen i dem har reservert seg mot registeret; registreringene er beholdt.</numerusform>
        </translation>
    </message>
    <message>
        <source>This PC is not connected to the register yet. Choose Connect to the register and have the enrollment letter ready.</source>
        <translation>Denne PC-en er ikke koblet til registeret ennå. Velg Koble til registeret, og ha registreringsbrevet fra registeret klart.</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Sist synkronisert: %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ikke synkronisert ennå</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Passphrase</source>
        <translation>Passordfrase</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås opp</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>Problem med opplåsingen</translation>
    </message>
    <message>
        <source>Time until the next attempt</source>
        <translation>Tid til neste forsøk</translation>
    </message>
    <message>
        <source>Use &amp;recovery key</source>
        <translation>Bruk &amp;gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>Use recovery key</source>
        <translation>Bruk gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passordfrase:</translation>
    </message>
    <message>
        <source>Sjeldenregisteret is locked</source>
        <translation>Sjeldenregisteret er låst</translation>
    </message>
    <message>
        <source>Type your passphrase to open the registrations on this PC.</source>
        <translation>Skriv inn passordfrasen din for å åpne registreringene på denne PC-en.</translation>
    </message>
    <message>
        <source>How to unlock</source>
        <translation>Slik låser du opp</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Skriv inn passordfrasen først.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Låser opp …</translation>
    </message>
    <message>
        <source>Too many failed attempts.</source>
        <translation>For mange mislykkede forsøk.</translation>
    </message>
    <message>
        <source>The database was not opened: changes are missing.</source>
        <translation>Databasen ble ikke åpnet: endringer mangler.</translation>
    </message>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>Du kan prøve igjen om %n sekund.</numerusform>
            <numerusform>Du kan prøve igjen om %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are missing</source>
        <translation>Endringer mangler</translation>
    </message>
    <message numerus="yes">
        <source>The database is older than its last known state: %n change(s) are missing (the file was emptied, replaced or rolled back). It was not opened.</source>
        <translation>
            <numerusform>Databasen er eldre enn sist kjente tilstand: %n endring mangler (filen er tømt, byttet ut eller rullet tilbake). Den er ikke åpnet.</numerusform>
            <numerusform>Databasen er eldre enn sist kjente tilstand: %n endringer mangler (filen er tømt, byttet ut eller rullet tilbake). Den er ikke åpnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore the backup %1 with the help of support, or open the database as it is and accept that the missing changes are gone.</source>
        <translation>Gjenopprett sikkerhetskopien %1 med hjelp fra brukerstøtte, eller åpne databasen slik den er og godta at endringene som mangler, er borte.</translation>
    </message>
    <message>
        <source>There is no backup in the profile folder. Contact support, or open the database as it is and accept that the missing changes are gone.</source>
        <translation>Det finnes ingen sikkerhetskopi i profilmappen. Kontakt brukerstøtte, eller åpne databasen slik den er og godta at endringene som mangler, er borte.</translation>
    </message>
    <message>
        <source>&amp;Open anyway, accepting the loss</source>
        <translation>Å&amp;pne likevel og godta tapet</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Check</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <source>Summary of the check</source>
        <translation>Oppsummering av kontrollen</translation>
    </message>
    <message>
        <source>Problems in the form</source>
        <translation>Problemer i skjemaet</translation>
    </message>
    <message>
        <source>Enter goes to the field. Space confirms a warning.</source>
        <translation>Enter går til feltet. Mellomrom bekrefter en advarsel.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Ingen problemer funnet.</translation>
    </message>
    <message>
        <source>No problems so far.</source>
        <translation>Ingen problemer så langt.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n feil</numerusform>
            <numerusform>%n feil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) to confirm</source>
        <translation>
            <numerusform>%n advarsel å bekrefte</numerusform>
            <numerusform>%n advarsler å bekrefte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to correct before completing</source>
        <translation>
            <numerusform>%n å rette før ferdigstilling</numerusform>
            <numerusform>%n å rette før ferdigstilling</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>Correct this before completing: it cannot be confirmed.</source>
        <translation>Rett dette før ferdigstilling: det kan ikke bekreftes.</translation>
    </message>
    <message>
        <source>Tick to confirm that this is correct.</source>
        <translation>Kryss av for å bekrefte at dette er riktig.</translation>
    </message>
</context>
</TS>
