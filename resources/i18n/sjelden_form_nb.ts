<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
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
        <translation>Registreringen er akseptert av registeret, og personopplysningene er slettet fra denne PC-en.</translation>
    </message>
    <message numerus="yes">
        <source>The registration has been accepted by the register, and its personal data were deleted from this PC after %n day(s).</source>
        <translation>
            <numerusform>Registreringen er akseptert av registeret, og personopplysningene er slettet fra denne PC-en etter %n dag.</numerusform>
            <numerusform>Registreringen er akseptert av registeret, og personopplysningene er slettet fra denne PC-en etter %n dager.</numerusform>
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
