<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
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
        <translation>&amp;Lås etter:</translation>
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
        <source>S&amp;ync</source>
        <translation>&amp;Synkronisering</translation>
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
        <translation>Synkroniserings&amp;status…</translation>
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
        <source>&amp;Show them</source>
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
    <name>RecordStatus</name>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Ferdigstilt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kø</translation>
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
        <source>(personal data deleted)</source>
        <translation>(personopplysninger slettet)</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(uten navn ennå)</translation>
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
        <translation>Lås opp og velg &amp;ny passordfrase</translation>
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
    <name>SyncNote</name>
    <message>
        <source>Accepted; the personal data have been deleted from this PC.</source>
        <translation>Akseptert; personopplysningene er slettet fra denne PC-en.</translation>
    </message>
    <message>
        <source>Set aside before sending: the form has errors (%1). Open it and choose New revision to correct it.</source>
        <translation>Satt til side før sending: skjemaet har feil (%1). Åpne registreringen og velg Ny revisjon for å rette den.</translation>
    </message>
    <message>
        <source>Set aside before sending: the server refused the batch (%1). Open it and choose New revision, or contact the register.</source>
        <translation>Satt til side før sending: serveren avviste forsendelsen (%1). Åpne registreringen og velg Ny revisjon, eller kontakt registeret.</translation>
    </message>
    <message>
        <source>Rejected by the register: %1. Open it and choose New revision to correct it.</source>
        <translation>Avvist av registeret: %1. Åpne registreringen og velg Ny revisjon for å rette den.</translation>
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
</TS>
