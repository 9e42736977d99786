"""Sync errors with stable codes and plain messages in bokmål and English.

Each message says what happened and what to do. Messages never contain field values or
payload bytes; at most the name of a key file the user chose.
"""

from __future__ import annotations

from desktop.messages import DEFAULT_LANG, Catalogue, CodedError, Lang, Message

# The catalogue: every code the client can report. The status panel shows these.
_MESSAGES: dict[str, Message] = {
    "not_enrolled": Message(
        "Denne PC-en er ikke registrert hos registeret ennå. Be registeret om en "
        "registreringskode og velg Synkronisering > Koble til registeret (eller kjør "
        "«sjelden enroll»).",
        "This PC is not enrolled with the register yet. Ask the register for an enrollment "
        "code and choose Sync > Connect to the register (or run 'sjelden enroll').",
        gui=Message(
            "Denne PC-en er ikke registrert hos registeret ennå. Be registeret om en "
            "registreringskode og velg Synkronisering > Koble til registeret.",
            "This PC is not enrolled with the register yet. Ask the register for an "
            "enrollment code and choose Sync > Connect to the register.",
        ),
    ),
    "installation_pending": Message(
        "Registeret har ikke godkjent denne PC-en ennå. Ring registeret og les opp "
        "fingeravtrykket; registreringene sendes når PC-en er godkjent.",
        "The register has not approved this PC yet. Phone the register and read out the "
        "fingerprint; registrations are sent once the PC is approved.",
    ),
    "installation_revoked": Message(
        "Registeret har trukket tilbake denne PC-ens nøkkel. Be om en ny registreringskode "
        "og registrer PC-en på nytt.",
        "The register has revoked this PC's key. Ask for a new enrollment code and enroll "
        "the PC again.",
    ),
    "unknown_key": Message(
        "Serveren kjenner ikke denne PC-ens nøkkel. Registrer PC-en på nytt med en ny kode.",
        "The server does not know this PC's key. Enroll the PC again with a new code.",
    ),
    "bad_enrollment_code": Message(
        "Registreringskoden er feil, brukt eller utløpt. Sjekk koden eller be om en ny.",
        "The enrollment code is wrong, used or expired. Check the code or ask for a new one.",
    ),
    "offline": Message(
        "Får ikke kontakt med registerets server. Registreringene ligger trygt i utboksen og "
        "sendes automatisk når nettet er tilbake. Vedvarer det, sjekk nettverk og "
        "proxy-innstillinger, eller bruk filoverføring.",
        "Cannot reach the register's server. The registrations are safe in the outbox and "
        "are sent automatically when the network returns. If it persists, check the network "
        "and proxy settings, or use file transfer.",
    ),
    "server_busy": Message(
        "Registerets server er opptatt eller har en midlertidig feil. Det prøves igjen "
        "automatisk senere.",
        "The register's server is busy or has a temporary fault. It is retried "
        "automatically later.",
    ),
    "tls_pin_mismatch": Message(
        "Serveren bruker en annen TLS-nøkkel enn den registerets signerte nøkkelmanifest "
        "oppgir, så ingenting ble sendt. Noen kan stå mellom denne PC-en og registeret. "
        "Registreringene ligger trygt i utboksen. Kontakt registeret og IT før du prøver "
        "igjen.",
        "The server uses another TLS key than the register's signed key manifest names, so "
        "nothing was sent. Someone may stand between this PC and the register. The "
        "registrations are safe in the outbox. Contact the register and IT before trying "
        "again.",
    ),
    "https_required": Message(
        "Serveradressen må begynne med https://. Med http:// kunne hvem som helst på veien "
        "lese og endre det som sendes, så ingenting ble sendt. Skriv adressen fra brevet "
        "med https:// (bare en innboks på denne maskinen, 127.0.0.1, kan bruke http://).",
        "The server address must start with https://. With http:// anyone on the way could "
        "read and change what is sent, so nothing was sent. Write the address from the "
        "letter with https:// (only an inbox on this machine, 127.0.0.1, may use http://).",
    ),
    "bad_server_url": Message(
        "Serveradressen er ikke en nettadresse. Skriv den som i brevet, for eksempel "
        "https://innboks.sjeldenregisteret.no.",
        "The server address is not a web address. Write it as in the letter, for example "
        "https://innboks.sjeldenregisteret.no.",
    ),
    "tls_untrusted": Message(
        "Serverens sertifikat er ikke klarert, så ingenting ble sendt. Sjekk at "
        "serveradressen er riktig, og at helsenettets CA-fil er valgt under "
        "synkroniseringsinnstillinger. Kontakt IT hvis det vedvarer.",
        "The server's certificate is not trusted, so nothing was sent. Check the server "
        "address and that the health network's CA file is selected in the sync settings. "
        "Contact IT if it persists.",
    ),
    "receipt_invalid": Message(
        "Kvitteringen fra serveren kunne ikke bekreftes, så registreringene regnes ikke som "
        "sendt og sendes på nytt senere. Kontakt registeret hvis det vedvarer.",
        "The server's receipt could not be verified, so the registrations are not counted as "
        "sent and will be sent again later. Contact the register if it persists.",
    ),
    "feedback_invalid": Message(
        "En tilbakemelding fra registeret hadde ugyldig signatur og ble avvist. Kontakt "
        "registeret.",
        "A feedback document from the register had an invalid signature and was refused. "
        "Contact the register.",
    ),
    "feedback_signer_revoked": Message(
        "En tilbakemelding fra registeret er signert med en nøkkel registeret har trukket "
        "tilbake, og ble avvist; ingen avgjørelse i den er brukt. Registreringene står som "
        "før. Be registeret sende avgjørelsene på nytt.",
        "A feedback document from the register is signed with a key the register has "
        "revoked, and was refused; no decision in it was applied. The registrations stay as "
        "they were. Ask the register to send the decisions again.",
    ),
    "wrong_recipient": Message(
        "Innboksen ber om batcher kryptert til en nøkkel som ikke står i registerets nyeste "
        "signerte nøkkelliste, så ingenting ble sendt og ingenting ble kryptert om. "
        "Registreringene venter trygt i utboksen. Ikke installer nøkkelfiler du får tilsendt; "
        "kontakt registeret (innboksen kan være kompromittert, eller registeret har ikke "
        "publisert den nye nøkkellisten ennå).",
        "The inbox asks for batches sealed to a key that is not in the register's newest "
        "signed key manifest, so nothing was sent and nothing was re-sealed. The "
        "registrations wait safely in the outbox. Do not install key files sent to you; "
        "contact the register (the inbox may be compromised, or the register has not "
        "published its new key manifest yet).",
    ),
    "manifest_invalid": Message(
        "Nøkkellisten er ikke signert med registerets rotnøkkel (eller er skadet), så den ble "
        "avvist og ingen nøkler ble endret. Kontakt registeret.",
        "The key manifest is not signed by the register's root key (or is damaged), so it "
        "was refused and no key was changed. Contact the register.",
    ),
    "manifest_replayed": Message(
        "Nøkkellisten er eldre enn den denne PC-en allerede har, så den ble avvist og ingen "
        "nøkler ble endret. Kontakt registeret hvis det vedvarer.",
        "The key manifest is older than the one this PC already holds, so it was refused "
        "and no key was changed. Contact the register if it persists.",
    ),
    "manifest_missing": Message(
        "Registeret har ikke publisert en signert nøkkelliste på innboksen ennå. Be "
        "registeret publisere den, eller importer nøkkellistefilen fra brevet.",
        "The register has not published a signed key manifest on the inbox yet. Ask the "
        "register to publish it, or import the key manifest file from the letter.",
    ),
    "manifest_unreadable": Message(
        "Nøkkellistefilen kunne ikke leses. Sjekk filen og prøv igjen.",
        "The key manifest file could not be read. Check the file and try again.",
    ),
    "root_key_missing": Message(
        "Denne PC-en har ikke registerets rotnøkkel, så en nøkkelliste kan ikke kontrolleres. "
        "Kjør registreringen på nytt med rotnøkkelen og fingeravtrykket fra brevet "
        "(«sjelden enroll --root-key FIL --root-fingerprint …»).",
        "This PC does not hold the register's root key, so a key manifest cannot be checked. "
        "Run the enrollment again with the root key and fingerprint from the letter "
        "('sjelden enroll --root-key FILE --root-fingerprint …').",
        gui=Message(
            "Denne PC-en har ikke registerets rotnøkkel, så en nøkkelliste kan ikke "
            "kontrolleres. Velg Synkronisering > Koble til registeret på nytt, med "
            "rotnøkkelfilen og fingeravtrykket fra brevet.",
            "This PC does not hold the register's root key, so a key manifest cannot be "
            "checked. Choose Sync > Connect to the register again, with the root key file "
            "and the fingerprint from the letter.",
        ),
    ),
    "root_key_mismatch": Message(
        "Rotnøkkelens fingeravtrykk er et annet enn det i brevet (eller mangler), så "
        "ingenting ble lagret. Ikke bruk filen; kontakt registeret.",
        "The root key's fingerprint differs from the one in the letter (or was not given), "
        "so nothing was saved. Do not use the file; contact the register.",
    ),
    "register_key_unsigned": Message(
        "Registerets nøkler installeres ikke lenger fra nøkkelfiler: de kommer i en "
        "nøkkelliste signert med registerets rotnøkkel, som hentes ved hver synkronisering "
        "(eller «sjelden manifest import FIL»). Ingenting ble installert.",
        "The register's keys are no longer installed from key files: they come in a key "
        "manifest signed by the register's root key, fetched at every sync (or 'sjelden "
        "manifest import FILE'). Nothing was installed.",
        gui=Message(
            "Registerets nøkler installeres ikke lenger fra nøkkelfiler: de kommer i en "
            "nøkkelliste signert med registerets rotnøkkel, som hentes ved hver "
            "synkronisering (eller velg Synkronisering > Importer registerets nøkkelliste). "
            "Ingenting ble installert.",
            "The register's keys are no longer installed from key files: they come in a key "
            "manifest signed by the register's root key, fetched at every sync (or choose "
            "Sync > Import the register's key manifest). Nothing was installed.",
        ),
    ),
    "stale_timestamp": Message(
        "PC-ens klokke går feil. Rett dato og klokkeslett og prøv igjen.",
        "This PC's clock is wrong. Correct the date and time and try again.",
    ),
    "wrong_audience": Message(
        "Innboksen tok ikke imot forespørselen: den er laget for serveradressen denne PC-en "
        "er satt opp med, og innboksen svarer ikke under den adressen. Ingenting er sendt. "
        "Kontakt registeret (innboksen må ha adressen som offentlig adresse).",
        "The inbox did not take the request: it is made for the server address this PC is "
        "set up with, and the inbox does not answer under that address. Nothing was sent. "
        "Contact the register (the inbox must list the address as a public address).",
    ),
    "rate_limited": Message(
        "Serveren ber oss vente litt. Det prøves igjen automatisk.",
        "The server asks us to wait a little. It is retried automatically.",
    ),
    "cancelled": Message(
        "Synkroniseringen ble avbrutt. Det som ikke ble sendt, sendes neste gang.",
        "Sync was cancelled. Whatever was not sent is sent next time.",
    ),
    "server_refused": Message(
        "Serveren avviste forespørselen. Kontakt registeret og oppgi feilkoden.",
        "The server refused the request. Contact the register and give the error code.",
    ),
    "proxy_refused": Message(
        "Noe annet enn registerets server svarte og stoppet forespørselen (en proxy, brannmur "
        "eller gateway i nettverket viste en feilside), så ingenting ble sendt. "
        "Registreringene ligger trygt i utboksen. Sjekk proxy-innstillingene og nettverket, "
        "eller kontakt IT.",
        "Something other than the register's server answered and stopped the request (a "
        "proxy, firewall or gateway in the network showed an error page), so nothing was "
        "sent. The registrations are safe in the outbox. Check the proxy settings and the "
        "network, or contact IT.",
    ),
    "gateway_error": Message(
        "En proxy eller gateway mellom denne PC-en og registerets server svarte med en "
        "feilside i stedet for serveren. Registreringene ligger trygt i utboksen og sendes "
        "automatisk senere. Vedvarer det, sjekk proxy-innstillingene og nettverket, eller "
        "kontakt IT.",
        "A proxy or gateway between this PC and the register's server answered with an error "
        "page instead of the server. The registrations are safe in the outbox and are sent "
        "automatically later. If it persists, check the proxy settings and the network, or "
        "contact IT.",
    ),
    "record_too_large": Message(
        "En registrering er større enn registerets server tar imot nå, så den ble ikke "
        "sendt. Den venter trygt i utboksen og sendes når serveren tar den. Kontakt "
        "registeret og oppgi feilkoden.",
        "A registration is larger than the register's server accepts now, so it was not "
        "sent. It waits safely in the outbox and is sent once the server takes it. Contact "
        "the register and give the error code.",
    ),
    "transport_damaged": Message(
        "Forbindelsen skader data: det denne PC-en sendte, kom endret fram til registerets "
        "server, også etter flere nye forsøk. Registreringene ligger trygt i utboksen og "
        "sendes på nytt ved neste synkronisering. Sjekk proxy og nettverk, og kontakt IT "
        "hvis det vedvarer.",
        "The connection damages data: what this PC sent arrived altered at the register's "
        "server, even after several new attempts. The registrations are safe in the outbox "
        "and are sent again at the next sync. Check the proxy and the network, and contact "
        "IT if it persists.",
    ),
    "bad_file": Message(
        "Filen er ikke en kvittering eller tilbakemelding fra registeret, eller den er "
        "skadet. Be registeret sende den på nytt.",
        "The file is not a receipt or feedback from the register, or it is damaged. Ask the "
        "register to send it again.",
    ),
    "server_key_mismatch": Message(
        "Serverens nøkkel har et annet fingeravtrykk enn oppgitt. Ikke fortsett; kontakt "
        "registeret.",
        "The server's key has a different fingerprint than given. Do not continue; contact "
        "the register.",
    ),
    "already_enrolled": Message(
        "Denne PC-ens nøkkel er allerede registrert hos registeret. Du trenger ikke koble til "
        "på nytt; synkroniser som vanlig. Gjelder det en annen PC, be om en ny kode der.",
        "This PC's key is already enrolled with the register. There is no need to connect "
        "again; sync as usual. If it concerns another PC, ask for a new code there.",
    ),
    "key_file_unreadable": Message(
        "Nøkkelfilen {name} kan ikke leses. Sjekk at den fortsatt finnes (for eksempel på "
        "minnepinnen), og velg den på nytt.",
        "The key file {name} cannot be read. Check that it is still there (for example on "
        "the USB stick) and choose it again.",
    ),
    "key_file_not_a_key": Message(
        "Filen {name} er ikke en offentlig nøkkelfil. Velg .pub-filen som fulgte med brevet "
        "fra registeret.",
        "The file {name} is not a public key file. Choose the .pub file that came with the "
        "register's letter.",
    ),
    "key_file_wrong_kind": Message(
        "Filen {name} er feil slags nøkkel her: registerets krypteringsnøkkel og "
        "saksbehandlernes signeringsnøkler er ulike filer. Sjekk i brevet hvilken fil som er "
        "hvilken.",
        "The file {name} is the wrong kind of key here: the register's encryption key and the "
        "staff signing keys are different files. Check in the letter which file is which.",
    ),
    "export_disk_full": Message(
        "Det er ikke plass til forsendelsene i mappen du valgte (minnepinnen eller disken er "
        "full). Ingen halve filer ble lagt igjen, og forsendelsene venter fortsatt. Frigjør "
        "plass eller velg en annen mappe, og eksporter på nytt.",
        "There is no room for the batches in the folder you chose (the USB stick or disk is "
        "full). No partial files were left, and the batches are still waiting. Free some "
        "space or choose another folder, and export again.",
    ),
    "export_not_writable": Message(
        "Mappen du valgte kan ikke skrives til (skrivebeskyttet minnepinne, manglende tilgang "
        "eller ikke en mappe). Forsendelsene venter fortsatt. Velg en annen mappe.",
        "The folder you chose cannot be written to (a write-protected USB stick, no access, "
        "or not a folder). The batches are still waiting. Choose another folder.",
    ),
    "export_failed": Message(
        "Forsendelsene kunne ikke skrives til mappen du valgte (minnepinnen kan ha blitt tatt "
        "ut). Forsendelsene venter fortsatt. Sett inn minnepinnen igjen og eksporter på nytt.",
        "The batches could not be written to the folder you chose (the USB stick may have "
        "been removed). The batches are still waiting. Insert it again and export again.",
    ),
    "import_not_found": Message(
        "Filen du valgte finnes ikke (lenger). Sjekk navnet og mappen, og prøv igjen.",
        "The file you chose does not exist (any more). Check the name and folder, and try again.",
    ),
    "import_is_folder": Message(
        "Du valgte en mappe, ikke en fil. Velg kvitteringsfilen eller tilbakemeldingsfilen "
        "fra registeret.",
        "You chose a folder, not a file. Choose the receipt or feedback file from the register.",
    ),
    "import_unreadable": Message(
        "Filen kan ikke leses (manglende tilgang, eller minnepinnen er tatt ut). Kopier filen "
        "til PC-en og prøv igjen.",
        "The file cannot be read (no access, or the USB stick was removed). Copy the file to "
        "the PC and try again.",
    ),
    "batch_expired": Message(
        "Registeret har allerede importert denne forsendelsen, og innboksen har slettet sin kopi "
        "etter oppbevaringstiden. Ingenting mangler; forsendelsen kan ikke hentes igjen.",
        "The register imported this batch already, and the inbox deleted its copy after the "
        "retention period. Nothing is missing; the batch cannot be fetched again.",
    ),
    "unknown_batch": Message(
        "Kvitteringen gjelder en forsendelse denne PC-en ikke har. Sjekk at du valgte riktig fil.",
        "The receipt is for a batch this PC does not have. Check that you chose the right file.",
    ),
}

MESSAGES = Catalogue(
    "sync",
    _MESSAGES,
    params={"name": "the file name (not the path, never the contents) of a chosen key file"},
    # a code of a newer server: the refusal's text, and the code to give the register
    fallback=Message(
        _MESSAGES["server_refused"].nb + " ({code})", _MESSAGES["server_refused"].en + " ({code})"
    ),
)


# Codes of failures that pass by themselves (no connection, a busy or throttling server): a
# stored ``last_error_code`` among them means "try again when the server answers". A live
# error says so itself (``SyncError.retryable``).
TRANSIENT_CODES = frozenset({"offline", "server_busy", "rate_limited", "gateway_error"})


class SyncError(CodedError):
    """A failure the user is told about; ``code`` keys ``MESSAGES``."""

    catalogue = MESSAGES

    def __init__(self, code: str, detail: str = "", *, retryable: bool = False) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.retryable = retryable


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("cancelled")


def message_for(
    code: str, lang: Lang = DEFAULT_LANG, *, gui: bool = False, **params: object
) -> str:
    """The text of a stored or received code (the status panel keeps codes, not texts);
    ``gui``: in a window's words."""
    return MESSAGES.render(code, lang, params, gui=gui)
