"""The store's error taxonomy.

Each known failure has a stable ``code`` and a message in ``STORE`` (``desktop.messages``),
in bokmål and English, that says what happened and what to do. Anything we did not
anticipate becomes a ``BugReport`` whose text carries the exception type and SQLite's error
name but never SQL parameters or field values, so it can be pasted into a support ticket
without leaking patient data.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.messages import Catalogue, CodedError, Lang, Message

if TYPE_CHECKING:
    from desktop.storage.passphrase_strength import Strength

STORE = Catalogue(
    "store",
    {
        "store.error": Message(
            "Det oppstod en feil i den lokale databasen.",
            "An error occurred in the local database.",
        ),
        "store.wrong_passphrase": Message(
            "Feil passordfrase. Sjekk Caps Lock og tastaturoppsett, og prøv igjen.",
            "Wrong passphrase. Check Caps Lock and the keyboard layout, and try again.",
        ),
        "store.wrong_recovery_key": Message(
            "Gjenopprettingsnøkkelen passer ikke til denne profilen. Skriv den inn nøyaktig "
            "slik den står på utskriften (bindestreker og mellomrom spiller ingen rolle).",
            "The recovery key does not match this profile. Type it exactly as printed "
            "(dashes and spaces do not matter).",
        ),
        "store.too_many_attempts": Message(
            "For mange mislykkede forsøk. Vent {seconds} sekunder før du prøver igjen.",
            "Too many failed attempts. Wait {seconds} seconds before trying again.",
        ),
        "store.wrong_key": Message(
            "Databasefilen kan ikke åpnes med nøkkelen til denne profilen. Filen kan være "
            "byttet ut eller tilhøre en annen profil. Kontakt brukerstøtte; ikke slett filen.",
            "The database file cannot be opened with this profile's key. The file may have "
            "been replaced or belong to another profile. Contact support; do not delete the "
            "file.",
        ),
        "store.locked": Message(
            "Databasen er i bruk av et annet vindu eller program. Lukk andre kopier av "
            "Sjeldenregisteret-klienten og prøv igjen.",
            "The database is in use by another window or program. Close other copies of the "
            "Sjeldenregisteret client and try again.",
        ),
        "store.disk_full": Message(
            "Disken er full, så endringen ble ikke lagret (ingenting er tapt). Frigjør plass "
            "på disken og prøv igjen.",
            "The disk is full, so the change was not saved (nothing was lost). Free some disk "
            "space and try again.",
        ),
        "store.read_only": Message(
            "Profilmappen er skrivebeskyttet, så endringen ble ikke lagret (ingenting er tapt). "
            "Du kan fortsatt lese, skrive ut og eksportere registreringene. For å endre dem: "
            "fjern skrivebeskyttelsen eller kopier profilmappen dit den kan skrives til.",
            "The profile folder is read-only, so the change was not saved (nothing was lost). "
            "You can still read, print and export the registrations. To change them, remove "
            "the write protection or copy the profile folder where it can be written.",
        ),
        "store.upgrade_needs_write": Message(
            "Profilen er laget av en eldre versjon av programmet og må oppdateres én gang før "
            "den kan åpnes, men profilmappen er skrivebeskyttet, så ingenting er endret. Åpne "
            "den én gang der den kan skrives til (kopier profilmappen til PC-en eller fjern "
            "skrivebeskyttelsen), eller les og eksporter med den eldre versjonen.",
            "The profile was made by an older version of the program and must be updated once "
            "before it can be opened, but the profile folder is read-only, so nothing was "
            "changed. Open it once where it can be written (copy the profile folder to the PC "
            "or remove the write protection), or read and export with the older version.",
        ),
        "store.corrupt": Message(
            "Databasefilen er skadet. Ikke gjør flere endringer; kontakt brukerstøtte, som kan "
            "gjenopprette fra sikkerhetskopien i profilmappen.",
            "The database file is damaged. Make no further changes; contact support, who can "
            "restore from the backup in the profile folder.",
        ),
        "store.corrupt.backup": Message(
            "Databasefilen er skadet. Ikke gjør flere endringer; kontakt brukerstøtte, som kan "
            "gjenopprette fra sikkerhetskopien {backup}.",
            "The database file is damaged. Make no further changes; contact support, who can "
            "restore from the backup {backup}.",
        ),
        "store.older_than_known": Message(
            "Databasen er eldre enn sist kjente tilstand: {missing} endringer mangler (filen "
            "er tømt, byttet ut eller rullet tilbake). Den er ikke åpnet. Gjenopprett fra "
            "sikkerhetskopien {backup} med hjelp fra brukerstøtte, eller godta tapet og åpne "
            "den likevel med 'sjelden unlock-check --accept-data-loss'.",
            "The database is older than its last known state: {missing} changes are missing "
            "(the file was emptied, replaced or rolled back). It was not opened. Restore from "
            "the backup {backup} with the help of support, or accept the loss and open it "
            "anyway with 'sjelden unlock-check --accept-data-loss'.",
            gui=Message(
                "Databasen er eldre enn sist kjente tilstand: {missing} endringer mangler "
                "(filen er tømt, byttet ut eller rullet tilbake). Den er ikke åpnet. "
                "Gjenopprett fra sikkerhetskopien {backup} med hjelp fra brukerstøtte, eller "
                "godta tapet og velg «Åpne likevel og godta tapet».",
                "The database is older than its last known state: {missing} changes are missing "
                "(the file was emptied, replaced or rolled back). It was not opened. Restore "
                "from the backup {backup} with the help of support, or accept the loss and "
                "choose “Open anyway, accepting the loss”.",
            ),
        ),
        "store.older_than_known.no_backup": Message(
            "Databasen er eldre enn sist kjente tilstand: {missing} endringer mangler (filen "
            "er tømt, byttet ut eller rullet tilbake). Den er ikke åpnet, og det finnes ingen "
            "sikkerhetskopi i profilmappen. Kontakt brukerstøtte, eller godta tapet og åpne "
            "den likevel med 'sjelden unlock-check --accept-data-loss'.",
            "The database is older than its last known state: {missing} changes are missing "
            "(the file was emptied, replaced or rolled back). It was not opened, and there is "
            "no backup in the profile folder. Contact support, or accept the loss and open it "
            "anyway with 'sjelden unlock-check --accept-data-loss'.",
            gui=Message(
                "Databasen er eldre enn sist kjente tilstand: {missing} endringer mangler "
                "(filen er tømt, byttet ut eller rullet tilbake). Den er ikke åpnet, og det "
                "finnes ingen sikkerhetskopi i profilmappen. Kontakt brukerstøtte, eller godta "
                "tapet og velg «Åpne likevel og godta tapet».",
                "The database is older than its last known state: {missing} changes are missing "
                "(the file was emptied, replaced or rolled back). It was not opened, and there "
                "is no backup in the profile folder. Contact support, or accept the loss and "
                "choose “Open anyway, accepting the loss”.",
            ),
        ),
        "store.database_missing": Message(
            "Databasefilen til profilen (store.db) mangler. Gjenopprett den fra "
            "sikkerhetskopien {backup} med hjelp fra brukerstøtte; ikke sett opp profilen på "
            "nytt.",
            "The profile's database file (store.db) is missing. Restore it from the backup "
            "{backup} with the help of support; do not set the profile up again.",
        ),
        "store.database_missing.no_backup": Message(
            "Databasefilen til profilen (store.db) mangler, og det finnes ingen sikkerhetskopi "
            "i profilmappen. Kontakt brukerstøtte før du setter opp profilen på nytt.",
            "The profile's database file (store.db) is missing and there is no backup in the "
            "profile folder. Contact support before setting the profile up again.",
        ),
        "store.profile_in_use": Message(
            "Profilen er åpen i et annet vindu eller en annen kommando. Lukk den først, og "
            "prøv igjen.",
            "The profile is open in another window or command; close it first and try again.",
        ),
        "store.profile_damaged": Message(
            "Profilfilen {file} er skadet eller ufullstendig, så profilen kan ikke låses opp. "
            "Ikke slett profilmappen; kontakt brukerstøtte. Er det nøkkelfilen, kan du låse "
            "opp med gjenopprettingsnøkkelen (sjelden recover).",
            "The profile file {file} is damaged or incomplete, so the profile cannot be "
            "unlocked. Do not delete the profile folder; contact support. If it is the key "
            "file, you can unlock with the recovery key (sjelden recover).",
            gui=Message(
                "Profilfilen {file} er skadet eller ufullstendig, så profilen kan ikke låses "
                "opp. Ikke slett profilmappen; kontakt brukerstøtte. Er det nøkkelfilen, kan du "
                "låse opp med gjenopprettingsnøkkelen (Bruk gjenopprettingsnøkkel).",
                "The profile file {file} is damaged or incomplete, so the profile cannot be "
                "unlocked. Do not delete the profile folder; contact support. If it is the key "
                "file, you can unlock with the recovery key (Use recovery key).",
            ),
        ),
        "store.not_unlocked": Message(
            "Profilen er låst. Lås opp med passordfrasen din.",
            "The profile is locked. Unlock it with your passphrase.",
        ),
        "store.profile_missing": Message(
            "Profilen er ikke satt opp ennå. Kjør oppsettet først (sjelden init).",
            "The profile has not been set up yet. Run the set-up first (sjelden init).",
            gui=Message(
                "Profilen er ikke satt opp ennå. Sett den opp først: oppsettet vises når "
                "programmet starter.",
                "The profile has not been set up yet. Set it up first: the set-up shows when "
                "the program starts.",
            ),
        ),
        "store.profile_exists": Message(
            "Profilen er allerede satt opp. Velg et annet profilnavn, eller lås opp denne.",
            "The profile is already set up. Choose another profile name, or unlock it.",
        ),
        "store.wrong_profile_kind": Message(
            "Dette er en registerprofil. Bruk 'sjelden staff …' for den, eller velg en "
            "klinikerprofil med --profile NAVN (ny profil: 'sjelden --profile NAVN init').",
            "This is a registry-staff profile. Use 'sjelden staff …' with it, or choose a "
            "clinician profile with --profile NAME (a new one: 'sjelden --profile NAME init').",
            gui=Message(
                "Dette er en registerprofil, ikke en klinikerprofil. Start programmet med en "
                "klinikerprofil (se brukerveiledningen).",
                "This is a registry-staff profile, not a clinician profile. Start the program "
                "with a clinician profile (see the user guide).",
            ),
        ),
        # the same code, when a staff command meets a clinician's profile
        "store.wrong_profile_kind.clinician": Message(
            "Dette er en klinikerprofil. Opprett en egen registerprofil med "
            "'sjelden --profile NAVN staff init'.",
            "This is a clinician profile. Create a separate staff profile with "
            "'sjelden --profile NAME staff init'.",
            gui=Message(
                "Dette er en klinikerprofil. Registerarbeid krever en egen registerprofil; den "
                "opprettes på kommandolinjen (se brukerveiledningen for registeret).",
                "This is a clinician profile. Registry work needs a separate staff profile; it "
                "is created on the command line (see the staff guide).",
            ),
        ),
        "store.key_missing": Message(
            "Nøkkelen til profilen finnes ikke i nøkkelringen. Lås opp med "
            "gjenopprettingsnøkkelen for å legge den inn igjen.",
            "The profile's key is not in the keyring. Unlock with the recovery key to restore it.",
        ),
        "store.no_secure_keyring": Message(
            "Fant ingen sikker nøkkelring i operativsystemet. Windows: "
            "Legitimasjonsbehandling (Credential Manager) må være tilgjengelig. macOS: "
            "Nøkkelring. Linux: installer og start gnome-keyring eller KWallet (Secret "
            "Service), for eksempel 'apt install gnome-keyring'. Alternativt kan du "
            "uttrykkelig velge å lagre den krypterte nøkkelen i en fil (--key-file).",
            "No secure operating-system keyring was found. Windows: Credential Manager must "
            "be available. macOS: Keychain. Linux: install and start gnome-keyring or KWallet "
            "(Secret Service), e.g. 'apt install gnome-keyring'. Alternatively, explicitly "
            "choose to keep the encrypted key in a file (--key-file).",
            gui=Message(
                "Fant ingen sikker nøkkelring i operativsystemet. Windows: "
                "Legitimasjonsbehandling (Credential Manager) må være tilgjengelig. macOS: "
                "Nøkkelring. Linux: installer og start gnome-keyring eller KWallet (Secret "
                "Service). Alternativt kan du uttrykkelig velge «Lagre den krypterte nøkkelen i "
                "en fil i profilmappen i stedet».",
                "No secure operating-system keyring was found. Windows: Credential Manager must "
                "be available. macOS: Keychain. Linux: install and start gnome-keyring or "
                "KWallet (Secret Service). Alternatively, explicitly choose “Keep the encrypted "
                "key in a file in the profile folder instead”.",
            ),
        ),
        "store.keyring_locked": Message(
            "Nøkkelringen i operativsystemet er låst, så nøkkelen til profilen kan ikke leses "
            "eller lagres. Lås opp påloggingsnøkkelringen og prøv igjen: Linux: lås opp "
            "«Pålogging» (Login) i Passord og nøkler (Seahorse), eller logg ut og inn igjen; "
            "macOS: lås opp nøkkelringen «login» i Nøkkelringtilgang.",
            "The operating-system keyring is locked, so the profile's key cannot be read or "
            "stored. Unlock the login keyring and try again: Linux: unlock 'Login' in "
            "Passwords and Keys (Seahorse), or log out and in again; macOS: unlock the "
            "'login' keychain in Keychain Access.",
        ),
        "store.keyring_unavailable": Message(
            "Nøkkelringen i operativsystemet svarer ikke, så nøkkelen til profilen kan ikke "
            "leses eller lagres. Linux: start gnome-keyring (eller KWallet), for eksempel "
            "ved å logge inn på skrivebordet eller med 'gnome-keyring-daemon --start "
            "--components=secrets', og prøv igjen. En PC uten nøkkelring kan i stedet "
            "lagre den krypterte nøkkelen i en fil: sett opp profilen med "
            "'sjelden init --key-file'.",
            "The operating-system keyring does not answer, so the profile's key cannot be "
            "read or stored. Linux: start gnome-keyring (or KWallet), for example by logging "
            "in to the desktop or with 'gnome-keyring-daemon --start --components=secrets', "
            "and try again. A PC without a keyring can keep the encrypted key in a file "
            "instead: set the profile up with 'sjelden init --key-file'.",
            gui=Message(
                "Nøkkelringen i operativsystemet svarer ikke, så nøkkelen til profilen kan ikke "
                "leses eller lagres. Linux: start gnome-keyring (eller KWallet), for eksempel "
                "ved å logge inn på skrivebordet, og prøv igjen. En PC uten nøkkelring kan i "
                "stedet lagre den krypterte nøkkelen i en fil: velg «Lagre den krypterte "
                "nøkkelen i en fil i profilmappen i stedet» når profilen settes opp.",
                "The operating-system keyring does not answer, so the profile's key cannot be "
                "read or stored. Linux: start gnome-keyring (or KWallet), for example by "
                "logging in to the desktop, and try again. A PC without a keyring can keep the "
                "encrypted key in a file instead: choose “Keep the encrypted key in a file in "
                "the profile folder instead” when the profile is set up.",
            ),
        ),
        "store.keyring_error": Message(
            "Nøkkelringen i operativsystemet avviste forespørselen, så nøkkelen til profilen "
            "ble ikke lest eller lagret. Prøv igjen; vedvarer det, start nøkkelringen på nytt "
            "(Linux: gnome-keyring) eller sett opp profilen med 'sjelden init --key-file'.",
            "The operating-system keyring refused the request, so the profile's key was not "
            "read or stored. Try again; if it persists, restart the keyring (Linux: "
            "gnome-keyring) or set the profile up with 'sjelden init --key-file'.",
            gui=Message(
                "Nøkkelringen i operativsystemet avviste forespørselen, så nøkkelen til "
                "profilen ble ikke lest eller lagret. Prøv igjen; vedvarer det, start "
                "nøkkelringen på nytt (Linux: gnome-keyring) eller sett opp profilen med «Lagre "
                "den krypterte nøkkelen i en fil i profilmappen i stedet».",
                "The operating-system keyring refused the request, so the profile's key was not "
                "read or stored. Try again; if it persists, restart the keyring (Linux: "
                "gnome-keyring) or set the profile up with “Keep the encrypted key in a file in "
                "the profile folder instead”.",
            ),
        ),
        "store.weak_passphrase": Message(
            "Passordfrasen er for svak: bruk minst 12 tegn og noen ord som er vanskelige å "
            "gjette sammen.",
            "The passphrase is too weak: use at least 12 characters and a few words that are "
            "hard to guess together.",
        ),
        "store.record_not_found": Message(
            "Registreringen finnes ikke (den kan være slettet). Oppdater listen.",
            "The registration does not exist (it may have been deleted). Refresh the list.",
        ),
        "store.record_not_editable": Message(
            "Registreringen er ferdigstilt og kan ikke endres. Lag en ny revisjon for å rette den.",
            "The registration is complete and cannot be changed. Create a new revision.",
        ),
        "store.bug": Message(
            "Det oppstod en uventet feil i den lokale databasen. Ingen data er endret av den "
            "mislykkede operasjonen. Send feilrapporten til brukerstøtte.",
            "An unexpected error occurred in the local database. The failed operation changed "
            "no data. Send the error report to support.",
        ),
    },
    params={
        "seconds": "how long to wait before the next unlock attempt",
        "backup": "the path of a backup file in the profile folder",
        "missing": "how many committed changes the database lacks",
        "file": "the name of a file in the profile folder",
    },
)


class StoreError(CodedError):
    """Base of every error the store reports to its callers; ``code`` keys ``STORE``."""

    catalogue = STORE
    code = "store.error"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or STORE[self.code].en)
        self.detail = detail


class WrongPassphrase(StoreError):
    code = "store.wrong_passphrase"


class WrongRecoveryKey(StoreError):
    code = "store.wrong_recovery_key"


class TooManyAttempts(StoreError):
    code = "store.too_many_attempts"

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after:.0f} s")
        self.retry_after = retry_after

    def message_params(self) -> Mapping[str, object]:
        return {"seconds": max(1, round(self.retry_after))}


class WrongKey(StoreError):
    """The key unwrapped fine but does not open the database file."""

    code = "store.wrong_key"


class StoreLocked(StoreError):
    code = "store.locked"


class DiskFull(StoreError):
    code = "store.disk_full"


class ReadOnly(StoreError):
    """A write on a profile whose files cannot be written (a write-protected disk or folder)."""

    code = "store.read_only"


class UpgradeNeedsWrite(StoreError):
    """An older schema on a read-only profile: migrating would have to write."""

    code = "store.upgrade_needs_write"


class Corrupt(StoreError):
    code = "store.corrupt"


class CorruptWithBackup(Corrupt):
    """A damaged database at unlock, when a rolling backup exists to restore from."""

    def __init__(self, detail: str, backup: Path) -> None:
        super().__init__(detail)
        self.backup = backup

    def user_message(self, lang: Lang = "nb", *, gui: bool = False) -> str:
        return STORE.render(f"{self.code}.backup", lang, {"backup": self.backup}, gui=gui)


class OlderThanKnown(StoreError):
    """The database's commit counter is below the one recorded outside it (``commit_state``)."""

    code = "store.older_than_known"

    def __init__(self, missing: int, backup: Path | None) -> None:
        super().__init__(f"{missing} commits missing")
        self.missing = missing
        self.backup = backup

    def user_message(self, lang: Lang = "nb", *, gui: bool = False) -> str:
        if self.backup is None:
            return STORE.render(f"{self.code}.no_backup", lang, {"missing": self.missing}, gui=gui)
        return STORE.render(
            self.code, lang, {"missing": self.missing, "backup": self.backup}, gui=gui
        )


