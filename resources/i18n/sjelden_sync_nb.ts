<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
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
        <source>Fill in the details from the register&apos;s enrollment letter. The letter comes with the register&apos;s public key file and one or more staff key files.</source>
        <translation>Fyll inn opplysningene fra registreringsbrevet fra registeret. Med brevet følger registerets offentlige nøkkelfil og én eller flere nøkkelfiler for registerets ansatte.</translation>
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
        <source>The register&apos;s public key file</source>
        <translation>Registerets offentlige nøkkelfil</translation>
    </message>
    <message>
        <source>Staff key files</source>
        <translation>Nøkkelfiler for registerets ansatte</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Legg til…</translation>
    </message>
    <message>
        <source>Add a staff key file</source>
        <translation>Legg til en nøkkelfil for en ansatt</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Remove the selected staff key file</source>
        <translation>Fjern den valgte nøkkelfilen</translation>
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
        <source>&amp;Register key file:</source>
        <translation>&amp;Registerets nøkkelfil:</translation>
    </message>
    <message>
        <source>Choose the register key file</source>
        <translation>Velg registerets nøkkelfil</translation>
    </message>
    <message>
        <source>S&amp;taff key files:</source>
        <translation>&amp;Ansattes nøkkelfiler:</translation>
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
        <source>A staff key file</source>
        <translation>En nøkkelfil for en ansatt</translation>
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
        <source>Choose the register&apos;s public key file that came with the letter.</source>
        <translation>Velg registerets offentlige nøkkelfil som fulgte med brevet.</translation>
    </message>
    <message>
        <source>Add the staff key file(s) that came with the letter: without them the register&apos;s decisions cannot be checked.</source>
        <translation>Legg til nøkkelfilen(e) for registerets ansatte som fulgte med brevet: uten dem kan ikke registerets avgjørelser kontrolleres.</translation>
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
    <name>RegisterKeyDialog</name>
    <message>
        <source>Install the register&apos;s new encryption key</source>
        <translation>Installer registerets nye krypteringsnøkkel</translation>
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
        <source>Import the register&apos;s key manifest</source>
        <translation>Importer registerets nøkkelliste</translation>
    </message>
    <message>
        <source>Choose the key manifest file the register sent. It is checked against the register&apos;s root key; registrations waiting in the outbox are re-packed with a new key it names at the next sync.</source>
        <translation>Velg nøkkellistefilen registeret har sendt. Den kontrolleres mot registerets rotnøkkel; registreringer som venter i utboksen, pakkes om med en ny nøkkel den nevner ved neste synkronisering.</translation>
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
        <source>Set aside (need correction)</source>
        <translation>Satt til side (må rettes)</translation>
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
        <source>%n registration(s) set aside before sending – see the list.</source>
        <translation>
            <numerusform>%n registrering satt til side før sending – se listen.</numerusform>
            <numerusform>%n registreringer satt til side før sending – se listen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) accepted by the register.</source>
        <translation>
            <numerusform>%n registrering akseptert av registeret.</numerusform>
            <numerusform>%n registreringer akseptert av registeret.</numerusform>
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
</TS>
