"""The store's error taxonomy.

Each known failure has a stable ``code`` and a user-facing message in bokmål and English that
says what happened and what to do. Anything we did not anticipate becomes a ``BugReport``
whose text carries the exception type and SQLite's error name but never SQL parameters or
field values, so it can be pasted into a support ticket without leaking patient data.
"""

from __future__ import annotations

from typing import ClassVar, Literal

Lang = Literal["nb", "en"]


class StoreError(Exception):
    """Base of every error the store reports to its callers."""

    code: ClassVar[str] = "store.error"
    message_nb: ClassVar[str] = "Det oppstod en feil i den lokale databasen."
    message_en: ClassVar[str] = "An error occurred in the local database."

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.message_en)
        self.detail = detail

    def user_message(self, lang: Lang = "nb") -> str:
        return self.message_nb if lang == "nb" else self.message_en


class WrongPassphrase(StoreError):
    code = "store.wrong_passphrase"
    message_nb = "Feil passordfrase. Sjekk Caps Lock og tastaturoppsett, og prøv igjen."
    message_en = "Wrong passphrase. Check Caps Lock and the keyboard layout, and try again."


class WrongRecoveryKey(StoreError):
    code = "store.wrong_recovery_key"
    message_nb = (
        "Gjenopprettingsnøkkelen passer ikke til denne profilen. Skriv den inn nøyaktig slik "
        "den står på utskriften (bindestreker og mellomrom spiller ingen rolle)."
    )
    message_en = (
        "The recovery key does not match this profile. Type it exactly as printed "
        "(dashes and spaces do not matter)."
    )


class TooManyAttempts(StoreError):
    code = "store.too_many_attempts"
    message_nb = "For mange mislykkede forsøk. Vent {seconds} sekunder før du prøver igjen."
    message_en = "Too many failed attempts. Wait {seconds} seconds before trying again."

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after:.0f} s")
        self.retry_after = retry_after

    def user_message(self, lang: Lang = "nb") -> str:
        template = self.message_nb if lang == "nb" else self.message_en
        return template.format(seconds=max(1, round(self.retry_after)))


class WrongKey(StoreError):
    """The key unwrapped fine but does not open the database file."""

    code = "store.wrong_key"
    message_nb = (
        "Databasefilen kan ikke åpnes med nøkkelen til denne profilen. Filen kan være byttet ut "
        "eller tilhøre en annen profil. Kontakt brukerstøtte; ikke slett filen."
    )
    message_en = (
        "The database file cannot be opened with this profile's key. The file may have been "
        "replaced or belong to another profile. Contact support; do not delete the file."
    )


class StoreLocked(StoreError):
    code = "store.locked"
    message_nb = (
        "Databasen er i bruk av et annet vindu eller program. Lukk andre kopier av "
        "Sjeldenregisteret-klienten og prøv igjen."
    )
    message_en = (
        "The database is in use by another window or program. Close other copies of the "
        "Sjeldenregisteret client and try again."
    )


class DiskFull(StoreError):
    code = "store.disk_full"
    message_nb = (
        "Disken er full, så endringen ble ikke lagret (ingenting er tapt). Frigjør plass på "
        "disken og prøv igjen."
    )
    message_en = (
        "The disk is full, so the change was not saved (nothing was lost). Free some disk "
        "space and try again."
    )


class Corrupt(StoreError):
    code = "store.corrupt"
    message_nb = (
        "Databasefilen er skadet. Ikke gjør flere endringer; kontakt brukerstøtte, som kan "
        "gjenopprette fra sikkerhetskopien i profilmappen."
    )
    message_en = (
        "The database file is damaged. Make no further changes; contact support, who can "
        "restore from the backup in the profile folder."
    )


class NotUnlocked(StoreError):
    code = "store.not_unlocked"
    message_nb = "Profilen er låst. Lås opp med passordfrasen din."
    message_en = "The profile is locked. Unlock it with your passphrase."


class ProfileMissing(StoreError):
    code = "store.profile_missing"
    message_nb = "Profilen er ikke satt opp ennå. Kjør oppsettet først (sjelden init)."
    message_en = "The profile has not been set up yet. Run the set-up first (sjelden init)."


class ProfileExists(StoreError):
    code = "store.profile_exists"
    message_nb = "Profilen er allerede satt opp. Velg et annet profilnavn, eller lås opp denne."
    message_en = "The profile is already set up. Choose another profile name, or unlock it."


class KeyMaterialMissing(StoreError):
    code = "store.key_missing"
    message_nb = (
        "Nøkkelen til profilen finnes ikke i nøkkelringen. Lås opp med "
        "gjenopprettingsnøkkelen for å legge den inn igjen."
    )
    message_en = (
        "The profile's key is not in the keyring. Unlock with the recovery key to restore it."
    )


class NoSecureKeyring(StoreError):
    code = "store.no_secure_keyring"
    message_nb = (
        "Fant ingen sikker nøkkelring i operativsystemet. Windows: Legitimasjonsbehandling "
        "(Credential Manager) må være tilgjengelig. macOS: Nøkkelring. Linux: installer og start "
        "gnome-keyring eller KWallet (Secret Service), for eksempel 'apt install gnome-keyring'. "
        "Alternativt kan du uttrykkelig velge å lagre den krypterte nøkkelen i en fil "
        "(--key-file)."
    )
    message_en = (
        "No secure operating-system keyring was found. Windows: Credential Manager must be "
        "available. macOS: Keychain. Linux: install and start gnome-keyring or KWallet (Secret "
        "Service), e.g. 'apt install gnome-keyring'. Alternatively, explicitly choose to keep "
        "the encrypted key in a file (--key-file)."
    )


class WeakPassphrase(StoreError):
    code = "store.weak_passphrase"
    message_nb = "Passordfrasen er for svak: bruk minst 12 tegn, gjerne flere ord."
    message_en = "The passphrase is too weak: use at least 12 characters, preferably several words."


class BugReport(StoreError):
    """An unanticipated failure: the text is safe to share (no values, no SQL parameters)."""

    code = "store.bug"
    message_nb = (
        "Det oppstod en uventet feil i den lokale databasen. Ingen data er endret av den "
        "mislykkede operasjonen. Send feilrapporten til brukerstøtte."
    )
    message_en = (
        "An unexpected error occurred in the local database. The failed operation changed no "
        "data. Send the error report to support."
    )

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
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StoreLocked(operation)
    if name.startswith("SQLITE_NOTADB") or "file is not a database" in text:
        return WrongKey(operation)
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return Corrupt(operation)
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:  # ENOSPC
        return DiskFull(operation)
    return BugReport(operation, exc)