class DatabaseMissing(StoreError):
    code = "store.database_missing"

    def __init__(self, backup: Path | None) -> None:
        super().__init__("store.db missing")
        self.backup = backup

    def user_message(self, lang: Lang = "nb", *, gui: bool = False) -> str:
        if self.backup is None:
            return STORE.render(f"{self.code}.no_backup", lang, {}, gui=gui)
        return STORE.render(self.code, lang, {"backup": self.backup}, gui=gui)


class ProfileInUse(StoreError):
    """Another process (or window) holds the profile's instance lock (``instance_lock``)."""

    code = "store.profile_in_use"


class ProfileDamaged(StoreError):
    """``profile.json``, the key envelope or ``recovery.json`` cannot be read as written."""

    code = "store.profile_damaged"

    def __init__(self, file: str, detail: str = "") -> None:
        super().__init__(f"{file}: {detail}" if detail else file)
        self.file = file

    def message_params(self) -> Mapping[str, object]:
        return {"file": self.file}


class NotUnlocked(StoreError):
    code = "store.not_unlocked"


class ProfileMissing(StoreError):
    code = "store.profile_missing"


class ProfileExists(StoreError):
    code = "store.profile_exists"


class KeyMaterialMissing(StoreError):
    code = "store.key_missing"


class NoSecureKeyring(StoreError):
    code = "store.no_secure_keyring"


class KeyringLocked(StoreError):
    """The OS keyring is there but locked (``keyring.errors.KeyringLocked``)."""

    code = "store.keyring_locked"


class KeyringUnavailable(StoreError):
    """No keyring service answers (``InitError``, ``NoKeyringError``)."""

    code = "store.keyring_unavailable"


class KeyringFailed(StoreError):
    """Any other refusal of the keyring (``keyring.errors.KeyringError``)."""

    code = "store.keyring_error"


class WeakPassphrase(StoreError):
    """Too short or too easy to guess; the message adds zxcvbn's advice (never the text)."""

    code = "store.weak_passphrase"

    def __init__(self, strength: Strength | None = None) -> None:
        super().__init__("passphrase refused" if strength is None else f"score {strength.score}")
        self.strength = strength

    def user_message(self, lang: Lang = "nb", *, gui: bool = False) -> str:
        text = super().user_message(lang, gui=gui)
        if self.strength is None:
            return text
        return " ".join([text, *self.strength.advice(lang)])


class BugReport(StoreError):
    """An unanticipated failure: the text is safe to share (no values, no SQL parameters)."""

    code = "store.bug"

    def __init__(self, operation: str, exc: BaseException) -> None:
        error_name = getattr(exc, "sqlite_errorname", None)
        report = f"operation={operation} exception={type(exc).__name__}"
        if error_name:
            report += f" sqlite_error={error_name}"
        super().__init__(report)
        self.report = report


def classify_sqlite_error(exc: BaseException, operation: str) -> StoreError:
    """Map a ``sqlcipher3`` exception to the taxonomy.

    SQLite's extended error names are stable; the message texts are only a fallback for
    builds that do not expose them.
    """
    if isinstance(exc, StoreError):
        return exc
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return DiskFull(operation)
    if name.startswith("SQLITE_READONLY") or "attempt to write a readonly database" in text:
        return ReadOnly(operation)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StoreLocked(operation)
    if name.startswith("SQLITE_NOTADB") or "file is not a database" in text:
        return WrongKey(operation)
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return Corrupt(operation)
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:  # ENOSPC
        return DiskFull(operation)
    return BugReport(operation, exc)
